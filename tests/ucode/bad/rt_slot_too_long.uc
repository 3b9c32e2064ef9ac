; expect: 5: routine FP (5 words) does not fit its slot (4 words)
; def: ../good/test.def
; base: ../good/prog.uc
; The configuration image reserved 4 words for the FP slot.
FP:
    IMM=1                       ; 1
    IMM=2                       ; 2
    IMM=3                       ; 3
    IMM=4                       ; 4
    NEXT=JUMP UADDR=TRAP        ; 5
