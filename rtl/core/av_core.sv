// Accent-V core: a microcoded RV32IM(+Zicsr, Zifencei) CPU, machine mode
// with U-mode bits in place (S/U, Sv32 and A follow in issue 4).
//
// Every instruction is run by a microcode routine from the writable control
// store (av_wcs). This module is the datapath the microinstruction fields
// drive directly: one 33-bit adder, one shifter, a logic unit, the DSP
// multiplier, a 1-bit-per-cycle divide step, the register file (GPRs and the
// RAM-held CSRs), the few CSR bits that must be flip-flops (mode, mstatus,
// mie, mip, counters), the memory port and the retire port.
//
// Cycle structure (docs/core.md): the cycle in which an instruction word
// arrives is the decode cycle; the routine's first word runs in the next
// cycle with rs1/rs2 on the register-file ports; the routine's last word
// issues the next fetch. Faults that the hardware detects in a word
// (misaligned address or jump target, an access fault answered by the bus)
// abandon the word — no register, CSR, pc or memory write — and enter the
// microcode TRAP routine with CAUSE and T (the tval) set.
module av_core #(
  parameter [31:0] RESET_PC  = 32'h0000_1000,
  parameter        CS_INIT   = "build/ucode/cs.hex",
  parameter        DISP_INIT = "build/ucode/dispatch.hex"
) (
  input  logic        clk_i, rst_ni,
  output logic        mem_req_o,   // an access happens (devices, writes)
  output logic        mem_sreq_o,  // maybe one: RAM and ROM may start a read on it (early)
  output logic        mem_we_o,
  output logic        mem_fetch_o, // a request (exact or maybe) is an instruction fetch
  output logic [31:0] mem_addr_o,
  output logic [3:0]  mem_be_o,
  output logic [31:0] mem_wdata_o,
  input  logic [31:0] mem_rdata_i,
  // the same read data as a fetch sees it: RAM or the ROM, never a device
  // (a fetch elsewhere faults), so the decode cycle's predecode and CSR
  // check do not wait for the devices' read mux
  input  logic [31:0] mem_idata_i,
  input  logic        mem_err_i,
  input  logic        irq_mtimer_i, irq_msoft_i, irq_mext_i,
  input  logic [63:0] mtime_i,
  output logic        rvfi_valid_o,
  output logic [63:0] rvfi_order_o,
  output logic [31:0] rvfi_insn_o,
  output logic        rvfi_trap_o, rvfi_intr_o, rvfi_halt_o,
  output logic [1:0]  rvfi_mode_o,
  output logic [4:0]  rvfi_rs1_addr_o, rvfi_rs2_addr_o, rvfi_rd_addr_o,
  output logic [31:0] rvfi_rs1_rdata_o, rvfi_rs2_rdata_o, rvfi_rd_wdata_o,
  output logic [31:0] rvfi_pc_rdata_o, rvfi_pc_wdata_o,
  output logic [31:0] rvfi_mem_addr_o, rvfi_mem_rdata_o, rvfi_mem_wdata_o,
  output logic [3:0]  rvfi_mem_rmask_o, rvfi_mem_wmask_o,
  output logic [31:0] rvfi_cause_o, rvfi_tval_o,
  output logic [15:0] upc_o
);
  `include "ucode_fields.vh"

  localparam logic [1:0] PRV_U = 2'd0, PRV_S = 2'd1, PRV_M = 2'd3;
  // exceptions medeleg can delegate: 0-9, 12, 13, 15 and 24 (not 11, ecall from M)
  localparam logic [31:0] MEDELEG_MASK = 32'h0100_B3FF;
  // misa: RV32 (MXL=1), A I M S U.
  localparam logic [31:0] MISA = 32'h4014_1101;

  // ---------------------------------------------------------------- sequencer
  logic [47:0] uw;
  logic        in_a, boot, ends, squash;
  // first: "this is a routine's dispatch word"; only the retire port uses it
  /* verilator lint_off UNUSEDSIGNAL */
  logic        first;
  /* verilator lint_on UNUSEDSIGNAL */
  logic        cond, cond_early, trap, walk, walk_seq, take_irq, ifault, csr_illegal;
  logic        wcs_we, wcs_disp;
  logic [15:0] wcs_idx;
  logic [47:0] wcs_data;

  av_wcs #(.CS_INIT(CS_INIT), .DISP_INIT(DISP_INIT)) u_wcs (
    .clk_i, .rst_ni,
    .insn_i(mem_idata_i), .take_irq_i(take_irq), .ifault_i(ifault), .illegal_i(csr_illegal),
    .cond_i(cond), .cond_early_i(cond_early), .trap_i(trap), .walk_i(walk_seq), .uw_o(uw), .in_a_o(in_a), .squash_o(squash), .boot_o(boot),
    .first_o(first), .upc_o,
    .wr_en_i(wcs_we), .wr_disp_i(wcs_disp), .wr_idx_i(wcs_idx), .wr_data_i(wcs_data));

  // microinstruction fields
  wire [2:0] f_next = uw[UF_NEXT_HI:UF_NEXT_LO];
  wire [3:0] f_cond = uw[UF_COND_HI:UF_COND_LO];
  wire [2:0] f_asel = uw[UF_ASEL_HI:UF_ASEL_LO];
  wire [2:0] f_bsel = uw[UF_BSEL_HI:UF_BSEL_LO];
  wire [3:0] f_alu  = uw[UF_ALU_HI:UF_ALU_LO];
  wire [2:0] f_res  = uw[UF_RES_HI:UF_RES_LO];
  wire [2:0] f_wb   = uw[UF_WB_HI:UF_WB_LO];
  wire [1:0] f_rsel = uw[UF_RSEL_HI:UF_RSEL_LO];
  wire [5:0] f_k    = uw[UF_K_HI:UF_K_LO];
  wire       f_spwe = uw[UF_SPWE_LO];
  wire [2:0] f_mem  = uw[UF_MEM_HI:UF_MEM_LO];
  wire [2:0] f_dst  = uw[UF_DST_HI:UF_DST_LO];

  // ---------------------------------------------------------------- state
  logic [31:0] pc_q, ir_q, t_q, q_q;
  logic [4:0]  cause_q;
  // the loop counter: 5 bits for the divide, 10 for a page loop (1024 words)
  logic [9:0]  cnt_q;
  // page mode: physical memory words take bits 11:2 of their address from
  // the counter, which each store counts down (the fast paths' page loops)
  logic        pgm_q;
  logic        cause_intr_q;
  logic [1:0]  mode_q;
  // mstatus bits
  logic        st_sie, st_mie, st_spie, st_mpie, st_spp, st_mprv, st_sum, st_mxr;
  logic        st_tvm, st_tw, st_tsr;
  logic [1:0]  st_mpp;
  logic [11:0] mie_q;            // only bits 11,9,7,5,3,1 are kept
  logic        seip_q, stip_q, ssip_q;
  logic [4:0]  mcounteren_q, scounteren_q;
  logic [31:0] medeleg_q;
  logic [11:0] mideleg_q;        // only bits 9,5,1 (the S interrupts) are kept
  logic [63:0] mcycle_q, minstret_q;
  logic        dreq_q, dlcause_q;  // a data access was issued in the previous cycle
  // dread_q (that access was a read) feeds only the retire port
  /* verilator lint_off UNUSEDSIGNAL */
  logic        dread_q;
  /* verilator lint_on UNUSEDSIGNAL */
  logic        resv_valid_q;     // the LR reservation
  logic [29:0] resv_addr_q;      // physical word address
  logic        sc_ok_q;          // the last sc.w's word held the reservation
  // Sv32: satp, the one-entry fetch-page, read-page and write-page registers (valid for
  // the current mode/mstatus/satp: flushed when any of them changes), and the
  // page walker's state.
  logic [31:0] satp_q;
  logic        iv_q, drv_q, dwv_q;
  logic [19:0] ivpn_q, ippn_q, drvpn_q, drppn_q, dwvpn_q, dwppn_q;
  // a page register filled from a megapage covers all of it (the kernel's
  // code and data are megapages: its accesses then stop missing page
  // registers at every 4 KiB boundary); wmega_q: the walk's TLB hit was one
  logic        ivm_q, drm_q, dwm_q, wmega_q;
  logic        walking_q, wk_fetch_q, wk_store_q, wlevel_q, dpte_q;
  logic        walk_q, wdmiss_q, wwr_q;     // a walk starts next cycle: its kind
  logic        fpatom_q;                    // a fault fast path restarted: no interrupt yet
  logic [31:0] pte_q;
  logic [3:0]  fpp_q;          // the fast path running now (one-hot, as the event mask)
  // the VM contract's CSRs (DESIGN.md): fast-path enables, the last
  // software-refill miss (the event selectors live in the register file)
  logic [3:0]  fpen_q;
  logic [31:0] fpmiss_q;

  // ---------------------------------------------------------------- register file
  logic        rf_a_en, rf_b_en, rf_we;
  logic [5:0]  rf_a_addr, rf_b_addr, rf_waddr;
  logic [31:0] ra, rb, rf_wdata;

  av_regfile u_rf (
    .clk_i,
    .a_en_i(rf_a_en), .a_addr_i(rf_a_addr), .a_data_o(ra),
    .b_en_i(rf_b_en), .b_addr_i(rf_b_addr), .b_data_o(rb),
    .w_en_i(rf_we), .w_addr_i(rf_waddr), .w_data_i(rf_wdata));

  // Read addresses for the next cycle: the arriving word's rs1/rs2 in the
  // decode cycle, otherwise what the microinstruction's RSEL asks for.
  always_comb begin
    rf_a_en = 1'b0; rf_b_en = 1'b0;
    rf_a_addr = {1'b0, ir_q[19:15]};
    rf_b_addr = {1'b0, ir_q[24:20]};
    if (in_a) begin
      rf_a_en = 1'b1; rf_b_en = 1'b1;
      rf_a_addr = {1'b0, mem_idata_i[19:15]};
      rf_b_addr = {1'b0, mem_idata_i[24:20]};
    end else if (!squash) begin   // (a squashed word is not zeroed: it reads nothing)
      case (f_rsel)
        U_RSEL_IR: begin rf_a_en = 1'b1; rf_b_en = 1'b1; end
        U_RSEL_KA: begin rf_a_en = 1'b1; rf_a_addr = f_k; end
        U_RSEL_KB: begin rf_b_en = 1'b1; rf_b_addr = f_k; end
        default: ;
      endcase
    end
  end

  // ---------------------------------------------------------------- immediate
  // The format follows the opcode: decode extracts fields, nothing more.
  logic [31:0] imm;
  always_comb begin
    case (ir_q[6:2])
      5'b01000: imm = {{21{ir_q[31]}}, ir_q[30:25], ir_q[11:7]};                          // S
      5'b11000: imm = {{20{ir_q[31]}}, ir_q[7], ir_q[30:25], ir_q[11:8], 1'b0};           // B
      5'b01101, 5'b00101: imm = {ir_q[31:12], 12'b0};                                      // U
      5'b11011: imm = {{12{ir_q[31]}}, ir_q[19:12], ir_q[20], ir_q[30:21], 1'b0};         // J
      default:  imm = {{21{ir_q[31]}}, ir_q[30:20]};                                       // I
    endcase
  end

  // ---------------------------------------------------------------- operands
  wire div_signed = ~ir_q[12];                       // DIV/REM (funct3 1x0)
  // NEG's decision (negate the quotient or remainder) from the previous
  // cycle's ports: a divide holds rs1/rs2 on them from its first word to its
  // last, and the 32-bit zero test of the divisor stays off the adder's
  // carry-in path.
  logic neg_q;
  always_ff @(posedge clk_i)
    neg_q <= ir_q[13] ? (div_signed & ra[31]) : (div_signed & (ra[31] ^ rb[31]) & (rb != 32'h0));
  logic [31:0] opa, opb;
  logic        aext;
  always_comb begin
    aext = 1'b0;
    case (f_asel)
      U_ASEL_RA:     opa = ra;
      U_ASEL_PC:     opa = pc_q;
      U_ASEL_T:      opa = t_q;
      U_ASEL_Q:      opa = q_q;
      U_ASEL_DIVR:   begin opa = {t_q[30:0], q_q[31]}; aext = t_q[31]; end
      U_ASEL_CSRSRC: opa = ir_q[14] ? {27'b0, ir_q[19:15]} : ra;
      U_ASEL_RBA:    opa = {rb[31:2], 2'b00};
      default:       opa = 32'h0;
    endcase
  end

  logic [31:0] spr;          // the flip-flop CSR the instruction reads (spr_q, below)
  logic [3:0]  irq_cause;
  // SUBG (mulh sign correction): B counts only when the other operand's
  // sign says so; when it does not, the result is A (chosen after the adder,
  // so the gate is not on the operand's path).
  wire subg_gate = (f_bsel == U_BSEL_RB) ? (ra[31] & ~(ir_q[13] & ir_q[12]))
                                         : (rb[31] & (ir_q[13:12] == 2'b01));
  // A vectored interrupt's offset (4 * cause) for TRAP's last word, from
  // registered state: port B holds xtvec from the routine's second word on.
  logic [6:2] vec_q;
  always_ff @(posedge clk_i) vec_q <= (rb[0] && cause_intr_q) ? cause_q : 5'd0;
  always_comb begin
    case (f_bsel)
      U_BSEL_RB:  opb = rb;
      U_BSEL_IMM: opb = imm;
      U_BSEL_RA:  opb = ra;
      U_BSEL_T:   opb = t_q;
      U_BSEL_Q:   opb = q_q;
      U_BSEL_SPR: opb = spr;
      // (during a walk or fast path: the UADDR field as a small constant)
      U_BSEL_VEC: opb = walking_q ? {{(31 - UF_UADDR_HI + UF_UADDR_LO){1'b0}}, uw[UF_UADDR_HI:UF_UADDR_LO]} : {25'b0, vec_q, 2'b00};
      default:    opb = 32'h0;
    endcase
  end

  // ---------------------------------------------------------------- adder
  logic        bext, invb;
  // ABS and DSTEP negate B by its sign, without waiting for the operand mux:
  // ABS (a divide's first word) takes it from port A (BSEL=RA), DSTEP from
  // the divisor as port B held it in the previous cycle (the divide's words
  // keep rs1/rs2 on the ports throughout); NEG's decision is registered the
  // same way (neg_q). So the carry-in and B's inversion depend on the ALU
  // field and three bits only (the microcode uses ABS with BSEL=RA and
  // DSTEP with BSEL=RB; simulation checks it).
  logic dsign_q;
  always_ff @(posedge clk_i) dsign_q <= div_signed & rb[31];
  always_comb begin
    bext = 1'b0; invb = 1'b0;
    case (f_alu)
      U_ALU_SUB, U_ALU_SLT:   begin bext = opb[31]; invb = 1'b1; end
      U_ALU_SUBU, U_ALU_SLTU, U_ALU_SUBG: invb = 1'b1;
      U_ALU_ABS:   invb = div_signed & ra[31];
      U_ALU_NEG:   invb = neg_q;
      U_ALU_DSTEP: begin bext = dsign_q; invb = ~dsign_q; end
      default: ;
    endcase
  end
`ifndef SYNTHESIS
  always_ff @(posedge clk_i)
    if (!in_a && !boot && !squash && ((f_alu == U_ALU_ABS && f_bsel != U_BSEL_RA) ||
                                      (f_alu == U_ALU_DSTEP && f_bsel != U_BSEL_RB)))
      $fatal(1, "av_core: ALU=ABS needs BSEL=RA, ALU=DSTEP BSEL=RB");
`endif
  wire        aext_s = (f_alu == U_ALU_SUB || f_alu == U_ALU_SLT) ? opa[31] : aext;
  wire [32:0] sum = {aext_s, opa} + ({bext, opb} ^ {33{invb}}) + {32'b0, invb};

  // ---------------------------------------------------------------- shifter and logic
  function automatic [31:0] rev32(input [31:0] x);
    for (int i = 0; i < 32; i++) rev32[i] = x[31-i];
  endfunction
  wire        sh_left = (f_alu == U_ALU_SLL);
  wire        sh_fill = (f_alu == U_ALU_SRA) & opa[31];
  wire [31:0] sh_in   = sh_left ? rev32(opa) : opa;
  // the upper half of the 64-bit funnel is only the fill source
  /* verilator lint_off UNUSEDSIGNAL */
  wire [63:0] sh_wide = {{32{sh_fill}}, sh_in} >> opb[4:0];
  /* verilator lint_on UNUSEDSIGNAL */
  wire [31:0] sh_out  = sh_left ? rev32(sh_wide[31:0]) : sh_wide[31:0];

  logic [31:0] logic_out;
  always_comb begin
    case (f_alu)
      U_ALU_AND: logic_out = opa & opb;
      U_ALU_OR:  logic_out = opa | opb;
      U_ALU_XOR: logic_out = opa ^ opb;
      default:   // CSR: rw writes A, rs sets A's bits in B, rc clears them
        case (ir_q[13:12])
          2'b10:   logic_out = opb | opa;
          2'b11:   logic_out = opb & ~opa;
          default: logic_out = opa;
        endcase
    endcase
  end

  logic [31:0] alu_out;
  always_comb begin
    case (f_alu)
      U_ALU_SLT, U_ALU_SLTU: alu_out = {31'b0, sum[32]};
      U_ALU_AND, U_ALU_OR, U_ALU_XOR, U_ALU_CSR: alu_out = logic_out;
      U_ALU_SLL, U_ALU_SRL, U_ALU_SRA: alu_out = sh_out;
      U_ALU_SUBG: alu_out = subg_gate ? sum[31:0] : opa;
      default: alu_out = sum[31:0];
    endcase
  end

  // ---------------------------------------------------------------- multiplier
  // Unsigned 32x32 product; Yosys maps it to SB_MAC16 blocks. MULH/MULHSU
  // sign corrections are microcode (ALU=SUBG).
  wire [63:0] prod = {32'b0, ra} * {32'b0, rb};

  // ---------------------------------------------------------------- load data
  // the access size: funct3, except for the walker's and the fast paths'
  // physical words (whatever instruction ir holds)
  wire [1:0] msz = walking_q ? 2'b10 : ir_q[13:12];
  logic [31:0] load_data;
  always_comb begin
    logic [31:0] sh;
    sh = mem_rdata_i >> {t_q[1:0], 3'b000};
    case (msz)
      2'b00:   load_data = {{24{sh[7] & ~ir_q[14]}}, sh[7:0]};
      2'b01:   load_data = {{16{sh[15] & ~ir_q[14]}}, sh[15:0]};
      default: load_data = sh;
    endcase
  end

  // ---------------------------------------------------------------- result bus
  logic [31:0] res;
  always_comb begin
    case (f_res)
      U_RES_LOAD:  res = load_data;
      U_RES_PC4:   res = pc_q + 32'd4;
      U_RES_MUL:   res = (ir_q[13:12] == 2'b00) ? prod[31:0] : prod[63:32];
      U_RES_SPR:   res = spr;
      // the tval of an illegal instruction: a 16-bit encoding (bits 1:0 not
      // 11) gives only its own 16 bits (priv spec 3.1.16)
      U_RES_IR:    res = {ir_q[31:16] & {16{&ir_q[1:0]}}, ir_q[15:0]};
      U_RES_CAUSE: res = {cause_intr_q, 26'b0, cause_q};
      U_RES_PC:    res = pc_q;
      default:     res = alu_out;
    endcase
  end

  // ---------------------------------------------------------------- interrupts
  wire [11:0] mip = {irq_mext_i, 1'b0, seip_q, 1'b0, irq_mtimer_i, 1'b0, stip_q, 1'b0,
                     irq_msoft_i, 1'b0, ssip_q, 1'b0};
  wire [11:0] pend   = mip & mie_q;
  // Interrupts mideleg does not delegate go to M: enabled below M, and in M
  // by mstatus.MIE. Delegated ones go to S: enabled in U, and in S by SIE.
  wire [11:0] m_pend = pend & ~mideleg_q;
  wire [11:0] s_pend = pend & mideleg_q;
  wire        m_take = (|m_pend) && (mode_q != PRV_M || st_mie);
  wire        s_take = (|s_pend) && (mode_q == PRV_U || (mode_q == PRV_S && st_sie));
  // only the six interrupt bits are looked at (STI is the fall-through)
  /* verilator lint_off UNUSEDSIGNAL */
  wire [11:0] i_pend = m_take ? m_pend : s_pend;
  /* verilator lint_on UNUSEDSIGNAL */
  // (not in the decode cycle right after a fault fast path: it and its
  // instruction are one step, the VM contract says; fpatom_q carries that
  // over the fetch walk when the path forgot the fetch page register)
  assign take_irq = in_a && (m_take || s_take) && !walking_q && !fpatom_q;
  always_comb begin
    // priority: MEI, MSI, MTI, SEI, SSI, STI
    if (i_pend[11])     irq_cause = 4'd11;
    else if (i_pend[3]) irq_cause = 4'd3;
    else if (i_pend[7]) irq_cause = 4'd7;
    else if (i_pend[9]) irq_cause = 4'd9;
    else if (i_pend[1]) irq_cause = 4'd1;
    else                irq_cause = 4'd5;
  end
  // The trap in CAUSE goes to S: taken below M and delegated.
  wire deleg = (mode_q != PRV_M) &&
               (cause_intr_q ? mideleg_q[cause_q[3:0]] : medeleg_q[cause_q]);
  assign ifault = in_a && mem_err_i;

  // ---------------------------------------------------------------- decode-cycle CSR check
  // A CSR access above the current privilege, a write to a read-only CSR, or
  // a counter not enabled in mcounteren runs ILLEGAL instead (a cycle later: av_wcs).
  always_comb begin
    // bit 7 of the CSR number does not matter to any check here
    /* verilator lint_off UNUSEDSIGNAL */
    logic [11:0] csr;
    /* verilator lint_on UNUSEDSIGNAL */
    logic        is_csr, writes, low_priv, ctr_off;
    csr      = mem_idata_i[31:20];
    is_csr   = (mem_idata_i[6:0] == 7'b1110011) && (mem_idata_i[13:12] != 2'b00);
    writes   = (mem_idata_i[13:12] == 2'b01) || (mem_idata_i[19:15] != 5'd0);
    low_priv = (mode_q < csr[9:8]);
    // counters below M need mcounteren, and in U scounteren as well
    ctr_off  = (csr[11:8] == 4'hC) && (csr[6:5] == 2'b00) && (mode_q != PRV_M) &&
               !(csr[4:0] < 5'd5 && mcounteren_q[csr[2:0]] &&
                 (mode_q == PRV_S || scounteren_q[csr[2:0]]));
    csr_illegal = is_csr && (low_priv || (csr[11:10] == 2'b11 && writes) || ctr_off ||
                             (csr == 12'h180 && mode_q == PRV_S && st_tvm));
  end

  // ---------------------------------------------------------------- Sv32 walker
  wire [1:0]  eff_mode = (mode_q == PRV_M && st_mprv) ? st_mpp : mode_q;   // data accesses
  wire        xl_d     = satp_q[31] && eff_mode != PRV_M;
  // the walk's virtual address (a fetch probe's, A_PROBEX in an A_PHYS
  // routine: Q, as the data probes')
  wire [31:0] wva      = (wk_fetch_q && !fpp_q[3]) ? pc_q : q_q;
  wire [31:0] pte_addr = wlevel_q ? {satp_q[19:0], wva[31:22], 2'b00}
                                  : {pte_q[29:10], wva[21:12], 2'b00};
  wire [1:0]  wmode    = wk_fetch_q ? mode_q : eff_mode;
  // What a PTE means for the access the walk serves: {page fault, needs A/D
  // set}. For a leaf: R/W/X as the kind needs (MXR: X reads), U against the
  // mode (S touches U pages for data only with SUM, never fetches them), a
  // level-1 leaf must be megapage aligned; a pointer at level 0 faults, and
  // one with D, A or U set at any level.
  // (ppn0: PTE bits 19:10; fl: PTE bits D A U X W R V, G left out)
  // A page register's hit and physical page: one filled from a megapage
  // matches on VPN[1] alone and takes PPN[0] from the address.
  function automatic logic pg_hit(input v, input mega, input [19:0] vpn, input [19:0] va_vpn);
    pg_hit = v && vpn[19:10] == va_vpn[19:10] && (mega || vpn[9:0] == va_vpn[9:0]);
  endfunction
  function automatic [19:0] pg_ppn(input mega, input [19:0] ppn, input [9:0] va_vpn0);
    pg_ppn = {ppn[19:10], mega ? va_vpn0 : ppn[9:0]};
  endfunction

  function automatic [1:0] pte_chk(input [9:0] ppn0, input [6:0] fl, input lvl, input fetch,
                                   input store, input [1:0] m, input sumb, input mxr);
    logic v, r, w, x, u, leaf, bad, uok, perm;
    v = fl[0]; r = fl[1]; w = fl[2]; x = fl[3]; u = fl[4];
    bad  = !v || (!r && w);
    leaf = r || x;
    uok  = (m == 2'd0) ? u : (!u || (!fetch && sumb));
    perm = fetch ? (x && uok) : store ? (w && uok) : ((r || (mxr && x)) && uok);
    // (a pointer with D, A or U set faults: they are reserved in a non-leaf
    // PTE, priv 1.12 4.3.1, and reserved bits fault, 4.3.2 step 3; QEMU too)
    pte_chk[1] = bad || (!leaf && (!lvl || fl[4] || fl[5] || fl[6])) ||
                 (leaf && ((lvl && ppn0 != 10'd0) || !perm));
    pte_chk[0] = !fl[5] || (store && !fl[6]);
  endfunction
  // A PTE with RSW bit 8 (zero-fill, copy-on-write) is checked as valid and,
  // when valid and readable, writable: what is left is whether a fast path
  // could take the fault (fp_ok below); the encoding itself faults as the
  // terms after say. Only a readable leaf is taken as writable (W without R
  // is reserved): a pointer or an execute-only page with the bit is what it
  // is without it, as RSW is nothing to the hardware (priv/vm_rsw; taking
  // every valid one as writable made those "W without R" page faults).
  wire        p8       = pte_q[8];
  wire        p8w      = p8 && pte_q[0] && pte_q[1];
  wire [1:0]  chk_q    = pte_chk(pte_q[19:10], {pte_q[7:6], pte_q[4:3], pte_q[2] | p8w,
                                                pte_q[1], pte_q[0] | p8},
                                 wlevel_q, wk_fetch_q, wk_store_q, wmode, st_sum, st_mxr);
  wire        pte_fault  = chk_q[1] || (p8 && !pte_q[0]) || (p8w && !pte_q[2] && wk_store_q);
  wire        pte_needad = chk_q[0];
  wire        pte_ptr  = pte_q[0] && !pte_q[1] && !pte_q[2] && !pte_q[3] && wlevel_q;
  wire        pte_d    = pte_q[7];
  wire        u_ok     = (wmode == PRV_U) ? pte_q[4] : (!pte_q[4] || (!wk_fetch_q && st_sum));
  wire        p_load   = (pte_q[1] || (st_mxr && pte_q[3])) && u_ok;
  wire        p_store  = pte_q[2] && u_ok;

  // the block-RAM TLB, read at the walk address's index every cycle. The
  // index keeps U and S/M accesses apart (bit 7), and for U fetches apart
  // from data (bit 6): with software refill the C handler's own S-mode
  // accesses, or an instruction's fetch, would otherwise evict the entry
  // just inserted for a U access of the same slot and the access would miss
  // forever. In the U half the page bits are XORed with the ASID's low six,
  // bit-reversed (u_hash): processes forked from one image use the same
  // virtual pages, and a message's two sides then took each other's entries
  // on every switch (consecutive ASIDs differ in the low bits, which the
  // reversal sends to the index's top, away from a program's neighbouring
  // pages). An entry's slot then no longer gives its page bits 17:12, so a
  // U-half entry hits only under its own ASID, G or not (a cache may ignore
  // G; the S half, the kernel's global pages, keeps it).
  function automatic [5:0] u_hash(input logic [5:0] vpn, input logic [5:0] asid);
    u_hash = vpn ^ {asid[0], asid[1], asid[2], asid[3], asid[4], asid[5]};
  endfunction
  logic [55:0] tlb_e;
  logic        tlb_ok;
  wire         w_user  = (wmode == PRV_U);
  wire  [7:0]  tlb_idx = {w_user, w_user ? wk_fetch_q : wva[18],
                          w_user ? u_hash(wva[17:12], satp_q[27:22]) : wva[17:12]};
  wire  [31:0] tlb_pte = {tlb_e[55:54], tlb_e[27:8], 2'b00, tlb_e[7:0]};
  wire  [1:0]  chk_t   = pte_chk(tlb_pte[19:10], {tlb_pte[7:6], tlb_pte[4:0]}, 1'b0, wk_fetch_q,
                                 wk_store_q, wmode, st_sum, st_mxr);
  wire         tlb_hit = tlb_ok && tlb_e[52] && tlb_e[51:38] == wva[31:18] &&
                         ((tlb_e[28] && !w_user) || tlb_e[37:29] == satp_q[30:22]) && chk_t == 2'b00;
  wire [19:0] leaf_ppn = wlevel_q ? {pte_q[29:20], wva[21:12]} : pte_q[29:10];
  wire        leaf_mega = wlevel_q || wmega_q;
  // The zero-fill and copy-on-write fast paths (VM contract) take a fault of
  // a U-mode access on a level-0 U PTE whose permissions allow the access,
  // taking the zero-fill PTE as valid and the copy-on-write PTE as writable:
  // the walk then branches to the routine instead of faulting. The routine
  // checks the tables, and hands the fault to C (COND=PTEPTR in a word that
  // does not branch) or serves it.
  // (the zero-fill encoding's bit 9 clear and PPN 0 are the routine's check)
  wire        fp_ok    = mode_q == PRV_U && !wlevel_q && p8 && !chk_q[1];
  wire        fp_z     = fp_ok && !pte_q[0] && fpen_q[1];
  wire        fp_c     = fp_ok && pte_q[0] && wk_store_q && fpen_q[2];
  wire [31:0] pte_adv  = pte_q | 32'h40 | (wk_store_q ? 32'h80 : 32'h0);

  // ---------------------------------------------------------------- conditions
  // Two halves: the adder's conditions (EQ/NE/LT/GE, late in the cycle)
  // and the rest (flip-flops, the TLB's registered read). The sequencer
  // takes a BR on the early ones straight into the control-store address and
  // redirects a cycle later on the late ones (av_wcs), so the adder never
  // feeds that address.
  //
  // Shaped for the clock: `cond` decides `ends` of a branch word (the
  // fetch, pc, minstret, the walker), and ABC, which takes the carry
  // chain's outputs as arriving with everything else, had put seven LUT
  // levels between the chain's last bits and it. The nodes kept here force
  // the shape: the zero test is a tree of nibbles and halves, and sum[32]
  // meets the terms from the microword and flip-flops in one LUT, sum[31]
  // in three. (Keeping those early terms as well cost about 90 cells.)
  (* keep *) logic [7:0] z_nib;                     // nibble i of the sum is zero
  for (genvar i = 0; i < 8; i++) begin : g_znib
    assign z_nib[i] = (sum[4*i+3:4*i] == 4'h0);
  end
  (* keep *) wire [1:0] z_half = {&z_nib[7:4], &z_nib[3:0]};
  wire       late  = (f_cond[3:2] == 2'b00);
  wire c_eq = late && f_cond[1:0] == 2'd0;
  wire c_ne = late && f_cond[1:0] == 2'd1;
  wire c_lt = late && f_cond[1:0] == 2'd2;
  wire c_ge = late && f_cond[1:0] == 2'd3;
  wire c_early = !late && cond_early;
  (* keep *) wire c_zero = (c_eq && (&z_half)) || (c_ne && !(&z_half));        // EQ, NE
  (* keep *) wire c_rest = c_early || (c_lt && sum[32]) || (c_ge && !sum[32]);   // LT, GE, early
  assign cond = c_zero || c_rest;
  always_comb begin
    case (f_cond)
      U_COND_CNTNZ: cond_early = (cnt_q != 10'd0);
      U_COND_IRQ:   cond_early = |pend;
      U_COND_NOIRQ: cond_early = ~|pend;
      U_COND_NOTM:  cond_early = (mode_q != PRV_M);
      U_COND_TLBHIT: cond_early = tlb_hit;
      U_COND_RESV:  cond_early = sc_ok_q;
      U_COND_DELEG: cond_early = deleg;
      // sret (TSR), wfi (TW, ir[22]), sfence.vma (TVM, ir[25]); custom-1
      // (remap, ir[4] clear): U only
      U_COND_PRIVBAD: cond_early = !ir_q[4] ? (mode_q != PRV_S) :
                             (mode_q == PRV_U) || (mode_q == PRV_S && (ir_q[25] ? st_tvm : ir_q[22] ? st_tw : st_tsr));
      U_COND_FPZ:     cond_early = fp_z;
      U_COND_FPC:     cond_early = fp_c;
      U_COND_PTEPTR:  cond_early = pte_ptr;
      U_COND_PTEAD:   cond_early = pte_needad || fp_z || fp_c;   // (a fast path's fault as well)
      default:      cond_early = 1'b0;       // (EQ NE LT GE: cond_late)
    endcase
  end

  // ---------------------------------------------------------------- faults the hardware sees
  // A squashed cycle (after a late redirect) presents the successor that
  // was read, not a zero word: everything it could do is gated here (and
  // its register-file reads above).
  wire active   = !in_a && !boot && !squash;
  wire mem_word = active && (f_mem != U_MEM_NONE);
  wire is_amow  = (f_mem == U_MEM_AMOW);
  wire is_pte   = (f_mem == U_MEM_PTE);
  wire wpte     = is_amow && walking_q && !pgm_q;       // the walk's A/D write
  // the walker's own accesses, and a fast path's loads and stores (words)
  wire phys     = walking_q;
  wire lcause   = (f_mem == U_MEM_LOAD) || (f_mem == U_MEM_LR);     // faults are load faults
  wire is_read  = lcause || (f_mem == U_MEM_AMOR) || is_pte;
  wire wr_kind  = !lcause && !is_pte;                   // needs write permission
  wire ram_only = (f_mem == U_MEM_LR) || (f_mem == U_MEM_AMOR) || (f_mem == U_MEM_SC);
  wire misal    = !is_amow && !phys && ((ir_q[13:12] == 2'b01 && sum[0]) ||
                                          (ir_q[13:12] == 2'b10 && sum[1:0] != 2'b00));
  // virtual and physical address of a memory word
  wire [31:0] vaddr = is_amow ? t_q : sum[31:0];
  // reads and writes have a page register each (memcpy-like loops hit both)
  wire        dhit  = wr_kind ? pg_hit(dwv_q, dwm_q, dwvpn_q, vaddr[31:12])
                              : pg_hit(drv_q, drm_q, drvpn_q, vaddr[31:12]);
  wire [19:0] dppn  = wr_kind ? pg_ppn(dwm_q, dwppn_q, vaddr[21:12]) : pg_ppn(drm_q, drppn_q, vaddr[21:12]);
  wire        dmiss = mem_word && !phys && xl_d && !dhit;
  wire [31:0] daddr = is_pte ? pte_addr :
                      (xl_d && !phys) ? {dppn, vaddr[11:0]} :
                      {vaddr[31:12], (pgm_q && phys) ? cnt_q : vaddr[11:2], vaddr[1:0]};
  wire t_memerr = active && dreq_q && mem_err_i;
  wire t_mis    = mem_word && misal;
  wire t_noram  = mem_word && ram_only && !daddr[31] && !dmiss;   // reservations and AMOs: RAM only
  wire t_jmp    = active && (f_next == U_NEXT_ENDJ) && sum[1];
  wire t_pf     = active && (f_cond == U_COND_PTEPTR) && pte_fault &&
                  !((fp_z || fp_c) && f_next == U_NEXT_BR);
  // software refill (fpen bit 0 clear): a TLB miss of a U-mode access is cause 24
  // (not a probe's miss in a routine run by A_PHYS: it branches on the hit alone)
  wire t_sref   = active && (f_cond == U_COND_TLBHIT) && !tlb_hit && !fpen_q[0] && mode_q == PRV_U &&
                  !fpp_q[3];
  // A physical address past 32 bits (Sv32's are 34): satp's PPN bits 21:20
  // or a PTE's bits 31:30 (PPN[1] bits 11:10) set. Nothing is there, so the
  // access the walk serves takes an access fault of its kind (tval = the
  // virtual address), as the ISS has it: a root or a level-0 table there
  // at the PTE read (nothing is read), a leaf when it would be installed
  // (after its A/D update; the TLB keeps the two bits of an fpinsert's PTE
  // for this). From the walker's registered state: an early fault.
  wire t_pabig  = active && walking_q &&
                  (is_pte ? (wlevel_q ? satp_q[21:20] != 2'b00 : pte_q[31:30] != 2'b00)
                          : (f_spwe && f_k == U_K_A_INSTALL && pte_q[31:30] != 2'b00));
  assign trap   = t_memerr || t_mis || t_noram || t_jmp || t_pf || t_sref || t_pabig;
  // The faults that are known early in the cycle (the previous access's bus
  // error, a jump target's bit 1 from the adder's low end, the walker's
  // registered PTE and TLB checks) stop a word's effects; a data access's
  // own late faults (misaligned, outside RAM, a page-register miss) stop only
  // the access (and send the sequencer to TRAP or WALK): a memory word of a
  // virtual access has no other effect than T (docs/core.md; simulation
  // checks it), so its register-file, CSR and flip-flop writes need not wait
  // for the adder's high bits and the page-register compare.
  // (t_jmp apart: the adder's bit 1, the one late term)
  wire trap_early_nj = t_memerr || t_pf || t_sref || t_pabig;
  wire trap_early = trap_early_nj || t_jmp;
  wire go       = active && !trap_early;            // the word's effects happen
  // The same without a jump target's bit 1 from the adder: for effects that
  // an ENDJ word never has (simulation checks it), so that they wait for
  // registered state only (mcycle's write enables, which start its carry chain).
  wire go_nj    = active && !trap_early_nj;
`ifndef SYNTHESIS
  always_ff @(posedge clk_i)
    if (mem_word && !phys && (f_wb != U_WB_NONE || f_dst != U_DST_NONE || f_spwe ||
                              f_next == U_NEXT_END || f_next == U_NEXT_ENDJ || f_next == U_NEXT_ENDC))
      $fatal(1, "av_core: a virtual memory word (upc %0d) has effects besides T", upc_o);
`endif

  // ---------------------------------------------------------------- memory port
  // The word ends its instruction (issues the fetch): ends_any before the
  // faults, ends once the early ones are known (a memory word never ends).
  wire        fetch_word = active && (f_next == U_NEXT_END || f_next == U_NEXT_ENDJ ||
                                      f_next == U_NEXT_ENDC);
  wire        ends_any   = fetch_word && (f_next != U_NEXT_ENDC || cond);
  // ends = ends_any && !trap_early, with the early terms kept apart so that
  // a branch's condition is one LUT from it (see `cond`)
  (* keep *) wire ends_c = fetch_word && f_next == U_NEXT_ENDC && !trap_early_nj;
  (* keep *) wire ends_u = fetch_word && !trap_early_nj &&
                           (f_next == U_NEXT_END || (f_next == U_NEXT_ENDJ && !sum[1]));
  assign      ends       = ends_u || (ends_c && (c_zero || c_rest));
  wire [31:0] jump_tgt  = {sum[31:1], 1'b0};
  wire [31:0] pc_seq    = pc_q + 32'd4;
  wire [31:0] fetch_pc  = boot ? pc_q : (f_next == U_NEXT_ENDJ) ? jump_tgt : pc_seq;
  // the mode the next instruction runs in (trap entry and mret change it
  // now; sret changes it a word before its fetch, see SRET in rv32.uc)
  logic [1:0] next_mode;
  always_comb begin
    next_mode = mode_q;
    if (f_spwe && f_k == U_K_A_MTRAP) next_mode = PRV_M;
    if (f_spwe && f_k == U_K_A_STRAP) next_mode = PRV_S;
    if (f_spwe && f_k == U_K_A_MRET)  next_mode = st_mpp;
  end
`ifndef SYNTHESIS
  always_ff @(posedge clk_i)
    if (go && f_spwe && f_k == U_K_A_SRET && ends_any)
      $fatal(1, "av_core: A_SRET must not be in an ending word (its fetch would use the old mode)");
`endif
  wire        xl_i     = satp_q[31] && next_mode != PRV_M && !boot;
  // The fetch page register holds a translation made for the mode it was
  // filled in: a fetch in another mode does not use it. Of the words that
  // fetch as they change the mode, trap entry from U to S is the one that
  // found it full (of a U page, which S may not run: with stvec on that
  // page or megapage S ran the handler's first word instead of faulting);
  // entering M and mret find it empty, sret fetches in a word of its own.
  // In a working system stvec is never on the U page, so the fetch walked
  // anyway. (From registered state: early, beside iv_q.)
  wire        iv_ok    = iv_q && next_mode == mode_q;
  // (a jump target's compare straight from the adder, the next word's from
  // the pc, and the hit chosen after them: the fetch_pc mux is off the path
  // from the adder to the walk's redirect; a boot fetch is not translated)
  wire        ihit     = (f_next == U_NEXT_ENDJ) ? pg_hit(iv_ok, ivm_q, ivpn_q, jump_tgt[31:12])
                                                 : pg_hit(iv_ok, ivm_q, ivpn_q, pc_seq[31:12]);
  wire        imiss    = ends && xl_i && !ihit;
  wire [31:2] fetch_pa = xl_i ? {pg_ppn(ivm_q, ippn_q, fetch_pc[21:12]), fetch_pc[11:2]} : fetch_pc[31:2];
  assign walk = !trap && (dmiss || imiss);
  // The same without the trap (a trap takes priority in the sequencer's
  // registered redirect anyway), so that the redirect does not wait for it.
  wire        walk_seq = dmiss || (ends_any && xl_i && !ihit);
  // An SC without the reservation still reads the word (RAM reads have no
  // side effects), so that an address past the RAM faults as the ISS says.
  // The reservation compare takes the SC's address from port A (SC's word
  // adds zero to rs1; simulation checks it), not from the adder: it sits
  // on the write enable's path.
  wire [29:0] sc_pa     = xl_d ? {pg_ppn(dwm_q, dwppn_q, ra[21:12]), ra[11:2]} : ra[31:2];
  wire        sc_match  = resv_valid_q && (resv_addr_q == sc_pa);
`ifndef SYNTHESIS
  always_ff @(posedge clk_i)
    if (mem_word && f_mem == U_MEM_SC && sum[31:0] != ra)
      $fatal(1, "av_core: MEM=SC's address must be port A (rs1 + 0)");
`endif
  wire        sc_probe  = (f_mem == U_MEM_SC) && !sc_match;
  // (spelled out: of the faults only these can stop a memory word, and the
  // shared `trap` would put the others on the write enable's path)
  wire        data_req  = mem_word && !t_memerr && !t_mis && !(ram_only && !daddr[31]) && !dmiss && !t_pabig;
  assign mem_req_o   = boot || (ends && !imiss) || data_req;
  assign mem_we_o    = data_req && !is_read && !sc_probe;
  // For the clock: the address and mem_sreq_o come from the microinstruction
  // alone, before the adder's result has decided whether the access happens
  // (a branch's ENDC condition, a fault, a page-register miss): every word
  // that may fetch (END/ENDJ/ENDC) or access data (MEM) raises mem_sreq_o,
  // a superset of mem_req_o. RAM and ROM start their read on it, which has
  // no effect when nobody takes the data; devices with side effects and
  // every write go by the exact mem_req_o/mem_we_o. (A MEM word never ends
  // its instruction, so it never wants a fetch as well.)
  assign mem_sreq_o  = boot || fetch_word || mem_word;
  // (only RAM and the ROM hold code: the SoC refuses a fetch anywhere else
  // with mem_err, and no device acts on it)
  assign mem_fetch_o = !mem_word;
  assign mem_addr_o  = mem_word ? {daddr[31:2], 2'b00} : {fetch_pa, 2'b00};
  always_comb begin
    if (wpte) begin
      mem_wdata_o = pte_adv; mem_be_o = 4'b1111;
    end else begin
      // (AMOW writes the result bus: the AMOs' ALU result, or in a page
      // loop the word the previous word read, RES=LOAD: the copy loop)
      case (msz)
        2'b00:   begin mem_wdata_o = {4{rb[7:0]}};  mem_be_o = 4'b0001 << daddr[1:0]; end
        2'b01:   begin mem_wdata_o = {2{rb[15:0]}}; mem_be_o = daddr[1] ? 4'b1100 : 4'b0011; end
        default: begin
          mem_wdata_o = is_amow ? res : rb;
          mem_be_o = 4'b1111;
        end
      endcase
    end
  end

  // ---------------------------------------------------------------- register-file write
  always_comb begin
    rf_we = 1'b0;
    rf_waddr = f_k;
    rf_wdata = res;
    case (f_wb)
      U_WB_RD:    begin rf_we = go && (ir_q[11:7] != 5'd0); rf_waddr = {1'b0, ir_q[11:7]}; end
      U_WB_K:     rf_we = go;
      U_WB_KEPC:  begin rf_we = go; rf_wdata = {res[31:2], 2'b00}; end
      // xtvec: a write with a reserved mode (2, 3) is ignored, as in the ISS
      U_WB_KTVEC: rf_we = go && !res[1];
      default: ;
    endcase
  end

  // ---------------------------------------------------------------- flip-flop CSRs
  wire        csr_writes = !ir_q[13] || (ir_q[19:15] != 5'd0);
  wire        sp_go      = go && f_spwe;
  // gated CSR write: K 0..19 and 48..52
  wire        spw        = sp_go && csr_writes &&
                           ((!f_k[5] && (!f_k[4] || f_k[3:2] == 2'b00)) ||
                            (f_k[5:4] == 2'b11 && f_k[3:0] < 4'd5));
  wire        act_mtrap  = sp_go && (f_k == U_K_A_MTRAP);
  wire        act_mret   = sp_go && (f_k == U_K_A_MRET);
  wire        act_resv   = sp_go && (f_k == U_K_A_RESV);
  wire        act_resclr = sp_go && (f_k == U_K_A_RESCLR);
  wire        act_strap  = sp_go && (f_k == U_K_A_STRAP);
  wire        act_sret   = sp_go && (f_k == U_K_A_SRET);
  wire        act_trap   = act_mtrap || act_strap;
  wire        act_install = sp_go && (f_k == U_K_A_INSTALL);
  wire        act_level0 = sp_go && (f_k == U_K_A_LEVEL0);
  // A_FPRESTART: a fast path's restart, which keeps walking_q (no
  // interrupt) through the decode cycle of the instruction it served
  wire        act_fprestart = sp_go && (f_k == U_K_A_FPRESTART);
  wire        act_restart = (sp_go && (f_k == U_K_A_RESTART)) || act_fprestart;
  wire        act_sfence = sp_go && (f_k == U_K_A_SFENCE);
  wire        act_page   = sp_go && (f_k == U_K_A_PAGE);
  wire        act_setpte = sp_go && (f_k == U_K_A_SETPTE);
  wire        act_phys   = sp_go && (f_k == U_K_A_PHYS);
  wire        act_dflush = sp_go && (f_k == U_K_A_DFLUSH);
  // A_PROBE/A_PROBEW: a fast path's translation probe (the round trip's user
  // buffers): the walker serves a U-mode data read or write at Q from level 0
  // on, so COND=TLBHIT two words later tests the TLB entry (a hit leaves the
  // leaf in the walker: MEM=PTE with Q = va << 10 then reads the word the va
  // names, and T holds its physical address), and A_INSTALL after a microcode
  // walk (A_SETPTE) caches the leaf as the hardware walk would
  wire        act_probe  = sp_go && (f_k == U_K_A_PROBE || f_k == U_K_A_PROBEW || f_k == U_K_A_PROBEX);

  // ---------------------------------------------------------------- fast-path event counters
  // hpmcounter3/4 (32 bits) count what mhpmevent3/4 (= fpevent3/4, kept in
  // register-file words 48/49; a copy of bits 5:0 here) select: bits 3:0 a
  // mask of paths (refill, zero-fill, copy-on-write, remap), bits 5:4 the
  // event (1 runs, 2 hand-offs to C, 3 cycles). The moments are the ISS's
  // (sim/iss/iss.c, fp_event; docs/core.md lists them).
  logic [5:0]  fpev3_q, fpev4_q;
  logic [31:0] hpm3_q, hpm4_q;
  logic        hinc3_q, hinc4_q;
  wire         act_fprun  = sp_go && (f_k == U_K_A_FPRUN);
  wire         act_fphand = sp_go && (f_k == U_K_A_FPHAND);
  // a TLB miss the walk reads the tables for (the TLB lookup word, not
  // giving it to C as cause 24: no other fault can stop that word)
  // of a U-mode access (the refill fast path's: S-mode walks are kernel
  // time, and the C handler counts only U-mode misses too), not a probe's
  wire         ev_walk = active && f_cond == U_COND_TLBHIT && !tlb_hit && fpen_q[0] && mode_q == PRV_U &&
                         !fpp_q[3];
  // a fault routine gives its fault to C (no frame; for zero-fill only a
  // PTE with the encoding, bit 9 and PPN 0: the routine's other hand-off is
  // of a PTE that is no zero-fill fault)
  wire         ev_hz = t_pf && fpp_q[1] && pte_q[31:9] == 23'd0;
  wire         ev_hc = t_pf && fpp_q[2];
  wire [3:0]   ev_run  = ((act_fprun || act_fprestart) ? fpp_q : 4'b0) | {3'b0, ev_walk};
  wire [3:0]   ev_hand = (act_fphand ? fpp_q : 4'b0) | {1'b0, ev_hc, ev_hz, t_sref};
  wire [3:0]   ev_cyc  = (walking_q && !in_a) ? fpp_q : 4'b0;
  function automatic logic hpm_hit(input [5:0] sel, input [3:0] run, input [3:0] hand, input [3:0] cyc);
    case (sel[5:4])
      2'd1:    hpm_hit = |(sel[3:0] & run);
      2'd2:    hpm_hit = |(sel[3:0] & hand);
      2'd3:    hpm_hit = |(sel[3:0] & cyc);
      default: hpm_hit = 1'b0;
    endcase
  endfunction
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      {fpev3_q, fpev4_q, fpp_q, hinc3_q, hinc4_q} <= '0;
    end else begin
      // (the CSR routines write words 48/49 with WB=K, nothing else does)
      if (go && f_wb == U_WB_K && f_k == U_K_FPEV3) fpev3_q <= res[5:0];
      if (go && f_wb == U_WB_K && f_k == U_K_FPEV4) fpev4_q <= res[5:0];
      // which path runs: a walk starts as none, becomes refill when the TLB
      // misses, zero-fill or copy-on-write when it branches to their routine
      if (walk_q) fpp_q <= 4'b0000;
      if (ev_walk) fpp_q <= 4'b0001;
      if (go && f_cond == U_COND_FPZ && fp_z) fpp_q <= 4'b0010;
      if (go && f_cond == U_COND_FPC && fp_c) fpp_q <= 4'b0100;
      if (act_phys) fpp_q <= 4'b1000;
      // counted a cycle late (off the datapath's paths)
      hinc3_q <= hpm_hit(fpev3_q, ev_run, ev_hand, ev_cyc);
      hinc4_q <= hpm_hit(fpev4_q, ev_run, ev_hand, ev_cyc);
    end
  end
  // The counters: a CSR write (from T: the routine computes the new value
  // a word earlier) wins over this cycle's count. On the iCE40 each is a
  // DSP's 32-bit accumulator (its adder and load mux cost no logic cells).
  wire hpm3_we = spw && f_k == U_K_S_HPM3;
  wire hpm4_we = spw && f_k == U_K_S_HPM4;
`ifdef SYNTHESIS
  av_acc32 u_hpm3 (.clk_i, .rst_ni, .ld_i(hpm3_we), .d_i(t_q), .inc_i(hinc3_q), .q_o(hpm3_q), .co_o());
  av_acc32 u_hpm4 (.clk_i, .rst_ni, .ld_i(hpm4_we), .d_i(t_q), .inc_i(hinc4_q), .q_o(hpm4_q), .co_o());
`else
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      hpm3_q <= '0; hpm4_q <= '0;
    end else begin
      if (hpm3_we) hpm3_q <= t_q;
      else         hpm3_q <= hpm3_q + {31'b0, hinc3_q};
      if (hpm4_we) hpm4_q <= t_q;
      else         hpm4_q <= hpm4_q + {31'b0, hinc4_q};
    end
  end
`endif

  av_tlb u_tlb (
    .clk_i, .rst_ni,
    .rd_idx_i(tlb_idx), .rd_entry_o(tlb_e), .rd_ok_o(tlb_ok),
    // fpinsert serves a U access: the U half, the fetch quarter for kind 0
    .wr_en_i(act_install || fp_insert),
    .wr_idx_i(fp_insert ? {1'b1, fpmiss_q[10:9] == 2'b00, u_hash(fpmiss_q[17:12], fpmiss_q[5:0])} : tlb_idx),
    // (a walk installs no PTE whose PPN reaches past 32 bits: t_pabig)
    .wr_entry_i(fp_insert ? {alu_out[31:30], 2'b01, fpmiss_q[31:18], fpmiss_q[8:0], alu_out[5], alu_out[29:10], alu_out[7:0]}
                          : {2'b00, leaf_mega, 1'b1, wva[31:18], satp_q[30:22], pte_q[5], leaf_ppn, pte_q[7:0]}),
    // (a change of fpen empties the TLB as well, as the ISS does)
    .flush_i(act_sfence || act_dflush || (spw && f_k == U_K_S_FPEN)));
  // fpinsert: only a valid leaf with A set goes in (software passes the
  // 4 KiB piece of a megapage)
  wire        fp_insert  = spw && f_k == U_K_S_FPINSERT && alu_out[0] && (alu_out[1] || alu_out[3]) &&
                           !(alu_out[2] && !alu_out[1]) && alu_out[6];
  // anything that changes what a translation means forgets the page registers:
  // the mode (trap, xRET), satp and sfence.vma all of them; a write of
  // mstatus/sstatus (SUM, MXR, MPRV, MPP) only the data ones, since a fetch's
  // translation depends on neither. Other CSR writes keep them (the kernel's
  // SUM toggles around every user copy no longer cost its code page).
  wire        pg_flush   = act_trap || act_mret || act_sret || act_sfence ||
                           (spw && f_k == U_K_S_SATP);
  wire        pg_dflush  = pg_flush || act_dflush ||
                           (spw && (f_k == U_K_S_MSTATUS || f_k == U_K_S_SSTATUS));
  // a fast path that changed a valid PTE: the data page registers and the TLB
  // may hold the old translation (the fetch page register keeps the code)
  wire [31:0] mstatus = {9'b0, st_tsr, st_tw, st_tvm, st_mxr, st_sum, st_mprv, 4'b0,
                         st_mpp, 2'b0, st_spp, st_mpie, 1'b0, st_spie, 1'b0, st_mie, 1'b0, st_sie, 1'b0};
  // The flip-flop CSR an instruction reads, chosen in its decode cycle from
  // the arriving word and registered (spr_q): the CSR routines read it in
  // their first word (BSEL=SPR, RES=SPR), so the selection is off the
  // operand mux and the adder's path. Only the CSRs whose routines read SPR
  // are told apart (the others' classes never look at it); a word that is
  // not SYSTEM gets fpen, which remap (custom-1) reads. A counter is the
  // value in the decode cycle.
  // (bit 9 tells M from S; the bits between the fields it looks at only
  // tell apart CSRs whose routines never read SPR. minstret's halves are
  // picked by AND-OR: written as `?:`, Yosys 0.23 dropped both of its DSP
  // accumulators from the board netlist (6 DSPs instead of 8 in the report).)
  // A_STAMP: a fault routine takes mcycle into spr_q (its later SPR reads
  // see it; the restart's decode cycle chooses again), to time itself: the
  // selection is forced to mcycle's low word (0xB00), with no mux of its
  // own in front of spr_q (that one cost about 40 cells)
  wire act_stamp = sp_go && (f_k == U_K_A_STAMP);
  /* verilator lint_off UNUSEDSIGNAL */
  wire [11:0] spr_c = act_stamp ? 12'hB00 : mem_idata_i[31:20];
  /* verilator lint_on UNUSEDSIGNAL */
  logic [31:0] spr_d, spr_q;
  always_comb begin
    spr_d = 32'h0;
    if (!act_stamp && mem_idata_i[6:0] != 7'b1110011) spr_d = {28'b0, fpen_q};
    else if (spr_c[11]) begin              // the counters, 0xB00-0xC84 (bit 7: high half)
      case (spr_c[2:0])
        3'd0:    spr_d = spr_c[7] ? mcycle_q[63:32] : mcycle_q[31:0];
        3'd1:    spr_d = spr_c[7] ? mtime_i[63:32] : mtime_i[31:0];
        3'd2:    spr_d = ({32{spr_c[7]}} & minstret_q[63:32]) | ({32{!spr_c[7]}} & minstret_q[31:0]);
        3'd3:    spr_d = hpm3_q;
        3'd4:    spr_d = hpm4_q;
        default: ;
      endcase
    end else if (spr_c[10]) begin          // the VM contract's, 0x5C0-0x5C6
      if (spr_c[2:0] == 3'd0)      spr_d = {28'b0, fpen_q};
      else if (spr_c[2:0] == 3'd5) spr_d = fpmiss_q;
    end else if (spr_c[7])         spr_d = satp_q;                                   // 0x180
    else if (spr_c[6])             spr_d = {20'b0, spr_c[9] ? mip : (mip & mideleg_q)}; // 0x344, 0x144
    else begin
      case (spr_c[2:0])
        3'd0:    spr_d = spr_c[9] ? mstatus : (mstatus & 32'h000C_0122);   // SIE SPIE SPP SUM MXR
        3'd1:    spr_d = MISA;
        3'd2:    spr_d = medeleg_q;
        3'd3:    spr_d = {20'b0, mideleg_q};
        3'd4:    spr_d = {20'b0, spr_c[9] ? mie_q : (mie_q & mideleg_q)};
        3'd6:    spr_d = {27'b0, spr_c[9] ? mcounteren_q : scounteren_q};
        default: ;
      endcase
    end
  end
  always_ff @(posedge clk_i) if (in_a || act_stamp) spr_q <= spr_d;
  assign spr = spr_q;
`ifndef SYNTHESIS
  // The same CSR by the word's K, as the routines name it: every read of
  // SPR must find it in spr_q (the counters and mip move between the decode
  // cycle and the read, so they are left out).
  logic [31:0] spr_k;
  always_comb begin
    case (f_k)
      U_K_S_MSTATUS:    spr_k = mstatus;
      U_K_S_MISA:       spr_k = MISA;
      U_K_S_MIE:        spr_k = {20'b0, mie_q};
      U_K_S_MIP:        spr_k = {20'b0, mip};
      U_K_S_MCYCLE:     spr_k = mcycle_q[31:0];
      U_K_S_MCYCLEH:    spr_k = mcycle_q[63:32];
      U_K_S_MINSTRET:   spr_k = minstret_q[31:0];
      U_K_S_MINSTRETH:  spr_k = minstret_q[63:32];
      U_K_S_TIME:       spr_k = mtime_i[31:0];
      U_K_S_TIMEH:      spr_k = mtime_i[63:32];
      U_K_S_MCOUNTEREN: spr_k = {27'b0, mcounteren_q};
      U_K_S_SCOUNTEREN: spr_k = {27'b0, scounteren_q};
      U_K_S_SSTATUS:    spr_k = mstatus & 32'h000C_0122;   // SIE SPIE SPP SUM MXR
      U_K_S_SIE:        spr_k = {20'b0, mie_q & mideleg_q};
      U_K_S_SIP:        spr_k = {20'b0, mip & mideleg_q};
      U_K_S_MEDELEG:    spr_k = medeleg_q;
      U_K_S_MIDELEG:    spr_k = {20'b0, mideleg_q};
      U_K_S_SATP:       spr_k = satp_q;
      U_K_S_FPEN:       spr_k = {28'b0, fpen_q};
      U_K_S_FPMISS:     spr_k = fpmiss_q;
      U_K_S_HPM3:       spr_k = hpm3_q;
      U_K_S_HPM4:       spr_k = hpm4_q;
      default:               spr_k = 32'h0;
    endcase
  end
  // (after A_STAMP and in its word, until the next decode, SPR is the stamp)
  logic stamped_q;
  always_ff @(posedge clk_i) stamped_q <= act_stamp || (stamped_q && !in_a);
  always_ff @(posedge clk_i)
    if (active && (f_bsel == U_BSEL_SPR || f_res == U_RES_SPR) && spr_k != spr_q &&
        !stamped_q && !act_stamp &&
        !(f_k inside {U_K_S_MCYCLE, U_K_S_MCYCLEH, U_K_S_TIME, U_K_S_TIMEH, U_K_S_MIP, U_K_S_SIP,
                      U_K_S_MINSTRET, U_K_S_MINSTRETH, U_K_S_HPM3, U_K_S_HPM4}))
      $fatal(1, "av_core: SPR K=%0d reads %08x, the decode cycle chose %08x (upc %0d)",
             f_k, spr_k, spr_q, upc_o);
`endif

  // the load port: {T, port B} to the word port A names
  assign wcs_we   = spw && (f_k == U_K_S_WCS);
  assign wcs_disp = ra[31];
  assign wcs_idx  = ra[15:0];
  assign wcs_data = {t_q[15:0], rb};

  wire retire = ends && !act_trap && !act_restart;
  wire wr_mc_any    = go_nj && f_spwe && csr_writes;
  wire wr_mcycle    = wr_mc_any && (f_k == U_K_S_MCYCLE);
  wire wr_mcycleh   = wr_mc_any && (f_k == U_K_S_MCYCLEH);
`ifndef SYNTHESIS
  always_ff @(posedge clk_i)
    if (active && f_spwe && (f_k == U_K_S_MCYCLE || f_k == U_K_S_MCYCLEH) && f_next == U_NEXT_ENDJ)
      $fatal(1, "av_core: an mcycle write in an ENDJ word (upc %0d): its enable leaves t_jmp out", upc_o);
`endif
  wire wr_minstret  = spw && (f_k == U_K_S_MINSTRET);
  wire wr_minstreth = spw && (f_k == U_K_S_MINSTRETH);

  // minstret: a write (of T: its routine computes the value a word earlier)
  // wins over this cycle's count. On the iCE40 two DSP accumulators, the
  // low one's carry counting the high one (no logic cells for the 64-bit
  // adder and the write muxes).
  wire minstret_inc = retire && !wr_minstret && !wr_minstreth;
`ifdef SYNTHESIS
  logic minstret_co;
  av_acc32 u_minstret_lo (.clk_i, .rst_ni, .ld_i(wr_minstret), .d_i(t_q), .inc_i(minstret_inc),
                          .q_o(minstret_q[31:0]), .co_o(minstret_co));
  av_acc32 u_minstret_hi (.clk_i, .rst_ni, .ld_i(wr_minstreth), .d_i(t_q), .inc_i(minstret_co),
                          .q_o(minstret_q[63:32]), .co_o());
`else
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)           minstret_q <= '0;
    else if (wr_minstret)  minstret_q[31:0]  <= t_q;
    else if (wr_minstreth) minstret_q[63:32] <= t_q;
    else if (minstret_inc) minstret_q <= minstret_q + 64'd1;
  end
`endif

  // mcycle: a write wins over this cycle's count (the other half holds).
`ifdef SYNTHESIS
  // On the iCE40 one logic cell per bit: the LUT in front of the carry is
  // also the write mux (wr ? alu_out : q ^ carry-in), and the carry takes
  // the half's write enable as its second input. A half being written thus
  // makes garbage carries, which nothing uses: the link between the halves
  // passes the low half's carry only when it is not written, and the chain
  // starts with no carry when the high half is written (the low one holds).
  // Written generically (a mux after the adder's sum LUT) it took two cells
  // a bit. The board's netlist simulation (tests/board) runs it.
  logic [64:0] mc_c;
  logic [63:0] mc_d;
  logic        mc_link;
  SB_CARRY u_mc_c0 (.CO(mc_c[0]), .I0(!wr_mcycleh), .I1(!wr_mcycleh), .CI(1'b0));
  for (genvar i = 0; i < 64; i++) begin : g_mc
    wire wr_half = (i < 32) ? wr_mcycle : wr_mcycleh;
    wire ci      = (i == 32) ? mc_link : mc_c[i];
    // O = I2 ? I0 : I1 ^ I3
    SB_LUT4 #(.LUT_INIT(16'hA3AC)) u_l (.O(mc_d[i]), .I0(alu_out[i % 32]), .I1(mcycle_q[i]),
                                        .I2(wr_half), .I3(ci));
    SB_CARRY u_c (.CO(mc_c[i+1]), .I0(mcycle_q[i]), .I1(wr_half), .CI(ci));
  end
  SB_CARRY u_mc_link (.CO(mc_link), .I0(1'b0), .I1(!wr_mcycle), .CI(mc_c[32]));
  always_ff @(posedge clk_i or negedge rst_ni)
    if (!rst_ni) mcycle_q <= '0;
    else         mcycle_q <= mc_d;
`else
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)         mcycle_q <= '0;
    else if (wr_mcycle)  mcycle_q[31:0]  <= alu_out;
    else if (wr_mcycleh) mcycle_q[63:32] <= alu_out;
    else                 mcycle_q <= mcycle_q + 64'd1;
  end
`endif

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mode_q <= PRV_M;
      {st_sie, st_mie, st_spie, st_mpie, st_spp, st_mprv, st_sum, st_mxr, st_tvm, st_tw, st_tsr} <= '0;
      st_mpp <= PRV_U;
      mie_q <= '0;
      {seip_q, stip_q, ssip_q} <= '0;
      mcounteren_q <= '0;
      scounteren_q <= '0;
      medeleg_q <= '0;
      mideleg_q <= '0;
    end else begin
      if (spw && f_k == U_K_S_MSTATUS) begin
        st_sie  <= alu_out[1];  st_mie  <= alu_out[3];
        st_spie <= alu_out[5];  st_mpie <= alu_out[7];
        st_spp  <= alu_out[8];
        // MPP is WARL: the reserved value 2 leaves it as it was
        if (alu_out[12:11] != 2'b10) st_mpp <= alu_out[12:11];
        st_mprv <= alu_out[17]; st_sum <= alu_out[18]; st_mxr <= alu_out[19];
        st_tvm  <= alu_out[20]; st_tw  <= alu_out[21]; st_tsr <= alu_out[22];
      end
      if (spw && f_k == U_K_S_MIE) mie_q <= alu_out[11:0] & 12'hAAA;
      if (spw && f_k == U_K_S_MIP) begin
        seip_q <= alu_out[9]; stip_q <= alu_out[5]; ssip_q <= alu_out[1];
      end
      if (spw && f_k == U_K_S_MCOUNTEREN) mcounteren_q <= alu_out[4:0];
      if (spw && f_k == U_K_S_SCOUNTEREN) scounteren_q <= alu_out[4:0];
      if (spw && f_k == U_K_S_MEDELEG) medeleg_q <= alu_out & MEDELEG_MASK;
      if (spw && f_k == U_K_S_MIDELEG) mideleg_q <= alu_out[11:0] & 12'h222;
      if (spw && f_k == U_K_S_SSTATUS) begin
        st_sie <= alu_out[1]; st_spie <= alu_out[5]; st_spp <= alu_out[8];
        st_sum <= alu_out[18]; st_mxr <= alu_out[19];
      end
      if (spw && f_k == U_K_S_SIE) mie_q <= (mie_q & ~mideleg_q) | (alu_out[11:0] & mideleg_q);
      if (spw && f_k == U_K_S_SIP && mideleg_q[1]) ssip_q <= alu_out[1];
      if (act_mtrap) begin
        st_mpie <= st_mie;
        st_mie  <= 1'b0;
        st_mpp  <= mode_q;
        mode_q  <= PRV_M;
      end
      if (act_strap) begin
        st_spie <= st_sie;
        st_sie  <= 1'b0;
        st_spp  <= mode_q[0];
        mode_q  <= PRV_S;
      end
      if (act_sret) begin
        mode_q  <= {1'b0, st_spp};
        st_sie  <= st_spie;
        st_spie <= 1'b1;
        st_spp  <= 1'b0;
        st_mprv <= 1'b0;
      end
      if (act_mret) begin
        mode_q  <= st_mpp;
        st_mie  <= st_mpie;
        st_mpie <= 1'b1;
        st_mpp  <= PRV_U;
        if (st_mpp != PRV_M) st_mprv <= 1'b0;
      end
    end
  end

  // ---------------------------------------------------------------- pc, ir, T, Q, counter, cause
  wire        div_ge   = ~sum[32];
  wire [31:0] div_rem  = div_ge ? sum[31:0] : {t_q[30:0], q_q[31]};

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pc_q <= RESET_PC;
      ir_q <= 32'h0;
      t_q <= 32'h0; q_q <= 32'h0; cnt_q <= 10'd0; pgm_q <= 1'b0;
      cause_q <= 5'd0; cause_intr_q <= 1'b0;
      dreq_q <= 1'b0; dread_q <= 1'b0; dlcause_q <= 1'b0;
      satp_q <= '0;
      fpen_q <= 4'd1;              // at reset only hardware refill: a standard Sv32 machine
      fpmiss_q <= '0;
      {iv_q, drv_q, dwv_q} <= '0;
      {ivpn_q, ippn_q, drvpn_q, drppn_q, dwvpn_q, dwppn_q} <= '0;
      {ivm_q, drm_q, dwm_q, wmega_q} <= '0;
      {walking_q, wk_fetch_q, wk_store_q, wlevel_q, dpte_q} <= '0;
      {walk_q, wdmiss_q, wwr_q} <= '0;
      fpatom_q <= 1'b0;
      pte_q <= '0;
      resv_valid_q <= 1'b0; resv_addr_q <= '0; sc_ok_q <= 1'b0;
    end else begin
      dreq_q    <= data_req;
      dread_q   <= is_read && !is_pte;
      // a walk's PTE access faults with the cause of the access it serves
      dlcause_q <= phys ? !wk_store_q : lcause;
      dpte_q    <= data_req && is_pte;
      // the walk's PTE read; a fast path's new PTE (read back from memory)
      if ((dpte_q && dreq_q) || act_setpte) pte_q <= mem_rdata_i;
      // ---- Sv32
      if (spw && f_k == U_K_S_SATP) satp_q <= alu_out;
      if (spw && f_k == U_K_S_FPEN)  fpen_q  <= alu_out[3:0];
      if (spw && f_k == U_K_S_FPMISS) fpmiss_q <= alu_out & 32'hFFFF_F7FF;
      if (t_sref) fpmiss_q <= {wva[31:12], 1'b0, wk_fetch_q ? 2'd0 : wk_store_q ? 2'd2 : 2'd1, satp_q[30:22]};
      if (pg_flush)  iv_q <= 1'b0;
      if (pg_dflush) begin drv_q <= 1'b0; dwv_q <= 1'b0; end
      if (act_trap || in_a || (ends && !act_fprestart)) walking_q <= 1'b0;
      // A copy-on-write copy forgets the fetch page register too (the code
      // may be on the page it copied), so its restart's fetch walks; the
      // instruction's decode still takes no interrupt.
      if (act_fprestart) fpatom_q <= 1'b1;
      else if (in_a)     fpatom_q <= 1'b0;
      // remap runs its physical words like a walk's
      if (act_phys) walking_q <= 1'b1;
      // A walk starts in the squashed cycle that follows its miss, from
      // registered flags (the miss is decided late): the data address is
      // in T by then (the memory word wrote it, or an AMO's write holds it).
      walk_q <= walk; wdmiss_q <= dmiss; wwr_q <= wr_kind;
      if (walk_q) begin
        walking_q <= 1'b1; wlevel_q <= 1'b1; wmega_q <= 1'b0;
        wk_fetch_q <= !wdmiss_q; wk_store_q <= wdmiss_q && wwr_q;
        if (wdmiss_q) q_q <= t_q;
      end
      if (act_level0) wlevel_q <= 1'b0;
      if (act_probe) begin
        wk_fetch_q <= (f_k == U_K_A_PROBEX); wk_store_q <= (f_k == U_K_A_PROBEW);
        wlevel_q <= 1'b0; wmega_q <= 1'b0;
      end
      // a TLB hit: the walker carries on as if it had read this leaf at level 0
      if (go && f_cond == U_COND_TLBHIT && tlb_hit) begin
        pte_q <= tlb_pte; wlevel_q <= 1'b0; wmega_q <= tlb_e[53];
      end
      if (go && wpte) pte_q <= pte_adv;
      if (act_install) begin
        if (wk_fetch_q) begin iv_q <= 1'b1; ivm_q <= leaf_mega; ivpn_q <= wva[31:12]; ippn_q <= leaf_ppn; end
        else begin
          // (the walk has checked the permission its kind needs)
          if (wk_store_q) begin
            dwv_q <= p_store && pte_d; dwm_q <= leaf_mega; dwvpn_q <= wva[31:12]; dwppn_q <= leaf_ppn;
          end else begin
            drv_q <= p_load; drm_q <= leaf_mega; drvpn_q <= wva[31:12]; drppn_q <= leaf_ppn;
          end
        end
      end
      // T is the virtual address; the data-page register still maps its page
      if (act_resv)   begin
        resv_valid_q <= 1'b1;
        resv_addr_q <= xl_d ? {pg_ppn(drm_q, drppn_q, t_q[21:12]), t_q[11:2]} : t_q[31:2];
      end
      if (go && f_mem == U_MEM_SC) sc_ok_q <= sc_match;
      if (act_resclr) resv_valid_q <= 1'b0;
      if (in_a) ir_q <= mem_idata_i;
      if (ends) pc_q <= fetch_pc;
      // A fault's cause, and its tval in T. A data access's own late faults
      // (misaligned, outside RAM) leave T as their memory word sets it
      // below: its address, which is the tval. So T waits only for the
      // early faults, and only CAUSE for the late ones.
      // A RAM-only access (LR, SC, AMO) sets cause 5/7 whether or not its
      // address turns out to lie outside RAM: that is decided late (the
      // sum's bit 31), CAUSE is read only by TRAP, and a walk or a fast path
      // never makes such an access. So the write waits only for the early
      // faults and the misalignment (the sum's low bits).
      if (trap_early || t_mis || (mem_word && ram_only)) begin
        cause_intr_q <= 1'b0;
        if ((t_memerr && walking_q) || t_pabig) cause_q <= wk_fetch_q ? 5'd1 : wk_store_q ? 5'd7 : 5'd5;
        else if (t_memerr)          cause_q <= dlcause_q ? 5'd5 : 5'd7;
        else if (t_mis)             cause_q <= lcause ? 5'd4 : 5'd6;
        else if (mem_word && ram_only) cause_q <= lcause ? 5'd5 : 5'd7;
        else if (t_pf)              cause_q <= wk_fetch_q ? 5'd12 : wk_store_q ? 5'd15 : 5'd13;
        else if (t_sref)            cause_q <= 5'd24;
        else                        cause_q <= 5'd0;
      end
      // (a misaligned or outside-RAM access never happens in a walk)
      if (trap_early) walking_q <= 1'b0;
      if (trap_early) begin
        // (a bus error outside a walk: T still holds the access's address)
        if (t_memerr || t_pabig) begin if (walking_q) t_q <= wva; end
        else if (t_pf || t_sref) t_q <= wva;
        else                     t_q <= jump_tgt;
      end else if (go) begin
        if (f_mem != U_MEM_NONE && !is_amow) t_q <= is_pte ? pte_addr : sum[31:0];
        if (act_page) begin cnt_q <= 10'h3FF; pgm_q <= 1'b1; end
        // page mode: each store counts down; the one at word 0 ends it
        // (a page loop's words are physical: only a bus error stops them,
        // so the count does not wait for data_req's translation check)
        if (pgm_q && phys && mem_word && !is_read && f_mem != U_MEM_SC && !t_memerr) begin
          cnt_q <= cnt_q - 10'd1;
          if (cnt_q == 10'd0) pgm_q <= 1'b0;
        end
        case (f_dst)
          U_DST_T:  t_q <= res;
          U_DST_TB: t_q <= rb;
          U_DST_TC: begin t_q <= res; cause_q <= f_k[4:0]; cause_intr_q <= 1'b0; end
          U_DST_TE: begin t_q <= res; cause_q <= {3'b010, mode_q}; cause_intr_q <= 1'b0; end
          U_DST_TI: begin t_q <= res; cause_q <= {1'b0, irq_cause}; cause_intr_q <= 1'b1; end
          U_DST_DIVI: begin q_q <= res; t_q <= 32'h0; cnt_q <= 10'd31; end
          U_DST_DIVS: begin q_q <= {q_q[30:0], div_ge}; t_q <= div_rem; cnt_q <= cnt_q - 10'd1; end
          default: ;
        endcase
      end
    end
  end

  // ---------------------------------------------------------------- retire port
`ifdef AV_RVFI
  // What the step did, gathered over its words and reported (registered)
  // after its last word.
  logic [1:0]  rv_mode_q;
  logic        rv_intr_q, rv_ifault_q;
  logic [4:0]  rv_rs1a_q, rv_rs2a_q, rv_rda_q;
  logic [31:0] rv_rs1d_q, rv_rs2d_q, rv_rdd_q;
  logic [31:0] rv_maddr_q, rv_mwdata_q, rv_mrdata_q;
  logic [3:0]  rv_rmask_q, rv_wmask_q;
  logic [63:0] rv_order_q;

  // which instructions read rs1/rs2 (the ISS reports only those)
  wire [6:0] opc = ir_q[6:0];
  wire uses_rs1 = opc == 7'b1100111 || opc == 7'b1100011 || opc == 7'b0000011 ||
                  opc == 7'b0100011 || opc == 7'b0010011 || opc == 7'b0110011 ||
                  opc == 7'b0101111 || opc == 7'b0101011 ||
                  (opc == 7'b1110011 && ir_q[14:12] != 3'b000 && !ir_q[14]) ||
                  (opc == 7'b1110011 && ir_q[14:12] == 3'b000 && ir_q[31:25] == 7'b0001001);
  wire uses_rs2 = opc == 7'b1100011 || opc == 7'b0100011 || opc == 7'b0110011 ||
                  (opc == 7'b0101111 && ir_q[31:27] != 5'b00010) ||
                  (opc == 7'b1110011 && ir_q[14:12] == 3'b000 && ir_q[31:25] == 7'b0001001);

  wire        rd_now  = go && f_wb == U_WB_RD && ir_q[11:7] != 5'd0;
  // operands as the routine's first word sees them (a one-word routine
  // retires in that same word, so the record takes them directly)
  wire [4:0]  rs1a_now = uses_rs1 ? ir_q[19:15] : 5'd0;
  wire [4:0]  rs2a_now = uses_rs2 ? ir_q[24:20] : 5'd0;
  wire [31:0] rs1d_now = (rs1a_now != 5'd0) ? ra : 32'h0;
  wire [31:0] rs2d_now = (rs2a_now != 5'd0) ? rb : 32'h0;
  wire [3:0]  mmask   = mem_be_o;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rv_order_q <= '0;
      rvfi_valid_o <= 1'b0;
      {rvfi_order_o, rvfi_insn_o, rvfi_trap_o, rvfi_intr_o, rvfi_mode_o} <= '0;
      {rvfi_rs1_addr_o, rvfi_rs2_addr_o, rvfi_rd_addr_o} <= '0;
      {rvfi_rs1_rdata_o, rvfi_rs2_rdata_o, rvfi_rd_wdata_o, rvfi_pc_rdata_o, rvfi_pc_wdata_o} <= '0;
      {rvfi_mem_addr_o, rvfi_mem_rdata_o, rvfi_mem_wdata_o, rvfi_mem_rmask_o, rvfi_mem_wmask_o} <= '0;
      {rvfi_cause_o, rvfi_tval_o} <= '0;
      {rv_mode_q, rv_intr_q, rv_ifault_q, rv_rs1a_q, rv_rs2a_q, rv_rda_q} <= '0;
      {rv_rs1d_q, rv_rs2d_q, rv_rdd_q, rv_maddr_q, rv_mwdata_q, rv_mrdata_q} <= '0;
      {rv_rmask_q, rv_wmask_q} <= '0;
    end else begin
      if (in_a) begin
        rv_mode_q <= mode_q;
        rv_intr_q <= take_irq;
        rv_ifault_q <= !take_irq && mem_err_i;
        {rv_rda_q, rv_rdd_q, rv_rmask_q, rv_wmask_q, rv_maddr_q, rv_mwdata_q, rv_mrdata_q} <= '0;
      end
      if (first) begin
        rv_rs1a_q <= rs1a_now; rv_rs1d_q <= rs1d_now;
        rv_rs2a_q <= rs2a_now; rv_rs2d_q <= rs2d_now;
      end
      if (rd_now) begin rv_rda_q <= ir_q[11:7]; rv_rdd_q <= res; end
      if (data_req && !sc_probe && !phys) begin
        rv_maddr_q <= {daddr[31:2], 2'b00};
        if (is_read) rv_rmask_q <= mmask;
        else begin rv_wmask_q <= mmask; rv_mwdata_q <= mem_wdata_o; end
      end
      if (dreq_q && dread_q) rv_mrdata_q <= mem_rdata_i;

      // a fetch that must walk first: what follows is that fetch's step
      if (imiss && !trap) begin
        rv_ifault_q <= 1'b1;
        rv_mode_q <= next_mode;
        rv_intr_q <= 1'b0;
      end
      rvfi_valid_o <= ends && !act_restart;
      if (ends && !act_restart) begin
        rv_order_q <= rv_order_q + 64'd1;
        rvfi_order_o <= rv_order_q;
        rvfi_mode_o <= rv_mode_q;
        rvfi_pc_rdata_o <= pc_q;
        rvfi_pc_wdata_o <= fetch_pc;
        rvfi_halt_o <= 1'b0;
        if (act_trap) begin
          rvfi_trap_o <= !cause_intr_q;
          rvfi_intr_o <= cause_intr_q;
          rvfi_insn_o <= (rv_intr_q || rv_ifault_q) ? 32'h0 : ir_q;
          rvfi_cause_o <= {cause_intr_q, 26'b0, cause_q};
          rvfi_tval_o <= t_q;
          {rvfi_rs1_addr_o, rvfi_rs2_addr_o, rvfi_rd_addr_o} <= '0;
          {rvfi_rs1_rdata_o, rvfi_rs2_rdata_o, rvfi_rd_wdata_o} <= '0;
          {rvfi_mem_addr_o, rvfi_mem_rdata_o, rvfi_mem_wdata_o, rvfi_mem_rmask_o, rvfi_mem_wmask_o} <= '0;
        end else begin
          rvfi_trap_o <= 1'b0;
          rvfi_intr_o <= 1'b0;
          rvfi_insn_o <= ir_q;
          rvfi_cause_o <= 32'h0;
          rvfi_tval_o <= 32'h0;
          rvfi_rs1_addr_o  <= first ? rs1a_now : rv_rs1a_q;
          rvfi_rs1_rdata_o <= first ? rs1d_now : rv_rs1d_q;
          rvfi_rs2_addr_o  <= first ? rs2a_now : rv_rs2a_q;
          rvfi_rs2_rdata_o <= first ? rs2d_now : rv_rs2d_q;
          rvfi_rd_addr_o  <= rd_now ? ir_q[11:7] : rv_rda_q;
          rvfi_rd_wdata_o <= rd_now ? res : rv_rdd_q;
          rvfi_mem_addr_o <= rv_maddr_q;
          rvfi_mem_rmask_o <= rv_rmask_q;
          rvfi_mem_wmask_o <= rv_wmask_q;
          rvfi_mem_wdata_o <= rv_mwdata_q;
          rvfi_mem_rdata_o <= (dreq_q && dread_q) ? mem_rdata_i : rv_mrdata_q;
        end
      end
    end
  end
`else
  assign {rvfi_valid_o, rvfi_order_o, rvfi_insn_o, rvfi_trap_o, rvfi_intr_o, rvfi_halt_o} = '0;
  assign {rvfi_mode_o, rvfi_rs1_addr_o, rvfi_rs2_addr_o, rvfi_rd_addr_o} = '0;
  assign {rvfi_rs1_rdata_o, rvfi_rs2_rdata_o, rvfi_rd_wdata_o, rvfi_pc_rdata_o, rvfi_pc_wdata_o} = '0;
  assign {rvfi_mem_addr_o, rvfi_mem_rdata_o, rvfi_mem_wdata_o, rvfi_mem_rmask_o, rvfi_mem_wmask_o} = '0;
  assign {rvfi_cause_o, rvfi_tval_o} = '0;
`endif
endmodule

`ifdef SYNTHESIS
// A counter in an iCE40 SB_MAC16 used as a 32-bit accumulator (the event
// counters, minstret): the low half adds B = {15'b0, inc} to itself, the
// high half adds A = 0 and the low half's carry; ld loads {C, D} = d
// instead. q_o is the accumulator register, co_o this cycle's carry out.
//
// The DSP is instantiated as av_mac16, a blackbox the board's synthesis
// script renames to SB_MAC16 after synth_ice40 (`chtype`): Yosys 0.23's
// ice40_dsp pass takes every SB_MAC16 it finds for a multiplier of its own
// and rewrites its configuration (output from the multiplier, no clock), so
// an SB_MAC16 written here directly synthesised to a counter that never
// counts. The board's netlist simulation (tests/board) checks the result.
(* blackbox *)
module av_mac16 #(
  parameter [1:0] TOPOUTPUT_SELECT = 0, TOPADDSUB_LOWERINPUT = 0, TOPADDSUB_CARRYSELECT = 0,
  parameter [1:0] BOTOUTPUT_SELECT = 0, BOTADDSUB_LOWERINPUT = 0, BOTADDSUB_CARRYSELECT = 0,
  parameter [0:0] TOPADDSUB_UPPERINPUT = 0, BOTADDSUB_UPPERINPUT = 0
) (
  input  logic        CLK, CE,
  input  logic [15:0] C, A, B, D,
  input  logic        AHOLD, BHOLD, CHOLD, DHOLD, IRSTTOP, IRSTBOT, ORSTTOP, ORSTBOT,
  input  logic        OLOADTOP, OLOADBOT, ADDSUBTOP, ADDSUBBOT, OHOLDTOP, OHOLDBOT,
  input  logic        CI, ACCUMCI, SIGNEXTIN,
  output logic [31:0] O,
  output logic        CO, ACCUMCO, SIGNEXTOUT
);
endmodule

module av_acc32 (
  input  logic        clk_i, rst_ni,
  input  logic        ld_i,
  input  logic [31:0] d_i,
  input  logic        inc_i,
  output logic [31:0] q_o,
  output logic        co_o
);
  av_mac16 #(
    .TOPOUTPUT_SELECT(2'd1), .TOPADDSUB_LOWERINPUT(2'd0), .TOPADDSUB_UPPERINPUT(1'b0),
    .TOPADDSUB_CARRYSELECT(2'd2),
    .BOTOUTPUT_SELECT(2'd1), .BOTADDSUB_LOWERINPUT(2'd0), .BOTADDSUB_UPPERINPUT(1'b0),
    .BOTADDSUB_CARRYSELECT(2'd0)
  ) u_mac (
    .CLK(clk_i), .CE(1'b1),
    .C(d_i[31:16]), .A(16'h0), .B({15'h0, inc_i}), .D(d_i[15:0]),
    .AHOLD(1'b0), .BHOLD(1'b0), .CHOLD(1'b0), .DHOLD(1'b0),
    .IRSTTOP(1'b0), .IRSTBOT(1'b0), .ORSTTOP(!rst_ni), .ORSTBOT(!rst_ni),
    .OLOADTOP(ld_i), .OLOADBOT(ld_i), .ADDSUBTOP(1'b0), .ADDSUBBOT(1'b0),
    .OHOLDTOP(1'b0), .OHOLDBOT(1'b0), .CI(1'b0), .ACCUMCI(1'b0), .SIGNEXTIN(1'b0),
    .O(q_o), .CO(co_o), .ACCUMCO(), .SIGNEXTOUT());
endmodule
`endif
