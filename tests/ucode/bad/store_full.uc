; expect: 6: image larger than the control store: no room for routine ILLEGAL (17 words)
; test.def has 16 words; ILLEGAL needs 17 (its first word goes to the dispatch RAM).
ADD:
    ALU=ADD NEXT=ENDI           ; rd <- rs1 + rs2
dispatch SUB ADD
ILLEGAL:
    IMM=1                       ; 1
    IMM=2                       ; 2
    IMM=3                       ; 3
    IMM=4                       ; 4
    IMM=5                       ; 5
    IMM=6                       ; 6
    IMM=7                       ; 7
    IMM=8                       ; 8
    IMM=9                       ; 9
    IMM=10                      ; 10
    IMM=11                      ; 11
    IMM=12                      ; 12
    IMM=13                      ; 13
    IMM=14                      ; 14
    IMM=15                      ; 15
    IMM=16                      ; 16
    IMM=17                      ; 17
    NEXT=ENDI                   ; 18
