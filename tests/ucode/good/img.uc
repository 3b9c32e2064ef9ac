; The run-time image of the good-source test: a slot routine, a class routine
; and a routine at org, with labels of the configuration image.
FP:
    ALU=ADD                           ; t <- a + b
    NEXT=JUMP UADDR=TRAP              ; to the configuration image's TRAP
SUB:
    ALU=SUB                           ; replaced SUB
    NEXT=JUMP UADDR=HELP              ; to the helper
org 0x20
HELP:
    WB=RD NEXT=ENDI                   ; rd <- t
