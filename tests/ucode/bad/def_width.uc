; expect: def_width.def:16: field IMM (32:12) passes width 32
; def: def_width.def
; Fields must fit the width.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
