; expect: 7: label HELPER is never used
; A routine that no class, entry, slot or jump reaches.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
HELPER:
    NEXT=ENDI                   ; dead code
dispatch SUB ADD
