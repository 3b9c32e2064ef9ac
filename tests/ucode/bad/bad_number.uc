; expect: 4: bad number '0x1g'
; Not a hex number.
ADD:
    ALU=ADD IMM=0x1g NEXT=ENDI  ; typo
