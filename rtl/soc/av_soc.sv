// Accent-V SoC: the core and everything on its single memory port.
// Decodes each request (one per cycle, no wait states) to the RAM, boot ROM,
// CLINT, UART or test finisher at the addresses in memmap.def (and, in board
// builds with AV_BOARD_DEV, to the board-device window); every device
// answers the cycle after the request, which is the core's bus contract
// (mem_rdata_i / mem_err_i the next cycle). For the clock, RAM and ROM read
// on the core's early request (mem_sreq) and the devices get the exact
// request registered, a cycle late (see "devices" below). An address where nothing is
// mapped, or a store to the ROM, answers with mem_err_i so the core raises an
// access fault. Interrupts: the CLINT's timer and software lines and the
// UART's as the external one. Outward it offers the UART byte stream, the finisher's
// writes, a store-observation port (the harness watches `tohost` with it
// without polling memory) and the core's retire port and microprogram counter.
module av_soc #(
  parameter int unsigned RAM_BYTES   = av_memmap_pkg::MM_RAM_DEFAULT,
  parameter int unsigned CLK_HZ      = av_memmap_pkg::MM_CLK_HZ,
  // The ROM fills ROM_BYTES of its memmap.def window; the rest of the window
  // reads as zero (as the ISS's ROM does), and stores anywhere in it fault.
  parameter int unsigned ROM_BYTES   = 1024,
  parameter              ROM_INIT    = "",  // a file name (untyped for Yosys 0.23)
  // The microcode image the core's control store and dispatch RAM start
  // with ($readmemh). The harness passes absolute paths so that it runs
  // from any directory.
  parameter              CS_INIT     = "build/ucode/cs.hex",
  parameter              DISP_INIT   = "build/ucode/dispatch.hex"
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // UART byte stream (see av_uart).
  output logic        uart_tx_valid_o,
  output logic [7:0]  uart_tx_data_o,
  input  logic        uart_tx_ready_i,
  input  logic        uart_rx_valid_i,
  input  logic [7:0]  uart_rx_data_i,
  output logic        uart_rx_ready_o,
  // Test finisher: a pulse per store to it, with the stored word
  // (0x5555 pass, (code << 16) | 0x3333 fail; anything else is no verdict).
  output logic        finish_valid_o,
  output logic [31:0] finish_data_o,
`ifdef AV_BOARD_DEV
  // Board devices in the memmap.def "spiflash" window, implemented by the
  // board top (boards/icebreaker/av_board_spi.sv): a request like the RAM's,
  // read data the cycle after.
  output logic        bd_req_o,
  output logic        bd_we_o,
  output logic [31:0] bd_addr_o,
  output logic [3:0]  bd_be_o,
  output logic [31:0] bd_wdata_o,
  input  logic [31:0] bd_rdata_i,
`endif
  // Store observation: every bus write as the core issues it (it lands at the
  // end of this cycle).
  output logic        obs_we_o,
  output logic [31:0] obs_addr_o,
  output logic [3:0]  obs_be_o,
  output logic [31:0] obs_wdata_o,
  // The core's microprogram counter and retire port, passed through.
  output logic [15:0] upc_o,
  output logic        rvfi_valid_o,
  output logic [63:0] rvfi_order_o,
  output logic [31:0] rvfi_insn_o,
  output logic        rvfi_trap_o,
  output logic        rvfi_intr_o,
  output logic        rvfi_halt_o,
  output logic [1:0]  rvfi_mode_o,
  output logic [4:0]  rvfi_rs1_addr_o,
  output logic [4:0]  rvfi_rs2_addr_o,
  output logic [4:0]  rvfi_rd_addr_o,
  output logic [31:0] rvfi_rs1_rdata_o,
  output logic [31:0] rvfi_rs2_rdata_o,
  output logic [31:0] rvfi_rd_wdata_o,
  output logic [31:0] rvfi_pc_rdata_o,
  output logic [31:0] rvfi_pc_wdata_o,
  output logic [31:0] rvfi_mem_addr_o,
  output logic [31:0] rvfi_mem_rdata_o,
  output logic [31:0] rvfi_mem_wdata_o,
  output logic [3:0]  rvfi_mem_rmask_o,
  output logic [3:0]  rvfi_mem_wmask_o,
  output logic [31:0] rvfi_cause_o,
  output logic [31:0] rvfi_tval_o
);
  localparam logic [31:0] ROM_BASE = av_memmap_pkg::MM_BOOTROM_BASE;
  localparam logic [31:0] ROM_SIZE = av_memmap_pkg::MM_BOOTROM_SIZE;
  localparam logic [31:0] FIN_BASE = av_memmap_pkg::MM_FINISHER_BASE;
  localparam logic [31:0] FIN_SIZE = av_memmap_pkg::MM_FINISHER_SIZE;
  localparam logic [31:0] CLINT_BASE = av_memmap_pkg::MM_CLINT_BASE;
  localparam logic [31:0] CLINT_SIZE = av_memmap_pkg::MM_CLINT_SIZE;
  localparam logic [31:0] UART_BASE = av_memmap_pkg::MM_UART_BASE;
  localparam logic [31:0] UART_SIZE = av_memmap_pkg::MM_UART_SIZE;
  localparam logic [31:0] RAM_BASE = av_memmap_pkg::MM_RAM_BASE;
  localparam logic [31:0] SPI_BASE = av_memmap_pkg::MM_SPIFLASH_BASE;   // (board builds)
  localparam int unsigned RAM_AW = $clog2(RAM_BYTES / 4);
  localparam int unsigned ROM_AW = $clog2(ROM_BYTES / 4);

  // ---- the core's memory port ---------------------------------------------
  logic        mem_req, mem_sreq, mem_we, mem_fetch, mem_err;
  logic [31:0] mem_addr, mem_wdata, mem_rdata, mem_idata;
  logic [3:0]  mem_be;
  logic        irq_mtimer, irq_msoft, irq_mext;
  logic [63:0] mtime;

  av_core #(.RESET_PC(ROM_BASE), .CS_INIT(CS_INIT), .DISP_INIT(DISP_INIT)) u_core (
    .clk_i, .rst_ni,
    .mem_req_o(mem_req), .mem_sreq_o(mem_sreq), .mem_we_o(mem_we), .mem_fetch_o(mem_fetch), .mem_addr_o(mem_addr), .mem_be_o(mem_be),
    .mem_wdata_o(mem_wdata), .mem_rdata_i(mem_rdata), .mem_idata_i(mem_idata), .mem_err_i(mem_err),
    .irq_mtimer_i(irq_mtimer), .irq_msoft_i(irq_msoft), .irq_mext_i(irq_mext),
    .mtime_i(mtime),
    .rvfi_valid_o, .rvfi_order_o, .rvfi_insn_o, .rvfi_trap_o, .rvfi_intr_o, .rvfi_halt_o,
    .rvfi_mode_o, .rvfi_rs1_addr_o, .rvfi_rs2_addr_o, .rvfi_rd_addr_o, .rvfi_rs1_rdata_o,
    .rvfi_rs2_rdata_o, .rvfi_rd_wdata_o, .rvfi_pc_rdata_o, .rvfi_pc_wdata_o,
    .rvfi_mem_addr_o, .rvfi_mem_rdata_o, .rvfi_mem_wdata_o, .rvfi_mem_rmask_o,
    .rvfi_mem_wmask_o, .rvfi_cause_o, .rvfi_tval_o, .upc_o);

  // ---- RAM size seen by the decoder -----------------------------------------
  // The model holds RAM_BYTES; in simulation the harness may shrink the
  // decoded size (--ram-size), so accesses above it fault exactly as on a
  // machine with that much RAM.
  logic [31:0] ram_limit;
`ifdef VERILATOR
  logic [31:0] ram_limit_q = RAM_BYTES;
  export "DPI-C" function av_soc_set_ram_bytes;
  function void av_soc_set_ram_bytes(input int unsigned bytes);
    ram_limit_q = bytes;
  endfunction
  assign ram_limit = ram_limit_q;
`else
  assign ram_limit = RAM_BYTES;
`endif

  // ---- address decode ---------------------------------------------------------
  // Every device window in memmap.def is a power of two in size and aligned
  // to it, so a hit is an equality on the upper address bits and the offset
  // is the lower bits: no adders or magnitude compares on the bus path (the
  // iCE40's critical path runs through here). RAM sits at 0x8000_0000, so
  // its offset is the address without bit 31; only its size is compared.
  function automatic logic in_window(input logic [31:0] a, input logic [31:0] base,
                                     input logic [31:0] size);
    in_window = ((a ^ base) & ~(size - 32'd1)) == 32'd0;   // no `return`: Yosys 0.23
  endfunction

  logic [31:0] rom_off;
  logic        hit_ram, rom_real, hit_fin, hit_clint, hit_uart, unmapped;
  assign rom_off   = mem_addr & (ROM_SIZE - 32'd1);
  // In the RAM: bit 31 and below its size. With a constant power of two the
  // size is "no bit above it set": Yosys 0.23 turns `x < constant` into a
  // carry chain, and the RAM's one (27 stages) sat on the board's critical
  // path into the SPRAM chip select. Simulation may change the RAM size at
  // run time, so it keeps the compare.
  function automatic logic ram_holds(input logic [31:0] a);
`ifdef VERILATOR
    ram_holds = a[31] && {1'b0, a[30:0]} < ram_limit;
`else
    if ((RAM_BYTES & (RAM_BYTES - 1)) == 0)
      ram_holds = a[31] && ({1'b0, a[30:0]} & ~(32'(RAM_BYTES) - 32'd1)) == 32'd0;
    else
      ram_holds = a[31] && {1'b0, a[30:0]} < ram_limit;
`endif
  endfunction
  if ((ROM_BYTES & (ROM_BYTES - 1)) == 0) begin : g_rom_pow2
    assign rom_real = (rom_off & ~(32'(ROM_BYTES) - 32'd1)) == 32'd0;
  end else begin : g_rom_any
    assign rom_real = rom_off < ROM_BYTES;
  end
  assign hit_ram   = ram_holds(mem_addr);
  // (the current request's device windows: only the check that no two
  // device accesses are adjacent looks at them)
  assign hit_fin   = in_window(mem_addr, FIN_BASE, FIN_SIZE);
  assign hit_clint = in_window(mem_addr, CLINT_BASE, CLINT_SIZE);
  assign hit_uart  = in_window(mem_addr, UART_BASE, UART_SIZE);

`ifdef VERILATOR
  // The shape the decoder relies on (memmap.def may change).
  initial begin
    if (RAM_BASE != 32'h8000_0000) $error("av_soc: RAM must start at 0x8000_0000");
    if ((ROM_SIZE & (ROM_SIZE - 1)) != 0 || (ROM_BASE & (ROM_SIZE - 1)) != 0 ||
        (FIN_SIZE & (FIN_SIZE - 1)) != 0 || (FIN_BASE & (FIN_SIZE - 1)) != 0 ||
        (CLINT_SIZE & (CLINT_SIZE - 1)) != 0 || (CLINT_BASE & (CLINT_SIZE - 1)) != 0 ||
        (UART_SIZE & (UART_SIZE - 1)) != 0 || (UART_BASE & (UART_SIZE - 1)) != 0)
      $error("av_soc: a device window is not a power of two aligned to its size");
    // the response select's coarse decode: no address of a window has all
    // the base bits of a window with a higher base
    if (!apart(UART_BASE, CLINT_BASE, CLINT_SIZE) || !apart(UART_BASE, FIN_BASE, FIN_SIZE) ||
        !apart(UART_BASE, ROM_BASE, ROM_SIZE) || !apart(CLINT_BASE, FIN_BASE, FIN_SIZE) ||
        !apart(CLINT_BASE, ROM_BASE, ROM_SIZE) || !apart(FIN_BASE, ROM_BASE, ROM_SIZE) ||
        !apart(SPI_BASE, UART_BASE, UART_SIZE) ||
        !apart(SPI_BASE, CLINT_BASE, CLINT_SIZE) ||
        !apart(SPI_BASE, FIN_BASE, FIN_SIZE) ||
        !apart(SPI_BASE, ROM_BASE, ROM_SIZE))
      $error("av_soc: the windows' base bits do not tell them apart (sel_q's decode)");
  end
  function automatic bit apart(input logic [31:0] hi_base, input logic [31:0] lo_base,
                               input logic [31:0] lo_size);
    return (hi_base & ~(lo_base | (lo_size - 32'd1))) != 32'd0;
  endfunction
`endif

  // the devices' registered request (see "devices" below)
  logic        dv_req_q, dv_we_q;
  logic        dv_clint_q, dv_uart_q, dv_fin_q;            // which window
  /* verilator lint_off UNUSEDSIGNAL */   // (used by board builds only)
  logic        dv_bd_q;
  /* verilator lint_on UNUSEDSIGNAL */
  logic [15:2] dv_addr_q;                                 // the word offset in it
  logic [3:0]  dv_be_q;
  // The request's address and kind as issued (every maybe-request): the
  // device windows and the unmapped check are decoded from it in the cycle
  // after, when the devices act and mem_err answers (see "devices").
  logic [31:0] rq_addr_q;
  logic        rq_sreq_q, rq_we_q, rq_fetch_q;

  // Board-device window: only a board build (AV_BOARD_DEV) maps it.
  logic        hit_bd, rq_bd;
  logic [31:0] bd_rdata;
`ifdef AV_BOARD_DEV
  localparam logic [31:0] BD_BASE = av_memmap_pkg::MM_SPIFLASH_BASE;
  localparam logic [31:0] BD_SIZE = av_memmap_pkg::MM_SPIFLASH_SIZE;
  assign hit_bd     = in_window(mem_addr, BD_BASE, BD_SIZE);
  assign rq_bd      = in_window(rq_addr_q, BD_BASE, BD_SIZE);
  // (registered, like the other devices: see below)
  assign bd_req_o   = dv_req_q && dv_bd_q;
  assign bd_we_o    = dv_we_q;
  assign bd_addr_o  = {16'd0, dv_addr_q, 2'b00} & (BD_SIZE - 32'd1);
  assign bd_be_o    = dv_be_q;
  assign bd_wdata_o = mem_wdata;
  assign bd_rdata   = bd_rdata_i;
`else
  assign hit_bd   = 1'b0;
  assign rq_bd    = 1'b0;
  assign bd_rdata = '0;
`endif
  // The windows of the registered request: the devices and mem_err use
  // these, so the decode is off the core's late address path.
  logic rq_clint, rq_uart, rq_fin;
  assign rq_clint = in_window(rq_addr_q, CLINT_BASE, CLINT_SIZE);
  assign rq_uart  = in_window(rq_addr_q, UART_BASE, UART_SIZE);
  assign rq_fin   = in_window(rq_addr_q, FIN_BASE, FIN_SIZE);
  // (code only in RAM and the ROM: a fetch from a device window is an
  // access fault, as in the ISS, and reaches no device: dv_*_q below)
  assign unmapped = !(ram_holds(rq_addr_q) ||
                      (in_window(rq_addr_q, ROM_BASE, ROM_SIZE) && !rq_we_q) ||
                      (!rq_fetch_q && (rq_fin || rq_clint || rq_uart || rq_bd)));

  // ---- devices ----------------------------------------------------------------
  logic [31:0] ram_rdata, rom_rdata, clint_rdata, uart_rdata;

  // The devices (CLINT, UART, finisher, board devices) get the core's exact
  // request registered: it is decided late in the core's cycle (faults,
  // translation) and decoding it and acting on it in the same cycle was the
  // board's critical path. A request in cycle t reaches them in t+1; they
  // answer combinationally from their registers (the read data is there in
  // t+1, as the bus contract wants) and their writes and read side effects
  // (popping RBR, ...) land at the end of t+1, a cycle later than before.
  // Nothing can tell: the core never makes two device accesses in adjacent
  // cycles (a load or store routine takes two words, and then the decode
  // cycle; simulation checks it), and a timer interrupt one cycle later is
  // indistinguishable to software.
  // The write data is not registered: the core holds it for the cycle
  // after a device access (a store's second word keeps port B, the lanes
  // and the funct3 it came from; simulation checks it).
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      dv_req_q <= 1'b0; dv_we_q <= 1'b0;
      dv_be_q <= '0;
      rq_addr_q <= '0; rq_sreq_q <= 1'b0; rq_we_q <= 1'b0; rq_fetch_q <= 1'b0;
    end else begin
      dv_req_q  <= mem_req;
      dv_we_q   <= mem_we;
      rq_sreq_q <= mem_sreq;
      rq_we_q   <= mem_we;
      if (mem_sreq) begin
        rq_addr_q <= mem_addr; dv_be_q <= mem_be; rq_fetch_q <= mem_fetch;
      end
    end
  end
  // (the window flags are exact, so a RAM or ROM access reaches no device;
  // a fetch reaches none either: it gets mem_err. Gated here, from the
  // registered request, and not on dv_req_q's late path)
  assign {dv_clint_q, dv_uart_q, dv_fin_q, dv_bd_q} = {rq_clint, rq_uart, rq_fin, rq_bd} & {4{!rq_fetch_q}};
  assign dv_addr_q = rq_addr_q[15:2];
  logic dv_clint, dv_uart, dv_fin;
  assign dv_clint = dv_req_q && dv_clint_q;
  assign dv_uart  = dv_req_q && dv_uart_q;
  assign dv_fin   = dv_req_q && dv_fin_q;
`ifndef SYNTHESIS
  wire dv_any = dv_req_q && (dv_clint_q || dv_uart_q || dv_fin_q || dv_bd_q);
  logic [31:0] dv_wdata_chk_q;
  always_ff @(posedge clk_i) begin
    dv_wdata_chk_q <= mem_wdata;
    if (dv_any && mem_req && (hit_clint || hit_uart || hit_fin || hit_bd))
      $fatal(1, "av_soc: device accesses in adjacent cycles (0x%08x)", mem_addr);
    if (dv_any && dv_we_q && mem_wdata != dv_wdata_chk_q)
      $fatal(1, "av_soc: the write data changed under a device write");
  end
`endif

  // RAM and ROM take the core's early request (mem_sreq: maybe an access),
  // so that their chip selects do not wait for the core's fault and
  // translation checks; a read nobody wanted does nothing, and the RAM
  // writes only with the exact mem_we (which implies mem_req).
  // (A read may go to any address of the upper half, or anywhere in the ROM:
  // the response select below takes the data only from the window that
  // holds the address. Writes are exact: mem_we and the RAM's full decode.)
  av_ram #(.BYTES(RAM_BYTES)) u_ram (
    .clk_i, .req_i(mem_sreq && mem_addr[31]), .we_i(mem_we && hit_ram), .addr_i(mem_addr[RAM_AW+1:2]),
    .be_i(mem_be), .wdata_i(mem_wdata), .rdata_o(ram_rdata));

  av_bootrom #(.BYTES(ROM_BYTES), .INIT_FILE(ROM_INIT)) u_rom (
    .clk_i, .req_i(mem_sreq), .addr_i(rom_off[ROM_AW+1:2]), .rdata_o(rom_rdata));

  av_clint #(.CLK_HZ(CLK_HZ)) u_clint (
    .clk_i, .rst_ni, .req_i(dv_clint), .we_i(dv_we_q), .addr_i(dv_addr_q[15:2]),
    .be_i(dv_be_q), .wdata_i(mem_wdata), .rdata_o(clint_rdata), .mtime_o(mtime),
    .irq_timer_o(irq_mtimer), .irq_soft_o(irq_msoft));

  // The UART's interrupt is the only external one (there is no PLIC); it stays
  // low unless software enables it in IER.
  av_uart u_uart (
    .clk_i, .rst_ni, .req_i(dv_uart), .we_i(dv_we_q), .addr_i(dv_addr_q[2]),
    .be_i(dv_be_q), .wdata_i(mem_wdata), .rdata_o(uart_rdata), .irq_o(irq_mext),
    .tx_valid_o(uart_tx_valid_o), .tx_data_o(uart_tx_data_o), .tx_ready_i(uart_tx_ready_i),
    .rx_valid_i(uart_rx_valid_i), .rx_data_i(uart_rx_data_i), .rx_ready_o(uart_rx_ready_o));

  // Test finisher (QEMU sifive_test): only the word at offset 0 does anything;
  // it reads as zero.
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      finish_valid_o <= 1'b0;
      finish_data_o  <= '0;
    end else begin
      finish_valid_o <= dv_fin && dv_we_q && dv_addr_q[11:2] == '0;
      // Only the written lanes count (a byte store replicates its byte in
      // every lane, and sb 0x55 must not read as 0x5555).
      if (dv_fin && dv_we_q)
        finish_data_o <= mem_wdata & {{8{dv_be_q[3]}}, {8{dv_be_q[2]}}, {8{dv_be_q[1]}}, {8{dv_be_q[0]}}};
    end
  end

  // ---- response: which device answers next cycle -------------------------------
  function automatic logic sel_has(input logic [31:0] a, input logic [31:0] base);
    sel_has = (a & base) == base;
  endfunction
  logic sel_bd_c;
`ifdef AV_BOARD_DEV
  assign sel_bd_c = sel_has(mem_addr, SPI_BASE);
`else
  assign sel_bd_c = 1'b0;
`endif
  typedef enum logic [2:0] {SEL_ZERO, SEL_RAM, SEL_ROM, SEL_CLINT, SEL_UART, SEL_BD} sel_e;
  sel_e sel_q;
  // An unmapped address answers mem_err, decoded from the registered
  // request (from the early one: the core looks at mem_err only after an
  // access that happened).
  assign mem_err = rq_sreq_q && unmapped;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      sel_q   <= SEL_ZERO;
    end else begin
      // Which window answers: decoded coarsely, from the bits each window's
      // base has set, highest base first (the initial block above checks
      // that this tells the windows apart). An address no window holds
      // answers mem_err instead, whatever this picks. (A store changes it
      // too: nothing reads the data bus after a store.)
      if (mem_sreq)
        sel_q <= mem_addr[31] ? SEL_RAM : sel_bd_c ? SEL_BD : sel_has(mem_addr, UART_BASE) ? SEL_UART :
                 sel_has(mem_addr, CLINT_BASE) ? SEL_CLINT : sel_has(mem_addr, FIN_BASE) ? SEL_ZERO :
                 rom_real ? SEL_ROM : SEL_ZERO;
    end
  end
  always_comb begin
    unique case (sel_q)
      SEL_RAM:   mem_rdata = ram_rdata;
      SEL_ROM:   mem_rdata = rom_rdata;
      SEL_CLINT: mem_rdata = clint_rdata;
      SEL_UART:  mem_rdata = uart_rdata;
      SEL_BD:    mem_rdata = bd_rdata;
      default:   mem_rdata = '0;
    endcase
  end
  // What a fetch reads: only RAM and the ROM hold code (a fetch anywhere
  // else answers mem_err), so the core's decode cycle takes its word from
  // here, not through the devices' read data.
  assign mem_idata = (sel_q == SEL_ROM) ? rom_rdata : ram_rdata;

  assign obs_we_o    = mem_req && mem_we;
  assign obs_addr_o  = mem_addr;
  assign obs_be_o    = mem_be;
  assign obs_wdata_o = mem_wdata;
endmodule
