; expect: 6: address 0x4 of FAR too large for field UADDR (2 bits)
; def: narrow.def
; narrow.def's UADDR reaches words 0 to 3 only; FAR lands at 4.
ADD:
    ALU=ADD                     ; t <- rs1 + rs2
    NEXT=JUMP UADDR=FAR         ; too far
ILLEGAL:
    IMM=1                       ; 1
    IMM=2                       ; 2
    IMM=3                       ; 3
    NEXT=ENDI                   ; 4
FAR:
    NEXT=ENDI                   ; at word 4
dispatch SUB ADD
