// Accent-V on the iCEBreaker (iCE40UP5K-SG48): the board's top level.
// Clocking (PLL from the 12 MHz oscillator), reset (button, PLL lock, a
// two-flop synchroniser), the SoC with the board's own RAM (four SPRAMs, by
// linking boards/icebreaker/av_ram.sv instead of rtl/soc/av_ram.sv) and
// boot ROM image (bootrom.S, in EBR), the UART line interface on the FTDI
// pins, the SPI master for the image in flash (a board device on the SoC's
// board window), and two LEDs: green blinks while running, red lights when the
// program wrote the test finisher (halted).
// With AV_CELL_MODELS defined, Verilator runs this same top with the models in
// boards/icebreaker/sim/av_cells.sv.
module av_icebreaker_top #(
  parameter int unsigned CLK_HZ    = 24_000_000, // PLL output: SoC clock
  parameter int unsigned BAUD      = 115_200,
  parameter int unsigned RAM_BYTES = 32'h0002_0000,
  parameter int unsigned ROM_BYTES = 1024,
  parameter              ROM_INIT  = "",  // boot ROM hex file (board.mk sets it; untyped for Yosys 0.23)
  // microcode images the core loads into its block RAM (board.mk sets them)
  parameter              CS_INIT   = "build/ucode/cs.hex",
  parameter              DISP_INIT = "build/ucode/dispatch.hex",
  // Clock source: 0 the PLL (16 MHz and up), 1 the 12 MHz oscillator as it
  // is, 2 the oscillator halved (6 MHz), for a core slower than the PLL's
  // lowest output. board.mk picks it from IB_MHZ.
  parameter int unsigned CLK_SRC   = 0,
  // PLL dividers for CLK_HZ from 12 MHz (board.mk computes them with icepll)
  parameter logic [3:0]  PLL_DIVR  = 4'd0,
  parameter logic [6:0]  PLL_DIVF  = 7'd63,
  parameter logic [2:0]  PLL_DIVQ  = 3'd5,
  parameter logic [2:0]  PLL_FILTER = 3'd1
) (
  input  logic CLK,        // 12 MHz
  input  logic BTN_N,      // user button: reset while pressed
  input  logic RX,         // from the FTDI
  output logic TX,         // to the FTDI
  output logic LEDR_N,
  output logic LEDG_N,
  output logic FLASH_SCK,
  output logic FLASH_SSB,
  output logic FLASH_IO0,  // MOSI
  input  logic FLASH_IO1,  // MISO
  output logic FLASH_IO2,  // WP#: held high
  output logic FLASH_IO3   // HOLD#: held high
);
  // ---- clock and reset ----------------------------------------------------
  logic clk, pll_lock;
  // Outputs the board does not use are left open on purpose (PLL core
  // output, the SoC's retire, observation and finisher-data ports).
  /* verilator lint_off PINCONNECTEMPTY */
  if (CLK_SRC == 0) begin : g_pll
    SB_PLL40_PAD #(
      .FEEDBACK_PATH("SIMPLE"),
      .DIVR(PLL_DIVR),
      .DIVF(PLL_DIVF),
      .DIVQ(PLL_DIVQ),
      .FILTER_RANGE(PLL_FILTER)
    ) u_pll (
      .PACKAGEPIN(CLK),
      .PLLOUTCORE(),
      .PLLOUTGLOBAL(clk),
      .RESETB(1'b1),
      .BYPASS(1'b0),
      .LOCK(pll_lock)
    );
  end else if (CLK_SRC == 1) begin : g_osc
    assign clk = CLK;
    assign pll_lock = 1'b1;
  end else begin : g_osc_half
    // A flop halves the oscillator; a global buffer carries the result.
    logic half_q = 1'b0;
    always_ff @(posedge CLK) half_q <= !half_q;
    SB_GB u_gb (.USER_SIGNAL_TO_GLOBAL_BUFFER(half_q), .GLOBAL_BUFFER_OUTPUT(clk));
    assign pll_lock = 1'b1;
  end

  // Reset is asserted asynchronously (button or lost lock) and released
  // synchronously, a few cycles after both are fine. The flops start at 0
  // (iCE40 flops power up to 0), so reset is held from configuration on.
  logic [3:0] rst_sync_q = 4'd0;
  logic       rst_n, rst_async_n;
  assign rst_async_n = BTN_N && pll_lock;
  always_ff @(posedge clk or negedge rst_async_n)
    if (!rst_async_n) rst_sync_q <= 4'd0;
    else rst_sync_q <= {rst_sync_q[2:0], 1'b1};
  assign rst_n = rst_sync_q[3];

  // ---- SoC --------------------------------------------------------------------
  logic        tx_valid, tx_ready, rx_valid, rx_ready;
  logic [7:0]  tx_data, rx_data;
  logic        rx_overrun;
  logic        finish_valid;
  logic        bd_req, bd_we;
  logic [31:0] bd_addr, bd_wdata, bd_rdata;
  logic [3:0]  bd_be;

  av_soc #(
    .RAM_BYTES(RAM_BYTES),
    .CLK_HZ(CLK_HZ),
    .ROM_BYTES(ROM_BYTES),
    .ROM_INIT(ROM_INIT),
    .CS_INIT(CS_INIT),
    .DISP_INIT(DISP_INIT)
  ) u_soc (
    .clk_i(clk),
    .rst_ni(rst_n),
    .uart_tx_valid_o(tx_valid),
    .uart_tx_data_o(tx_data),
    .uart_tx_ready_i(tx_ready),
    .uart_rx_valid_i(rx_valid),
    .uart_rx_data_i(rx_data),
    .uart_rx_ready_o(rx_ready),
    .finish_valid_o(finish_valid),
    .finish_data_o(),
    .bd_req_o(bd_req),
    .bd_we_o(bd_we),
    .bd_addr_o(bd_addr),
    .bd_be_o(bd_be),
    .bd_wdata_o(bd_wdata),
    .bd_rdata_i(bd_rdata),
    .obs_we_o(),
    .obs_addr_o(),
    .obs_be_o(),
    .obs_wdata_o(),
    // the retire port is not used on the board
    .rvfi_valid_o(),
    .rvfi_order_o(),
    .rvfi_insn_o(),
    .rvfi_trap_o(),
    .rvfi_intr_o(),
    .rvfi_halt_o(),
    .rvfi_mode_o(),
    .rvfi_rs1_addr_o(),
    .rvfi_rs2_addr_o(),
    .rvfi_rd_addr_o(),
    .rvfi_rs1_rdata_o(),
    .rvfi_rs2_rdata_o(),
    .rvfi_rd_wdata_o(),
    .rvfi_pc_rdata_o(),
    .rvfi_pc_wdata_o(),
    .rvfi_mem_addr_o(),
    .rvfi_mem_rdata_o(),
    .rvfi_mem_wdata_o(),
    .rvfi_mem_rmask_o(),
    .rvfi_mem_wmask_o(),
    .rvfi_cause_o(),
    .rvfi_tval_o(),
    .upc_o()
  );
  /* verilator lint_on PINCONNECTEMPTY */

  // ---- UART on the FTDI pins ----------------------------------------------
  av_board_uart #(.CLK_HZ(CLK_HZ), .BAUD(BAUD)) u_uart (
    .clk_i(clk),
    .rst_ni(rst_n),
    .tx_valid_i(tx_valid),
    .tx_data_i(tx_data),
    .tx_ready_o(tx_ready),
    .rx_valid_o(rx_valid),
    .rx_data_o(rx_data),
    .rx_ready_i(rx_ready),
    .rx_overrun_o(rx_overrun),  // unused: the SoC's LSR has no overrun bit
    .txd_o(TX),
    .rxd_i(RX)
  );

  // ---- SPI flash master (the only board device: the window holds nothing
  // else, so the address bit that picks its register is all it decodes) ----
  av_board_spi u_spi (
    .clk_i(clk),
    .rst_ni(rst_n),
    .req_i(bd_req),
    .we_i(bd_we),
    .addr_i(bd_addr[2]),
    .wdata_i(bd_wdata),
    .rdata_o(bd_rdata),
    .sck_o(FLASH_SCK),
    .ss_no(FLASH_SSB),
    .mosi_o(FLASH_IO0),
    .miso_i(FLASH_IO1)
  );
  assign FLASH_IO2 = 1'b1;
  assign FLASH_IO3 = 1'b1;

  // ---- LEDs (active low) ----------------------------------------------------
  // Green: heartbeat, about 1.4 Hz at 24 MHz, while the CPU runs. Red: the
  // program has finished (any write to the test finisher), until reset.
  logic [23:0] beat_q;
  logic        halted_q;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      beat_q   <= '0;
      halted_q <= 1'b0;
    end else begin
      beat_q <= beat_q + 24'd1;
      if (finish_valid) halted_q <= 1'b1;
    end
  end
  assign LEDG_N = !(beat_q[23] && !halted_q);
  assign LEDR_N = !halted_q;

  logic unused;
  assign unused = ^{rx_overrun, bd_be, bd_addr[31:3], bd_addr[1:0]};
endmodule
