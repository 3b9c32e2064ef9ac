; expect: 4: unknown value MUL for field ALU
; ALU has no value MUL.
ADD:
    ALU=MUL NEXT=ENDI           ; rd <- rs1 * rs2
