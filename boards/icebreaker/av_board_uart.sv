// Accent-V iCEBreaker: UART line interface (8N1) between the SoC's UART byte
// stream and the FTDI pins. The SoC keeps the NS16550A registers; this module
// only serialises and deserialises, so its divisor is derived from the board
// clock here and never programmed by software.
//   tx side: the SoC offers a byte with tx_valid; it is taken when tx_ready.
//   rx side: a received byte is held in rx_data with rx_valid until the SoC
//            takes it with rx_ready; a byte that arrives before then is lost
//            (rx_overrun pulses), as on a real 16550 without a FIFO.
module av_board_uart #(
    parameter int CLK_HZ = 24_000_000,
    parameter int BAUD   = 115_200
) (
    input  logic       clk_i,
    input  logic       rst_ni,
    // byte stream from the SoC
    input  logic       tx_valid_i,
    input  logic [7:0] tx_data_i,
    output logic       tx_ready_o,
    // byte stream to the SoC
    output logic       rx_valid_o,
    output logic [7:0] rx_data_o,
    input  logic       rx_ready_i,
    output logic       rx_overrun_o,
    // pins (idle high)
    output logic       txd_o,
    input  logic       rxd_i
);
  // Rounded, so the bit time is within half a clock of the ideal.
  localparam int DIV = (CLK_HZ + BAUD / 2) / BAUD;
  localparam int CW = $clog2(DIV + 1);
  localparam logic [CW-1:0] DIV_M1 = CW'(DIV - 1);
  localparam logic [CW-1:0] HALF = CW'(DIV / 2);

  // ---- transmitter: 10-bit frame shifted out LSB first -------------------
  logic [9:0] tx_shift_q;
  logic [3:0] tx_bits_q;  // bits still to send; 0 = idle
  logic [CW-1:0] tx_cnt_q;

  // Busy already in the cycle a byte is offered: the SoC's LSR reads
  // tx_ready combinationally, and a status read right after the THR write
  // must not see an empty transmitter.
  assign tx_ready_o = (tx_bits_q == 4'd0) && !tx_valid_i;
  assign txd_o = tx_bits_q == 4'd0 ? 1'b1 : tx_shift_q[0];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      tx_bits_q  <= 4'd0;
      tx_shift_q <= 10'h3ff;
      tx_cnt_q   <= '0;
    end else if (tx_bits_q == 4'd0) begin
      if (tx_valid_i) begin
        tx_shift_q <= {1'b1, tx_data_i, 1'b0};
        tx_bits_q  <= 4'd10;
        tx_cnt_q   <= DIV_M1;
      end
    end else if (tx_cnt_q != '0) begin
      tx_cnt_q <= tx_cnt_q - 1'b1;
    end else begin
      tx_shift_q <= {1'b1, tx_shift_q[9:1]};
      tx_bits_q  <= tx_bits_q - 4'd1;
      tx_cnt_q   <= DIV_M1;
    end
  end

  // ---- receiver: two-flop synchroniser, sample at mid-bit ----------------
  logic [1:0] rx_sync_q;
  logic       rxd;
  assign rxd = rx_sync_q[1];

  logic [3:0] rx_bits_q;  // 0 = hunting for a start bit
  logic [CW-1:0] rx_cnt_q;
  logic [7:0] rx_shift_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rx_sync_q    <= 2'b11;
      rx_bits_q    <= 4'd0;
      rx_cnt_q     <= '0;
      rx_shift_q   <= 8'd0;
      rx_valid_o   <= 1'b0;
      rx_data_o    <= 8'd0;
      rx_overrun_o <= 1'b0;
    end else begin
      rx_sync_q    <= {rx_sync_q[0], rxd_i};
      rx_overrun_o <= 1'b0;
      if (rx_ready_i) rx_valid_o <= 1'b0;
      if (rx_bits_q == 4'd0) begin
        if (!rxd) begin  // falling edge: start bit; check it again at mid-bit
          rx_bits_q <= 4'd10;
          rx_cnt_q  <= HALF;
        end
      end else if (rx_cnt_q != '0) begin
        rx_cnt_q <= rx_cnt_q - 1'b1;
      end else begin
        rx_cnt_q <= DIV_M1;
        unique case (rx_bits_q)
          4'd10: if (rxd) rx_bits_q <= 4'd0;  // glitch, not a start bit
                 else rx_bits_q <= 4'd9;
          4'd1: begin  // stop bit: deliver only a well-framed byte
            rx_bits_q <= 4'd0;
            if (rxd) begin
              rx_data_o <= rx_shift_q;
              rx_valid_o <= 1'b1;
              rx_overrun_o <= rx_valid_o && !rx_ready_i;
            end
          end
          default: begin
            rx_shift_q <= {rxd, rx_shift_q[7:1]};
            rx_bits_q  <= rx_bits_q - 4'd1;
          end
        endcase
      end
    end
  end
endmodule
