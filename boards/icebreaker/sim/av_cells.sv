// Accent-V iCEBreaker board simulation: simple behavioural models of the
// iCE40 primitives the board top instantiates, so the same top runs in the
// board simulation. Compiled only with AV_CELL_MODELS defined (the board sim's
// file list); synthesis uses Yosys's own cell library instead. These model
// function, not timing: the PLL passes its input through (the harness drives
// the clock at the PLL's output frequency) and reports lock after a while.
`ifdef AV_CELL_MODELS
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDPARAM */
module SB_PLL40_PAD #(
  parameter FEEDBACK_PATH = "SIMPLE",
  parameter [3:0] DIVR = 4'd0,
  parameter [6:0] DIVF = 7'd0,
  parameter [2:0] DIVQ = 3'd0,
  parameter [2:0] FILTER_RANGE = 3'd0
) (
  input  logic PACKAGEPIN,
  output logic PLLOUTCORE,
  output logic PLLOUTGLOBAL,
  input  logic RESETB,
  input  logic BYPASS,
  output logic LOCK
);
  logic [4:0] cnt_q = 5'd0;
  assign PLLOUTCORE = PACKAGEPIN;
  assign PLLOUTGLOBAL = PACKAGEPIN;
  assign LOCK = &cnt_q;
  always_ff @(posedge PACKAGEPIN)
    if (!RESETB) cnt_q <= 5'd0;
    else if (!LOCK) cnt_q <= cnt_q + 5'd1;
endmodule

// Global buffer: a wire.
module SB_GB (
  input  logic USER_SIGNAL_TO_GLOBAL_BUFFER,
  output logic GLOBAL_BUFFER_OUTPUT
);
  assign GLOBAL_BUFFER_OUTPUT = USER_SIGNAL_TO_GLOBAL_BUFFER;
endmodule

// 16K x 16 single-port RAM; nibble write masks; registered read.
module SB_SPRAM256KA (
  input  logic [13:0] ADDRESS,
  input  logic [15:0] DATAIN,
  input  logic [3:0]  MASKWREN,
  input  logic        WREN,
  input  logic        CHIPSELECT,
  input  logic        CLOCK,
  input  logic        STANDBY,
  input  logic        SLEEP,
  input  logic        POWEROFF,
  output logic [15:0] DATAOUT
);
  logic [15:0] mem [16384];
  always_ff @(posedge CLOCK) begin
    if (CHIPSELECT && POWEROFF && !STANDBY && !SLEEP) begin
      if (WREN) begin
        for (int n = 0; n < 4; n++)
          if (MASKWREN[n]) mem[ADDRESS][4*n +: 4] <= DATAIN[4*n +: 4];
      end else begin
        DATAOUT <= mem[ADDRESS];
      end
    end
  end
endmodule
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
`endif
