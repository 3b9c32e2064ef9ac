; expect: 3: label ADD has no microinstruction after it
; Two global labels in a row: ADD would be an empty routine.
ADD:
SUB:
    ALU=SUB NEXT=ENDI           ; rd <- rs1 - rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
dispatch ADD SUB
