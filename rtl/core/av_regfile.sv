// Register file: the 31 general registers (word 0 is x0, never written, so it
// reads zero) and, in words 32..63, the CSRs kept in RAM (mepc, mtvec, ...)
// and microcode temporaries. Two read ports are two copies of one RAM written
// together, so each copy is a plain iCE40 EBR (registered read, one write
// port). A port with its read enable low keeps its last data, which is how
// the microcode holds an operand across words (RSEL=HOLD).
module av_regfile (
  input  logic        clk_i,
  input  logic        a_en_i,
  input  logic [5:0]  a_addr_i,
  output logic [31:0] a_data_o,
  input  logic        b_en_i,
  input  logic [5:0]  b_addr_i,
  output logic [31:0] b_data_o,
  input  logic        w_en_i,
  input  logic [5:0]  w_addr_i,
  input  logic [31:0] w_data_i
);
  logic [31:0] mem_a [0:63];
  logic [31:0] mem_b [0:63];

  // Everything starts at zero: x0 must, and a deterministic start keeps
  // co-simulation exact (the bitstream initialises EBRs the same way).
  initial begin
    for (int i = 0; i < 64; i++) begin
      mem_a[i] = 32'h0;
      mem_b[i] = 32'h0;
    end
  end

  // A read of the word being written in the same cycle is undefined in an
  // iCE40 EBR, and the microcode never does it (docs/core.md: a word must not
  // read the register-file word it writes). Saying so to Yosys (X on a
  // collision) keeps it from emulating read-old-data with a delayed write
  // port and a bypass: that emulation cost about 105 flip-flops and 73 LUTs
  // and sat on the operand path. Simulation keeps read-old-data and stops on
  // a collision, so the test suites prove the rule holds.
  wire col_a = w_en_i && a_en_i && (w_addr_i == a_addr_i);
  wire col_b = w_en_i && b_en_i && (w_addr_i == b_addr_i);
  always_ff @(posedge clk_i) if (w_en_i) mem_a[w_addr_i] <= w_data_i;
  always_ff @(posedge clk_i) if (w_en_i) mem_b[w_addr_i] <= w_data_i;
`ifdef SYNTHESIS
  always_ff @(posedge clk_i) if (a_en_i) a_data_o <= col_a ? 32'bx : mem_a[a_addr_i];
  always_ff @(posedge clk_i) if (b_en_i) b_data_o <= col_b ? 32'bx : mem_b[b_addr_i];
`else
  always_ff @(posedge clk_i) if (a_en_i) a_data_o <= mem_a[a_addr_i];
  always_ff @(posedge clk_i) if (b_en_i) b_data_o <= mem_b[b_addr_i];
  always_ff @(posedge clk_i)
    if (col_a || col_b) $fatal(1, "av_regfile: word %0d read and written in one cycle", w_addr_i);
`endif
endmodule
