; expect: 9: class SUB has two routines
; SUB names a routine by its label and by a dispatch line.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
SUB:
    ALU=SUB NEXT=ENDI           ; rd <- rs1 - rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
