; expect: 4: value 4096 too large for field IMM (12 bits)
; IMM is 12 bits wide.
ADD:
    ALU=ADD IMM=4096 NEXT=ENDI  ; too big
