; expect: 8: class SUB dispatched twice
; One class, two dispatch lines.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch SUB ADD
dispatch SUB ILLEGAL
