// Translation cache behind the one-entry page registers: 256 direct-mapped
// entries in block RAM (the core chooses the index: a U/S half, see
// av_core), each holding what a walk found for one 4 KiB page: valid, tag
// VPN[19:6], ASID, G, PPN (and PPN bits 21:20, which only an fpinsert can
// set: the core faults the access then) and the PTE's flag byte
// (megapages are cached as their 4 KiB pieces, marked so that a page
// register filled from one covers the whole megapage). Registered read, one write
// port. sfence.vma starts a background sweep that invalidates every entry, a
// word a cycle; until it is done the cache reports no hits (entries written
// behind the sweep are kept, they are newer than the sfence).
module av_tlb (
  input  logic        clk_i, rst_ni,
  input  logic [7:0]  rd_idx_i,         // read: data valid in the next cycle
  output logic [55:0] rd_entry_o,       // {ppn[21:20], mega, valid, tag[13:0], asid[8:0], g, ppn[19:0], flags[7:0]}
  output logic        rd_ok_o,          // no sweep in progress: the entry may be used
  input  logic        wr_en_i,
  input  logic [7:0]  wr_idx_i,
  input  logic [55:0] wr_entry_i,
  input  logic        flush_i           // start the invalidating sweep
);
  logic [55:0] mem [0:255];
  logic [55:0] rd_q;
  logic        sweep_q;
  logic [7:0]  sweep_idx_q;

  // Start empty (bitstream and simulation alike).
  initial for (int i = 0; i < 256; i++) mem[i] = '0;

  wire        sweep_we = sweep_q && !wr_en_i;   // an install has the port first
  wire        we       = wr_en_i || sweep_we;
  wire [7:0]  widx     = wr_en_i ? wr_idx_i : sweep_idx_q;
  wire [55:0] wdat     = wr_en_i ? wr_entry_i : 56'b0;

  // Reading the entry being written in the same cycle is undefined in an
  // iCE40 EBR; telling Yosys so (X) saves its read-old-data emulation (a
  // delayed write port and a 51-bit bypass, about 120 flip-flops and 80
  // LUTs). No such read is used: during a sweep and the cycle after a flush
  // rd_ok_o is low, and after an install or an fpinsert write the next
  // word never looks at the entry (the walk's install ends it with a
  // refetch; fpinsert is a CSR instruction, a decode cycle follows).
  // Simulation keeps read-old-data.
  always_ff @(posedge clk_i) if (we) mem[widx] <= wdat;
`ifdef SYNTHESIS
  always_ff @(posedge clk_i) rd_q <= (we && widx == rd_idx_i) ? 56'bx : mem[rd_idx_i];
`else
  always_ff @(posedge clk_i) rd_q <= mem[rd_idx_i];
`endif
  assign rd_entry_o = rd_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      sweep_q <= 1'b0; sweep_idx_q <= 8'd0; rd_ok_o <= 1'b1;
    end else begin
      if (flush_i) begin
        sweep_q <= 1'b1; sweep_idx_q <= 8'd0;
      end else if (sweep_we) begin
        sweep_idx_q <= sweep_idx_q + 8'd1;
        if (sweep_idx_q == 8'hFF) sweep_q <= 1'b0;
      end
      // the read issued this cycle may be used next cycle only if no sweep
      // is running or starting
      rd_ok_o <= !(sweep_q || flush_i);
    end
  end
endmodule
