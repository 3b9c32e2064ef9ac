; expect: 7: dispatch for unknown class MUL
; test.def has no class MUL.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch MUL ADD
