; expect: def_pattern.def:23: pattern of class SUB has 31 bits, not 32
; def: def_pattern.def
; Patterns have 32 bits.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
