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
  logic        cmp_co;       // the compare's carry out (below)
  logic [63:0] cmp_wd;       // mtimecmp's write data, as its flip-flops take it (below)
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
          CMP_LO_W: mtimecmp_q[31:0]  <= merge(mtimecmp_q[31:0], cmp_wd[31:0], be_i);
          CMP_HI_W: mtimecmp_q[63:32] <= merge(mtimecmp_q[63:32], cmp_wd[63:32], be_i);
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
  wire        rd_hit  = rd_cmp || rd_mt;
  logic [31:0] rd_regs;      // mtime or mtimecmp, either half, or zero
`ifdef SYNTHESIS
  // On the iCE40 two LUTs a bit, from three controls decoded once: the
  // first LUT picks a low half (or makes 0) when r is clear, or passes q on
  // as the second LUT's select among the high halves when r is set.
  //   low mtime: r=0 p=0 q=0   low mtimecmp: r=0 p=0 q=1   zero: r=0 p=1 q=0
  //   high mtime: r=1 p=1 q=0  high mtimecmp: r=1 p=1 q=1
  // Written as a mux, it took about three and a half cells a bit. The
  // board's netlist simulation (tests/board) runs it.
  wire rd_p = addr_i[2] || !rd_hit;
  wire rd_q = rd_hit && !addr_i[15];
  wire rd_r = rd_hit && addr_i[2];
  for (genvar i = 0; i < 32; i++) begin : g_rd
    wire y;
    // y = p ? q : (q ? mtimecmp : mtime)   (mtime = ~nmtime)
    SB_LUT4 #(.LUT_INIT(16'hFC05)) u_l1 (.O(y), .I0(nmtime_q[i]), .I1(mtimecmp_q[i]),
                                         .I2(rd_p), .I3(rd_q));
    // r ? (y ? mtimecmp : mtime) : y      (the high halves)
    SB_LUT4 #(.LUT_INIT(16'hB1AA)) u_l2 (.O(rd_regs[i]), .I0(y), .I1(nmtime_q[32+i]),
                                         .I2(mtimecmp_q[32+i]), .I3(rd_r));
  end
`else
  wire [63:0] rd_reg  = addr_i[15] ? mtime_q : mtimecmp_q;
  assign rd_regs = !rd_hit ? 32'd0 : addr_i[2] ? rd_reg[63:32] : rd_reg[31:0];
`endif
  assign rdata_o = rd_regs | {31'd0, rd_msip && msip_q};

  // The compare: mtime >= mtimecmp when nmtime + mtimecmp does not carry
  // out of bit 63. Registered so that it is off the core's critical path;
  // an interrupt one cycle late is indistinguishable to software.
`ifdef SYNTHESIS
  // On the iCE40 the carry chain shares its logic cells with mtimecmp's
  // flip-flops: each cell's LUT passes the write data to its flip-flop
  // (which a flip-flop with an enable needs anyway) and its carry adds the
  // bit pair, whose nets are the LUT's other two inputs (I1, I2), as the
  // packer wants. Written generically, the chain took 64 cells of its own.
  // The board's netlist simulation (tests/board) runs it.
  logic [64:0] cmp_c;
  assign cmp_c[0] = 1'b0;
  for (genvar i = 0; i < 64; i++) begin : g_cmp
    // O = I0
    SB_LUT4 #(.LUT_INIT(16'hAAAA)) u_l (.O(cmp_wd[i]), .I0(wdata_i[i % 32]), .I1(nmtime_q[i]),
                                        .I2(mtimecmp_q[i]), .I3(cmp_c[i]));
    SB_CARRY u_c (.CO(cmp_c[i+1]), .I0(nmtime_q[i]), .I1(mtimecmp_q[i]), .CI(cmp_c[i]));
  end
  assign cmp_co = cmp_c[64];
`else
  // (only the carry out is wanted)
  /* verilator lint_off UNUSEDSIGNAL */
  wire [64:0] cmp_sum = {1'b0, nmtime_q} + {1'b0, mtimecmp_q};
  /* verilator lint_on UNUSEDSIGNAL */
  assign cmp_co = cmp_sum[64];
  assign cmp_wd = {wdata_i, wdata_i};
`endif
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) irq_timer_o <= 1'b0;
    else         irq_timer_o <= !cmp_co;
  end
  assign irq_soft_o = msip_q;
  assign mtime_o    = mtime_q;
endmodule
