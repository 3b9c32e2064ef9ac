; expect: 7: undefined label NOWHERE
; def: ../good/test.def
; base: ../good/prog.uc
; Labels resolve in the image, then in the base image's symbol file.
FP:
    ALU=ADD                     ; t <- a + b
    NEXT=JUMP UADDR=NOWHERE     ; lost
