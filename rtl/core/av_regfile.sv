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

  always_ff @(posedge clk_i) begin
    if (w_en_i) mem_a[w_addr_i] <= w_data_i;
    if (a_en_i) a_data_o <= mem_a[a_addr_i];
  end

  always_ff @(posedge clk_i) begin
    if (w_en_i) mem_b[w_addr_i] <= w_data_i;
    if (b_en_i) b_data_o <= mem_b[b_addr_i];
  end
endmodule
