; expect: def_value.def:10: value 4 too large for field NEXT (2 bits)
; def: def_value.def
; Named values must fit their field.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
