; expect: 4: first word of class routine ADD falls through
; A branch's fall-through has nowhere to go from the dispatch RAM.
ADD:
    ALU=ADD NEXT=BR UADDR=.done ; maybe skip
    IMM=1                       ; t <- 1
.done:
    NEXT=ENDI                   ; rd <- t
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
