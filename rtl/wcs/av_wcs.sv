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
// (IFAULT). A refused CSR access (illegal_i: the core's check of the
// arriving word, eight LUT levels after the memory's read data) does not
// reach the dispatch address: it is a late redirect like those below, so
// the class's first word is squashed and ILLEGAL runs a cycle later.
//
// Late redirects (for the clock): the decisions that come out of the
// datapath's adder late in the cycle never reach the control-store address
// directly. A word that faults (trap_i), misses a page register (walk_i) or
// takes a BR on an adder condition (EQ/NE/LT/GE) lets the sequencer read
// its ordinary successor; the redirect is registered, the successor that
// arrives next cycle is squashed (squash_o: the core gates all its effects,
// and a decode cycle it would have been is not one) and the control store
// is read at the redirect's target (TRAP, WALK or UADDR). Trap entry, a walk and a
// taken adder-condition BR therefore cost one cycle more; nothing else does.
// The faulting word itself is still abandoned in its own cycle (the core
// gates its effects with trap/walk as before). A word with such a BR must
// not start a memory access: its data would arrive in the squashed cycle.
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
  input  logic        illegal_i,     // the CSR access is refused: run ILLEGAL instead (a cycle later)
  // execution
  input  logic        cond_i,        // the word's COND is true
  input  logic        cond_early_i,  // the same for the COND values that are not the adder's
  input  logic        trap_i,        // the word faulted: abandon it, go to TRAP (a cycle later)
  input  logic        walk_i,        // a page register missed: go to WALK (a cycle later; trap_i wins)
  output logic [47:0] uw_o,          // the microinstruction of this cycle
  output logic        in_a_o,        // this is a decode cycle
  output logic        squash_o,      // this cycle's word is a squashed successor (a redirect)
  output logic        boot_o,        // first cycle after reset: fetch the reset pc
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
  // the word presented is the zero no-op (decode or boot cycle): one flop,
  // so that the microinstruction mux is a single LUT level. A squashed
  // cycle is not zeroed (that would put the late redirect on this flop's
  // path): the core gates the squashed word's effects instead (squash_o).
  logic          zero_q, zero_d;
  // a late redirect: this cycle's word is squashed, the store is read at redir_addr_q
  logic          redir_q, redir_d;
  logic [AW-1:0] redir_addr_q, redir_addr_d;

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

  assign uw = zero_q ? 48'h0 : (from_disp_q ? disp_q : cs_q);
  assign uw_o = uw;
  // a decode cycle that a redirect squashes is none (its fetch was never issued)
  wire   in_a = in_a_q && !redir_q;
  assign in_a_o = in_a;
  assign squash_o = redir_q;
  assign boot_o = boot_q;
  // (also in the squashed cycle of a refused CSR access: the retire port
  // takes the operands from it, as ILLEGAL's dispatch word gave them before)
  assign first_o = from_disp_q && !zero_q;

  wire [2:0]    next  = uw[UF_NEXT_HI:UF_NEXT_LO];
  wire [AW-1:0] uaddr = uw[UF_UADDR_HI:UF_UADDR_LO];
  wire [AW-1:0] upc1  = upc_q + 1'b1;

  // COND values that test the adder's result: late in the cycle
  wire [3:0] cnd = uw[UF_COND_HI:UF_COND_LO];
  wire       adder_cond = (cnd == U_COND_EQ) || (cnd == U_COND_NE) ||
                          (cnd == U_COND_LT) || (cnd == U_COND_GE);

  // The word ends its instruction (fetch issued; the core gates that with
  // its faults). ends_any leaves the faults out: it only feeds the
  // decode-cycle flop, which a redirect overrides.
  wire active   = !zero_q && !redir_q;
  wire ends_any = active && ((next == U_NEXT_END) || (next == U_NEXT_ENDJ) ||
                             (next == U_NEXT_ENDC && cond_i));

  // The control-store address from registered state and early conditions
  // only: no trap, walk or adder condition in it (see the header).
  always_comb begin
    cs_raddr    = upc1;
    disp_raddr  = uc_class(insn_i);
    from_disp_d = 1'b0;
    stack_d     = stack_q;
    if (boot_q) begin
      cs_raddr = upc1;
    end else if (in_a) begin
      if (take_irq_i)    cs_raddr = UA_IRQ;
      else if (ifault_i) cs_raddr = UA_IFAULT;
      else               from_disp_d = 1'b1;
    end else if (redir_q) begin
      cs_raddr = redir_addr_q;
    end else begin
      case (next)
        // ENDC: when it ends, the next cycle decodes and this read is unused
        U_NEXT_JUMP, U_NEXT_ENDC: cs_raddr = uaddr;
        // an adder condition goes on to the next word and redirects if true
        U_NEXT_BR:   cs_raddr = (cond_early_i && !adder_cond) ? uaddr : upc1;
        U_NEXT_CALL: begin cs_raddr = uaddr; stack_d = upc1; end
        U_NEXT_RET:  cs_raddr = stack_q;
        default:     cs_raddr = upc1;
      endcase
    end
  end

  // The late decisions, registered.
  always_comb begin
    redir_d      = (active && (trap_i || walk_i || (next == U_NEXT_BR && adder_cond && cond_i))) ||
                   (in_a && !take_irq_i && !ifault_i && illegal_i);
    redir_addr_d = in_a ? UA_ILLEGAL : trap_i ? UA_TRAP : walk_i ? UA_WALK : uaddr;
    in_a_d       = boot_q || ends_any;
    zero_d       = in_a_d;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      boot_q      <= 1'b1;
      in_a_q      <= 1'b0;
      from_disp_q <= 1'b0;
      zero_q      <= 1'b1;
      redir_q     <= 1'b0;
      redir_addr_q <= '0;
      upc_q       <= '0;
      stack_q     <= '0;
      class_q     <= 8'h0;
    end else begin
      boot_q      <= 1'b0;
      in_a_q      <= in_a_d;
      from_disp_q <= from_disp_d;
      zero_q      <= zero_d;
      redir_q     <= redir_d;
      redir_addr_q <= redir_addr_d;
      upc_q       <= cs_raddr;
      stack_q     <= stack_d;
      class_q     <= disp_raddr;
    end
  end
`ifndef SYNTHESIS
  // The rule in the header: a BR on an adder condition starts no memory access.
  always_ff @(posedge clk_i)
    if (active && next == U_NEXT_BR && adder_cond && uw[UF_MEM_HI:UF_MEM_LO] != 3'd0)
      $fatal(1, "av_wcs: word %0d: a BR on an adder condition with a memory access", upc_q);
`endif

  always_comb begin
    if (zero_q || redir_q) upc_o = 16'hFFFF;
    else if (from_disp_q) upc_o = {8'h80, class_q};
    else                  upc_o = {{(16-AW){1'b0}}, upc_q};
  end
endmodule
