; expect: def_overlap.def:16: field IMM overlaps field ALU
; def: def_overlap.def
; Fields may not overlap.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
