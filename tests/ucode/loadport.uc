; Run-time microcode for the load-port test (tests/ucode/loadport.S): a new
; meaning for custom-0, loaded through CSRs ucaddr/ucdatalo/ucdatahi.
; Assembled against the configuration image's symbol file into a C array of
; {target, lo, hi} pairs (uasm --c-array), which the test program writes.

;; custom-0 (R-type): rd <- 2*rs1 + rs2. The first word goes into the
;; dispatch entry of class CUSTOM0, the second into free control store.
LP_SCALE_ADD:
    ASEL=RA BSEL=RA ALU=ADD DST=T                   ; T <- rs1 + rs1
    ASEL=T BSEL=RB ALU=ADD WB=RD NEXT=END           ; rd <- T + rs2
dispatch CUSTOM0 LP_SCALE_ADD
