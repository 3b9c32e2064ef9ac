; expect: 5: label .spare is never used
; A local label nobody jumps to.
ADD:
    ALU=ADD                     ; t <- rs1 + rs2
.spare:
    NEXT=ENDI                   ; rd <- t
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
