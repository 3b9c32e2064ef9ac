; expect: 4: value -2049 too large for field IMM (12 bits)
; A negative number must fit the field as two's complement.
ADD:
    ALU=ADD IMM=-2049 NEXT=ENDI ; too small
