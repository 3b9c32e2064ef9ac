/*
 * The retire record: what the core reports for each step, in the RISC-V
 * Formal Interface (RVFI) shape, and what the reference ISS produces for the
 * same step. Co-simulation compares the two field by field.
 *
 * One record per step. A step is one of:
 *   - an instruction that completed (trap = intr = 0);
 *   - an instruction that raised an exception (trap = 1): pc_rdata is its pc,
 *     pc_wdata the trap handler's address, insn its bits (0 when the fetch
 *     itself faulted), no register or memory write; cause/tval as written to
 *     mcause/scause and mtval/stval;
 *   - an interrupt taken before the instruction at pc_rdata (intr = 1):
 *     pc_wdata the handler's address, insn 0, cause with bit 31 set.
 * mode is the privilege mode the step started in (0 U, 1 S, 3 M).
 * rd_addr is 0 when no register is written (and then rd_wdata is 0).
 * mem_rmask/mem_wmask are byte masks relative to mem_addr (word aligned).
 */
#ifndef AV_RVFI_H
#define AV_RVFI_H
#include <stdint.h>

struct rvfi_rec {
    uint64_t order;
    uint32_t insn;
    uint8_t  trap, intr, halt, mode;
    uint8_t  rs1_addr, rs2_addr, rd_addr;
    uint32_t rs1_rdata, rs2_rdata, rd_wdata;
    uint32_t pc_rdata, pc_wdata;
    uint32_t mem_addr;     /* physical, word aligned */
    uint8_t  mem_rmask, mem_wmask;
    uint32_t mem_rdata, mem_wdata;
    uint32_t cause, tval;  /* on trap/intr records */
};

#endif
