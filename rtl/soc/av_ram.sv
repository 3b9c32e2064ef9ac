// Accent-V main RAM: synchronous, one access per cycle, read data the cycle
// after the request, byte-lane writes. This is the simulation/inferred-RAM
// version; a board swaps in an SPRAM model with the same ports (BYTES, the
// word-index address and the one-cycle read), so cycle counts match.
// In Verilator the harness loads and inspects memory through the DPI
// functions below (a verilator-public array would get a parameter-mangled
// name, an exported function does not).
module av_ram #(
  parameter int unsigned BYTES = 32'h0100_0000,
  localparam int unsigned WORDS = BYTES / 4,
  localparam int unsigned AW = $clog2(WORDS)
) (
  input  logic          clk_i,
  // One request per cycle; addr_i is a word index.
  input  logic          req_i,
  input  logic          we_i,
  input  logic [AW-1:0] addr_i,
  input  logic [3:0]    be_i,
  input  logic [31:0]   wdata_i,
  output logic [31:0]   rdata_o   // valid the cycle after a read request
);
  logic [31:0] mem_q [WORDS];

  always_ff @(posedge clk_i) begin
    if (req_i) begin
      if (we_i) begin
        for (int b = 0; b < 4; b++)
          if (be_i[b]) mem_q[addr_i][8*b +: 8] <= wdata_i[8*b +: 8];
      end else begin
        rdata_o <= mem_q[addr_i];
      end
    end
  end

`ifdef VERILATOR
  // Harness access by word index (the caller keeps it below WORDS).
  export "DPI-C" function av_ram_write_word;
  export "DPI-C" function av_ram_read_word;
  function void av_ram_write_word(input int unsigned index, input int unsigned data);
    mem_q[index[AW-1:0]] = data;
  endfunction
  function int unsigned av_ram_read_word(input int unsigned index);
    return mem_q[index[AW-1:0]];
  endfunction
`endif
endmodule
