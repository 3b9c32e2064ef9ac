; expect: 5: unknown macro A_MUL
; Macros must be defined before use.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
    A_MUL                       ; unknown
macro A_MUL ALU=ADD
