/*
 * Disassembler for RV32IMA, Zicsr, Zifencei, the privileged instructions and
 * Accent-V's custom-1 remap (see disasm.h). CSR names come from the generated
 * build/gen/csr.h, so renaming a CSR in rtl/core/csr.def renames it here.
 */
#include "disasm.h"
#include <stdio.h>
#include "csr.h"

static const char *const abi[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2",
    "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
    "s10", "s11", "t3", "t4", "t5", "t6"};

const char *disasm_reg(unsigned r) { return abi[r & 31]; }

const char *disasm_csr(unsigned csr)
{
    /* The table is sorted by number: binary search. */
    int lo = 0, hi = (int)(sizeof av_csr_names / sizeof av_csr_names[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (av_csr_names[mid].num == csr)
            return av_csr_names[mid].name;
        if (av_csr_names[mid].num < csr)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

static int clip(int len, size_t n) { return n == 0 ? 0 : (len >= (int)n ? (int)n - 1 : len); }

static void fence_set(unsigned bits, char *out)
{
    /* pred/succ nibble: i o r w from bit 3 down to bit 0 */
    int k = 0;
    if (bits & 8) out[k++] = 'i';
    if (bits & 4) out[k++] = 'o';
    if (bits & 2) out[k++] = 'r';
    if (bits & 1) out[k++] = 'w';
    if (!k) out[k++] = '0';
    out[k] = 0;
}

int disasm(uint32_t insn, uint32_t pc, char *buf, size_t n)
{
    unsigned op = insn & 0x7f, rd = (insn >> 7) & 31, f3 = (insn >> 12) & 7;
    unsigned rs1 = (insn >> 15) & 31, rs2 = (insn >> 20) & 31, f7 = insn >> 25;
    int32_t imm_i = (int32_t)insn >> 20;
    int32_t imm_s = ((int32_t)insn >> 25 << 5) | (int32_t)((insn >> 7) & 31);
    int32_t imm_b = ((int32_t)insn >> 31 << 12) | (int32_t)((insn & 0x80) << 4) |
                    (int32_t)((insn >> 20) & 0x7e0) | (int32_t)((insn >> 7) & 0x1e);
    int32_t imm_j = ((int32_t)insn >> 31 << 20) | (int32_t)(insn & 0xff000) |
                    (int32_t)((insn >> 9) & 0x800) | (int32_t)((insn >> 20) & 0x7fe);
    const char *D = abi[rd], *S1 = abi[rs1], *S2 = abi[rs2];
    int len = -1;
#define P(...) (len = snprintf(buf, n, __VA_ARGS__))

    switch (op) {
    case 0x37: P("lui %s, 0x%x", D, insn >> 12); break;
    case 0x17: P("auipc %s, 0x%x", D, insn >> 12); break;
    case 0x6f: P("jal %s, 0x%08x", D, pc + (uint32_t)imm_j); break;
    case 0x67:
        if (f3 == 0)
            P("jalr %s, %d(%s)", D, imm_i, S1);
        break;
    case 0x63: {
        static const char *const b[8] = {"beq", "bne", 0, 0, "blt", "bge", "bltu", "bgeu"};
        if (b[f3])
            P("%s %s, %s, 0x%08x", b[f3], S1, S2, pc + (uint32_t)imm_b);
        break;
    }
    case 0x03: {
        static const char *const l[8] = {"lb", "lh", "lw", 0, "lbu", "lhu", 0, 0};
        if (l[f3])
            P("%s %s, %d(%s)", l[f3], D, imm_i, S1);
        break;
    }
    case 0x23: {
        static const char *const s[8] = {"sb", "sh", "sw", 0, 0, 0, 0, 0};
        if (s[f3])
            P("%s %s, %d(%s)", s[f3], S2, imm_s, S1);
        break;
    }
    case 0x13:
        switch (f3) {
        case 0: P("addi %s, %s, %d", D, S1, imm_i); break;
        case 2: P("slti %s, %s, %d", D, S1, imm_i); break;
        case 3: P("sltiu %s, %s, %d", D, S1, imm_i); break;
        case 4: P("xori %s, %s, %d", D, S1, imm_i); break;
        case 6: P("ori %s, %s, %d", D, S1, imm_i); break;
        case 7: P("andi %s, %s, %d", D, S1, imm_i); break;
        case 1: if (f7 == 0) P("slli %s, %s, %u", D, S1, rs2); break;
        case 5:
            if (f7 == 0) P("srli %s, %s, %u", D, S1, rs2);
            else if (f7 == 0x20) P("srai %s, %s, %u", D, S1, rs2);
            break;
        }
        break;
    case 0x33: {
        static const char *const base[8] = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
        static const char *const mul[8] = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
        const char *m = NULL;
        if (f7 == 0) m = base[f3];
        else if (f7 == 1) m = mul[f3];
        else if (f7 == 0x20 && f3 == 0) m = "sub";
        else if (f7 == 0x20 && f3 == 5) m = "sra";
        if (m)
            P("%s %s, %s, %s", m, D, S1, S2);
        break;
    }
    case 0x0f:
        if (f3 == 0) {
            char p[5], s[5];
            fence_set((insn >> 24) & 15, p);
            fence_set((insn >> 20) & 15, s);
            if (((insn >> 28) & 15) == 8)
                P("fence.tso");
            else
                P("fence %s, %s", p, s);
        } else if (f3 == 1) {
            P("fence.i");
        }
        break;
    case 0x2f:
        if (f3 == 2) {
            static const char *const a[32] = {
                [0x00] = "amoadd.w", [0x01] = "amoswap.w", [0x02] = "lr.w", [0x03] = "sc.w",
                [0x04] = "amoxor.w", [0x08] = "amoor.w", [0x0c] = "amoand.w",
                [0x10] = "amomin.w", [0x14] = "amomax.w", [0x18] = "amominu.w",
                [0x1c] = "amomaxu.w"};
            const char *m = a[f7 >> 2];
            const char *q = (f7 & 3) == 3 ? ".aqrl" : (f7 & 2) ? ".aq" : (f7 & 1) ? ".rl" : "";
            if (m && (f7 >> 2) == 2) {
                if (rs2 == 0)
                    P("%s%s %s, (%s)", m, q, D, S1);
            } else if (m) {
                P("%s%s %s, %s, (%s)", m, q, D, S2, S1);
            }
        }
        break;
    case 0x73:
        if (f3 == 0) {
            if (insn == 0x00000073) P("ecall");
            else if (insn == 0x00100073) P("ebreak");
            else if (insn == 0x10200073) P("sret");
            else if (insn == 0x30200073) P("mret");
            else if (insn == 0x10500073) P("wfi");
            else if (f7 == 0x09 && rd == 0) P("sfence.vma %s, %s", S1, S2);
        } else if (f3 != 4) {
            static const char *const c[8] = {0, "csrrw", "csrrs", "csrrc", 0, "csrrwi", "csrrsi", "csrrci"};
            unsigned csr = insn >> 20;
            const char *name = disasm_csr(csr);
            char num[8];
            if (!name) {
                snprintf(num, sizeof num, "0x%03x", csr);
                name = num;
            }
            if (f3 < 4)
                P("%s %s, %s, %s", c[f3], D, name, S1);
            else
                P("%s %s, %s, %u", c[f3], D, name, rs1);
        }
        break;
    case 0x2b: /* custom-1: remap (DESIGN.md, VM contract) */
        if (f3 == 0 && f7 == 0 && rs2 == 0)
            P("remap %s, %s", D, S1);
        break;
    }
    if (len < 0)
        P(".word 0x%08x", insn);
#undef P
    return clip(len, n);
}
