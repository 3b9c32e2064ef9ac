// Accent-V CLINT (the SiFive/QEMU layout): msip at +0, mtimecmp at +0x4000,
// mtime at +0xBFF8, each 64-bit register read and written as two 32-bit
// halves (byte lanes honoured). mtime counts at TIMEBASE_HZ, derived from the
// core clock by a prescaler, so the device tree's timebase is true on every
// board. Other offsets read zero and ignore writes, as QEMU's do.
module av_clint #(
  parameter int unsigned CLK_HZ      = av_memmap_pkg::MM_CLK_HZ,
  parameter int unsigned TIMEBASE_HZ = av_memmap_pkg::MM_TIMEBASE_HZ
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        req_i,
  input  logic        we_i,
  input  logic [15:2] addr_i,       // word offset inside the CLINT
  input  logic [3:0]  be_i,
  input  logic [31:0] wdata_i,
  output logic [31:0] rdata_o,      // for the request of this cycle (combinational)
  output logic [63:0] mtime_o,
  output logic        irq_timer_o,  // mtime >= mtimecmp
  output logic        irq_soft_o    // msip bit 0
);
  localparam int unsigned DIV = (CLK_HZ / TIMEBASE_HZ) > 0 ? CLK_HZ / TIMEBASE_HZ : 1;
  localparam int unsigned PW  = DIV > 1 ? $clog2(DIV) : 1;
  localparam logic [15:2] MSIP_W   = 14'(av_memmap_pkg::MM_CLINT_MSIP >> 2);
  localparam logic [15:2] CMP_LO_W = 14'(av_memmap_pkg::MM_CLINT_MTIMECMP >> 2);
  localparam logic [15:2] CMP_HI_W = CMP_LO_W + 14'd1;
  localparam logic [15:2] MT_LO_W  = 14'(av_memmap_pkg::MM_CLINT_MTIME >> 2);
  localparam logic [15:2] MT_HI_W  = MT_LO_W + 14'd1;

  logic [PW-1:0] pre_q;
  logic          tick;
  logic          msip_q;
  logic [63:0]   mtime_q, mtimecmp_q;

  assign tick = (pre_q == PW'(DIV - 1));

  // Lane merge of a 32-bit write into one half of a 64-bit register.
  function automatic logic [31:0] merge(input logic [31:0] old, input logic [31:0] wd,
                                        input logic [3:0] be);
    merge = old;
    for (int b = 0; b < 4; b++)
      if (be[b]) merge[8*b +: 8] = wd[8*b +: 8];
  endfunction

  // mtime is kept inverted (nmtime_q = ~mtime, counting down): the compare
  // mtime >= mtimecmp is then "nmtime + mtimecmp does not carry out of bit
  // 63", a carry chain straight from the two registers with no inverters in
  // front of it, and the inversions fold into the LUTs that already sit on
  // the counter's write merge and on the read mux.
  logic [63:0] nmtime_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pre_q      <= '0;
      msip_q     <= 1'b0;
      nmtime_q   <= '1;
      // All ones: no timer interrupt until software programs a compare value.
      mtimecmp_q <= '1;
    end else begin
      pre_q <= tick ? '0 : pre_q + PW'(1);
      if (tick) nmtime_q <= nmtime_q - 64'd1;
      if (req_i && we_i) begin
        unique case (addr_i)
          MSIP_W:   if (be_i[0]) msip_q <= wdata_i[0];
          CMP_LO_W: mtimecmp_q[31:0]  <= merge(mtimecmp_q[31:0], wdata_i, be_i);
          CMP_HI_W: mtimecmp_q[63:32] <= merge(mtimecmp_q[63:32], wdata_i, be_i);
          // A write wins over the tick in the same cycle.
          MT_LO_W:  nmtime_q[31:0]  <= merge(nmtime_q[31:0], ~wdata_i, be_i);
          MT_HI_W:  nmtime_q[63:32] <= merge(nmtime_q[63:32], ~wdata_i, be_i);
          default: ;
        endcase
      end
    end
  end
  assign mtime_q = ~nmtime_q;

  // The read mux, shared: the two 64-bit registers differ in address bit 15
  // only (0x4000/0xBFF8 words), bit 2 picks the half. Combinational: the SoC
  // hands devices their request registered (a cycle after the core's) and
  // takes the answer in that same cycle.
  wire        rd_cmp  = (addr_i[15:3] == CMP_LO_W[15:3]);
  wire        rd_mt   = (addr_i[15:3] == MT_LO_W[15:3]);
  wire        rd_msip = (addr_i == MSIP_W);
  // Bit by bit, so that each bit's first stage (mtime or mtimecmp, picked by
  // address bit 15 alone) is a LUT on the two register bits the compare's
  // carry takes (the packer can put the two in one logic cell).
  logic [63:0] rd_reg;
  always_comb
    for (int i = 0; i < 64; i++) rd_reg[i] = addr_i[15] ? !nmtime_q[i] : mtimecmp_q[i];
  wire [31:0] rd_half = addr_i[2] ? rd_reg[63:32] : rd_reg[31:0];
  assign rdata_o = ((rd_cmp || rd_mt) ? rd_half : 32'd0) | {31'd0, rd_msip && msip_q};

  // Registered so the compare is off the core's critical path; an interrupt
  // one cycle late is indistinguishable to software.
  // (only the carry out is wanted)
  /* verilator lint_off UNUSEDSIGNAL */
  wire [64:0] cmp_sum = {1'b0, nmtime_q} + {1'b0, mtimecmp_q};
  /* verilator lint_on UNUSEDSIGNAL */
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) irq_timer_o <= 1'b0;
    else         irq_timer_o <= !cmp_sum[64];
  end
  assign irq_soft_o = msip_q;
  assign mtime_o    = mtime_q;
endmodule
