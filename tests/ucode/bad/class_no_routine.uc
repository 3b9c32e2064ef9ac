; expect: test.def:25: class SUB has no routine
; Class SUB (test.def line 25) has neither a label nor a dispatch line.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
ILLEGAL:
    NEXT=ENDI                   ; ignore
