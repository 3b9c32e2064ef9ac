; expect: 10: routine B at 0x21 overlaps routine A
; def: ../good/test.def
; base: ../good/prog.uc
; Two org regions of one image may not overlap.
org 0x20
A:
    ALU=ADD                     ; t <- a + b
    NEXT=JUMP UADDR=B           ; on
org 0x21
B:
    NEXT=JUMP UADDR=A           ; back
dispatch SUB A
