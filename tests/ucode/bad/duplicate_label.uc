; expect: 7: duplicate label ADD
; Two routines of one name.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
ADD:
    NEXT=ENDI                   ; again
