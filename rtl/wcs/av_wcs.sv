// Writable control store and microsequencer.
//
// Holds the control-store RAM (UC_STORE words) and the dispatch RAM (one word
// per instruction class: the first microinstruction of the class's routine),
// both loaded from the microassembler's image and writable at run time
// through the load port (CSRs ucaddr/ucdatalo/ucdatahi, executed by the core).
//
// Timing: both RAMs have a registered read, so the address of the next word
// is computed in the current cycle. The cycle in which an instruction word
// arrives from memory is the decode cycle (in_a_o): no microinstruction runs
// (the word presented is all zero, a no-op); the predecoder turns the
// arriving word into a class and the dispatch RAM is read with it, so the
// class's first word executes in the very next cycle. The decode cycle may
// instead start an entry routine: an interrupt (IRQ) or a fetch fault
// (IFAULT); a refused CSR access dispatches the ILLEGAL class.
// keep_hierarchy: flattened, Yosys no longer matches the X-on-collision
// read below against the write port (the enable and index come from core
// logic it has restructured) and falls back to emulating read-old-data.
(* keep_hierarchy *)
module av_wcs #(
  parameter CS_INIT   = "build/ucode/cs.hex",
  parameter DISP_INIT = "build/ucode/dispatch.hex"
) (
  input  logic        clk_i, rst_ni,
  // decode cycle
  input  logic [31:0] insn_i,        // the arriving instruction word
  input  logic        take_irq_i,    // start IRQ instead
  input  logic        ifault_i,      // the fetch faulted: start IFAULT instead
  input  logic        illegal_i,     // dispatch the ILLEGAL class instead
  // execution
  input  logic        cond_i,        // the word's COND is true
  input  logic        trap_i,        // the word faulted: abandon it, go to TRAP
  input  logic        walk_i,        // a page register missed: go to WALK instead of on
  output logic [47:0] uw_o,          // the microinstruction of this cycle
  output logic        in_a_o,        // this is a decode cycle
  output logic        boot_o,        // first cycle after reset: fetch the reset pc
  output logic        end_o,         // the word ends its instruction (fetch issued)
  output logic        first_o,       // the word is a dispatch word
  output logic [15:0] upc_o,         // for traces: CS address, or 0x8000|class, or 0xFFFF in decode
  // load port
  input  logic        wr_en_i,
  input  logic        wr_disp_i,     // write the dispatch RAM (else the control store)
  // ucaddr bits above the RAM's size are ignored (the index wraps)
  /* verilator lint_off UNUSEDSIGNAL */
  input  logic [15:0] wr_idx_i,
  /* verilator lint_on UNUSEDSIGNAL */
  input  logic [47:0] wr_data_i
);
  `include "ucode_fields.vh"
  `include "ucode_syms.vh"
  `include "predecode.vh"

  localparam int AW = UC_ADDR_BITS;

  logic [47:0] cs_mem   [0:UC_STORE-1];
  logic [47:0] disp_mem [0:UC_DISPATCH-1];
  initial begin
    $readmemh(CS_INIT, cs_mem);
    $readmemh(DISP_INIT, disp_mem);
  end

  logic [AW-1:0] cs_raddr, upc_q, stack_q, stack_d;
  logic [7:0]    disp_raddr, class_q;
  logic [47:0]   cs_q, disp_q, uw;
  logic          in_a_q, boot_q, from_disp_q;
  logic          in_a_d, from_disp_d;

  // A load-port write and a read of the same word in one cycle is undefined
  // in an iCE40 EBR; telling Yosys so (X) saves its read-old-data emulation
  // (delayed write ports and 48-bit bypasses: about 110 flip-flops and 100
  // LUTs, on the path into the microinstruction). The read in the load
  // port's writing cycle is never used for the dispatch RAM (that cycle is
  // not a decode cycle), and for the control store only if software rewrites
  // the very word after the ucdatahi routine's last one: like any
  // self-modifying microcode, undefined. Simulation keeps read-old-data.
  wire cs_we   = wr_en_i && !wr_disp_i;
  wire disp_we = wr_en_i && wr_disp_i;
  always_ff @(posedge clk_i) if (cs_we) cs_mem[wr_idx_i[AW-1:0]] <= wr_data_i;
  always_ff @(posedge clk_i) if (disp_we) disp_mem[wr_idx_i[7:0]] <= wr_data_i;
`ifdef SYNTHESIS
  always_ff @(posedge clk_i)
    cs_q <= (cs_we && wr_idx_i[AW-1:0] == cs_raddr) ? 48'bx : cs_mem[cs_raddr];
  always_ff @(posedge clk_i)
    disp_q <= (disp_we && wr_idx_i[7:0] == disp_raddr) ? 48'bx : disp_mem[disp_raddr];
`else
  always_ff @(posedge clk_i) cs_q <= cs_mem[cs_raddr];
  always_ff @(posedge clk_i) disp_q <= disp_mem[disp_raddr];
`endif

  assign uw = (in_a_q || boot_q) ? 48'h0 : (from_disp_q ? disp_q : cs_q);
  assign uw_o = uw;
  assign in_a_o = in_a_q;
  assign boot_o = boot_q;
  assign first_o = from_disp_q && !in_a_q && !boot_q;

  wire [2:0]    next  = uw[UF_NEXT_HI:UF_NEXT_LO];
  wire [AW-1:0] uaddr = uw[UF_UADDR_HI:UF_UADDR_LO];
  wire [AW-1:0] upc1  = upc_q + 1'b1;

  logic ends;
  always_comb begin
    ends = 1'b0;
    if (!in_a_q && !boot_q && !trap_i)
      ends = (next == U_NEXT_END) || (next == U_NEXT_ENDJ) || (next == U_NEXT_ENDC && cond_i);
  end
  assign end_o = ends;

  always_comb begin
    cs_raddr    = upc1;
    disp_raddr  = uc_class(insn_i);
    in_a_d      = 1'b0;
    from_disp_d = 1'b0;
    stack_d     = stack_q;
    if (boot_q) begin
      in_a_d = 1'b1;
    end else if (in_a_q) begin
      if (take_irq_i)    cs_raddr = UA_IRQ;
      else if (ifault_i) cs_raddr = UA_IFAULT;
      else               from_disp_d = 1'b1;
      if (illegal_i) disp_raddr = UCLASS_ILLEGAL;
    end else if (trap_i) begin
      cs_raddr = UA_TRAP;
    end else if (walk_i) begin
      cs_raddr = UA_WALK;
    end else if (ends) begin
      in_a_d = 1'b1;
    end else begin
      case (next)
        U_NEXT_JUMP, U_NEXT_ENDC: cs_raddr = uaddr;
        U_NEXT_BR:   cs_raddr = cond_i ? uaddr : upc1;
        U_NEXT_CALL: begin cs_raddr = uaddr; stack_d = upc1; end
        U_NEXT_RET:  cs_raddr = stack_q;
        default:     cs_raddr = upc1;
      endcase
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      boot_q      <= 1'b1;
      in_a_q      <= 1'b0;
      from_disp_q <= 1'b0;
      upc_q       <= '0;
      stack_q     <= '0;
      class_q     <= 8'h0;
    end else begin
      boot_q      <= 1'b0;
      in_a_q      <= in_a_d;
      from_disp_q <= from_disp_d;
      upc_q       <= cs_raddr;
      stack_q     <= stack_d;
      class_q     <= disp_raddr;
    end
  end

  always_comb begin
    if (in_a_q || boot_q) upc_o = 16'hFFFF;
    else if (from_disp_q) upc_o = {8'h80, class_q};
    else                  upc_o = {{(16-AW){1'b0}}, upc_q};
  end
endmodule
