/*
 * RV32IMA + Zicsr + Zifencei + privileged-instruction disassembler, shared by
 * the reference ISS (--trace-insn), the RTL harness's retire log and the
 * co-simulation reports, so all three print an instruction the same way.
 */
#ifndef AV_DISASM_H
#define AV_DISASM_H
#include <stddef.h>
#include <stdint.h>

/* Write the assembly text of insn (at pc, for branch/jump targets) into buf.
 * Unknown encodings print as ".word 0x........". Returns the length written
 * (as snprintf, clipped to n-1). */
int disasm(uint32_t insn, uint32_t pc, char *buf, size_t n);

/* ABI name of integer register r (0..31). */
const char *disasm_reg(unsigned r);

/* Name of CSR number csr, or NULL when csr.def does not define it. */
const char *disasm_csr(unsigned csr);

#endif
