; expect: def_dispatch.def:24: class ILLEGAL does not fit the dispatch RAM (2 entries)
; def: def_dispatch.def
; Three classes, two dispatch entries.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
