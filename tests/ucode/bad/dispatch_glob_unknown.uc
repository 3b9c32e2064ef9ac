; expect: 7: dispatch for unknown class MUL*
; A class pattern in a dispatch line must match at least one class.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB MUL* ADD
