; expect: 6: duplicate label .x
; A local label twice in one routine.
ADD:
.x:
    ALU=ADD NEXT=BR UADDR=.x    ; spin
.x:
    NEXT=ENDI                   ; done
