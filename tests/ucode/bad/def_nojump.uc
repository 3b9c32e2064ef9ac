; expect: def_nojump.def:23: no 'jump' line
; def: def_nojump.def
; The dispatch rewrite needs a jump line.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
