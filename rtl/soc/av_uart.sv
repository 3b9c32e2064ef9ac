// Accent-V UART: the NS16550A register subset software needs (byte registers
// at byte offsets 0..7, as on QEMU virt): RBR/THR, IER, IIR/FCR, LCR, MCR,
// LSR, MSR (reads 0), SCR, and the DLAB divisor latches (stored, not used:
// there is no bit clock here). Outside, it is a byte stream: tx_valid_o pulses
// one cycle per byte written to THR, and a one-byte receive holding register
// takes rx_data_i when rx_valid_i && rx_ready_o. A board wraps the stream with
// a serializer (tx_ready_i low = busy, seen by software as THRE = 0); the
// simulation harness prints the bytes and ties tx_ready_i high.
// The bus is word wide: each byte lane of a request is the register at
// {addr bit 2, lane}; a read's side effect (popping RBR, clearing the THRE
// interrupt through IIR) happens only for the lanes in be_i.
module av_uart (
  input  logic        clk_i,
  input  logic        rst_ni,
  // Bus side.
  input  logic        req_i,
  input  logic        we_i,
  input  logic        addr_i,       // word offset: 0 = registers 0..3, 1 = 4..7
  input  logic [3:0]  be_i,
  /* verilator lint_off UNUSEDSIGNAL */ // FCR bits 7:2 (DMA mode, trigger level) mean nothing here
  input  logic [31:0] wdata_i,
  /* verilator lint_on UNUSEDSIGNAL */
  output logic [31:0] rdata_o,      // for the request of this cycle (combinational)
  output logic        irq_o,        // level: enabled receive or THRE interrupt
  // Byte stream.
  output logic        tx_valid_o,
  output logic [7:0]  tx_data_o,
  input  logic        tx_ready_i,
  input  logic        rx_valid_i,
  input  logic [7:0]  rx_data_i,
  output logic        rx_ready_o
);
  logic [3:0] ier_q;
  logic [7:0] lcr_q, dll_q, dlm_q, scr_q, rbr_q;
  logic [4:0] mcr_q;
  logic       fifo_en_q, rx_full_q, thre_ip_q, thre_seen_q;
  logic       dlab;
  logic [7:0] iir;

  assign dlab = lcr_q[7];
  // Interrupt identification, highest priority first: received data, THR empty.
  always_comb begin
    if (ier_q[0] && rx_full_q)       iir = {fifo_en_q, fifo_en_q, 6'h04};
    else if (ier_q[1] && thre_ip_q)  iir = {fifo_en_q, fifo_en_q, 6'h02};
    else                             iir = {fifo_en_q, fifo_en_q, 6'h01};
  end
  assign irq_o = iir[0] == 1'b0;
  assign rx_ready_o = !rx_full_q;

  // Register selects for this request's lanes, one bit per register 0..7.
  // Not every bit is used: LSR and MSR ignore writes, and only RBR and IIR
  // reads have side effects.
  logic wr, rd;
  /* verilator lint_off UNUSEDSIGNAL */
  logic [7:0] wsel, rsel;
  /* verilator lint_on UNUSEDSIGNAL */
  assign wr = req_i && we_i;
  assign rd = req_i && !we_i;
  always_comb begin
    wsel = '0;
    rsel = '0;
    for (int b = 0; b < 4; b++) begin
      wsel[{addr_i, 2'(b)}] = wr && be_i[b];
      rsel[{addr_i, 2'(b)}] = rd && be_i[b];
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      ier_q <= '0; lcr_q <= '0; mcr_q <= '0; dll_q <= '0; dlm_q <= '0; scr_q <= '0;
      rbr_q <= '0; fifo_en_q <= 1'b0; rx_full_q <= 1'b0;
      thre_ip_q <= 1'b0; thre_seen_q <= 1'b0;
      tx_valid_o <= 1'b0; tx_data_o <= '0;
    end else begin
      tx_valid_o <= 1'b0;
      // THR empty event: the transmitter became ready since the last write.
      if (tx_ready_i && !thre_seen_q) begin
        thre_seen_q <= 1'b1;
        thre_ip_q <= 1'b1;
      end
      // Reads with side effects. (Popping RBR comes before the capture below:
      // a byte can only arrive when RBR is empty, and must not be dropped.)
      if (rsel[0] && !dlab) rx_full_q <= 1'b0;
      if (rsel[2] && iir[3:0] == 4'h2) thre_ip_q <= 1'b0;
      if (wsel[2] && wdata_i[17]) rx_full_q <= 1'b0;   // FCR: receive FIFO reset
      if (rx_valid_i && !rx_full_q) begin
        rbr_q <= rx_data_i;
        rx_full_q <= 1'b1;
      end
      // Writes.
      if (wsel[0]) begin
        if (dlab) dll_q <= wdata_i[7:0];
        else begin
          tx_valid_o <= 1'b1;
          tx_data_o <= wdata_i[7:0];
          thre_ip_q <= 1'b0;
          thre_seen_q <= 1'b0;
        end
      end
      if (wsel[1]) begin
        if (dlab) dlm_q <= wdata_i[15:8];
        else begin
          ier_q <= wdata_i[11:8];
          // Enabling the THRE interrupt while THR is empty raises it at once.
          if (wdata_i[9] && !ier_q[1] && tx_ready_i) thre_ip_q <= 1'b1;
        end
      end
      if (wsel[2]) fifo_en_q <= wdata_i[16];
      if (wsel[3]) lcr_q <= wdata_i[31:24];
      if (wsel[4]) mcr_q <= wdata_i[4:0];
      if (wsel[7]) scr_q <= wdata_i[31:24];
    end
  end

  // Read data: all four registers of the word, whatever the lanes.
  // Combinational: the SoC hands devices their request registered (a cycle
  // after the core's) and takes the answer in that same cycle; the read's
  // side effects above land at its end.
  logic [7:0] lsr;
  assign lsr = {1'b0, tx_ready_i, tx_ready_i, 4'b0, rx_full_q};
  assign rdata_o = !addr_i ? {lcr_q, iir, dlab ? dlm_q : {4'b0, ier_q}, dlab ? dll_q : rbr_q}
                           : {scr_q, 8'h00 /* MSR */, lsr, 3'b0, mcr_q};
endmodule
