// Accent-V boot ROM at 0x0000_1000, where the core resets: synchronous read,
// data the cycle after the request, like the RAM. Its contents are the
// assembled rtl/soc/bootrom.S plus two words (entry point at 0xF8, device-tree
// address at 0xFC). In simulation the harness writes the whole image through
// DPI before reset (sim/boot.c lays it out); a synthesised build initialises
// it from INIT_FILE ($readmemh, one 32-bit word a line).
module av_bootrom #(
  parameter int unsigned BYTES = 1024,
  parameter INIT_FILE = "",   // untyped: Yosys 0.23 has no string parameters
  localparam int unsigned WORDS = BYTES / 4,
  localparam int unsigned AW = $clog2(WORDS)
) (
  input  logic          clk_i,
  input  logic          req_i,
  input  logic [AW-1:0] addr_i,   // word index
  output logic [31:0]   rdata_o
);
  logic [31:0] rom_q [WORDS];

  initial begin
    if (INIT_FILE != "") $readmemh(INIT_FILE, rom_q);
  end

  always_ff @(posedge clk_i)
    if (req_i) rdata_o <= rom_q[addr_i];

`ifdef VERILATOR
  export "DPI-C" function av_bootrom_write_word;
  function void av_bootrom_write_word(input int unsigned index, input int unsigned data);
    rom_q[index[AW-1:0]] = data;
  endfunction
`endif
endmodule
