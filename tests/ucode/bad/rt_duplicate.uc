; expect: 7: duplicate label TRAP (defined in the base image)
; def: ../good/test.def
; base: ../good/prog.uc
; A run-time image may not redefine a label of the configuration image
; (slot routines aside).
org 0x20
TRAP:
    NEXT=ENDI                   ; again
dispatch SUB TRAP
