/*
 * Lock-step co-simulation: the RTL harness hands every retire record of the
 * core to cosim_step, which steps the reference ISS once and compares the two
 * records field by field. On the first difference it prints both sides, the
 * disassembled instruction and the last 16 retired instructions to stderr.
 *
 * What the ISS takes from the RTL record instead of computing (it cannot
 * know them): interrupts (intr=1: the ISS takes that cause at that point and
 * never takes one by itself), device (MMIO) load data, load data of the
 * fault routines' cycle sums in the kernel's statistics (VM contract ST_CYC_*), reads of the counter
 * CSRs (cycle/time/instret/hpmcounter3-4 and their m/h forms) and of the
 * device-driven mip bits (MSIP, MTIP, MEIP), the TLB hit/miss decision of a
 * software-refill U-mode access (cause 24), and for custom-0 instructions
 * (run-time microcode) the destination register and memory write.
 *
 * Record conventions the ISS produces (see sim/rvfi.h):
 *   - rs1/rs2 addr+rdata: set for the registers the instruction format reads
 *     (R/S/B/AMO/sfence.vma: both; I-type, loads, JALR, CSR register forms,
 *     remap: rs1 only; LUI/AUIPC/JAL/CSR immediate forms/fence/system: none);
 *     zero on trap and interrupt records (not compared there).
 *   - mem_rdata/mem_wdata are compared only under their byte masks; AMOs
 *     carry both masks (rdata = old value, wdata = new value); a failed SC has
 *     no masks.
 */
#ifndef AV_COSIM_H
#define AV_COSIM_H
#include <stddef.h>
#include <stdint.h>
#include "rvfi.h"

struct cosim;

/* Build an ISS with ram_bytes of RAM and load elf through boot_prepare (as
 * the harness does). Returns NULL with a one-line reason in err. */
struct cosim *cosim_new(uint32_t ram_bytes, const char *elf, char *err, size_t n);

/* Step the ISS once against the RTL's record. Returns 0 when they agree,
 * 1 on a difference (after printing the report). */
int cosim_step(struct cosim *c, const struct rvfi_rec *rtl);

/* The ISS inside (for harness extras, e.g. reading its state). */
struct iss *cosim_iss(struct cosim *c);

void cosim_free(struct cosim *c);

#endif
