; Accent-V configuration microcode: RV32IM, Zicsr, Zifencei and machine-mode
; traps. Every instruction class has a routine here; its first word sits in
; the dispatch RAM and runs the cycle after the instruction word arrives, with
; rs1/rs2 already on register-file ports A and B (see docs/core.md).
;
; Conventions: a word that ends the instruction (NEXT=END/ENDJ/ENDC) also
; issues the next fetch, so the next instruction's decode cycle follows at
; once. A MEM word loads T with the address (the tval if the access faults);
; MEM words never end an instruction (the port is busy). Register-file reads
; are registered: RSEL in one word chooses what ports A/B show in the next.

macro RD_ALU   WB=RD NEXT=END                       ; rd <- A op B; fetch pc+4
macro IMMB     BSEL=IMM                             ; B = the immediate
macro GO_TRAP  NEXT=JUMP UADDR=TRAP                 ; enter the trap sequence

;; ---------------------------------------------------------------- ALU
LUI:
    ASEL=ZERO IMMB ALU=ADD RD_ALU                   ; rd <- imm
AUIPC:
    ASEL=PC IMMB ALU=ADD RD_ALU                     ; rd <- pc + imm
ADDI:
    IMMB ALU=ADD RD_ALU                             ; rd <- rs1 + imm
SLTI:
    IMMB ALU=SLT RD_ALU                             ; rd <- rs1 < imm (signed)
SLTIU:
    IMMB ALU=SLTU RD_ALU                            ; rd <- rs1 < imm (unsigned)
XORI:
    IMMB ALU=XOR RD_ALU                             ; rd <- rs1 ^ imm
ORI:
    IMMB ALU=OR RD_ALU                              ; rd <- rs1 | imm
ANDI:
    IMMB ALU=AND RD_ALU                             ; rd <- rs1 & imm
SLLI:
    IMMB ALU=SLL RD_ALU                             ; rd <- rs1 << shamt
SRLI:
    IMMB ALU=SRL RD_ALU                             ; rd <- rs1 >> shamt
SRAI:
    IMMB ALU=SRA RD_ALU                             ; rd <- rs1 >>> shamt
ADD:
    ALU=ADD RD_ALU                                  ; rd <- rs1 + rs2
SUB:
    ALU=SUB RD_ALU                                  ; rd <- rs1 - rs2
SLL:
    ALU=SLL RD_ALU                                  ; rd <- rs1 << rs2[4:0]
SLT:
    ALU=SLT RD_ALU                                  ; rd <- rs1 < rs2 (signed)
SLTU:
    ALU=SLTU RD_ALU                                 ; rd <- rs1 < rs2 (unsigned)
XOR:
    ALU=XOR RD_ALU                                  ; rd <- rs1 ^ rs2
SRL:
    ALU=SRL RD_ALU                                  ; rd <- rs1 >> rs2[4:0]
SRA:
    ALU=SRA RD_ALU                                  ; rd <- rs1 >>> rs2[4:0]
OR:
    ALU=OR RD_ALU                                   ; rd <- rs1 | rs2
AND:
    ALU=AND RD_ALU                                  ; rd <- rs1 & rs2

;; ---------------------------------------------------------------- jumps and branches
;; The target leaves through the adder; a target with bit 1 set makes the
;; hardware abandon the word (rd unwritten) and trap with cause 0.
JAL:
    ASEL=PC IMMB ALU=ADD RES=PC4 WB=RD NEXT=ENDJ    ; rd <- pc+4; pc <- pc + imm
JALR:
    IMMB ALU=ADD RES=PC4 WB=RD NEXT=ENDJ            ; rd <- pc+4; pc <- (rs1 + imm) & ~1
;; Not taken: done in the compare word. Taken: one more word for pc + imm.
BEQ:
    ALU=SUB NEXT=ENDC COND=NE UADDR=BTAKEN          ; rs1 != rs2: next; else taken
BNE:
    ALU=SUB NEXT=ENDC COND=EQ UADDR=BTAKEN          ; rs1 == rs2: next; else taken
BLT:
    ALU=SUB NEXT=ENDC COND=GE UADDR=BTAKEN          ; rs1 >= rs2: next; else taken
BGE:
    ALU=SUB NEXT=ENDC COND=LT UADDR=BTAKEN          ; rs1 < rs2: next; else taken
BLTU:
    ALU=SUBU NEXT=ENDC COND=GE UADDR=BTAKEN         ; rs1 >= rs2 unsigned: next; else taken
BGEU:
    ALU=SUBU NEXT=ENDC COND=LT UADDR=BTAKEN         ; rs1 < rs2 unsigned: next; else taken
;; The taken half of every branch.
BTAKEN:
    ASEL=PC IMMB ALU=ADD NEXT=ENDJ                  ; pc <- pc + imm

;; ---------------------------------------------------------------- loads and stores
;; Size and sign come from funct3 in the hardware, so one routine serves all.
;; A misaligned address traps in the MEM word (cause 4/6, tval = address); an
;; unmapped one traps in the word after it (cause 5/7, tval = T).
LOAD:
    IMMB ALU=ADD MEM=LOAD                           ; read at rs1 + imm; T <- address
    RES=LOAD WB=RD NEXT=END                         ; rd <- aligned, extended data
dispatch LB  LOAD
dispatch LH  LOAD
dispatch LW  LOAD
dispatch LBU LOAD
dispatch LHU LOAD
STORE:
    IMMB ALU=ADD MEM=STORE                          ; write rs2 at rs1 + imm; T <- address
    NEXT=END                                        ; (the port is free again) fetch
dispatch SB STORE
dispatch SH STORE
dispatch SW STORE

;; ---------------------------------------------------------------- M extension
;; The product comes from the DSP multiplier (unsigned 32x32); MULH and MULHSU
;; subtract the sign corrections: hi(a*b) = hi_u - (a<0 ? b : 0) - (b<0 ? a : 0).
MUL:
    RES=MUL WB=RD NEXT=END                          ; rd <- product (low or high word)
dispatch MULHU MUL
MULHSU:
    RES=MUL DST=T                                   ; T <- hi_u(rs1 * rs2)
    ASEL=T BSEL=RB ALU=SUBG RD_ALU                  ; rd <- T - (rs1 < 0 ? rs2 : 0)
MULH:
    RES=MUL DST=T                                   ; T <- hi_u(rs1 * rs2)
    ASEL=T BSEL=RB ALU=SUBG DST=T                   ; T <- T - (rs1 < 0 ? rs2 : 0)
    ASEL=T BSEL=RA ALU=SUBG RD_ALU                  ; rd <- T - (rs2 < 0 ? rs1 : 0)
;; Restoring division on magnitudes, one quotient bit a cycle (32 steps);
;; the signs are fixed at the end. 35 cycles with the decode cycle.
DIV:
    ASEL=ZERO BSEL=RA ALU=ABS DST=DIVI              ; Q <- |rs1|, T <- 0, count <- 31
.step:
    ASEL=DIVR BSEL=RB ALU=DSTEP DST=DIVS NEXT=BR COND=CNTNZ UADDR=.step ; {T,Q} step
    ASEL=ZERO BSEL=Q ALU=NEG RD_ALU                 ; rd <- +/- quotient
dispatch DIVU DIV
REM:
    ASEL=ZERO BSEL=RA ALU=ABS DST=DIVI              ; Q <- |rs1|, T <- 0, count <- 31
.step:
    ASEL=DIVR BSEL=RB ALU=DSTEP DST=DIVS NEXT=BR COND=CNTNZ UADDR=.step ; {T,Q} step
    ASEL=ZERO BSEL=T ALU=NEG RD_ALU                 ; rd <- +/- remainder
dispatch REMU REM

;; ---------------------------------------------------------------- A extension
;; Reservations live only on RAM (an address below 0x8000_0000 faults). The
;; AMOs read, keep the old word in AMOTMP, write op(old, rs2) at the address
;; held in T, and only then give rd the old word (a faulting write leaves rd
;; alone). Misaligned or faulting AMOs report store causes (6, 7).
LR:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LR                ; read word at rs1; T <- address
    RES=LOAD WB=RD NEXT=END SPWE=W K=A_RESV         ; rd <- data; reserve T
SC:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=SC                ; if reserved: mem[rs1] <- rs2
    NEXT=BR COND=RESV UADDR=.ok                     ; (the write is checked here)
    ASEL=ZERO BSEL=T ALU=SLTU WB=RD NEXT=END SPWE=W K=A_RESCLR ; rd <- 1 (T != 0); unreserve
.ok:
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=RD NEXT=END SPWE=W K=A_RESCLR ; rd <- 0; unreserve
macro AMO_1   ASEL=RA BSEL=ZERO ALU=ADD MEM=AMOR    ; read word at rs1; T <- address
macro AMO_2   RES=LOAD WB=K K=AMOTMP                ; AMOTMP <- old
macro AMO_3   RSEL=KA K=AMOTMP                      ; port A <- old
macro AMO_FIN ASEL=RA BSEL=ZERO ALU=ADD WB=RD NEXT=END ; rd <- old (the write went through)
AMOSWAP:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=ZERO BSEL=RB ALU=ADD MEM=AMOW              ; mem[T] <- rs2
    AMO_FIN                                         ; rd <- old
AMOADD:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=RA BSEL=RB ALU=ADD MEM=AMOW                ; mem[T] <- old + rs2
    AMO_FIN                                         ; rd <- old
AMOXOR:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=RA BSEL=RB ALU=XOR MEM=AMOW                ; mem[T] <- old ^ rs2
    AMO_FIN                                         ; rd <- old
AMOAND:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=RA BSEL=RB ALU=AND MEM=AMOW                ; mem[T] <- old & rs2
    AMO_FIN                                         ; rd <- old
AMOOR:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=RA BSEL=RB ALU=OR MEM=AMOW                 ; mem[T] <- old | rs2
    AMO_FIN                                         ; rd <- old
;; min/max: compare, then write whichever operand wins.
AMOMIN:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=RA BSEL=RB ALU=SUB NEXT=BR COND=LT UADDR=.old ; old < rs2: keep old
    ASEL=ZERO BSEL=RB ALU=ADD MEM=AMOW NEXT=JUMP UADDR=.fin ; mem[T] <- rs2
.old:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=AMOW              ; mem[T] <- old
.fin:
    AMO_FIN                                         ; rd <- old
AMOMAX:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=RA BSEL=RB ALU=SUB NEXT=BR COND=GE UADDR=.old ; old >= rs2: keep old
    ASEL=ZERO BSEL=RB ALU=ADD MEM=AMOW NEXT=JUMP UADDR=.fin ; mem[T] <- rs2
.old:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=AMOW              ; mem[T] <- old
.fin:
    AMO_FIN                                         ; rd <- old
AMOMINU:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=RA BSEL=RB ALU=SUBU NEXT=BR COND=LT UADDR=.old ; old < rs2 (unsigned): keep old
    ASEL=ZERO BSEL=RB ALU=ADD MEM=AMOW NEXT=JUMP UADDR=.fin ; mem[T] <- rs2
.old:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=AMOW              ; mem[T] <- old
.fin:
    AMO_FIN                                         ; rd <- old
AMOMAXU:
    AMO_1                                           ; read
    AMO_2                                           ; AMOTMP <- old
    AMO_3                                           ; port A <- old
    ASEL=RA BSEL=RB ALU=SUBU NEXT=BR COND=GE UADDR=.old ; old >= rs2 (unsigned): keep old
    ASEL=ZERO BSEL=RB ALU=ADD MEM=AMOW NEXT=JUMP UADDR=.fin ; mem[T] <- rs2
.old:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=AMOW              ; mem[T] <- old
.fin:
    AMO_FIN                                         ; rd <- old

;; ---------------------------------------------------------------- system
FENCE:
    NEXT=END                                        ; one memory, in order: nothing to do
dispatch FENCEI FENCE
ECALL:
    ASEL=ZERO BSEL=ZERO RES=ALU DST=TE GO_TRAP      ; T <- 0; cause <- 8 + mode
EBREAK:
    RES=PC DST=TC K=3 GO_TRAP                       ; T <- pc; cause <- breakpoint
;; Only machine mode may return from a machine trap.
MRET:
    RSEL=KB K=MEPC                                  ; port B <- mepc
    NEXT=BR COND=NOTM UADDR=ILLEGAL                 ; not M: illegal
    ASEL=RBA BSEL=ZERO NEXT=ENDJ SPWE=W K=A_MRET    ; pc <- mepc; mode <- MPP, MIE <- MPIE
;; Only S and M return from a supervisor trap (and S not under mstatus.TSR).
;; The fetch of sepc waits a word, for the new mode: issued with the mode
;; change it would go through the fetch-page register S filled, and a
;; return to U on a supervisor page would run it instead of faulting.
;; (mret needs no such word: M's fetches never fill that register, and
;; entering M forgets it.)
SRET:
    RSEL=KB K=SEPC                                  ; port B <- sepc
    NEXT=BR COND=PRIVBAD UADDR=ILLEGAL              ; U, or S with TSR: illegal
    SPWE=W K=A_SRET                                 ; mode <- SPP, SIE <- SPIE; page registers forgotten
    ASEL=RBA BSEL=ZERO NEXT=ENDJ                    ; pc <- sepc, fetched in the new mode
;; sfence.vma forgets every cached translation, before the next fetch (the
;; next instruction may be on a page whose PTE just changed): the fetch
;; waits a word.
SFENCE:
    NEXT=SEQ                                        ; (a dispatch word may not branch)
    NEXT=BR COND=PRIVBAD UADDR=ILLEGAL              ; U, or S with TVM: illegal
    SPWE=W K=A_SFENCE                               ; flush the page registers
    NEXT=END                                        ; fetch pc+4 through the tables
;; Wait until an interrupt is pending in mip & mie (taken, if enabled, at the
;; next instruction boundary). U mode, and S under mstatus.TW, may not wait.
WFI:
    NEXT=SEQ                                        ; (a dispatch word may not branch)
    NEXT=BR COND=PRIVBAD UADDR=ILLEGAL              ; U, or S with TW: illegal
.wait:
    NEXT=BR COND=NOIRQ UADDR=.wait                  ; nothing pending: wait
    NEXT=END                                        ; go on

;; Illegal instruction: everything no class claims, unimplemented CSRs,
;; CSR accesses the decode cycle refused (privilege, read-only).
ILLEGAL:
    RES=IR DST=TC K=2 GO_TRAP                       ; T <- instruction (16 bits if 16-bit); cause <- 2
dispatch SYS0 ILLEGAL
dispatch SYS4 ILLEGAL
dispatch CUSTOM0 ILLEGAL

;; ---------------------------------------------------------------- traps
;; Entered by a jump, or by the hardware in place of a faulting word, with
;; CAUSE and T (the tval) set. Below M, medeleg/mideleg may send it to S.
TRAP:
    RSEL=KB K=MTVEC NEXT=BR COND=DELEG UADDR=STRAP  ; port B <- mtvec; delegated: to S
    RES=PC WB=KEPC K=MEPC                           ; mepc <- pc
    RES=CAUSE WB=K K=MCAUSE                         ; mcause <- cause
    ASEL=T BSEL=ZERO ALU=ADD WB=K K=MTVAL           ; mtval <- T
    ASEL=RBA BSEL=VEC ALU=ADD NEXT=ENDJ SPWE=W K=A_MTRAP ; pc <- base (+ 4*cause); MPIE <- MIE ...
;; The supervisor half of TRAP.
STRAP:
    RSEL=KB K=STVEC                                 ; port B <- stvec
    RES=PC WB=KEPC K=SEPC                           ; sepc <- pc
    RES=CAUSE WB=K K=SCAUSE                         ; scause <- cause
    ASEL=T BSEL=ZERO ALU=ADD WB=K K=STVAL           ; stval <- T
    ASEL=RBA BSEL=VEC ALU=ADD NEXT=ENDJ SPWE=W K=A_STRAP ; pc <- base (+ 4*cause); SPIE <- SIE ...
;; ---------------------------------------------------------------- Sv32 page walk
;; A fetch whose page is not in the fetch-page register (the instruction
;; before it has retired; pc is the new address) or a memory word whose page
;; is not in the data-page register (the word was abandoned)
;; comes here; the hardware has set the walk's kind, level 1 and the virtual
;; address. The block-RAM TLB is looked at first; on a miss the walk reads
;; the PTEs, sets A/D in memory, fills the TLB and the register and restarts
;; at pc. Faults (page fault 12/13/15, access fault 1/5/7 on a PTE read, tval
;; = the virtual address) are raised by the hardware.
WALK:
    NEXT=SEQ                                        ; the TLB is read at the address's index
    NEXT=BR COND=TLBHIT UADDR=.install              ; hit: the walker takes the entry as its PTE
.level:
    MEM=PTE                                         ; read the PTE; T <- its address
    NEXT=SEQ                                        ; the PTE arrives (kept by the walker)
    NEXT=BR COND=PTEPTR UADDR=.down                 ; pointer: go down (bad PTE: page fault)
    NEXT=BR COND=PTEAD UADDR=.ad                    ; leaf without A (or D): set them
.install:
    SPWE=W K=A_INSTALL                              ; page register <- translation
    ASEL=PC BSEL=ZERO ALU=ADD NEXT=ENDJ SPWE=W K=A_RESTART ; fetch pc again
.down:
    SPWE=W K=A_LEVEL0 NEXT=JUMP UADDR=.level        ; level 0
.ad:
    NEXT=BR COND=FPZ UADDR=FP_ZERO                  ; a zero-fill fault the fast path takes
    NEXT=BR COND=FPC UADDR=FP_COW                   ; a copy-on-write fault it takes
    MEM=AMOW                                        ; PTE <- PTE | A (| D)
    NEXT=JUMP UADDR=.install                        ; (a failing write faults here)

;; ---------------------------------------------------------------- VM fast paths
;; Entry points at fixed slots (fields.def). Until the kernel loads the real
;; routines (build from rtl/wcs/fastpaths.uc) they hand off to C: the fault
;; is the ordinary page fault, and remap returns 0 pages done.
FP_ZERO:
    COND=PTEPTR NEXT=JUMP UADDR=TRAP                ; the walk's page fault (nothing changed)
FP_COW:
    COND=PTEPTR NEXT=JUMP UADDR=TRAP                ; the walk's page fault (nothing changed)
;; remap (custom-1): S mode only; rd <- 0 (the kernel does the work in C).
FP_REMAP:
    NEXT=SEQ                                        ; (a dispatch word may not branch)
    NEXT=BR COND=PRIVBAD UADDR=ILLEGAL              ; not S: illegal
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=RD NEXT=END      ; rd <- 0
dispatch CUSTOM1 FP_REMAP

;; The decode cycle found an interrupt pending and enabled.
IRQ:
    ASEL=ZERO BSEL=ZERO DST=TI GO_TRAP              ; T <- 0; cause <- interrupt
;; The fetch of the instruction at pc hit nothing.
IFAULT:
    RES=PC DST=TC K=1 GO_TRAP                       ; T <- pc; cause <- fetch access fault

;; ---------------------------------------------------------------- CSRs
;; Flip-flop CSRs: one word; rd <- old value, CSR <- op(old, rs1/uimm).
macro CSR_FF  RES=SPR WB=RD ASEL=CSRSRC BSEL=SPR ALU=CSR SPWE=W NEXT=END
CSR_MSTATUS:
    CSR_FF K=S_MSTATUS                              ; rd <- mstatus; mstatus <- op
CSR_MISA:
    RES=SPR K=S_MISA WB=RD NEXT=END                 ; rd <- misa (writes ignored)
CSR_MIE:
    CSR_FF K=S_MIE                                  ; rd <- mie; mie <- op
CSR_MIP:
    CSR_FF K=S_MIP                                  ; rd <- mip; mip <- op (S bits)
CSR_MCOUNTEREN:
    CSR_FF K=S_MCOUNTEREN                           ; rd <- mcounteren; mcounteren <- op
CSR_SCOUNTEREN:
    CSR_FF K=S_SCOUNTEREN                           ; rd <- scounteren; scounteren <- op
CSR_MEDELEG:
    CSR_FF K=S_MEDELEG                              ; rd <- medeleg; medeleg <- op
CSR_MIDELEG:
    CSR_FF K=S_MIDELEG                              ; rd <- mideleg; mideleg <- op
CSR_SSTATUS:
    CSR_FF K=S_SSTATUS                              ; rd <- sstatus; its bits of mstatus <- op
CSR_SIE:
    CSR_FF K=S_SIE                                  ; rd <- sie; delegated mie bits <- op
CSR_SIP:
    CSR_FF K=S_SIP                                  ; rd <- sip; SSIP (if delegated) <- op
CSR_MCYCLE:
    CSR_FF K=S_MCYCLE                               ; rd <- mcycle; mcycle <- op
CSR_MCYCLEH:
    CSR_FF K=S_MCYCLEH                              ; rd <- mcycleh; mcycleh <- op
;; minstret loads a new value from T, as the event counters below do.
CSR_MINSTRET:
    ASEL=CSRSRC BSEL=SPR K=S_MINSTRET ALU=CSR DST=T ; T <- op(minstret)
    RES=SPR K=S_MINSTRET WB=RD SPWE=W NEXT=END      ; rd <- minstret; minstret <- T
CSR_MINSTRETH:
    ASEL=CSRSRC BSEL=SPR K=S_MINSTRETH ALU=CSR DST=T ; T <- op(minstreth)
    RES=SPR K=S_MINSTRETH WB=RD SPWE=W NEXT=END     ; rd <- minstreth; minstreth <- T
;; The fast-path event counters (32 bits: their high halves read zero). A
;; counter loads a new value from T (on the board it is a DSP accumulator).
CSR_MHPMCOUNTER3:
    ASEL=CSRSRC BSEL=SPR K=S_HPM3 ALU=CSR DST=T     ; T <- op(mhpmcounter3)
    RES=SPR K=S_HPM3 WB=RD SPWE=W NEXT=END          ; rd <- mhpmcounter3; mhpmcounter3 <- T
CSR_MHPMCOUNTER4:
    ASEL=CSRSRC BSEL=SPR K=S_HPM4 ALU=CSR DST=T     ; T <- op(mhpmcounter4)
    RES=SPR K=S_HPM4 WB=RD SPWE=W NEXT=END          ; rd <- mhpmcounter4; mhpmcounter4 <- T
;; The VM contract's CSRs (DESIGN.md): enables, event selectors, the last
;; software-refill miss, and the TLB insert port (reads 0).
CSR_FPEN:
    CSR_FF K=S_FPEN                                 ; rd <- fpen; fpen <- op
CSR_FPMISS:
    CSR_FF K=S_FPMISS                               ; rd <- fpmiss; fpmiss <- op
CSR_FPINSERT:
    CSR_FF K=S_FPINSERT                             ; rd <- 0; TLB <- leaf PTE for fpmiss
;; User counters: the machine counters' routines (the decode cycle refuses
;; writes to these read-only views, so they only read).
dispatch CSR_CYCLE CSR_MCYCLE
dispatch CSR_CYCLEH CSR_MCYCLEH
dispatch CSR_INSTRET CSR_MINSTRET
dispatch CSR_INSTRETH CSR_MINSTRETH
dispatch CSR_HPMCOUNTER3 CSR_MHPMCOUNTER3
dispatch CSR_HPMCOUNTER4 CSR_MHPMCOUNTER4
CSR_TIME:
    RES=SPR K=S_TIME WB=RD NEXT=END                 ; rd <- mtime low
CSR_TIMEH:
    RES=SPR K=S_TIMEH WB=RD NEXT=END                ; rd <- mtime high
;; CSRs that read zero and ignore writes.
CSR_ZERO:
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=RD NEXT=END      ; rd <- 0
dispatch CSR_Z_F11 CSR_ZERO
dispatch CSR_Z_SENVCFG CSR_ZERO
dispatch CSR_Z_F12 CSR_ZERO
dispatch CSR_Z_F14 CSR_ZERO
dispatch CSR_Z_MSTATUSH CSR_ZERO
dispatch CSR_Z_MENVCFG CSR_ZERO
dispatch CSR_Z_MENVCFGH CSR_ZERO
dispatch CSR_Z_MCINH CSR_ZERO
dispatch CSR_Z_PMPCFG CSR_ZERO
dispatch CSR_Z_PMPA3B CSR_ZERO
dispatch CSR_Z_PMPA3C CSR_ZERO
dispatch CSR_Z_PMPA3E CSR_ZERO
dispatch CSR_Z_TDATA CSR_ZERO
dispatch CSR_Z_MHPMEV4 CSR_ZERO
dispatch CSR_Z_MHPMEV8 CSR_ZERO
dispatch CSR_Z_MHPMEV16 CSR_ZERO
dispatch CSR_Z_MHPMC4 CSR_ZERO
dispatch CSR_Z_MHPMC8 CSR_ZERO
dispatch CSR_Z_MHPMC16 CSR_ZERO
dispatch CSR_Z_MHPMCH3 CSR_ZERO
dispatch CSR_Z_MHPMCH4 CSR_ZERO
dispatch CSR_Z_MHPMCH8 CSR_ZERO
dispatch CSR_Z_MHPMCH16 CSR_ZERO
dispatch CSR_Z_HPMC4 CSR_ZERO
dispatch CSR_Z_HPMC8 CSR_ZERO
dispatch CSR_Z_HPMC16 CSR_ZERO
dispatch CSR_Z_HPMCH3 CSR_ZERO
dispatch CSR_Z_HPMCH4 CSR_ZERO
dispatch CSR_Z_HPMCH8 CSR_ZERO
dispatch CSR_Z_HPMCH16 CSR_ZERO

;; CSRs kept in the register-file RAM: read the old value in one word, write
;; the new one in the next, hand the old one to rd in the third.
macro CSR_RAM_2  DST=TB ASEL=CSRSRC BSEL=RB ALU=CSR  ; T <- old; new value on the result bus
macro CSR_RAM_3  ASEL=T BSEL=ZERO ALU=ADD WB=RD NEXT=END
CSR_MSCRATCH:
    RSEL=KB K=MSCRATCH                              ; port B <- mscratch
    CSR_RAM_2 WB=K K=MSCRATCH                       ; T <- old; mscratch <- op
    CSR_RAM_3                                       ; rd <- T
CSR_MEPC:
    RSEL=KB K=MEPC                                  ; port B <- mepc
    CSR_RAM_2 WB=KEPC K=MEPC                        ; T <- old; mepc <- op & ~3
    CSR_RAM_3                                       ; rd <- T
CSR_MCAUSE:
    RSEL=KB K=MCAUSE                                ; port B <- mcause
    CSR_RAM_2 WB=K K=MCAUSE                         ; T <- old; mcause <- op
    CSR_RAM_3                                       ; rd <- T
CSR_MTVAL:
    RSEL=KB K=MTVAL                                 ; port B <- mtval
    CSR_RAM_2 WB=K K=MTVAL                          ; T <- old; mtval <- op
    CSR_RAM_3                                       ; rd <- T
CSR_MTVEC:
    RSEL=KB K=MTVEC                                 ; port B <- mtvec
    CSR_RAM_2 WB=KTVEC K=MTVEC                      ; T <- old; mtvec <- op (kept if mode 2/3)
    CSR_RAM_3                                       ; rd <- T
CSR_SSCRATCH:
    RSEL=KB K=SSCRATCH                              ; port B <- sscratch
    CSR_RAM_2 WB=K K=SSCRATCH                       ; T <- old; sscratch <- op
    CSR_RAM_3                                       ; rd <- T
CSR_SEPC:
    RSEL=KB K=SEPC                                  ; port B <- sepc
    CSR_RAM_2 WB=KEPC K=SEPC                        ; T <- old; sepc <- op & ~3
    CSR_RAM_3                                       ; rd <- T
CSR_SCAUSE:
    RSEL=KB K=SCAUSE                                ; port B <- scause
    CSR_RAM_2 WB=K K=SCAUSE                         ; T <- old; scause <- op
    CSR_RAM_3                                       ; rd <- T
CSR_STVAL:
    RSEL=KB K=STVAL                                 ; port B <- stval
    CSR_RAM_2 WB=K K=STVAL                          ; T <- old; stval <- op
    CSR_RAM_3                                       ; rd <- T
CSR_STVEC:
    RSEL=KB K=STVEC                                 ; port B <- stvec
    CSR_RAM_2 WB=KTVEC K=STVEC                      ; T <- old; stvec <- op (kept if mode 2/3)
    CSR_RAM_3                                       ; rd <- T
;; satp lives in flip-flops (the walk and the fetch path use it). A write
;; takes effect at the next instruction's fetch (privileged spec: MODE and
;; ASID changes need no sfence.vma), so the fetch waits a word: an ending
;; word would issue it through the old satp and fetch-page register.
CSR_SATP:
    RES=SPR WB=RD ASEL=CSRSRC BSEL=SPR ALU=CSR SPWE=W K=S_SATP    ; rd <- satp; satp <- op
    NEXT=END                                        ; fetch pc+4 through the new satp

;; fpevent3/4 are the supervisor views of mhpmevent3/4: one word each (the
;; core keeps a copy of bits 5:0, which choose what hpmcounter3/4 count).
CSR_FPEVENT3:
    RSEL=KB K=FPEV3                                 ; port B <- fpevent3
    CSR_RAM_2 WB=K K=FPEV3                          ; T <- old; fpevent3 <- op
    CSR_RAM_3                                       ; rd <- T
CSR_FPEVENT4:
    RSEL=KB K=FPEV4                                 ; port B <- fpevent4
    CSR_RAM_2 WB=K K=FPEV4                          ; T <- old; fpevent4 <- op
    CSR_RAM_3                                       ; rd <- T
dispatch CSR_MHPMEVENT3 CSR_FPEVENT3
dispatch CSR_MHPMEVENT4 CSR_FPEVENT4
CSR_FPFRAMES:
    RSEL=KB K=FPFRAMES                              ; port B <- fpframes
    CSR_RAM_2 WB=K K=FPFRAMES                       ; T <- old; fpframes <- op
    CSR_RAM_3                                       ; rd <- T
CSR_FPFREE:
    RSEL=KB K=FPFREE                                ; port B <- fpfree
    CSR_RAM_2 WB=K K=FPFREE                         ; T <- old; fpfree <- op
    CSR_RAM_3                                       ; rd <- T
;; ---------------------------------------------------------------- the load port
;; ucaddr and ucdatalo are plain register-file CSRs; writing ucdatahi stores
;; {ucdatahi, ucdatalo} at ucaddr (bit 31: dispatch entry, else control store).
CSR_UCADDR:
    RSEL=KB K=UCADDR                                ; port B <- ucaddr
    CSR_RAM_2 WB=K K=UCADDR                         ; T <- old; ucaddr <- op
    CSR_RAM_3                                       ; rd <- T
CSR_UCDATALO:
    RSEL=KB K=UCDATALO                              ; port B <- ucdatalo
    CSR_RAM_2 WB=K K=UCDATALO                       ; T <- old; ucdatalo <- op
    CSR_RAM_3                                       ; rd <- T
;; ucdatahi reads zero.
CSR_UCDATAHI:
    ASEL=CSRSRC BSEL=ZERO ALU=ADD DST=T RSEL=KA K=UCADDR ; T <- rs1/uimm; port A <- ucaddr
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=RD RSEL=KB K=UCDATALO ; rd <- 0; port B <- ucdatalo
    SPWE=W K=S_WCS NEXT=END                         ; word at ucaddr <- {T, ucdatalo}
