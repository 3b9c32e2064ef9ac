// Accent-V Verilator harness: runs one RV32 ELF on the simulated SoC.
//
// It loads the machine through sim/boot.c (the same set-up the ISS uses),
// clocks the model, prints UART bytes on stdout and ends with the program's
// verdict: the test finisher (0x5555 pass, (code<<16)|0x3333 fail) or the
// riscv-tests `tohost` convention, watched through the SoC's
// store-observation port. Exit status: 0 pass, the program's code on fail,
// 2 unusable input (options, ELF), 3 --max-cycles reached, 4 core hung (or
// asleep in wfi with nothing left that can wake it), 5 co-simulation
// divergence. `accentv-sim --help` lists the options.
#include "Vav_sim_top.h"
#include "Vav_sim_top__Dpi.h"
#include "svdpi.h"
#include "verilated.h"
#include "verilated_fst_c.h"
#include "verilated_syms.h"

#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include "boot.h"
#include "memmap.h"
#include "rvfi.h"
#ifdef AV_HAVE_DISASM
#include "iss/disasm.h"
#endif
#ifdef AV_HAVE_COSIM
#include "iss/cosim.h"
#endif
#ifdef AV_HAVE_UCODE_H
#include "ucode.h"
#endif
}

namespace {

enum Exit { EXIT_PASS = 0, EXIT_USAGE = 2, EXIT_MAXCYC = 3, EXIT_HUNG = 4, EXIT_COSIM = 5 };

constexpr uint64_t HANG_CYCLES = 1000000;   // no retire for this long: hung
constexpr uint32_t INSN_WFI = 0x10500073;
constexpr int RESET_CYCLES = 4;
constexpr uint64_t DRAIN_CYCLES = 64;      // after a verdict, until its store retires

const char *USAGE =
    "usage: accentv-sim [options] program.elf\n"
    "Runs an RV32 ELF linked at 0x80000000 on the simulated Accent-V SoC.\n"
    "  --max-cycles N        stop after N cycles (default 10^10; exit status 3)\n"
    "  --ram-size N[K|M]     RAM size in bytes (default 16M, at most the model's)\n"
    "  --trace FILE.fst      write an FST waveform (with the microcode routine name)\n"
    "  --trace-from N        start the waveform at cycle N (it is slow and large)\n"
    "  --trace-insn          log every retire record to stderr\n"
    "  --uprof FILE          count the cycles at each microprogram address, to FILE\n"
    "  --cosim               check every retire record against the reference ISS\n"
    "  --corrupt-ucode A:B   flip bit B of control-store word A after loading\n"
    "  --uart-in FILE        feed FILE's bytes to the UART receiver\n"
    "  --stats               print cycles, instructions and CPI at the end\n"
    "  +signature=FILE       write begin_signature..end_signature, one word a line\n"
    "  --help                this text\n"
    "Exit status: 0 pass; the program's code on failure; 2 bad input; 3 cycle\n"
    "limit; 4 core stopped retiring, or asleep in wfi with nothing that can wake\n"
    "it; 5 co-simulation divergence.\n";

struct Options {
    const char *elf = nullptr;
    uint64_t max_cycles = 10000000000ull;
    uint32_t ram_bytes = MM_RAM_DEFAULT;
    const char *trace = nullptr;
    uint64_t trace_from = 0;
    const char *uprof = nullptr;
    bool trace_insn = false;
    bool cosim = false;
    bool stats = false;
    bool corrupt = false;
    uint32_t corrupt_addr = 0, corrupt_bit = 0;
    const char *uart_in = nullptr;
    const char *signature = nullptr;
};

[[noreturn]] void die_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "accentv-sim: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see --help)\n");
    exit(EXIT_USAGE);
}

bool parse_u64(const char *s, uint64_t *v)
{
    if (!s || !*s || *s == '-')
        return false;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno || *end)
        return false;
    *v = x;
    return true;
}

Options parse_args(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        auto value = [&](const char *name) -> const char * {
            if (i + 1 >= argc)
                die_usage("%s needs a value", name);
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            fputs(USAGE, stdout);
            exit(0);
        } else if (a == "--max-cycles") {
            if (!parse_u64(value("--max-cycles"), &o.max_cycles) || o.max_cycles == 0)
                die_usage("bad --max-cycles value '%s'", argv[i]);
        } else if (a == "--ram-size") {
            if (boot_parse_size(value("--ram-size"), &o.ram_bytes))
                die_usage("bad --ram-size '%s': bytes with an optional K or M, a multiple of 4", argv[i]);
        } else if (a == "--trace") {
            o.trace = value("--trace");
        } else if (a == "--trace-from") {
            if (!parse_u64(value("--trace-from"), &o.trace_from))
                die_usage("bad --trace-from value '%s'", argv[i]);
        } else if (a == "--trace-insn") {
            o.trace_insn = true;
        } else if (a == "--uprof") {
            o.uprof = value("--uprof");
        } else if (a == "--cosim") {
            o.cosim = true;
        } else if (a == "--stats") {
            o.stats = true;
        } else if (a == "--uart-in") {
            o.uart_in = value("--uart-in");
        } else if (a == "--corrupt-ucode") {
            const char *v = value("--corrupt-ucode");
            const char *colon = strchr(v, ':');
            uint64_t ad, bt;
            if (!colon || !parse_u64(std::string(v, colon).c_str(), &ad) ||
                !parse_u64(colon + 1, &bt) || ad > 0xffff || bt > 63)
                die_usage("bad --corrupt-ucode '%s': want ADDR:BIT", v);
            o.corrupt = true;
            o.corrupt_addr = (uint32_t)ad;
            o.corrupt_bit = (uint32_t)bt;
        } else if (a.rfind("+signature=", 0) == 0) {
            o.signature = argv[i] + strlen("+signature=");
            if (!*o.signature)
                die_usage("%s names no file", argv[i]);
        } else if (a.size() > 1 && (a[0] == '-' || a[0] == '+')) {
            die_usage("unknown option '%s'", argv[i]);
        } else if (o.elf) {
            die_usage("more than one program given ('%s')", argv[i]);
        } else {
            o.elf = argv[i];
        }
    }
    if (!o.elf)
        die_usage("%s", "no program given");
    return o;
}

// ---- memory access through the SoC's DPI-exported functions --------------
svScope ram_scope, rom_scope, soc_scope;

svScope find_scope(const char *name)
{
    svScope s = svGetScopeFromName(name);
    if (!s) {
        fprintf(stderr, "accentv-sim: internal error: no DPI scope %s\n", name);
        exit(EXIT_USAGE);
    }
    return s;
}

bool in_ram(uint32_t addr, uint32_t ram_bytes)
{
    return addr >= MM_RAM_BASE && addr - MM_RAM_BASE < ram_bytes;
}

uint32_t ram_read(uint32_t addr)
{
    svSetScope(ram_scope);
    return av_ram_read_word((addr - MM_RAM_BASE) >> 2);
}

void ram_write(uint32_t addr, uint32_t value)
{
    svSetScope(ram_scope);
    av_ram_write_word((addr - MM_RAM_BASE) >> 2, value);
}

// boot_write_fn: byte ranges into ROM or RAM, merged into whole words.
void boot_write(void *ctx, uint32_t paddr, const void *data, uint32_t len)
{
    uint32_t ram_bytes = *(const uint32_t *)ctx;
    const uint8_t *p = (const uint8_t *)data;
    for (uint32_t i = 0; i < len;) {
        uint32_t a = paddr + i, w = a & ~3u;
        bool rom = a >= MM_BOOTROM_BASE && a - MM_BOOTROM_BASE < MM_BOOTROM_SIZE;
        if (!rom && !in_ram(a, ram_bytes)) {
            fprintf(stderr, "accentv-sim: internal error: boot write to 0x%08x\n", a);
            exit(EXIT_USAGE);
        }
        uint32_t word = rom ? 0 : ram_read(w);
        if (rom) {
            // The ROM has no read function; boot.c writes it whole, word aligned.
            if ((a & 3) || len - i < 4) {
                fprintf(stderr, "accentv-sim: internal error: unaligned ROM write\n");
                exit(EXIT_USAGE);
            }
        }
        for (; i < len && ((paddr + i) & ~3u) == w; i++)
            word = (word & ~(0xffu << (8 * ((paddr + i) & 3)))) | ((uint32_t)p[i] << (8 * ((paddr + i) & 3)));
        if (rom) {
            svSetScope(rom_scope);
            av_bootrom_write_word((w - MM_BOOTROM_BASE) >> 2, word);
        } else {
            ram_write(w, word);
        }
    }
}

// ---- the harness ------------------------------------------------------------
struct Harness {
    Options opt;
    std::unique_ptr<VerilatedContext> vctx;
    std::unique_ptr<Vav_sim_top> top;
    std::unique_ptr<VerilatedFstC> fst;
    struct elf_image img {};
    uint64_t cycle = 0, instret = 0, last_retire = 0;
    uint64_t edges = 0;           // waveform time: two per cycle, reset included
    bool sleeping = false;        // last retired instruction was wfi
    uint32_t wfi_lo = 1, wfi_hi = 0;   // control-store words of the WFI routine
    uint64_t awake = 0;           // the last cycle not asleep in wfi
    // A verdict (finisher or tohost) ends the run once the store that gave it
    // has retired, so the retire log and co-simulation include it.
    bool verdict = false;
    int verdict_status = 0;
    uint32_t verdict_addr = 0;
    uint64_t verdict_deadline = 0;
    bool have_tohost = false;
    uint32_t tohost = 0, fromhost = 0;
    bool tohost_written = false;  // a store to tohost lands at this edge
    std::vector<uint8_t> uart_in;
    size_t uart_pos = 0;
    bool rx_ready_before = false;
    rvfi_rec ring[16] {};         // the last retire records, for reports
    uint64_t nrec = 0;
#ifdef AV_HAVE_COSIM
    struct cosim *cs = nullptr;
#endif
    std::chrono::steady_clock::time_point t0;
    // --uprof: cycles at each value of upc_o (a control-store address, a
    // dispatch class | 0x8000, 0xFFFF for decode), for tuning microcode: a
    // routine's cost word by word, over the whole run
    std::vector<uint64_t> uprof;
    FILE *uprof_f = nullptr;

    int run();
    void load();
    void corrupt_ucode();
    void tick();
    rvfi_rec record() const;
    void print_record(FILE *f, const rvfi_rec &r) const;
    void dump_recent(FILE *f) const;
    int check_tohost(bool *done);
    bool waiting_in_wfi() const;
    void set_verdict(int status, uint32_t addr);
    void write_signature();
    void write_uprof();
    int finish(int status);
};

void Harness::load()
{
    char err[512];
    if (opt.ram_bytes > MM_RAM_DEFAULT) {
        fprintf(stderr, "accentv-sim: --ram-size %u exceeds the model's RAM (%u bytes)\n",
                opt.ram_bytes, (unsigned)MM_RAM_DEFAULT);
        exit(EXIT_USAGE);
    }
    ram_scope = find_scope("TOP.av_sim_top.u_soc.u_ram");
    rom_scope = find_scope("TOP.av_sim_top.u_soc.u_rom");
    soc_scope = find_scope("TOP.av_sim_top.u_soc");
    svSetScope(soc_scope);
    av_soc_set_ram_bytes(opt.ram_bytes);
    if (boot_prepare(opt.elf, opt.ram_bytes, boot_write, &opt.ram_bytes, &img, err, sizeof err)) {
        fprintf(stderr, "accentv-sim: %s\n", err);
        exit(EXIT_USAGE);
    }
    uint32_t fh;
    have_tohost = elf_symbol(&img, "tohost", &tohost);
    if (have_tohost && elf_symbol(&img, "fromhost", &fh))
        fromhost = fh;
    if (have_tohost && (tohost & 7 || !in_ram(tohost, opt.ram_bytes))) {
        fprintf(stderr, "accentv-sim: %s: tohost at 0x%08x is not an aligned RAM address\n",
                opt.elf, tohost);
        exit(EXIT_USAGE);
    }
    if (opt.signature) {
        uint32_t b, e;
        if (!elf_symbol(&img, "begin_signature", &b) || !elf_symbol(&img, "end_signature", &e)) {
            fprintf(stderr, "accentv-sim: %s: +signature needs begin_signature and end_signature\n",
                    opt.elf);
            exit(EXIT_USAGE);
        }
    }
    if (opt.uart_in) {
        FILE *f = fopen(opt.uart_in, "rb");
        if (!f) {
            fprintf(stderr, "accentv-sim: --uart-in %s: %s\n", opt.uart_in, strerror(errno));
            exit(EXIT_USAGE);
        }
        int c;
        while ((c = fgetc(f)) != EOF)
            uart_in.push_back((uint8_t)c);
        fclose(f);
    }
    if (opt.corrupt)
        corrupt_ucode();
#ifdef AV_HAVE_UCODE_H
    for (uint32_t a = 0; a < UC_STORE; a++)
        if (strcmp(uc_routine_name(a), "WFI") == 0) {
            if (wfi_lo > wfi_hi)
                wfi_lo = a;
            wfi_hi = a + 1;
        }
#endif
    if (opt.cosim) {
#ifdef AV_HAVE_COSIM
        cs = cosim_new(opt.ram_bytes, opt.elf, err, sizeof err);
        if (!cs) {
            fprintf(stderr, "accentv-sim: --cosim: %s\n", err);
            exit(EXIT_USAGE);
        }
#else
        fprintf(stderr, "accentv-sim: --cosim: built without the reference ISS\n");
        exit(EXIT_USAGE);
#endif
    }
}

// Flip one bit of one control-store word. The control store is the array
// cs_mem of the WCS (made public by sim/sim.vlt); it is found by name in
// Verilator's scope table, so the harness needs no knowledge of the core's
// instance names.
void Harness::corrupt_ucode()
{
    const VerilatedVar *var = nullptr;
    const char *where = nullptr;
    for (const auto &it : *vctx->scopeNameMap()) {
        const VerilatedVar *v = it.second->varFind("cs_mem");
        if (v) {
            var = v;
            where = it.first;
            break;
        }
    }
    if (!var || var->udims() != 1 || var->vltype() != VLVT_UINT64) {
        fprintf(stderr, "accentv-sim: --corrupt-ucode: no 64-bit-word control store (cs_mem) in this model\n");
        exit(EXIT_USAGE);
    }
    uint32_t words = (uint32_t)var->unpacked().elements();
    uint32_t width = (uint32_t)var->packed().elements();
    if (opt.corrupt_addr >= words || opt.corrupt_bit >= width) {
        fprintf(stderr, "accentv-sim: --corrupt-ucode %u:%u: the control store (%s) is %u words of %u bits\n",
                opt.corrupt_addr, opt.corrupt_bit, where, words, width);
        exit(EXIT_USAGE);
    }
    uint64_t *word = (uint64_t *)var->datapAdjustIndex(var->datap(), 1, (int)opt.corrupt_addr);
    if (!word) {
        fprintf(stderr, "accentv-sim: --corrupt-ucode: cannot address word %u of %s\n",
                opt.corrupt_addr, where);
        exit(EXIT_USAGE);
    }
    *word ^= 1ull << opt.corrupt_bit;
}

// Is the microprogram counter in the WFI routine (a core waiting for an
// interrupt, which is not hung)? The routine's words come from the
// microassembler's table (ucode.h); upc_o values of 0x8000 and above are
// dispatch words and decode cycles, never waiting.
bool Harness::waiting_in_wfi() const
{
    uint32_t upc = top->upc_o;
    return upc >= wfi_lo && upc < wfi_hi;
}

void Harness::set_verdict(int status, uint32_t addr)
{
    verdict = true;
    verdict_status = status;
    verdict_addr = addr & ~3u;
    verdict_deadline = cycle + DRAIN_CYCLES;
    // The store may have retired already (then end at the next cycle).
    const rvfi_rec &last = ring[(nrec + 15) % 16];
    if (nrec && last.mem_wmask && last.mem_addr == verdict_addr)
        verdict_deadline = cycle;
}

// One clock cycle: rising edge, then falling edge. Outputs are sampled
// between the two (after the rising edge), where registered outputs are new.
void Harness::tick()
{
    bool dump = fst && cycle >= opt.trace_from;
    top->clk_i = 1;
    top->eval();
    if (dump)
        fst->dump(++edges);
    top->clk_i = 0;
    top->eval();
    if (dump)
        fst->dump(++edges);
    else
        edges += 2;
    cycle++;
}

rvfi_rec Harness::record() const
{
    rvfi_rec r;
    r.order = top->rvfi_order_o;
    r.insn = top->rvfi_insn_o;
    r.trap = top->rvfi_trap_o;
    r.intr = top->rvfi_intr_o;
    r.halt = top->rvfi_halt_o;
    r.mode = top->rvfi_mode_o;
    r.rs1_addr = top->rvfi_rs1_addr_o;
    r.rs2_addr = top->rvfi_rs2_addr_o;
    r.rd_addr = top->rvfi_rd_addr_o;
    r.rs1_rdata = top->rvfi_rs1_rdata_o;
    r.rs2_rdata = top->rvfi_rs2_rdata_o;
    r.rd_wdata = top->rvfi_rd_wdata_o;
    r.pc_rdata = top->rvfi_pc_rdata_o;
    r.pc_wdata = top->rvfi_pc_wdata_o;
    r.mem_addr = top->rvfi_mem_addr_o;
    r.mem_rmask = top->rvfi_mem_rmask_o;
    r.mem_wmask = top->rvfi_mem_wmask_o;
    r.mem_rdata = top->rvfi_mem_rdata_o;
    r.mem_wdata = top->rvfi_mem_wdata_o;
    r.cause = top->rvfi_cause_o;
    r.tval = top->rvfi_tval_o;
    return r;
}

void Harness::print_record(FILE *f, const rvfi_rec &r) const
{
    static const char modes[] = "USHM";
    char dis[96] = "";
#ifdef AV_HAVE_DISASM
    if (!r.intr)
        disasm(r.insn, r.pc_rdata, dis, sizeof dis);
#endif
    fprintf(f, "%8" PRIu64 " %c %08x %08x %-28s", r.order, modes[r.mode & 3], r.pc_rdata, r.insn, dis);
    if (r.intr)
        fprintf(f, " interrupt cause=0x%08x -> %08x", r.cause, r.pc_wdata);
    else if (r.trap)
        fprintf(f, " trap cause=%u tval=0x%08x -> %08x", r.cause, r.tval, r.pc_wdata);
    if (r.rd_addr)
        fprintf(f, " x%u=%08x", r.rd_addr, r.rd_wdata);
    if (r.mem_rmask)
        fprintf(f, " load[%08x/%x]=%08x", r.mem_addr, r.mem_rmask, r.mem_rdata);
    if (r.mem_wmask)
        fprintf(f, " store[%08x/%x]=%08x", r.mem_addr, r.mem_wmask, r.mem_wdata);
    fputc('\n', f);
}

void Harness::dump_recent(FILE *f) const
{
    uint64_t n = nrec < 16 ? nrec : 16;
    if (n)
        fprintf(f, "last %" PRIu64 " retire records:\n", n);
    for (uint64_t i = nrec - n; i < nrec; i++)
        print_record(f, ring[i % 16]);
}

// A store to tohost has landed: act on the riscv-tests convention.
// Returns the exit status and sets *done when the program has ended.
int Harness::check_tohost(bool *done)
{
    uint32_t v = ram_read(tohost);
    *done = false;
    if (v == 0)
        return 0;
    if (v & 1) {
        *done = true;
        if (v == 1)
            return EXIT_PASS;
        uint32_t code = v >> 1;
        fprintf(stderr, "accentv-sim: FAIL: tohost = 0x%08x: test %u failed\n", v, code);
        return (code & 0xff) ? (int)(code & 0xff) : 1;
    }
    // Even: the address of a syscall block, eight 64-bit words
    // {which, arg0, arg1, arg2, ...}; the result goes back into word 0.
    uint32_t mm = v;
    if (!in_ram(mm, opt.ram_bytes) || !in_ram(mm + 63, opt.ram_bytes)) {
        *done = true;
        fprintf(stderr, "accentv-sim: tohost: syscall block 0x%08x outside RAM\n", mm);
        return 1;
    }
    auto arg = [&](int i) { return ram_read(mm + 8 * i); };   // low halves: RV32 values
    uint32_t which = arg(0);
    int64_t ret;
    if (which == 64) {   // write(fd, buf, len)
        uint32_t fd = arg(1), buf = arg(2), len = arg(3);
        if ((fd != 1 && fd != 2) || (len && (!in_ram(buf, opt.ram_bytes) ||
                                             !in_ram(buf + len - 1, opt.ram_bytes)))) {
            ret = -9;    // EBADF / bad buffer
        } else {
            FILE *f = fd == 1 ? stdout : stderr;
            for (uint32_t i = 0; i < len; i++)
                fputc((int)((ram_read((buf + i) & ~3u) >> (8 * ((buf + i) & 3))) & 0xff), f);
            fflush(f);
            ret = len;
        }
    } else if (which == 93) {  // exit(code)
        *done = true;
        uint32_t code = arg(1);
        if (code)
            fprintf(stderr, "accentv-sim: FAIL: exit(%u)\n", code);
        return code ? ((code & 0xff) ? (int)(code & 0xff) : 1) : EXIT_PASS;
    } else {
        ret = -38;       // ENOSYS
    }
    ram_write(mm, (uint32_t)ret);
    ram_write(mm + 4, (uint32_t)((uint64_t)ret >> 32));
    if (fromhost) {
        ram_write(fromhost, 1);
        ram_write(fromhost + 4, 0);
    }
    ram_write(tohost, 0);
    ram_write(tohost + 4, 0);
    return 0;
}

void Harness::write_signature()
{
    uint32_t b, e;
    elf_symbol(&img, "begin_signature", &b);
    elf_symbol(&img, "end_signature", &e);
    FILE *f = fopen(opt.signature, "w");
    if (!f) {
        fprintf(stderr, "accentv-sim: +signature=%s: %s\n", opt.signature, strerror(errno));
        return;
    }
    for (uint32_t a = b & ~3u; a < e; a += 4)
        fprintf(f, "%08x\n", in_ram(a, opt.ram_bytes) ? ram_read(a) : 0u);
    fclose(f);
}

// One line a value seen: the address (or decode, or the dispatch class whose
// routine's first word ran), its cycles, and the configuration image's
// routine there ("-" for a word of a run-time image, such as the fast paths).
void Harness::write_uprof()
{
    fprintf(uprof_f, "# accentv-sim --uprof: %" PRIu64 " cycles by microprogram counter\n", cycle);
    for (uint32_t v = 0; v < uprof.size(); v++) {
        if (!uprof[v])
            continue;
        if (v == 0xFFFF)
            fprintf(uprof_f, "decode %" PRIu64 "\n", uprof[v]);
        else if (v & 0x8000)
            fprintf(uprof_f, "dispatch %u %" PRIu64 "\n", v & 0x7FFF, uprof[v]);
        else
#ifdef AV_HAVE_UCODE_H
            fprintf(uprof_f, "0x%03x %" PRIu64 " %s\n", v, uprof[v], uc_routine_name(v));
#else
            fprintf(uprof_f, "0x%03x %" PRIu64 "\n", v, uprof[v]);
#endif
    }
    fclose(uprof_f);
}

int Harness::finish(int status)
{
    if (opt.signature)
        write_signature();
    if (uprof_f)
        write_uprof();
    fflush(stdout);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (opt.stats || secs > 10)
        fprintf(stderr, "accentv-sim: %" PRIu64 " cycles, %" PRIu64 " instructions (CPI %.3f) in %.1f s: %.0f cycles/s\n",
                cycle, instret, instret ? (double)cycle / (double)instret : 0.0, secs,
                secs > 0 ? (double)cycle / secs : 0.0);
    if (fst)
        fst->close();
    top->final();
#ifdef AV_HAVE_COSIM
    if (cs)
        cosim_free(cs);
#endif
    elf_free(&img);
    return status;
}

int Harness::run()
{
    vctx = std::make_unique<VerilatedContext>();
    vctx->traceEverOn(opt.trace != nullptr);
    top = std::make_unique<Vav_sim_top>(vctx.get(), "TOP");
    top->clk_i = 0;
    top->rst_ni = 0;
    top->uart_tx_ready_i = 1;
    top->uart_rx_valid_i = 0;
    top->uart_rx_data_i = 0;
    top->eval();     // initial blocks have run: now memory may be written
    load();
    if (opt.trace) {
        fst = std::make_unique<VerilatedFstC>();
        top->trace(fst.get(), 99);
        fst->open(opt.trace);
        if (!fst->isOpen()) {
            fprintf(stderr, "accentv-sim: --trace %s: cannot open\n", opt.trace);
            exit(EXIT_USAGE);
        }
        fst->dump(0);
    }
    if (opt.uprof) {
        uprof_f = fopen(opt.uprof, "w");
        if (!uprof_f) {
            fprintf(stderr, "accentv-sim: --uprof %s: %s\n", opt.uprof, strerror(errno));
            exit(EXIT_USAGE);
        }
        uprof.assign(1u << 16, 0);
    }
    t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < RESET_CYCLES; i++)
        tick();
    top->rst_ni = 1;
    cycle = 0;

    for (;;) {
        if (cycle >= opt.max_cycles) {
            fprintf(stderr, "accentv-sim: --max-cycles %" PRIu64 " reached (pc 0x%08x, %" PRIu64 " instructions retired)\n",
                    opt.max_cycles, top->rvfi_pc_wdata_o, instret);
            return finish(EXIT_MAXCYC);
        }
        // UART receive: the byte offered at the last edge was taken if the
        // SoC was ready then.
        bool offered = top->uart_rx_valid_i;
        rx_ready_before = top->uart_rx_ready_o;
        tick();
        if (uprof_f)
            uprof[top->upc_o]++;
        if (offered && rx_ready_before)
            uart_pos++;
        top->uart_rx_valid_i = uart_pos < uart_in.size();
        if (top->uart_rx_valid_i)
            top->uart_rx_data_i = uart_in[uart_pos];

        if (verdict && cycle >= verdict_deadline)
            return finish(verdict_status);
        if (top->rvfi_valid_o) {
            rvfi_rec r = record();
            ring[nrec++ % 16] = r;
            instret++;
            last_retire = cycle;
            sleeping = !r.trap && !r.intr && r.insn == INSN_WFI;
            if (opt.trace_insn)
                print_record(stderr, r);
#ifdef AV_HAVE_COSIM
            if (cs && cosim_step(cs, &r)) {
                fprintf(stderr, "accentv-sim: co-simulation diverged at cycle %" PRIu64 "\n", cycle);
                dump_recent(stderr);
                return finish(EXIT_COSIM);
            }
#endif
            if (verdict && r.mem_wmask && r.mem_addr == verdict_addr)
                return finish(verdict_status);
        }
        if (top->uart_tx_valid_o)
            putchar(top->uart_tx_data_o);
        if (verdict)
            continue;
        if (top->finish_valid_o) {
            uint32_t v = top->finish_data_o;
            if ((v & 0xffff) == MM_FINISHER_PASS)
                set_verdict(EXIT_PASS, MM_FINISHER_BASE);
            if ((v & 0xffff) == MM_FINISHER_FAIL) {
                uint32_t code = v >> 16;
                fprintf(stderr, "accentv-sim: FAIL: test finisher code %u\n", code);
                set_verdict((code & 0xff) ? (int)(code & 0xff) : 1, MM_FINISHER_BASE);
            }
        }
        if (tohost_written) {
            tohost_written = false;
            bool done;
            int st = check_tohost(&done);
            if (done)
                set_verdict(st, tohost);
        }
        // A store issued now lands at the next edge; look at it then.
        if (have_tohost && top->obs_we_o && top->obs_addr_o == tohost)
            tohost_written = true;
        // Without the microcode's routine table, a retired wfi is taken to
        // mean the core sleeps until the next retire.
        bool asleep = wfi_lo <= wfi_hi ? waiting_in_wfi() : sleeping;
        if (!asleep)
            awake = cycle;
        // Asleep with no interrupt that mie enables pending or able to come
        // (av_sim_top: nowake_o; the UART's comes only while input is
        // left): the hart sleeps forever, which is said at once, as the ISS
        // does. (Past its first few cycles the WFI routine is in its wait.)
        if (asleep && cycle - awake > 16 && top->nowake_o &&
            !(top->meie_o && uart_pos < uart_in.size())) {
            uint32_t pc = nrec ? ring[(nrec - 1) % 16].pc_wdata : 0;
            fprintf(stderr, "accentv-sim: the hart sleeps forever: wfi at pc 0x%08x, and no "
                            "interrupt that mie enables can become pending (cycle %" PRIu64 ")\n",
                    pc, cycle);
            dump_recent(stderr);
            return finish(EXIT_HUNG);
        }
        if (cycle - last_retire > HANG_CYCLES && !asleep) {
            fprintf(stderr, "accentv-sim: core hung: nothing retired for %" PRIu64 " cycles (cycle %" PRIu64 ", upc 0x%04x)\n",
                    HANG_CYCLES, cycle, top->upc_o);
            dump_recent(stderr);
            return finish(EXIT_HUNG);
        }
    }
}

}  // namespace

int main(int argc, char **argv)
{
    Harness h;
    h.opt = parse_args(argc, argv);
    return h.run();
}
