; expect: 6: label ILLEGAL in field IMM, which is not an address field
; Labels go only in address fields.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    IMM=ILLEGAL NEXT=ENDI       ; wrong field
dispatch SUB ADD
