; expect: 3: org is only for run-time images
; The configuration image is placed by the assembler.
org 4
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
