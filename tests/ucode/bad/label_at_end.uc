; expect: 5: label .tail has no microinstruction after it
; A local label needs a word to name.
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
.tail:
ILLEGAL:
    NEXT=ENDI                   ; ignore
