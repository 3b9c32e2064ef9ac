; expect: 7: routine ILLEGAL falls off its end
; The last word of ILLEGAL continues (NEXT defaults to SEQ).
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
    IMM=1                       ; and then?
dispatch SUB ADD
