; expect: 4: first word of class routine ADD sets UADDR, which its dispatch jump needs
; The dispatch rewrite needs UADDR for the routine's second word.
ADD:
    ALU=ADD UADDR=3             ; t <- rs1 + rs2
    NEXT=ENDI                   ; rd <- t
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
