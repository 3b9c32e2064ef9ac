; expect: def_star2.def:24: second catch-all class ILLEGAL (first: SUB)
; def: def_star2.def
; Exactly one catch-all class.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
