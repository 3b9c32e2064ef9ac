// Accent-V iCEBreaker main RAM: the board's av_ram, replacing rtl/soc/av_ram.sv
// in the board build with the same ports and timing (one access per cycle,
// read data the cycle after). The UP5K's four SB_SPRAM256KA (16K x 16 each)
// make 128 KiB: two banks of 32-bit words, each bank a pair of SPRAMs side by
// side (low and high halfword). Byte enables become the nibble write masks.
// SPRAM costs no EBR and almost no logic: the bank select and a read mux.
module av_ram #(
  parameter int unsigned BYTES = 32'h0002_0000,
  localparam int unsigned WORDS = BYTES / 4,
  localparam int unsigned AW = $clog2(WORDS)
) (
  input  logic          clk_i,
  input  logic          req_i,
  input  logic          we_i,
  input  logic [AW-1:0] addr_i,   // word index
  input  logic [3:0]    be_i,
  input  logic [31:0]   wdata_i,
  output logic [31:0]   rdata_o   // valid the cycle after a read request
);
  // Always the full 128 KiB (AW = 15 for BYTES = 128 KiB, which the board
  // top passes); no check here, because Yosys also elaborates this module
  // with av_soc's default size before the board's parameters reach it.

  logic        bank;      // word index bit 14 picks the bank
  logic        bank_q;    // bank of the last read, for the output mux
  logic [31:0] dout0, dout1;
  assign bank = addr_i[AW-1];

  // (a write updates it too: nothing reads after a write)
  always_ff @(posedge clk_i)
    if (req_i) bank_q <= bank;
  assign rdata_o = bank_q ? dout1 : dout0;

  for (genvar b = 0; b < 2; b++) begin : g_bank
    logic [31:0] dout;
    if (b == 0) begin : g_0
      assign dout0 = dout;
    end else begin : g_1
      assign dout1 = dout;
    end
    for (genvar h = 0; h < 2; h++) begin : g_half
      SB_SPRAM256KA u_spram (
        .ADDRESS   (addr_i[13:0]),
        .DATAIN    (wdata_i[16*h +: 16]),
        .MASKWREN  ({be_i[2*h+1], be_i[2*h+1], be_i[2*h], be_i[2*h]}),
        .WREN      (we_i),
        .CHIPSELECT(req_i && bank == 1'(b)),
        .CLOCK     (clk_i),
        .STANDBY   (1'b0),
        .SLEEP     (1'b0),
        .POWEROFF  (1'b1),        // active low: powered
        .DATAOUT   (dout[16*h +: 16])
      );
    end
  end
endmodule
