; The assembler's good-source test: every construct once.
macro A_ADD    ALU=ADD WB=RD          ; rd <- a + b
macro A_LOADRD A_ADD MEM=RD           ; a macro that uses a macro

;; ------------------------------------------------ arithmetic
;; Register add.
ADD:
    A_ADD NEXT=ENDI                   ; rd <- rs1 + rs2; fetch next
SUB:
    ALU=SUB                           ; t <- rs1 - rs2
    WB=RD NEXT=ENDI                   ; rd <- t
LOAD:
    A_LOADRD IMM=0x7ff                ; addr <- rs1 + imm
.wait:
    NEXT=BR UADDR=.wait               ; wait for the bus
    WB=RD NEXT=ENDI                   ; rd <- data
dispatch LW LOAD
dispatch CSR_* TRAP                   ; every CSR_ class traps
;; ------------------------------------------------ traps
ILLEGAL:
    NEXT=JUMP UADDR=TRAP              ; illegal instruction
TRAP:
    IMM=-1                            ; cause
    NEXT=ENDI                         ; go
FP: NEXT=JUMP UADDR=TRAP              ; a label may share its word's line
