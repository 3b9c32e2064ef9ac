; expect: 6: undefined label NOWHERE
; A jump to a label nobody defines.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=JUMP UADDR=NOWHERE     ; lost
dispatch SUB ADD
