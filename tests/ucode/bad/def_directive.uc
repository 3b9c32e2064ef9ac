; expect: def_directive.def:20: unknown directive 'goto'
; def: def_directive.def
; fields.def knows no goto.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
