// Top module of the simulation harness: the SoC with the simulation's RAM size, plus
// what only a waveform needs. With AV_UCODE_NAMES defined (sim.mk does when
// the microassembler has written build/ucode/ucode_names.vh) it carries
// upc_name, the name of the microcode routine the microprogram counter is in,
// as a 16-character ASCII vector GTKWave shows as text.
module av_sim_top #(
  parameter int unsigned RAM_BYTES = av_memmap_pkg::MM_RAM_DEFAULT,
  parameter              CS_INIT   = "build/ucode/cs.hex",      // sim.mk: absolute paths
  parameter              DISP_INIT = "build/ucode/dispatch.hex"
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  output logic        uart_tx_valid_o,
  output logic [7:0]  uart_tx_data_o,
  input  logic        uart_tx_ready_i,
  input  logic        uart_rx_valid_i,
  input  logic [7:0]  uart_rx_data_i,
  output logic        uart_rx_ready_o,
  output logic        finish_valid_o,
  output logic [31:0] finish_data_o,
  output logic        obs_we_o,
  output logic [31:0] obs_addr_o,
  output logic [3:0]  obs_be_o,
  output logic [31:0] obs_wdata_o,
  output logic [15:0] upc_o,
  output logic        rvfi_valid_o,
  output logic [63:0] rvfi_order_o,
  output logic [31:0] rvfi_insn_o,
  output logic        rvfi_trap_o,
  output logic        rvfi_intr_o,
  output logic        rvfi_halt_o,
  output logic [1:0]  rvfi_mode_o,
  output logic [4:0]  rvfi_rs1_addr_o,
  output logic [4:0]  rvfi_rs2_addr_o,
  output logic [4:0]  rvfi_rd_addr_o,
  output logic [31:0] rvfi_rs1_rdata_o,
  output logic [31:0] rvfi_rs2_rdata_o,
  output logic [31:0] rvfi_rd_wdata_o,
  output logic [31:0] rvfi_pc_rdata_o,
  output logic [31:0] rvfi_pc_wdata_o,
  output logic [31:0] rvfi_mem_addr_o,
  output logic [31:0] rvfi_mem_rdata_o,
  output logic [31:0] rvfi_mem_wdata_o,
  output logic [3:0]  rvfi_mem_rmask_o,
  output logic [3:0]  rvfi_mem_wmask_o,
  output logic [31:0] rvfi_cause_o,
  output logic [31:0] rvfi_tval_o,
  // wfi can no longer end but by the UART's interrupt (below), and whether
  // mie enables that one
  output logic        nowake_o,
  output logic        meie_o
);
  av_soc #(.RAM_BYTES(RAM_BYTES), .CS_INIT(CS_INIT), .DISP_INIT(DISP_INIT)) u_soc (.*);

  // For the harness's "sleeps forever": a hart waiting in wfi leaves it when
  // mip & mie is non-zero. Of mip's bits only the timer's and the UART's can
  // change while it waits (the others are written by software, and there is
  // one hart): the timer's while mtimecmp can be reached (all ones never
  // is), the UART's when input arrives, which the harness knows. The ISS
  // decides the same way (sim/iss/iss.c, WFI).
  assign nowake_o = !(|u_soc.u_core.pend) &&
                    !(u_soc.u_core.mie_q[7] && u_soc.u_clint.mtimecmp_q != '1);
  assign meie_o   = u_soc.u_core.mie_q[11];

`ifdef AV_UCODE_NAMES
  `include "ucode_names.vh"
  // Only a waveform reads it. upc_o is a control-store address, or
  // 0x8000 | class for a routine's first word (read from the dispatch RAM),
  // or 0xFFFF in a decode cycle; uc_name covers the first kind.
  /* verilator lint_off UNUSEDSIGNAL */
  logic [8*16-1:0] upc_name;
  /* verilator lint_on UNUSEDSIGNAL */
  function automatic logic [7:0] digit(input logic [7:0] v);
    return 8'h30 + v;
  endfunction
  always_comb begin
    if (upc_o == 16'hFFFF)
      upc_name = {"(decode)", 64'h2020202020202020};
    else if (upc_o[15])
      upc_name = {"(dispatch ", digit(upc_o[7:0] / 8'd100), digit(upc_o[7:0] / 8'd10 % 8'd10),
                  digit(upc_o[7:0] % 8'd10), ")", 16'h2020};
    else
      // uc_name takes the control-store address width, narrower than upc_o.
      /* verilator lint_off WIDTH */
      upc_name = uc_name(upc_o);
      /* verilator lint_on WIDTH */
  end
`endif
endmodule
