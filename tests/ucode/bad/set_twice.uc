; expect: 4: field ALU set twice
; One field, two values.
ADD:
    ALU=ADD ALU=SUB NEXT=ENDI   ; which?
