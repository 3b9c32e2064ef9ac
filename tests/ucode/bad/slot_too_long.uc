; expect: 8: routine FP (3 words) does not fit its slot (2 words)
; def: slot.def
; The FP slot of slot.def reserves 2 words.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
FP:
    IMM=1                       ; 1
    IMM=2                       ; 2
    NEXT=ENDI                   ; 3
dispatch SUB ADD
