// Accent-V iCEBreaker: SPI master for the configuration flash (mode 0, SCK =
// clk/2), a board device the boot ROM uses to read the program image. It is
// deliberately tiny: software drives chip select and moves 1 to 4 bytes per
// transfer; the flash command sequence lives in the boot ROM.
//
// Registers (word offsets from the spiflash base in rtl/soc/memmap.def):
//   +0 DATA  write: start a transfer of N = wdata[9:8]+1 bytes, each sending
//                   wdata[7:0] (a command or address byte, or a dummy);
//            read:  the receive shift register; each byte received enters at
//                   bits 31:24, so after 4 bytes the word is little-endian
//                   (first byte in 7:0) and after 1 byte it is in bits 31:24.
//   +4 CTRL  bit 0: chip select asserted (SS pin low); read: bit 0 as
//                   written, bit 31 busy.
// A write to DATA while busy is ignored; software polls CTRL bit 31.
module av_board_spi (
    input  logic        clk_i,
    input  logic        rst_ni,
    // register port: a request is accepted in the cycle req_i is high and
    // answered in that cycle (rdata_o combinational: the SoC hands board
    // devices the core's request registered, a cycle late)
    input  logic        req_i,
    input  logic        we_i,
    input  logic        addr_i,      // 0 DATA, 1 CTRL (address bit 2)
    input  logic [31:0] wdata_i,
    output logic [31:0] rdata_o,
    // flash pins
    output logic        sck_o,
    output logic        ss_no,
    output logic        mosi_o,
    input  logic        miso_i
);
  logic [7:0]  out_q;       // byte being sent (MSB first), reloaded per byte
  logic [7:0]  byte_q;      // the byte to send for every byte of a transfer
  logic [31:0] in_q;        // receive shift register
  logic [2:0]  bit_q;       // bit within the byte
  logic [1:0]  left_q;      // bytes left after this one
  logic        busy_q, phase_q, cs_q;
  logic        unused;
  // Read data straight from the registers (no output flop).
  assign rdata_o = addr_i ? {busy_q, 30'd0, cs_q} : in_q;
  assign unused = ^wdata_i[31:10];

  assign ss_no = ~cs_q;
  assign mosi_o = out_q[7];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      busy_q  <= 1'b0;
      phase_q <= 1'b0;
      cs_q    <= 1'b0;
      sck_o   <= 1'b0;
      out_q   <= 8'd0;
      byte_q  <= 8'd0;
      in_q    <= 32'd0;
      bit_q   <= 3'd0;
      left_q  <= 2'd0;
    end else begin
      if (req_i && we_i && addr_i) cs_q <= wdata_i[0];
      if (!busy_q) begin
        if (req_i && we_i && !addr_i) begin
          busy_q  <= 1'b1;
          phase_q <= 1'b0;
          out_q   <= wdata_i[7:0];
          byte_q  <= wdata_i[7:0];
          left_q  <= wdata_i[9:8];
          bit_q   <= 3'd7;
          in_q    <= {8'd0, in_q[31:8]};  // make room for the first byte
        end
      end else if (!phase_q) begin
        // rising edge: the flash and we both sample here
        sck_o   <= 1'b1;
        phase_q <= 1'b1;
        in_q[31:24] <= {in_q[30:24], miso_i};
      end else begin
        // falling edge: shift out the next bit
        sck_o   <= 1'b0;
        phase_q <= 1'b0;
        if (bit_q != 3'd0) begin
          bit_q <= bit_q - 3'd1;
          out_q <= {out_q[6:0], 1'b0};
        end else if (left_q != 2'd0) begin
          left_q <= left_q - 2'd1;
          bit_q  <= 3'd7;
          out_q  <= byte_q;
          in_q   <= {8'd0, in_q[31:8]};
        end else begin
          busy_q <= 1'b0;
        end
      end
    end
  end
endmodule
