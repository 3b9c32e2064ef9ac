; Accent-V VM fast paths (DESIGN.md, "Virtual memory and the microcode fast
; paths"): the zero-fill and copy-on-write fault routines and remap
; (custom-1), as a run-time image. The kernel links the image
; (av_ucode_fastpaths[], built by firmware/firmware.mk) and has the M-mode
; shim load it through the load port; the configuration image's slots hand
; off to C until then.
;
; The fault routines are entered from the walk (rv32.uc, WALK .ad) when the
; hardware has found a level-0 fault of a U-mode access that the contract's
; encodings and permissions let a fast path take (COND=FPZ/FPC): T holds the
; PTE's physical address, the walker holds the PTE, the walk's kind and
; virtual address. Every check comes before any write; a check that fails
; hands the fault to C (FP_HAND) with nothing changed. Memory words here are
; physical words (the walk's mode); BSEL=VEC is the word's UADDR constant.
;
; A fault routine that served its fault counts it in the kernel's
; statistics (VM contract ST_*, through the word before the frame table):
; zero-fill and copy-on-write count themselves and add their own cycles,
; from an A_STAMP in their third word (spr_q holds it: no register is free
; through the copy) to the one in FP_CNT; refill cannot afford a memory
; write, and the kernel counts its walks and cycles in hpmcounter4/3.
;
; Register-file temporaries: FP0 &PTE, FP1 PTE, FP2 PPN, FP3 &count[PPN],
; FP4 the stack's count after the pop, FP5 scratch, FP6 the old frame's
; count - 1, FP7 &count[old], FP8 the old page, FP9 scratch (&stats while
; the counts are made).

macro KC       BSEL=VEC                             ; B = the UADDR constant

;; Give the fault to C: the walk's page fault, raised by a word with
;; COND=PTEPTR that does not branch (the walker still holds the PTE).
FP_HAND:
    COND=PTEPTR NEXT=JUMP UADDR=TRAP                ; page fault (nothing changed)

;; A check of FP_FRAME or FP_POPCHK failed: in a fault routine (the walker
;; still holds the fault the hardware let a fast path take) C takes the
;; fault; in remap (S mode: no such fault) the page is not taken.
FP_FAIL:
    NEXT=BR COND=FPZ UADDR=FP_HAND                  ; zero-fill fault: to C
    NEXT=BR COND=FPC UADDR=FP_HAND                  ; copy-on-write fault: to C
    NEXT=JUMP UADDR=R_STOP                          ; remap: stop here

;; A frame's entry in the frame table (T = the PPN, port B = &frame table):
;; FP2 <- PPN, FP3 <- &count[PPN]; a PPN outside the table goes to C.
FP_FRAME:
    ASEL=T BSEL=ZERO ALU=ADD WB=K K=FP2             ; FP2 <- PPN
    ASEL=RBA BSEL=ZERO ALU=ADD MEM=LOAD RSEL=KA K=FP2 ; read the table's base PPN; A <- PPN
    RES=LOAD DST=T                                  ; T <- base
    ASEL=RA BSEL=T ALU=SUB WB=K K=FP3               ; FP3 <- index = PPN - base
    ASEL=RBA KC UADDR=4 ALU=ADD MEM=LOAD RSEL=KA K=FP3 ; read the number of frames; A <- index
    RES=LOAD DST=T                                  ; T <- frames
    ASEL=RA BSEL=T ALU=SUBU NEXT=BR COND=GE UADDR=FP_FAIL ; index >= frames: C
    ASEL=RA BSEL=RA ALU=ADD DST=T                   ; T <- 2 index
    ASEL=T BSEL=T ALU=ADD DST=T                     ; T <- 4 index
    ASEL=T BSEL=RB ALU=ADD DST=T                    ; T <- table + 4 index
    ASEL=T KC UADDR=8 ALU=ADD DST=T WB=K K=FP3 NEXT=RET ; T, FP3 <- &count[PPN]

;; The shared end of the fault routines: T = the new PTE without A and D,
;; port A = its address. Write it, take it into the walker, let the walk's
;; A/D write add A (and D for a store), forget stale data translations,
;; install the page and retry the instruction.
macro FIN_1  ASEL=T BSEL=ZERO ALU=ADD WB=K K=FP5     ; FP5 <- new PTE
macro FIN_2  RSEL=KB K=FP5                           ; B <- it
macro FIN_3  ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE     ; PTE <- new
macro FIN_4  ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD      ; read it back (T <- &PTE)
macro FIN_5  SPWE=W K=A_SETPTE                       ; the walker's PTE <- it
macro FIN_6  MEM=AMOW SPWE=W K=A_DFLUSH              ; PTE |= A (| D); no stale data translation
macro FIN_7  SPWE=W K=A_INSTALL                      ; page register, TLB <- new
macro FIN_8  ASEL=PC BSEL=ZERO ALU=ADD NEXT=ENDJ SPWE=W K=A_FPRESTART ; retry it (no interrupt first)
FP_FIN:
    FIN_1                                           ; FP5 <- new PTE
    FIN_2                                           ; B <- it
    FIN_3                                           ; PTE <- new
    FIN_4                                           ; read it back
    FIN_5                                           ; the walker's PTE <- it
    FIN_6                                           ; A (D); forget stale data translations
    FIN_7                                           ; install
    FIN_8                                           ; retry

;; Zero-fill fault: pop a frame, count 1, zero it, install the PTE (the
;; page's R/W/X/U, A, D on a store).
FP_ZERO:
    ASEL=T BSEL=ZERO ALU=ADD MEM=LOAD WB=K K=FP0     ; read the PTE; FP0 <- &PTE
    RES=LOAD DST=T WB=K K=FP1                       ; T, FP1 <- PTE
    ASEL=T KC UADDR=9 ALU=SRL DST=T SPWE=W K=A_STAMP ; T <- its PPN field and bit 9; the start
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=FP_HAND ; not 0: not zero-fill, to C
    NEXT=CALL UADDR=FP_POPCHK                       ; a frame to pop (or C)
    ; every check is done: now the writes
    NEXT=CALL UADDR=FP_POPW                         ; pop; count[new] <- 1; A <- new PPN
    ASEL=RA KC UADDR=12 ALU=SLL WB=K K=FP5          ; FP5 <- the new page
    RSEL=KA K=FP5                                   ; A <- page
    RSEL=KB K=S_ZERO                                ; B <- 0 (x0)
    SPWE=W K=A_PAGE                                 ; page loop over its 1024 words
.zero:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE NEXT=BR COND=CNTNZ UADDR=.zero ; word <- 0
    NEXT=CALL UADDR=FP_STATS                        ; FP9 <- &stats
    ASEL=ZERO KC UADDR=116 ALU=ADD DST=T            ; T <- ST_PAGES_FRAMED
    NEXT=CALL UADDR=FP_INC RSEL=KA K=FP9            ; a page given a frame (A <- its counter)
    ASEL=RA KC UADDR=76 ALU=ADD MEM=LOAD WB=K K=FP4 ; read ST_CYC_ZFILL (116 + 76); FP4 <- its address
    RES=LOAD DST=T RSEL=KA K=FP4 NEXT=CALL UADDR=FP_CNT ; a zero-fill fault served, its cycles
    RSEL=KA K=FP2                                   ; A <- PPN
    ASEL=RA KC UADDR=10 ALU=SLL DST=T RSEL=KA K=FP1 ; T <- PPN << 10; A <- old PTE
    ASEL=RA KC UADDR=0x1E ALU=AND WB=K K=FP5        ; FP5 <- its R W X U
    ASEL=T KC UADDR=1 ALU=OR DST=T RSEL=KB K=FP5    ; T <- PPN | V; B <- R W X U
    ASEL=T BSEL=RB ALU=OR DST=T RSEL=KA K=FP0 NEXT=JUMP UADDR=FP_FIN ; T <- new PTE; A <- &PTE

;; The checks of a pop (nothing written): the stack is not empty and the top
;; frame is in the frame table. FP4 <- count - 1, FP2 <- PPN, FP3 <- &count.
;; (Called; it ends in FP_FRAME's return.)
FP_POPCHK:
    RSEL=KA K=FPFREE                                ; A <- &stack
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD              ; read its count
    RES=LOAD DST=T                                  ; T <- count
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=FP_FAIL ; empty: C
    ASEL=T KC UADDR=1 ALU=SUB WB=K K=FP4            ; FP4 <- count - 1
    ASEL=T BSEL=T ALU=ADD DST=T                     ; T <- 2 count
    ASEL=T BSEL=T ALU=ADD DST=T                     ; T <- 4 count
    ASEL=T BSEL=RA ALU=ADD DST=T                    ; T <- &stack + 4 count
    ASEL=T KC UADDR=4 ALU=ADD MEM=LOAD              ; read entry count-1 (&stack + 8 + 4 (count-1))
    RES=LOAD DST=T RSEL=KB K=FPFRAMES               ; T <- PPN; B <- &frame table
    NEXT=JUMP UADDR=FP_FRAME                        ; its count's address (returns to the caller)

;; The writes of a pop: stack count <- FP4, count[FP2] <- 1; A <- FP2 after.
FP_POPW:
    RSEL=KA K=FPFREE                                ; A <- &stack
    RSEL=KB K=FP4                                   ; B <- count - 1
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE             ; pop
    ASEL=ZERO KC UADDR=1 ALU=ADD WB=K K=FP9         ; FP9 <- 1
    RSEL=KA K=FP3                                   ; A <- &count[new]
    RSEL=KB K=FP9                                   ; B <- 1
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KA K=FP2 ; count[new] <- 1; A <- new PPN
    NEXT=RET                                        ; (A arrives)

;; The fault routines' statistics (VM contract: ST_*): the kernel's struct
;; av_stats, whose physical address is the word just before the frame
;; table. FP_STATS: FP9 (and T) <- that address. FP_INC: port A = the
;; address, T = a counter's offset there; the counter + 1, port A left at
;; the counter's address (uses FP4, FP5).
FP_STATS:
    RSEL=KB K=FPFRAMES                              ; B <- &frame table
    ASEL=RBA KC UADDR=4 ALU=SUB MEM=LOAD            ; read the word before it
    RES=LOAD DST=T WB=K K=FP9 NEXT=RET              ; T, FP9 <- &stats
FP_INC:
    ASEL=RA BSEL=T ALU=ADD MEM=LOAD WB=K K=FP4      ; read the counter; FP4 <- its address
    RES=LOAD DST=T RSEL=KA K=FP4                    ; T <- it; A <- its address
    ASEL=T KC UADDR=1 ALU=ADD WB=K K=FP5            ; FP5 <- it + 1
    RSEL=KB K=FP5                                   ; B <- it + 1
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE NEXT=RET    ; counter <- it + 1
;; FP_CNT: T = a kind's cycle sum (ST_CYC_*), port A arriving = its address,
;; spr_q = the routine's start: the sum + the cycles since, the kind's count
;; (ST_CYC_DIST bytes before) + 1. A <- FP1 after (uses FP5).
FP_CNT:
    ASEL=T BSEL=SPR ALU=SUB DST=T SPWE=W K=A_STAMP  ; T <- sum - start; spr_q <- now
    ASEL=T BSEL=SPR ALU=ADD WB=K K=FP5              ; FP5 <- sum + now - start
    ASEL=RA KC UADDR=20 ALU=SUB MEM=LOAD RSEL=KB K=FP5 ; read the count; B <- the sum
    RES=LOAD DST=T                                  ; T <- count
    ASEL=T KC UADDR=1 ALU=ADD WB=K K=FP5            ; FP5 <- count + 1 (B holds the sum)
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KB K=FP5 ; sum <- it; B <- count + 1
    ASEL=RA KC UADDR=20 ALU=SUB MEM=STORE NEXT=RET RSEL=KA K=FP1 ; count <- it; A <- FP1

;; Copy-on-write fault (a store to a V=1, W=0, bit-8 PTE): count 1 makes the
;; PTE writable; otherwise pop a frame, copy the page, drop the old frame's
;; count and install the copy writable.
FP_COW:
    ASEL=T BSEL=ZERO ALU=ADD MEM=LOAD WB=K K=FP0     ; read the PTE; FP0 <- &PTE
    RES=LOAD DST=T WB=K K=FP1                       ; T, FP1 <- PTE
    ASEL=T KC UADDR=10 ALU=SRL DST=T SPWE=W K=A_STAMP ; T <- old PPN; the start
    NEXT=CALL UADDR=FP_FRAME RSEL=KB K=FPFRAMES     ; FP2, FP3 <- old PPN, &count (or C)
    ; (port B still holds &frame table: the statistics' address comes
    ; with the count, for the last sharer's counter)
    ASEL=RBA KC UADDR=4 ALU=SUB MEM=LOAD RSEL=KA K=FP3 ; read &stats; A <- &count[old]
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD RES=LOAD WB=K K=FP9 ; read the count; FP9 <- &stats
    RES=LOAD DST=T RSEL=KA K=FP1                    ; T <- count; A <- PTE
    ASEL=T KC UADDR=1 ALU=SUB DST=T WB=K K=FP6      ; T, FP6 <- count - 1
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=FP_COWCOPY RSEL=KA K=FP9 ; shared: copy; A <- &stats
    ; the last sharer: counted with its cycles (ST_CYC_LAST), then the
    ; same frame, writable; G A D and bit 8 cleared
    ASEL=RA KC UADDR=200 ALU=ADD MEM=LOAD WB=K K=FP4 ; read the sum; FP4 <- its address
    RES=LOAD DST=T RSEL=KA K=FP4 NEXT=CALL UADDR=FP_CNT ; T <- it; its count; A <- PTE
    ASEL=RA KC UADDR=0x1E0 ALU=AND DST=T            ; T <- PTE & (G A D bit 8)
    ASEL=RA BSEL=T ALU=SUB DST=T                    ; T <- PTE without them
    ASEL=T KC UADDR=5 ALU=OR DST=T RSEL=KA K=FP0    ; T <- | W | V; A <- &PTE
    FIN_1                                           ; (FP_FIN, in line: the fast case)
    FIN_2                                           ; B <- it
    FIN_3                                           ; PTE <- new
    FIN_4                                           ; read it back
    FIN_5                                           ; the walker's PTE <- it
    FIN_6                                           ; A, D; forget stale data translations
    FIN_7                                           ; install
    FIN_8                                           ; retry
;; (the copy: a routine of its own, outside FP_COW's slot)
FP_COWCOPY:
    RSEL=KA K=FP2                                   ; A <- old PPN
    ASEL=RA KC UADDR=12 ALU=SLL WB=K K=FP8          ; FP8 <- old page
    RSEL=KA K=FP3                                   ; A <- &count[old]
    ASEL=RA BSEL=ZERO ALU=ADD WB=K K=FP7 NEXT=CALL UADDR=FP_POPCHK ; FP7 <- it; a frame (or C)
    ; every check is done: now the writes. The page copied may be the one
    ; the program runs from: the fetch page register goes too (A_SFENCE), so
    ; the retried store's fetch walks to the new frame (fpatom_q keeps that
    ; step free of interrupts)
    NEXT=CALL UADDR=FP_POPW SPWE=W K=A_SFENCE       ; no stale translation; pop; count[new] <- 1; A <- new PPN
    ASEL=RA KC UADDR=12 ALU=SLL WB=K K=FP5          ; FP5 <- the new page
    RSEL=KA K=FP7                                   ; A <- &count[old]
    RSEL=KB K=FP6                                   ; B <- count - 1
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KA K=FP8 ; count[old] <- count - 1; A <- old page
    RSEL=KB K=FP5                                   ; B <- new page
    SPWE=W K=A_PAGE                                 ; page loop over 1024 words
.loop:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD DST=TB       ; read the old page's word; T <- new page
    MEM=AMOW RES=LOAD NEXT=BR COND=CNTNZ UADDR=.loop ; the new page's word <- it
    NEXT=CALL UADDR=FP_STATS                        ; FP9 <- &stats
    ASEL=ZERO KC UADDR=116 ALU=ADD DST=T            ; T <- ST_PAGES_FRAMED
    NEXT=CALL UADDR=FP_INC RSEL=KA K=FP9            ; a page given a frame
    ASEL=ZERO KC UADDR=124 ALU=ADD DST=T            ; T <- ST_PAGES_COPIED
    NEXT=CALL UADDR=FP_INC RSEL=KA K=FP9            ; a shared page copied by a fault (A <- its counter)
    ASEL=RA KC UADDR=72 ALU=ADD MEM=LOAD WB=K K=FP4 ; read ST_CYC_COPY (124 + 72); FP4 <- its address
    RES=LOAD DST=T RSEL=KA K=FP4 NEXT=CALL UADDR=FP_CNT ; a copy served, its cycles
    RSEL=KA K=FP2                                   ; A <- new PPN
    ASEL=RA KC UADDR=10 ALU=SLL DST=T RSEL=KA K=FP1 ; T <- PPN << 10; A <- old PTE
    ASEL=RA KC UADDR=0x1A ALU=AND WB=K K=FP5        ; FP5 <- its R X U
    ASEL=T KC UADDR=5 ALU=OR DST=T RSEL=KB K=FP5    ; T <- PPN | W | V; B <- R X U
    ASEL=T BSEL=RB ALU=OR DST=T RSEL=KA K=FP0 NEXT=JUMP UADDR=FP_FIN ; T <- new PTE; A <- &PTE

;; ---------------------------------------------------------------- remap
;; custom-1 (S mode; rs1 = physical address of the descriptor {src satp, src
;; va, dst satp, dst va, pages}): rd <- pages done, 0 with fpen bit 3 clear,
;; -1 for a malformed descriptor (nothing changed). Per page: the source must
;; be a present level-0 leaf of a frame in the frame table, the destination
;; hold no mapping; every check comes before the page's writes. The
;; destination gets the source PTE without A and D; a writable or
;; copy-on-write source leaves both W=0 with bit 8 set; the frame's count
;; rises; a missing destination table is popped, zeroed, counted and linked.
;; Stops at the first page it cannot take. At the end the TLB and the page
;; registers are flushed (the source's stale entries go with them).
;;
;; Speed: the pages go in runs. A run starts where a 4 MiB span starts on
;; either side (and at the first page): R_RUN walks level 1 on both sides
;; (making a missing destination table, after that page's source checks)
;; and works out the run's end, the last page before either side's table
;; page ends or the pages run out. Within a run the PTE addresses step by 4
;; and the destination's lies a fixed distance D from the source's, so the
;; loop (R_GO .x .. .l1 and on, 20 cycles a page; 28 for a writable source)
;; keeps one pointer and its checks lean on constants R_SETUP computed:
;; the frame test is (PTE - base << 10) <u frames << 10 (the table's header
;; describes PPNs below 2^22, as Sv32 PPNs are), the count's address is
;; that difference >> 8 plus &count[base] (its RSW bits land in address
;; bits 1:0, which physical words ignore), and the V+leaf test shifts a mask
;; of the valid U X W R V patterns left by the PTE's low five bits, so that
;; the pattern's bit lands in the sign. A destination PTE other than 0 gets
;; the full test (V and bits 8, 9 clear: no mapping) out of line.
;;
;; Registers: FP0 &descriptor, FP1 / FP5 src / dst va of the next page (in a
;; run: less (its src PTE address << 10)), FP6 src end, FP7 / FP8 src / dst
;; root table, Q the distance D; R_SETUP's constants FP2 base << 10, FP3
;; frames << 10, FP4 &count[base], FP9 the leaf mask, AMOTMP 0xFFC;
;; register-file words 53 the src PTE address, 52 the run's last one (and
;; the dst L1 address before), 54 the src PTE, 50 &count, 51 count + 1, the
;; new dst PTE (and the dst table / PTE address before) (K 50-54 name
;; actions and flip-flop CSRs only with SPWE or SPR; 48, 49 hold fpevent3/4).
FP_REMAP:
    ASEL=RA BSEL=ZERO ALU=ADD WB=K K=FP0            ; FP0 <- &descriptor
    NEXT=BR COND=PRIVBAD UADDR=ILLEGAL              ; not S: illegal
    SPWE=W K=A_PHYS                                 ; physical words from here
    ASEL=ZERO KC UADDR=8 ALU=ADD DST=T              ; T <- 8 (fpen bit 3)
    ASEL=T BSEL=SPR K=S_FPEN ALU=AND DST=T           ; T <- fpen bit 3
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=R_ZERO ; remap off: rd <- 0
    ASEL=RA KC UADDR=3 ALU=AND DST=T                ; T <- desc & 3
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=R_BAD ; unaligned: -1
    RSEL=KB K=FPFRAMES                              ; B <- &frame table (RAM: its frames)
    ASEL=RBA BSEL=ZERO ALU=ADD MEM=LOAD             ; read base PPN
    RES=LOAD DST=T                                  ; T <- base
    ASEL=T KC UADDR=12 ALU=SLL DST=T WB=K K=FP9     ; T, FP9 <- RAM start
    ASEL=RA BSEL=T ALU=SUBU NEXT=BR COND=LT UADDR=R_BAD ; below RAM: -1
    ASEL=RBA KC UADDR=4 ALU=ADD MEM=LOAD RSEL=KB K=FP9 ; read frames; B <- RAM start
    RES=LOAD DST=T                                  ; T <- frames
    ASEL=T KC UADDR=12 ALU=SLL DST=T                ; T <- RAM size
    ASEL=T BSEL=RB ALU=ADD DST=T                    ; T <- RAM end
    ASEL=T KC UADDR=20 ALU=SUB DST=T                ; T <- RAM end - 20
    ASEL=T BSEL=RA ALU=SUBU NEXT=BR COND=LT UADDR=R_BAD ; descriptor past RAM: -1
    ; the descriptor: satps in Sv32 mode, page-aligned vas, no wrap, below 2 GiB
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD              ; read src satp
    RES=LOAD DST=T                                  ; T <- it
    ASEL=T BSEL=ZERO ALU=SUB NEXT=BR COND=GE UADDR=R_BAD ; MODE bare: -1
    ASEL=T KC UADDR=10 ALU=SLL DST=T                ; drop MODE, ASID
    ASEL=T KC UADDR=2 ALU=SLL WB=K K=FP7            ; FP7 <- src root table
    ASEL=RA KC UADDR=8 ALU=ADD MEM=LOAD             ; read dst satp
    RES=LOAD DST=T                                  ; T <- it
    ASEL=T BSEL=ZERO ALU=SUB NEXT=BR COND=GE UADDR=R_BAD ; MODE bare: -1
    ASEL=T KC UADDR=10 ALU=SLL DST=T                ; drop MODE, ASID
    ASEL=T KC UADDR=2 ALU=SLL WB=K K=FP8            ; FP8 <- dst root table
    ASEL=RA KC UADDR=16 ALU=ADD MEM=LOAD            ; read pages
    RES=LOAD DST=T                                  ; T <- pages
    ASEL=T KC UADDR=19 ALU=SRL DST=T                ; T <- pages >> 19
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=R_BAD ; 2 GiB or more: -1
    ASEL=RA KC UADDR=16 ALU=ADD MEM=LOAD            ; read pages again
    RES=LOAD DST=T                                  ; T <- pages
    ASEL=T KC UADDR=12 ALU=SLL WB=K K=FP9           ; FP9 <- span
    ASEL=RA KC UADDR=4 ALU=ADD MEM=LOAD RSEL=KB K=FP9 ; read src va; B <- span
    RES=LOAD DST=T WB=K K=FP1                       ; T, FP1 <- src va
    NEXT=CALL UADDR=R_VACHK                         ; aligned, below 2 GiB with the span
    ASEL=T BSEL=ZERO ALU=ADD WB=K K=FP6             ; FP6 <- src end
    ASEL=RA KC UADDR=12 ALU=ADD MEM=LOAD            ; read dst va
    RES=LOAD DST=T WB=K K=FP5                       ; T, FP5 <- dst va
    NEXT=CALL UADDR=R_VACHK                         ; aligned, below 2 GiB with the span
    NEXT=CALL UADDR=R_SETUP                         ; the loop's constants
    NEXT=JUMP UADDR=R_RUN SPWE=W K=A_FPRUN          ; the pages (a run: hpmcounter3/4)

;; T = a va, port B = the span: -1 unless T is page aligned and T + span
;; stays at or below 0x8000_0000 (span < 2 GiB).
R_VACHK:
    ASEL=T KC UADDR=20 ALU=SLL WB=K K=FP9           ; FP9 <- offset bits
    ASEL=T BSEL=ZERO ALU=SUB NEXT=BR COND=LT UADDR=R_BAD ; va at or past 2 GiB: -1
    ASEL=T BSEL=RB ALU=ADD DST=T RSEL=KA K=FP9      ; T <- va + span; A <- offset bits
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=R_BAD ; unaligned: -1
    ASEL=T BSEL=ZERO ALU=SUB NEXT=BR COND=LT UADDR=.top ; end >= 2 GiB: only 2 GiB itself
    RSEL=KA K=FP0 NEXT=RET                          ; A <- &descriptor
.top:
    ASEL=T BSEL=T ALU=ADD NEXT=BR COND=NE UADDR=R_BAD ; past 2 GiB: -1
    RSEL=KA K=FP0 NEXT=RET                          ; A <- &descriptor

;; The per-page loop's constants (called; again after making a table,
;; whose pop uses FP2-FP4 and FP9).
R_SETUP:
    RSEL=KB K=FPFRAMES                              ; B <- &frame table
    ASEL=RBA BSEL=ZERO ALU=ADD MEM=LOAD             ; read base PPN
    RES=LOAD DST=T                                  ; T <- base
    ASEL=T KC UADDR=10 ALU=SLL WB=K K=FP2           ; FP2 <- base << 10
    ASEL=RBA KC UADDR=4 ALU=ADD MEM=LOAD            ; read frames
    RES=LOAD DST=T                                  ; T <- frames
    ASEL=T KC UADDR=10 ALU=SLL WB=K K=FP3           ; FP3 <- frames << 10
    ASEL=RBA KC UADDR=8 ALU=ADD WB=K K=FP4          ; FP4 <- &count[base]
    ASEL=ZERO KC UADDR=0x115 ALU=ADD DST=T          ; T <- 0x115
    ASEL=T KC UADDR=4 ALU=SLL DST=T                 ; T <- 0x1150
    ASEL=T KC UADDR=1 ALU=OR DST=T WB=K K=FP9       ; T, FP9 <- 0x1151
    ASEL=T KC UADDR=16 ALU=SLL DST=T RSEL=KB K=FP9  ; T <- 0x1151 << 16; B <- 0x1151
    ; bit 31-k set for each valid U X W R V pattern k (V, and R, RW, X, RX
    ; or RWX; U either): 3 7 9 11 15, 19 23 25 27 31
    ASEL=T BSEL=RB ALU=OR WB=K K=FP9                ; FP9 <- 0x11511151, the leaf mask
    ASEL=ZERO KC UADDR=0x1FF ALU=ADD DST=T          ; T <- 0x1FF
    ASEL=T KC UADDR=3 ALU=SLL DST=T                 ; T <- 0xFF8
    ASEL=T KC UADDR=4 ALU=OR WB=K K=AMOTMP          ; AMOTMP <- 0xFFC (a table's last entry)
    NEXT=RET

;; A run's start: src va FP1, dst va FP5 (until FP1 reaches FP6). Level 1
;; on both sides, then the run's bounds.
R_RUN:
    RSEL=KA K=FP1                                   ; A <- src va
    RSEL=KB K=FP6                                   ; B <- src end
    ASEL=RA BSEL=RB ALU=SUB NEXT=BR COND=EQ UADDR=R_DONE ; all done
    ASEL=RA KC UADDR=22 ALU=SRL DST=T RSEL=KB K=FP7 ; T <- VPN[1]; B <- src root
    ASEL=T KC UADDR=2 ALU=SLL DST=T                 ; 4 VPN[1]
    ASEL=T BSEL=RB ALU=ADD MEM=LOAD                 ; read the src L1 entry
    RES=LOAD DST=T WB=K K=53                        ; T, 53 <- it
    ASEL=T KC UADDR=15 ALU=AND DST=T RSEL=KA K=53   ; T <- its flags; A <- it
    ASEL=T KC UADDR=1 ALU=SUB DST=T                 ; T <- flags - V
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=R_STOP ; not a table pointer: stop
    ASEL=RA KC UADDR=10 ALU=SRL DST=T RSEL=KA K=FP1 ; T <- table PPN; A <- src va
    ASEL=T KC UADDR=12 ALU=SLL WB=K K=53            ; 53 <- src table
    ASEL=RA KC UADDR=10 ALU=SLL DST=T               ; VPN[0] to the top
    ASEL=T KC UADDR=20 ALU=SRL DST=T RSEL=KB K=53   ; T <- 4 VPN[0]; B <- src table
    ASEL=T BSEL=RB ALU=ADD WB=K K=53                ; 53 <- &src PTE
    ; the destination's level-1 entry
    RSEL=KA K=FP5                                   ; A <- dst va
    ASEL=RA KC UADDR=22 ALU=SRL DST=T RSEL=KB K=FP8 ; T <- VPN[1]; B <- dst root
    ASEL=T KC UADDR=2 ALU=SLL DST=T                 ; 4 VPN[1]
    ASEL=T BSEL=RB ALU=ADD MEM=LOAD WB=K K=52       ; 52 <- &dst L1 entry; read it
    RES=LOAD DST=T WB=K K=51                        ; T, 51 <- it
    ASEL=T KC UADDR=1 ALU=AND DST=T RSEL=KA K=51    ; T <- V; A <- the entry
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=R_NEWTAB ; no table: make one
    ASEL=RA KC UADDR=14 ALU=AND DST=T               ; T <- R W X
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=R_STOP ; a megapage: stop
    ASEL=RA KC UADDR=10 ALU=SRL DST=T RSEL=KA K=FP5 ; T <- table PPN; A <- dst va
    ASEL=T KC UADDR=12 ALU=SLL WB=K K=51            ; 51 <- dst table
    ASEL=RA KC UADDR=10 ALU=SLL DST=T               ; VPN[0] to the top
    ASEL=T KC UADDR=20 ALU=SRL DST=T RSEL=KB K=51   ; T <- 4 VPN[0]; B <- dst table
    ASEL=T BSEL=RB ALU=ADD WB=K K=51 NEXT=JUMP UADDR=R_GO ; 51 <- &dst PTE

;; 53 = the run's first src PTE address, 51 its dst PTE's: D, the run's last
;; src PTE address (52: the src table's last entry, the dst table's, or the
;; last page), FP1 and FP5 less (53 << 10); then the loop.
R_GO:
    RSEL=KA K=53                                    ; A <- sp
    RSEL=KB K=51                                    ; B <- dp
    ASEL=RBA BSEL=RA ALU=SUB DST=DIVI RSEL=KB K=AMOTMP ; Q <- D = dp - sp (T <- 0); B <- 0xFFC
    ASEL=RA BSEL=RB ALU=OR WB=K K=52                ; 52 <- sp | 0xFFC
    ASEL=RA BSEL=Q ALU=ADD DST=T                    ; T <- dp
    ASEL=T BSEL=RB ALU=OR DST=T RSEL=KB K=52        ; T <- dp | 0xFFC; B <- 52
    ASEL=T BSEL=Q ALU=SUB DST=T                     ; T <- that, in src terms
    ASEL=T BSEL=RB ALU=SUBU NEXT=BR COND=GE UADDR=.e3 ; not below: keep 52
    ASEL=T BSEL=ZERO ALU=ADD WB=K K=52              ; 52 <- it
.e3:
    RSEL=KA K=FP6                                   ; A <- src end
    RSEL=KB K=FP1                                   ; B <- src va
    ASEL=RA BSEL=RB ALU=SUB DST=T RSEL=KA K=53      ; T <- bytes left; A <- sp
    ASEL=T KC UADDR=10 ALU=SRL DST=T                ; T <- 4 pages left
    ASEL=T BSEL=RA ALU=ADD DST=T RSEL=KB K=52       ; T <- sp + 4 pages; B <- 52
    ASEL=T KC UADDR=4 ALU=SUB DST=T                 ; T <- the last page's
    ASEL=T BSEL=RB ALU=SUBU NEXT=BR COND=GE UADDR=.k ; not below: keep 52
    ASEL=T BSEL=ZERO ALU=ADD WB=K K=52              ; 52 <- it
.k:
    ASEL=RA KC UADDR=10 ALU=SLL DST=T RSEL=KA K=FP1 ; T <- sp << 10; A <- src va
    ASEL=RA BSEL=T ALU=SUB WB=K K=FP1               ; FP1 <- src va - (sp << 10)
    RSEL=KA K=FP5                                   ; A <- dst va
    ASEL=RA BSEL=T ALU=SUB WB=K K=FP5               ; FP5 <- dst va - (sp << 10)
    RSEL=KA K=53                                    ; A <- sp
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD NEXT=JUMP UADDR=.l2 ; the first page: read its src PTE
;; The loop, one page: A = 53, the last page's src PTE address.
.x:
    ASEL=RA BSEL=RB ALU=SUB NEXT=BR COND=EQ UADDR=.end ; it was the run's last page
    ASEL=RA KC UADDR=4 ALU=ADD MEM=LOAD WB=K K=53   ; 53 <- sp; read the src PTE
.l2:
    ASEL=T BSEL=Q ALU=ADD MEM=LOAD RES=LOAD WB=K K=54 ; read the dst PTE (sp + D); 54 <- s
    RES=LOAD DST=T RSEL=KA K=54                     ; T <- d; A <- s
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=.dslow RSEL=KB K=FP2 ; d not 0: look closer; B <- base << 10
.ck:
    ASEL=RA BSEL=RB ALU=SUB DST=T RSEL=KB K=FP3     ; T <- s - base << 10; B <- frames << 10
    ASEL=T BSEL=RB ALU=SUBU NEXT=BR COND=GE UADDR=.stop RSEL=KB K=FP4 ; not in the frame table: stop; B <- &count[base]
    ASEL=T KC UADDR=8 ALU=SRL DST=T                 ; T <- 4 (PPN - base), RSW in bits 1:0
    ASEL=T BSEL=RB ALU=ADD MEM=LOAD DST=TB WB=K K=50 ; read the count; 50 <- &count; T <- &count[base]
    RES=LOAD DST=T RSEL=KB K=FP9                    ; T <- count; B <- the leaf mask
    ASEL=T KC UADDR=1 ALU=ADD WB=K K=51 DST=TB      ; 51 <- count + 1; T <- the mask
    ASEL=T BSEL=RA ALU=SLL DST=T RSEL=KB K=51       ; T <- mask << s[4:0]; B <- count + 1
    ASEL=T BSEL=ZERO ALU=SUB NEXT=BR COND=GE UADDR=.stop ; not a present leaf: stop
    ; every check is done: now the writes
    ASEL=RA KC UADDR=0xC0 ALU=AND DST=T             ; T <- s's A, D
    ASEL=RA BSEL=T ALU=SUB WB=K K=54                ; 54 <- new dst: s without A, D
    ASEL=RA KC UADDR=4 ALU=AND DST=T RSEL=KA K=50   ; T <- W; A <- &count
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=.w ; writable: both lose W
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KA K=53 ; count <- count + 1; A <- sp
    RSEL=KB K=54                                    ; B <- new dst
    ASEL=RA BSEL=Q ALU=ADD MEM=STORE RSEL=KB K=52 NEXT=JUMP UADDR=.x ; dst PTE <- it (src keeps its PTE); B <- last
;; a writable source: both get W=0 and bit 8 (A = &count, B = count + 1)
.w:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KA K=53 ; count <- count + 1; A <- sp
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD RSEL=KB K=54 ; read s again; B <- new dst
    RES=LOAD DST=T                                  ; T <- s
    ASEL=T KC UADDR=0x104 ALU=OR DST=T              ; T <- | W | bit 8
    ASEL=T KC UADDR=4 ALU=SUB WB=K K=51             ; 51 <- new src: W=0, bit 8
    DST=TB RSEL=KB K=51                             ; T <- new dst; B <- new src
    ASEL=T KC UADDR=0x104 ALU=OR DST=T              ; T <- | W | bit 8
    ASEL=T KC UADDR=4 ALU=SUB WB=K K=54             ; 54 <- new dst: W=0, bit 8
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KB K=54 ; src PTE <- it; B <- new dst
    ASEL=RA BSEL=Q ALU=ADD MEM=STORE RSEL=KB K=52 NEXT=JUMP UADDR=.x ; dst PTE <- it; B <- last
;; a dst PTE other than 0 (T): a mapping is V or bit 8 or 9
.dslow:
    ASEL=T KC UADDR=0xFE ALU=OR DST=T               ; T <- d | bits 7:1
    ASEL=T KC UADDR=0xFE ALU=SUB DST=T              ; T <- d without bits 7:1
    ASEL=T KC UADDR=22 ALU=SLL DST=T                ; T <- bits 9, 8, 0 at the top
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=.stop ; a mapping: stop
    NEXT=JUMP UADDR=.ck                             ; no mapping: on (A = s, B = base << 10)
;; the page at 53 cannot be taken: FP1 <- its va, and the end
.stop:
    RSEL=KA K=53                                    ; A <- sp
    ASEL=RA KC UADDR=10 ALU=SLL DST=T RSEL=KB K=FP1 ; T <- sp << 10; B <- FP1
    ASEL=T BSEL=RB ALU=ADD WB=K K=FP1 NEXT=JUMP UADDR=R_STOP ; FP1 <- its va
;; the run is done (A = 53): FP1, FP5 <- the next page's vas, the next run
.end:
    ASEL=RA KC UADDR=4 ALU=ADD DST=T                ; T <- the next page's sp
    ASEL=T KC UADDR=10 ALU=SLL DST=T RSEL=KB K=FP1  ; T <- it << 10; B <- FP1
    ASEL=T BSEL=RB ALU=ADD WB=K K=FP1               ; FP1 <- next src va
    RSEL=KB K=FP5                                   ; B <- FP5
    ASEL=T BSEL=RB ALU=ADD WB=K K=FP5 NEXT=JUMP UADDR=R_RUN ; FP5 <- next dst va

;; The destination has no second-level table: the page's source checks
;; first (53 = its src PTE address), then a frame to pop, then the table.
R_NEWTAB:
    RSEL=KA K=53                                    ; A <- sp
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD RSEL=KB K=FP2 ; read s; B <- base << 10
    RES=LOAD DST=T WB=K K=54                        ; T, 54 <- s
    ASEL=T BSEL=RB ALU=SUB DST=T RSEL=KB K=FP3      ; T <- s - base << 10; B <- frames << 10
    ASEL=T BSEL=RB ALU=SUBU NEXT=BR COND=GE UADDR=R_STOP RSEL=KA K=54 ; not in the frame table: stop; A <- s
    RSEL=KB K=FP9                                   ; B <- the leaf mask
    DST=TB                                          ; T <- it
    ASEL=T BSEL=RA ALU=SLL DST=T                    ; T <- mask << s[4:0]
    ASEL=T BSEL=ZERO ALU=SUB NEXT=BR COND=GE UADDR=R_STOP ; not a present leaf: stop
    NEXT=CALL UADDR=FP_POPCHK                       ; FP2 <- PPN, FP3 <- &count (empty: stop)
    NEXT=CALL UADDR=FP_POPW                         ; pop; count <- 1; A <- PPN
    ASEL=RA KC UADDR=10 ALU=SLL DST=T               ; T <- PPN << 10
    ASEL=T KC UADDR=1 ALU=OR WB=K K=FP9             ; FP9 <- the L1 entry: PPN, V
    ASEL=RA KC UADDR=12 ALU=SLL WB=K K=51           ; 51 <- the table
    RSEL=KA K=51                                    ; A <- table
    RSEL=KB K=S_ZERO                                ; B <- 0 (x0)
    SPWE=W K=A_PAGE                                 ; page loop over 1024 words
.zero:
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE NEXT=BR COND=CNTNZ UADDR=.zero ; word <- 0
    RSEL=KA K=52                                    ; A <- &dst L1 entry
    RSEL=KB K=FP9                                   ; B <- the entry
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KA K=FP5 ; link it; A <- dst va
    ASEL=RA KC UADDR=10 ALU=SLL DST=T RSEL=KB K=51  ; VPN[0] to the top; B <- table
    ASEL=T KC UADDR=20 ALU=SRL DST=T                ; T <- 4 VPN[0]
    ASEL=T BSEL=RB ALU=ADD WB=K K=51 NEXT=CALL UADDR=R_SETUP ; 51 <- &dst PTE; the constants again
    NEXT=JUMP UADDR=R_GO                            ; the run

;; The end: rd <- pages done (src va - the descriptor's src va) / 4096; the
;; TLB and the page registers are flushed (the source's stale entries).
R_STOP:
    NEXT=JUMP UADDR=R_DONE SPWE=W K=A_FPHAND        ; (a page it could not take: C goes on)
R_DONE:
    RSEL=KA K=FP0                                   ; A <- &descriptor
    ASEL=RA KC UADDR=4 ALU=ADD MEM=LOAD RSEL=KA K=FP1 ; read src va; A <- the va reached
    RES=LOAD DST=T                                  ; T <- src va
    ASEL=RA BSEL=T ALU=SUB DST=T                    ; T <- bytes done
    ASEL=T KC UADDR=12 ALU=SRL WB=RD NEXT=END SPWE=W K=A_SFENCE ; rd <- pages done
;; A malformed descriptor: rd <- -1, nothing changed.
R_BAD:
    ASEL=ZERO KC UADDR=1 ALU=SUB WB=RD NEXT=END     ; rd <- -1
;; fpen bit 3 clear: rd <- 0.
R_ZERO:
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=RD NEXT=END      ; rd <- 0
dispatch CUSTOM1 FP_REMAP

;; ---------------------------------------------------------------- the round trip
;; The round trip in microcode (docs/ipc-microcode.md; the contract's numbers
;; in firmware/include/rt_contract.def): an ecall from U with a7 = 8
;; (SYS_MSG_RPC) or 25 (SYS_MSG_REPLY_RECEIVE) whose header-only message goes
;; straight to a receiver blocked on the destination. Every check of the
;; contract's list comes before any write; a failing one hands the ecall to
;; the kernel (RT_HAND) with nothing changed, and ipcfast.S gives the result.
;; Then the commit: the reply right, the send-once drop, the statistics, the
;; receiver's map and header and results, the caller blocked in its receive
;; with its registers saved, curproc, sscratch, satp, the receiver's
;; registers, and the jump to its pc. The image writes ECALL's dispatch entry.
;;
;; Registers: p is sscratch (until the switch), FP0 d (the destination
;; name, for commit 2's name hint), 50 the block, 51 p's names (later r's
;; names, then the reply slot, then 20), 52 scratch, 53 s5 (p's receive
;; port), 54 the destination entry (later r's next pc), FP1 s7 (the
;; destination port), FP2 r, FP3 p's receive name n (an RPC's: the header's
;; reply), FP4 its id, FP5 its bits (from check 12 the destination
;; disposition - copy-send; from commit 4 &r.map), FP6 m (r's name), FP7
;; r's buffer (then its physical address), FP8 12 (a name entry's size), FP9
;; 1 for an RPC (from check 19 j, the reply slot's name; 0: none), AMOTMP
;; scratch (the translation's PTE bits, r's name hint, the header's bits);
;; once the header is written FP6 and FP8 hold the stores' constants (FP1
;; the blocked flags, from the block).
;;
;; Timing rules the code leans on (docs/core.md): a memory word sets T to
;; its address, and the next word's RES=LOAD shifts the data right by
;; 8 * T[1:0] (so a load at a byte's address gives that byte in bits 7:0,
;; the bytes above it too; a word read at an unaligned address is taken
;; whole by clearing T: DST=DIVI); loads to independent addresses go one a
;; word, each word taking the previous one's data; a word that writes a
;; register (WB=K) cannot choose a port's next register (RSEL: one K
;; field), so register reads ride on the words that do not write one.
RT:
    SPWE=W K=A_PHYS                                 ; physical words, constants
    NEXT=BR COND=PRIVBAD UADDR=.u RSEL=KA K=17      ; from U: on (A <- a7)
    NEXT=JUMP UADDR=RT_HAND                         ; S or M: the plain ecall
.u:
    ASEL=RA KC UADDR=8 ALU=SUB DST=T                ; T <- a7 - SYS_MSG_RPC
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=.rpc ; an RPC
    ASEL=RA KC UADDR=25 ALU=SUB DST=T               ; T <- a7 - SYS_MSG_REPLY_RECEIVE
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=14 ; another call; A <- a4 (options)
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=SSCRATCH ; options, AV_RELEASE: ipcfast.S; A <- sscratch
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=FP9 NEXT=JUMP UADDR=.call ; FP9 <- 0: reply-and-receive
.rpc:
    RSEL=KA K=13                                    ; A <- a3 (options)
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=SSCRATCH ; options: ipcfast.S; A <- sscratch
    ASEL=ZERO KC UADDR=1 ALU=ADD WB=K K=FP9         ; FP9 <- 1: RPC
.call:
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND ; p (0: never from U)
    ASEL=RA KC UADDR=336 ALU=ADD MEM=LOAD           ; read p.rt_blk
    RES=LOAD DST=T WB=K K=50                        ; T, 50 <- the block
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND RSEL=KA K=10 ; none: off for p; A <- a0
    ASEL=T BSEL=ZERO ALU=ADD MEM=LOAD RSEL=KB K=11  ; read go; B <- a1
    RES=LOAD DST=T                                  ; T <- go (bit 0; the rest is 0)
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND ; off, or a schedule() case
    ; checks 3-5: the call's pointers (A = a0, B = a1)
    ASEL=RA BSEL=RB ALU=OR DST=T                    ; T <- a0 | a1
    ASEL=T KC UADDR=3 ALU=AND DST=T                 ; T <- their low bits
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND ; unaligned
    ASEL=RBA BSEL=ZERO ALU=SUB NEXT=BR COND=LT UADDR=RT_HAND ; a1 at or above 0x8000_0000
    ASEL=ZERO KC UADDR=1 ALU=ADD DST=T              ; T <- 1
    ASEL=T KC UADDR=31 ALU=SLL DST=DIVI             ; Q <- the top, 0x8000_0000
    ASEL=Q BSEL=RB ALU=SUB DST=T RSEL=KB K=12       ; T <- top - a1; B <- a2
    ASEL=T BSEL=RB ALU=SUBU NEXT=BR COND=LT UADDR=RT_HAND ; the buffer runs past the top
    ASEL=RBA KC UADDR=20 ALU=SUB DST=T              ; T <- a2 - 20 (a2 <= 0x8000_0000: signed will do)
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=LT UADDR=RT_HAND ; smaller than a header: ipcfast.S (no record)
    ASEL=Q KC UADDR=21 ALU=SUB DST=DIVI             ; Q <- top - 21
    ASEL=RA KC UADDR=1 ALU=SUB DST=T                ; T <- a0 - 1
    ASEL=Q BSEL=T ALU=SUBU NEXT=BR COND=LT UADDR=RT_HAND RSEL=KA K=SSCRATCH ; no message, or past the top; A <- p
    ; check 6: no send done yet; check 7: the header, through p's map
    ASEL=RA KC UADDR=197 ALU=ADD MEM=LOAD           ; read p's flags from rpc_sent (>> 8)
    RES=LOAD DST=T                                  ; T <- the flags >> 8
    ASEL=T KC UADDR=0xFF ALU=AND DST=T              ; T <- rpc_sent
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=10 ; a restarted call; A <- a0
    ; the header through the TLB (the probe, a U-mode read in p's map, satp's)
    ASEL=RA BSEL=ZERO ALU=ADD DST=DIVI SPWE=W K=A_PROBE ; Q <- a0: probe it for a read
    ASEL=RA KC UADDR=16 ALU=ADD DST=T               ; T <- the header's last word (the TLB reads a0's entry)
    ASEL=T BSEL=RA ALU=XOR DST=T NEXT=BR COND=TLBHIT UADDR=.h7 ; T <- the bits that differ; a hit: the walker holds the leaf
    RSEL=KA K=SSCRATCH                              ; a miss: the tables; A <- p
    ASEL=RA KC UADDR=140 ALU=ADD MEM=LOAD RSEL=KA K=10 ; read p's root table; A <- a0
    RES=LOAD WB=K K=52                              ; 52 <- root
    ASEL=ZERO KC UADDR=0x53 ALU=ADD WB=K K=AMOTMP   ; AMOTMP <- V R U A
    NEXT=CALL UADDR=RT_XL RSEL=KB K=52              ; T <- the header's physical address (now in the TLB); B <- root
    ASEL=ZERO KC UADDR=12 ALU=ADD WB=K K=FP8        ; FP8 <- 12, a name entry's size: the lookups multiply by it
    ASEL=T BSEL=ZERO ALU=ADD MEM=LOAD NEXT=JUMP UADDR=.hd ; read size (T <- its address: the next ones from T)
.h7:
    ASEL=T KC UADDR=12 ALU=SRL DST=T                ; T <- the pages apart
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND ; across two: ipcfast.S
    ASEL=Q KC UADDR=10 ALU=SLL DST=DIVI             ; Q <- a0 << 10: the leaf's word index where the PTE's is
    ASEL=ZERO KC UADDR=12 ALU=ADD WB=K K=FP8 MEM=PTE ; read size at the leaf (T <- its physical address); FP8 <- 12
.hd:
    ASEL=T KC UADDR=4 ALU=ADD MEM=LOAD RES=LOAD WB=K K=52 ; read dest; 52 <- size
    ASEL=T KC UADDR=4 ALU=ADD MEM=LOAD RES=LOAD WB=K K=FP0 ; read reply; FP0 <- dest
    ASEL=T KC UADDR=4 ALU=ADD MEM=LOAD RES=LOAD WB=K K=FP3 ; read id; FP3 <- reply
    ASEL=T KC UADDR=4 ALU=ADD MEM=LOAD RES=LOAD WB=K K=FP4 ; read bits; FP4 <- id
    RES=LOAD DST=T WB=K K=FP5                       ; T, FP5 <- bits
    ; checks 8, 9: header only, the dispositions
    ASEL=T KC UADDR=8 ALU=SRL DST=DIVI RSEL=KA K=52 ; Q <- bits >> 8; A <- size
    ASEL=Q KC UADDR=8 ALU=SRL DST=T                 ; T <- bits >> 16: complex and bad bits
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND ; some
    ASEL=RA KC UADDR=20 ALU=SUB DST=T               ; T <- size - 20
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=FP9 ; a body: ipcfast.S; A <- RPC?
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=.c9rpc RSEL=KA K=FP3 ; RPC; A <- reply
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=13 ; reply-and-receive with a reply port; A <- a3
    ASEL=RA BSEL=ZERO ALU=ADD WB=K K=FP3            ; FP3 <- the receive name (an RPC's: the reply, there already)
    RSEL=KA K=SSCRATCH NEXT=JUMP UADDR=.c10         ; A <- p
.c9rpc:
    ASEL=Q KC UADDR=5 ALU=SUB DST=T                 ; T <- reply disposition - make-send-once (bits >> 16 is 0)
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=SSCRATCH ; another; A <- p
.c10:
    ; check 10: the receive name n, a live receive right, its queue empty
    ASEL=RA KC UADDR=160 ALU=ADD MEM=LOAD RSEL=KA K=FP3 ; read p.names; A <- n
    ASEL=T KC UADDR=4 ALU=ADD MEM=LOAD RES=LOAD WB=K K=51 ; read p.nnames; 51 <- names
    RES=LOAD DST=T WB=K K=52                        ; T, 52 <- nnames
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND RSEL=KB K=FP8 ; no name; B <- 12
    ASEL=RA BSEL=T ALU=SUBU NEXT=BR COND=GE UADDR=RT_HAND RES=MUL DST=T RSEL=KB K=51 ; past the table; T <- 12n (the multiplier: ports A * B); B <- names
    ; (a receive right's entry names a live port and is not dead: the
    ; kernel's invariant, docs/ipc-microcode.md check 10)
    ASEL=T BSEL=RB ALU=ADD MEM=LOAD                 ; read e.port (T <- e)
    ASEL=T KC UADDR=6 ALU=ADD MEM=LOAD RES=LOAD WB=K K=53 ; read e's flags at recv (>> 16); 53 <- port
    RES=LOAD DST=T RSEL=KA K=53                     ; T <- recv | sendonce << 8; A <- port
    ASEL=T KC UADDR=0xFF ALU=AND DST=T              ; T <- recv
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND ; no receive right
    ASEL=RA KC UADDR=12 ALU=ADD MEM=LOAD            ; read qhead
    RES=LOAD DST=T RSEL=KA K=FP0                    ; T <- it; A <- d
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KB K=FP8 ; a message queued; B <- 12
    ; checks 11, 12: the destination right d
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND RES=MUL DST=T RSEL=KB K=52 ; no name; T <- 12d; B <- nnames
    ASEL=RA BSEL=RB ALU=SUBU NEXT=BR COND=GE UADDR=RT_HAND RSEL=KB K=51 ; past the table; B <- names
    ASEL=T BSEL=RB ALU=ADD MEM=LOAD WB=K K=54       ; read e6.port; 54 <- e6
    ASEL=T KC UADDR=4 ALU=ADD MEM=LOAD RES=LOAD WB=K K=FP1 ; read e6's flags; FP1 <- s7
    RES=LOAD DST=DIVI RSEL=KA K=FP1                 ; Q <- the flags; A <- s7
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND RSEL=KA K=FP5 ; none; A <- bits
    ASEL=RA KC UADDR=0xFF ALU=AND DST=T             ; T <- the destination disposition
    ASEL=T KC UADDR=1 ALU=SUB DST=T WB=K K=FP5      ; T, FP5 <- disposition - copy-send (for the commit: 0 or 5)
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=.once ; not copy-send
    ASEL=Q KC UADDR=16 ALU=SLL DST=T                ; T <- sendrefs << 16
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND RSEL=KA K=FP1 ; no send right; A <- s7
    ASEL=RA KC UADDR=20 ALU=ADD MEM=LOAD            ; read qlen
    ASEL=RA KC UADDR=24 ALU=ADD MEM=LOAD RES=LOAD DST=DIVI RSEL=KA K=50 ; read qlimit; Q <- qlen; A <- the block
    RES=LOAD DST=T                                  ; T <- qlimit
    ASEL=Q BSEL=T ALU=SUBU NEXT=BR COND=GE UADDR=RT_HAND ; the queue is full
    ASEL=RA KC UADDR=4 ALU=ADD MEM=LOAD             ; read the room limit
    ASEL=RA KC UADDR=8 ALU=ADD MEM=LOAD RES=LOAD DST=DIVI ; read queued_bytes; Q <- the limit
    RES=LOAD DST=T RSEL=KA K=FP1                    ; T <- queued_bytes; A <- s7
    ASEL=Q BSEL=T ALU=SUB NEXT=BR COND=LT UADDR=RT_HAND ; no room in the kernel (signed)
    NEXT=JUMP UADDR=.c13
.once:
    ASEL=T KC UADDR=5 ALU=SUB DST=T                 ; T <- disposition - move-send-once
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND ; neither
    ASEL=Q KC UADDR=24 ALU=SRL DST=T                ; T <- sendonce
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND RSEL=KA K=FP1 ; no send-once right; A <- s7
    ASEL=RA KC UADDR=28 ALU=ADD MEM=LOAD            ; read refs
    RES=LOAD DST=T                                  ; T <- refs
    ASEL=T KC UADDR=1 ALU=SRL DST=T                 ; T <- refs >> 1
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND ; below 2: the drop would free the port
.c13:
    ; check 13: the receiver r (A = s7); that it is blocked in a receive
    ; on s7 is the receive record's invariant (below: a record is there only
    ; while its process is so blocked)
    ASEL=RA BSEL=ZERO ALU=ADD MEM=LOAD RSEL=KB K=FP1 ; read receiver; B <- s7
    RES=LOAD DST=T WB=K K=FP2                       ; T, FP2 <- r
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=RT_HAND RSEL=KA K=FP2 ; none; A <- r
    ; checks 14-18: its call, a lean frame, its options, name m and buffer,
    ; all made by the leg that blocked it, whose receive record (rt_contract.def:
    ; the port, the name in rpc_reply) names s7; the kernel clears the record
    ; wherever it could go stale (B = s7)
    ASEL=RA KC UADDR=180 ALU=ADD MEM=LOAD           ; read the record's port
    ASEL=RA KC UADDR=208 ALU=ADD MEM=LOAD RES=LOAD DST=DIVI ; read its name; Q <- the port
    ASEL=RA KC UADDR=44 ALU=ADD MEM=LOAD RES=LOAD WB=K K=FP6 ; read a1, the buffer; FP6 <- m
    ASEL=RA KC UADDR=160 ALU=ADD MEM=LOAD RES=LOAD WB=K K=FP7 ; read r.names; FP7 <- buf
    ASEL=RA KC UADDR=164 ALU=ADD MEM=LOAD RES=LOAD WB=K K=51 ; read r.nnames; 51 <- names
    ASEL=RA KC UADDR=344 ALU=ADD MEM=LOAD RES=LOAD WB=K K=52 ; read r.name_hint; 52 <- nnames
    RES=LOAD WB=K K=AMOTMP                          ; AMOTMP <- the hint h
    ASEL=Q BSEL=RB ALU=SUB NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=FP9 ; no record of a receive on s7; A <- RPC?
    ; check 19 (RPC): the reply port alive (s5: p's receive right's, so
    ; alive by check 10's invariant), r's first free slot j: the first at
    ; or above the hint, below which no slot is free (struct proc
    ; name_hint; the kernel lowers it wherever a slot is freed, commit 2
    ; below too), so the lowest free slot, the one C would choose
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=.c20 RSEL=KA K=AMOTMP ; reply-and-receive: FP9 = 0, no reply name; A <- h
    ASEL=RA BSEL=ZERO ALU=ADD WB=K K=FP9            ; FP9 <- j = h
    RSEL=KB K=FP8                                   ; B <- 12
    RES=MUL DST=DIVI RSEL=KB K=51                   ; Q <- 12h; B <- r.names
    ASEL=Q BSEL=RB ALU=ADD MEM=LOAD DST=DIVI RSEL=KB K=52 NEXT=JUMP UADDR=.scan ; Q <- &names[h]; read its port; B <- nnames (A = j)
.next:
    ASEL=RA KC UADDR=1 ALU=ADD WB=K K=FP9           ; j + 1
    ASEL=Q KC UADDR=12 ALU=ADD MEM=LOAD DST=DIVI RSEL=KA K=FP9 ; Q <- slot j; read its port; A <- j
.scan:
    RES=LOAD DST=T ASEL=RA BSEL=RB ALU=SUBU NEXT=BR COND=GE UADDR=RT_HAND ; T <- it; j past the table (a word read past it is not used): no free slot, name_insert grows the table
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=.next ; taken: used, the next
    ASEL=Q BSEL=ZERO ALU=ADD WB=K K=51              ; 51 <- the free slot (FP9 = j)
.c20:
    ; check 20: r not suspended; check 21: its buffer writable
    ; (satp <- r's first: the probe compares r's ASID; a refusal from then
    ; on puts vm_active's back, RT_XBAD)
    RSEL=KA K=FP2                                   ; A <- r
    ASEL=RA KC UADDR=184 ALU=ADD MEM=LOAD           ; read suspended
    ASEL=RA KC UADDR=340 ALU=ADD MEM=LOAD RES=LOAD DST=DIVI ; read r's satp (proc_alloc's); Q <- the suspended word
    RES=LOAD WB=K K=AMOTMP                          ; AMOTMP <- r's satp
    ASEL=Q KC UADDR=0xFF ALU=AND DST=T RSEL=KB K=AMOTMP ; T <- suspended; B <- r's satp
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_HAND RSEL=KA K=FP7 ; suspended: schedule(); A <- buf
    ASEL=ZERO BSEL=RB ALU=ADD SPWE=W K=S_SATP       ; satp <- r's
    ASEL=RA BSEL=ZERO ALU=ADD DST=DIVI SPWE=W K=A_PROBEW ; Q <- buf: probe it for a write
    ASEL=RA KC UADDR=16 ALU=ADD DST=T               ; T <- the header's last word (the TLB reads buf's entry)
    ASEL=T BSEL=RA ALU=XOR DST=T NEXT=BR COND=TLBHIT UADDR=.h21 ; T <- the bits that differ; a hit
    RSEL=KA K=AMOTMP                                ; a miss: the tables; A <- r's satp
    ASEL=RA KC UADDR=12 ALU=SLL WB=K K=52           ; 52 <- r's root (satp << 12: RAM is below 4 GiB)
    ASEL=ZERO KC UADDR=0xD7 ALU=ADD WB=K K=AMOTMP   ; AMOTMP <- V R W U A D
    RSEL=KA K=FP7                                   ; A <- buf
    NEXT=CALL UADDR=RT_XL RSEL=KB K=52              ; T, FP7 <- its physical address (now in the TLB); B <- root
    NEXT=JUMP UADDR=.k1
.h21:
    ASEL=T KC UADDR=12 ALU=SRL DST=T SPWE=W K=A_PROBE ; T <- the pages apart; the walker's kind: a read
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_XBAD ; across two: ipcfast.S
    SPWE=W K=A_INSTALL                              ; r's read page register <- the leaf (r reads the header first)
    ASEL=Q KC UADDR=10 ALU=SLL DST=DIVI             ; Q <- buf << 10
    MEM=PTE                                         ; read its first word at the leaf (unused): T <- its physical address
    ASEL=T BSEL=ZERO ALU=ADD WB=K K=FP7             ; FP7 <- it
.k1:
    ; every check is done: now the writes. 1: the reply right (RPC)
    ASEL=ZERO KC UADDR=1 ALU=ADD DST=T RSEL=KA K=FP9 ; T <- 1; A <- j
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=.k1rr RSEL=KA K=51 ; reply-and-receive: none (j = 0); A <- slot
    ASEL=T KC UADDR=11 ALU=SLL WB=K K=AMOTMP        ; AMOTMP <- the header's bits (0x800)
    ASEL=T KC UADDR=24 ALU=SLL WB=K K=52            ; 52 <- sendonce 1
    RSEL=KB K=53                                    ; B <- s5
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KB K=52 ; slot.port <- s5; B <- sendonce 1
    ASEL=RA KC UADDR=4 ALU=ADD MEM=STORE RSEL=KA K=53 ; slot flags; A <- s5
    ASEL=RA KC UADDR=32 ALU=ADD MEM=LOAD            ; read named
    ASEL=RA KC UADDR=28 ALU=ADD MEM=LOAD RES=LOAD DST=DIVI ; read refs; Q <- named
    RES=LOAD DST=T                                  ; T <- refs
    ASEL=T KC UADDR=1 ALU=ADD WB=K K=52             ; 52 <- refs + 1
    ASEL=Q KC UADDR=1 ALU=ADD WB=K K=51             ; 51 <- named + 1
    RSEL=KB K=52                                    ; B <- refs + 1
    ASEL=RA KC UADDR=28 ALU=ADD MEM=STORE RSEL=KB K=51 ; refs; B <- named + 1
    ASEL=RA KC UADDR=32 ALU=ADD MEM=STORE           ; named
.k2:
    ; 2: the send-once right dropped (move-send-once: checks 11, 12 let
    ; no other disposition through)
    RSEL=KA K=FP5                                   ; A <- disposition - copy-send
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=BR COND=EQ UADDR=.k3 RSEL=KA K=54 ; copy-send: nothing; A <- e6
    ASEL=RA KC UADDR=8 ALU=ADD MEM=LOAD             ; read dead
    ASEL=RA KC UADDR=4 ALU=ADD MEM=LOAD RES=LOAD DST=DIVI ; read its flags; Q <- the dead word
    RES=LOAD DST=T                                  ; T <- the flags
    ASEL=T KC UADDR=8 ALU=SLL DST=T                 ; sendonce out
    ASEL=T KC UADDR=8 ALU=SRL WB=K K=52             ; 52 <- the flags without sendonce
    ASEL=Q KC UADDR=0xFF ALU=AND DST=T RSEL=KB K=52 ; T <- dead; B <- the flags
    ASEL=T BSEL=RB ALU=OR DST=T                     ; | sendrefs, recv
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=.k2keep ; other rights: the name stays
    RSEL=KB K=S_ZERO                                ; B <- 0
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE             ; the entry <- 0
    ASEL=RA KC UADDR=4 ALU=ADD MEM=STORE            ;
    ASEL=RA KC UADDR=8 ALU=ADD MEM=STORE RSEL=KA K=FP1 ; A <- s7
    ASEL=RA KC UADDR=32 ALU=ADD MEM=LOAD            ; read named
    ASEL=RA KC UADDR=28 ALU=ADD MEM=LOAD RES=LOAD DST=DIVI ; read refs; Q <- named
    RES=LOAD DST=T                                  ; T <- refs
    ASEL=T KC UADDR=1 ALU=SUB WB=K K=52             ; 52 <- refs - 1
    ASEL=Q KC UADDR=1 ALU=SUB WB=K K=54             ; 54 <- named - 1
    RSEL=KB K=52                                    ; B <- refs - 1
    ASEL=RA KC UADDR=28 ALU=ADD MEM=STORE RSEL=KB K=54 ; refs; B <- named - 1
    ASEL=RA KC UADDR=32 ALU=ADD MEM=STORE RSEL=KA K=SSCRATCH ; named; A <- p
    ; p's name hint down to d, now free (no free slot below the hint: its
    ; invariant, which check 19 relies on)
    ASEL=RA KC UADDR=344 ALU=ADD MEM=LOAD RSEL=KB K=FP0 ; read p.name_hint; B <- d
    RES=LOAD DST=T                                  ; T <- it
    ASEL=T BSEL=RB ALU=SUBU NEXT=BR COND=LT UADDR=.k3 ; below d: it stays
    ASEL=RA KC UADDR=344 ALU=ADD MEM=STORE RSEL=KA K=50 ; name_hint <- d; A <- the block
.k3b:
    ; 3: the statistics (and the block's other pointers; A = the block)
    ; (msgs_inline and msgs_direct as one count in the block: BLK_FAST)
    ASEL=RA KC UADDR=28 ALU=ADD MEM=LOAD            ; read the blocked caller's flags (a constant)
    ASEL=RA KC UADDR=12 ALU=ADD MEM=LOAD RES=LOAD WB=K K=FP1 ; read the fast legs; FP1 <- the flags (s7 is done with)
    RES=LOAD DST=T                                  ; T <- the fast legs
    ASEL=T KC UADDR=1 ALU=ADD WB=K K=51             ; 51 <- one more
    RSEL=KB K=51                                    ; B <- it
    ASEL=RA KC UADDR=12 ALU=ADD MEM=STORE RSEL=KA K=FP7 ; the fast legs; A <- r's buffer
    ; 5: the header into r's buffer
    ASEL=ZERO KC UADDR=20 ALU=ADD WB=K K=51         ; 51 <- 20
    RSEL=KB K=51                                    ; B <- 20
    ASEL=RA BSEL=ZERO ALU=ADD MEM=STORE RSEL=KB K=FP6 ; size; B <- m
    ASEL=RA KC UADDR=4 ALU=ADD MEM=STORE RSEL=KB K=FP9 ; dest; B <- j
    ASEL=RA KC UADDR=8 ALU=ADD MEM=STORE RSEL=KB K=FP4 ; reply; B <- id
    ASEL=RA KC UADDR=12 ALU=ADD MEM=STORE RSEL=KB K=AMOTMP ; id; B <- bits
    ASEL=RA KC UADDR=16 ALU=ADD MEM=STORE RSEL=KA K=FP2 ; bits; A <- r
    ; constants the stores below take from registers no longer needed
    ASEL=ZERO KC UADDR=1 ALU=ADD WB=K K=FP8         ; FP8 <- RUNNABLE
    ASEL=ZERO KC UADDR=2 ALU=ADD WB=K K=FP6         ; FP6 <- BLOCKED = W_RECV (m is written)
    ; 4: r's map (made active with the switch, 8: its ran is set already,
    ; as r ran to block in its receive); 6: r's call ends (pc past its
    ; ecall, a0 = 0, a1 = 20, runnable)
    ASEL=RA KC UADDR=140 ALU=ADD WB=K K=FP5         ; FP5 <- &r.map
    ASEL=RA KC UADDR=128 ALU=ADD MEM=LOAD           ; read its pc
    RES=LOAD DST=T                                  ; T <- pc
    ASEL=T KC UADDR=4 ALU=ADD WB=K K=54             ; 54 <- past the ecall
    RSEL=KB K=54                                    ; B <- it
    ASEL=RA KC UADDR=128 ALU=ADD MEM=STORE RSEL=KB K=S_ZERO ; pc; B <- 0
    ASEL=RA KC UADDR=40 ALU=ADD MEM=STORE           ; a0 <- 0
    ASEL=RA KC UADDR=196 ALU=ADD MEM=STORE          ; flags <- 0
    ASEL=RA KC UADDR=180 ALU=ADD MEM=STORE          ; its receive record <- none (it runs)
    ASEL=RA KC UADDR=188 ALU=ADD MEM=STORE          ; wait <- W_NONE
    ASEL=RA KC UADDR=192 ALU=ADD MEM=STORE RSEL=KB K=51 ; wait_obj <- 0; B <- 20
    ASEL=RA KC UADDR=44 ALU=ADD MEM=STORE RSEL=KB K=FP8 ; a1 <- 20; B <- RUNNABLE
    ASEL=RA KC UADDR=132 ALU=ADD MEM=STORE RSEL=KA K=SSCRATCH ; state; A <- p
    ; 7: p blocks in its receive, its registers saved as strap_vec saves them
    RES=PC WB=K K=52                                ; 52 <- the ecall's pc
    RSEL=KB K=52                                    ; B <- it
    ASEL=RA KC UADDR=128 ALU=ADD MEM=STORE RSEL=KB K=2 ; pc; B <- sp
    ASEL=RA KC UADDR=8 ALU=ADD MEM=STORE RSEL=KB K=3 ; sp; B <- gp
    ASEL=RA KC UADDR=12 ALU=ADD MEM=STORE RSEL=KB K=4 ; gp; B <- tp
    ASEL=RA KC UADDR=16 ALU=ADD MEM=STORE RSEL=KB K=5 ; tp; B <- t0
    ASEL=RA KC UADDR=20 ALU=ADD MEM=STORE RSEL=KB K=8 ; t0; B <- s0
    ASEL=RA KC UADDR=32 ALU=ADD MEM=STORE RSEL=KB K=9 ; s0
    ASEL=RA KC UADDR=36 ALU=ADD MEM=STORE RSEL=KB K=10 ; s1
    ASEL=RA KC UADDR=40 ALU=ADD MEM=STORE RSEL=KB K=11 ; a0
    ASEL=RA KC UADDR=44 ALU=ADD MEM=STORE RSEL=KB K=12 ; a1
    ASEL=RA KC UADDR=48 ALU=ADD MEM=STORE RSEL=KB K=13 ; a2
    ASEL=RA KC UADDR=52 ALU=ADD MEM=STORE RSEL=KB K=14 ; a3
    ASEL=RA KC UADDR=56 ALU=ADD MEM=STORE RSEL=KB K=15 ; a4
    ASEL=RA KC UADDR=60 ALU=ADD MEM=STORE RSEL=KB K=16 ; a5
    ASEL=RA KC UADDR=64 ALU=ADD MEM=STORE RSEL=KB K=17 ; a6
    ASEL=RA KC UADDR=68 ALU=ADD MEM=STORE RSEL=KB K=18 ; a7
    ASEL=RA KC UADDR=72 ALU=ADD MEM=STORE RSEL=KB K=19 ; s2
    ASEL=RA KC UADDR=76 ALU=ADD MEM=STORE RSEL=KB K=20 ; s3
    ASEL=RA KC UADDR=80 ALU=ADD MEM=STORE RSEL=KB K=21 ; s4
    ASEL=RA KC UADDR=84 ALU=ADD MEM=STORE RSEL=KB K=22 ; s5
    ASEL=RA KC UADDR=88 ALU=ADD MEM=STORE RSEL=KB K=23 ; s6
    ASEL=RA KC UADDR=92 ALU=ADD MEM=STORE RSEL=KB K=24 ; s7
    ASEL=RA KC UADDR=96 ALU=ADD MEM=STORE RSEL=KB K=25 ; s8
    ASEL=RA KC UADDR=100 ALU=ADD MEM=STORE RSEL=KB K=26 ; s9
    ASEL=RA KC UADDR=104 ALU=ADD MEM=STORE RSEL=KB K=27 ; s10
    ASEL=RA KC UADDR=108 ALU=ADD MEM=STORE RSEL=KB K=FP6 ; s11; B <- BLOCKED
    ASEL=RA KC UADDR=132 ALU=ADD MEM=STORE          ; state <- BLOCKED
    ASEL=RA KC UADDR=188 ALU=ADD MEM=STORE RSEL=KB K=53 ; wait <- W_RECV; B <- s5
    ASEL=RA KC UADDR=180 ALU=ADD MEM=STORE          ; the receive record: its port <- s5
    ASEL=RA KC UADDR=192 ALU=ADD MEM=STORE RSEL=KB K=FP3 ; wait_obj <- s5; B <- n
    ASEL=RA KC UADDR=208 ALU=ADD MEM=STORE RSEL=KB K=FP1 ; its name: rpc_reply <- n; B <- the flags
    ASEL=RA KC UADDR=196 ALU=ADD MEM=STORE RSEL=KA K=50 ; flags; A <- the block
    ; 8: the switch: vm_active, curproc, handoff (the block's words),
    ; sscratch (satp is r's since check 21)
    RSEL=KB K=FP5                                   ; B <- &r.map
    ASEL=RA KC UADDR=16 ALU=ADD MEM=STORE RSEL=KB K=FP2 ; vm_active <- &r.map; B <- r
    ASEL=RA KC UADDR=20 ALU=ADD MEM=STORE RSEL=KB K=S_ZERO ; curproc <- r; B <- 0
    ASEL=RA KC UADDR=24 ALU=ADD MEM=STORE RSEL=KA K=FP2 ; handoff <- 0; A <- r
    ASEL=RA BSEL=ZERO ALU=ADD WB=K K=SSCRATCH       ; sscratch <- r
    ; r's registers: what user_return's lean restore gives
    ASEL=RA KC UADDR=8 ALU=ADD MEM=LOAD             ; read sp
    ASEL=RA KC UADDR=12 ALU=ADD MEM=LOAD RES=LOAD WB=K K=2 ; read gp; sp
    ASEL=RA KC UADDR=16 ALU=ADD MEM=LOAD RES=LOAD WB=K K=3 ; read tp; gp
    ASEL=RA KC UADDR=32 ALU=ADD MEM=LOAD RES=LOAD WB=K K=4 ; read s0; tp
    ASEL=RA KC UADDR=36 ALU=ADD MEM=LOAD RES=LOAD WB=K K=8 ; read s1; s0
    ASEL=RA KC UADDR=72 ALU=ADD MEM=LOAD RES=LOAD WB=K K=9 ; read s2; s1
    ASEL=RA KC UADDR=76 ALU=ADD MEM=LOAD RES=LOAD WB=K K=18 ; read s3; s2
    ASEL=RA KC UADDR=80 ALU=ADD MEM=LOAD RES=LOAD WB=K K=19 ; s3
    ASEL=RA KC UADDR=84 ALU=ADD MEM=LOAD RES=LOAD WB=K K=20 ; s4
    ASEL=RA KC UADDR=88 ALU=ADD MEM=LOAD RES=LOAD WB=K K=21 ; s5
    ASEL=RA KC UADDR=92 ALU=ADD MEM=LOAD RES=LOAD WB=K K=22 ; s6
    ASEL=RA KC UADDR=96 ALU=ADD MEM=LOAD RES=LOAD WB=K K=23 ; s7
    ASEL=RA KC UADDR=100 ALU=ADD MEM=LOAD RES=LOAD WB=K K=24 ; s8
    ASEL=RA KC UADDR=104 ALU=ADD MEM=LOAD RES=LOAD WB=K K=25 ; s9
    ASEL=RA KC UADDR=108 ALU=ADD MEM=LOAD RES=LOAD WB=K K=26 ; s10
    RES=LOAD WB=K K=27                              ; s11
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=1            ; ra <- 0
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=5            ; t0
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=6            ; t1
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=7            ; t2
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=10           ; a0 <- 0
    ASEL=ZERO KC UADDR=20 ALU=ADD WB=K K=11         ; a1 <- 20
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=12           ; a2
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=13           ; a3
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=14           ; a4
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=15           ; a5
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=16           ; a6
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=17           ; a7
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=28           ; t3
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=29           ; t4
    RSEL=KA K=54                                    ; A <- r's pc
    ASEL=RA BSEL=ZERO ALU=ADD DST=DIVI SPWE=W K=A_PROBEX ; Q <- it: its code page through the TLB
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=30           ; t5 (the TLB reads)
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=31 NEXT=BR COND=TLBHIT UADDR=.fx ; t6; a hit: the walker holds the leaf
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=ENDJ             ; pc <- r's, in r's map (its fetch walks)
.fx:
    SPWE=W K=A_INSTALL                              ; the fetch page register <- r's code page
    ASEL=RA BSEL=ZERO ALU=ADD NEXT=ENDJ             ; pc <- r's: its fetch hits
.k2keep:
    ASEL=RA KC UADDR=4 ALU=ADD MEM=STORE            ; sendonce <- 0 (A = e6, B = the flags without it)
.k3:
    RSEL=KA K=50 NEXT=JUMP UADDR=.k3b               ; A <- the block
.k1rr:
    ASEL=ZERO BSEL=ZERO ALU=ADD WB=K K=AMOTMP NEXT=JUMP UADDR=.k2 ; reply-and-receive: AMOTMP <- the header's bits (none)
dispatch ECALL RT

;; The ecall the microcode does not take: what the configuration image's
;; ECALL word does (nothing else has changed).
RT_HAND:
    ASEL=ZERO BSEL=ZERO RES=ALU DST=TE NEXT=JUMP UADDR=TRAP ; T <- 0; cause <- 8 + mode

;; A user buffer's 20 bytes through a map when the TLB has no usable entry
;; (port A = the va, port B = the root table, AMOTMP = the PTE bits it
;; needs; the probe's kind chosen): T <- the physical address, the leaf
;; cached in the TLB and a page register as the hardware walk would (A and
;; D are set already, so the entry is the table's), or the ecall goes to
;; the kernel (across a page, no table, a leaf without a bit: the assembly
;; path's access sets A or D, serves the fault, or fails the call). Uses Q
;; and 52; FP7 <- the address too.
RT_XL:
    ASEL=ZERO KC UADDR=1019 ALU=ADD DST=DIVI        ; Q <- 0x3FB
    ASEL=Q KC UADDR=22 ALU=SLL DST=DIVI             ; Q <- 0xFEC << 20
    ASEL=RA KC UADDR=20 ALU=SLL DST=T               ; T <- the page offset << 20
    ASEL=Q BSEL=T ALU=SUBU NEXT=BR COND=LT UADDR=RT_XBAD ; past 0xFEC: across two pages
    ASEL=RA KC UADDR=20 ALU=SRL DST=T               ; T <- 4 VPN[1] + va bits 21:20
    ASEL=T BSEL=RB ALU=ADD MEM=LOAD DST=DIVI        ; read the level-1 entry's word (T <- 0: the capture is not shifted)
    RES=LOAD DST=DIVI                               ; Q <- it
    ASEL=Q KC UADDR=15 ALU=AND DST=T                ; T <- V R W X
    ASEL=T KC UADDR=1 ALU=SUB DST=T                 ; T <- V R W X - V
    ASEL=T BSEL=ZERO ALU=ADD NEXT=BR COND=NE UADDR=RT_XBAD ; not a table pointer
    ASEL=Q KC UADDR=10 ALU=SRL DST=T                ; T <- the table's PPN
    ASEL=T KC UADDR=12 ALU=SLL WB=K K=52            ; 52 <- the table
    ASEL=RA KC UADDR=10 ALU=SLL DST=T RSEL=KB K=52  ; T <- va bits 21:0 at the top; B <- the table
    ASEL=T KC UADDR=20 ALU=SRL DST=T                ; T <- 4 VPN[0] + va bits 11:10
    ASEL=T BSEL=RB ALU=ADD MEM=LOAD DST=DIVI RSEL=KB K=AMOTMP ; read the PTE's word (not shifted: T <- 0); B <- the bits needed
    RES=LOAD DST=DIVI SPWE=W K=A_SETPTE             ; Q, the walker's PTE <- it
    ASEL=Q BSEL=RB ALU=AND DST=T                    ; T <- those it has
    ASEL=T BSEL=RB ALU=SUB NEXT=BR COND=NE UADDR=RT_XBAD ; one missing
    ASEL=Q KC UADDR=10 ALU=SRL DST=T                ; T <- PPN
    ASEL=T KC UADDR=12 ALU=SLL WB=K K=52            ; 52 <- the page
    ASEL=RA BSEL=ZERO ALU=ADD DST=DIVI RSEL=KB K=52 ; Q <- the va (the install's); B <- the page
    ASEL=RA KC UADDR=20 ALU=SLL DST=T SPWE=W K=A_INSTALL ; T <- the offset << 20; TLB, page register <- the leaf
    ASEL=T KC UADDR=20 ALU=SRL DST=T                ; T <- the offset
    ASEL=T BSEL=RB ALU=OR DST=T WB=K K=FP7 NEXT=RET ; T, FP7 <- the physical address

;; A refusal once satp may hold r's (from check 21 on, and RT_XL's, where
;; it is the same word): satp <- vm_active's map (the kernel writes satp
;; only in vm_activate, so that is what it held at the ecall), then the
;; plain ecall. The page registers it forgets are not architectural.
RT_XBAD:
    RSEL=KA K=50                                    ; A <- the block
    ASEL=RA KC UADDR=16 ALU=ADD MEM=LOAD            ; read vm_active
    RES=LOAD DST=T                                  ; T <- the map
    ASEL=T KC UADDR=4 ALU=ADD MEM=LOAD              ; read asid, ran
    ASEL=T KC UADDR=4 ALU=SUB MEM=LOAD RES=LOAD DST=DIVI ; read root; Q <- asid, ran (T <- 0)
    RES=LOAD DST=T                                  ; T <- root
    ASEL=T KC UADDR=12 ALU=SRL WB=K K=52            ; 52 <- its PPN
    ASEL=Q KC UADDR=0x200 ALU=OR DST=T RSEL=KB K=52 ; T <- asid | MODE >> 22; B <- PPN
    ASEL=T KC UADDR=22 ALU=SLL DST=T                ; T <- MODE | asid << 22 (ran shifted out)
    ASEL=T BSEL=RB ALU=OR SPWE=W K=S_SATP NEXT=JUMP UADDR=RT_HAND ; satp <- it
