; expect: 8: undefined label .loop
; A local label is visible only inside its routine.
ADD:
.loop:
    ALU=ADD NEXT=BR UADDR=.loop ; spin
    NEXT=ENDI                   ; done
ILLEGAL:
    NEXT=JUMP UADDR=.loop       ; not ours
dispatch SUB ADD
