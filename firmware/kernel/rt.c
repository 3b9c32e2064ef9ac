/*
 * The kernel's side of the round trip in microcode (docs/ipc-microcode.md):
 * the block the microcode (and the ISS's model of it) reads through each
 * process's rt_blk word, its go bit, and the check that every number the
 * contract (firmware/include/rt_contract.def) gives matches the kernel's
 * structures. Until the routine exists the path is on only under the boot
 * option "rtforce", for the ISS alone, which models the routine from the
 * contract (as "fpforce" does for the VM paths); the RTL without the
 * routine runs every ecall the ordinary way, so rtforce is for ISS runs.
 */
#include "kernel.h"
#include "riscv.h"
#include "rt_contract.h"

extern uint64_t deadline_min, armed;
struct rt_blk rt_blk = { .flags = RTC_FLAGS_BLOCKED };
uint8_t rt_on;                         /* the path on, fpswitch and preemption off */

/* go: the path on, and the assembly path's switch would go straight to the
 * receiver (ipcfast.S switch: no fpswitch, no preemption (both fixed at
 * boot: rt_on), no deadline, the timer not armed); the per-receiver "not
 * suspended" is the microcode's. (fpswitch's failed reload clears
 * fp_switching later: go stays 0, and the microcode then refuses cases the
 * assembly path takes, which the contract allows.) */
void rt_go_calc(void)
{
    uint32_t never = (uint32_t)deadline_min & (uint32_t)(deadline_min >> 32) & (uint32_t)armed &
                     (uint32_t)(armed >> 32);
    rt_blk.go = never == ~0u;
}

void rt_init(int force)
{
    rt_blk.qb_limit = (int32_t)(boot.ram_size / 8) - AV_MSG_INLINE_MAX;
    rt_on = has_fpcsrs && force && !fp_switching && !opt_preempt;
    rt_go_update();
}

#define RTC_AT(c, f, v) _Static_assert(offsetof(c, f) == (v), "rt_contract.def: " #c " " #f)
RTC_AT(struct proc, tf.pc, RTC_P_TF_PC);
RTC_AT(struct proc, state, RTC_P_STATE);
RTC_AT(struct proc, map, RTC_P_MAP);
RTC_AT(struct proc, names, RTC_P_NAMES);
RTC_AT(struct proc, nnames, RTC_P_NNAMES);
RTC_AT(struct proc, suspended, RTC_P_SUSP);
RTC_AT(struct proc, wait, RTC_P_WAIT);
RTC_AT(struct proc, wait_obj, RTC_P_WAIT_OBJ);
RTC_AT(struct proc, has_deadline, RTC_P_FLAGS);
RTC_AT(struct proc, rpc_sent, RTC_P_FLAGS + 1);
RTC_AT(struct proc, in_call, RTC_P_FLAGS + 2);
RTC_AT(struct proc, lean, RTC_P_FLAGS + 3);
RTC_AT(struct proc, rpc_reply, RTC_P_RPC_REPLY);
RTC_AT(struct proc, rt_rport, RTC_P_RT_RPORT);
RTC_AT(struct proc, rt_blk, RTC_P_RT_BLK);
RTC_AT(struct proc, satp, RTC_P_SATP);
RTC_AT(struct proc, name_hint, RTC_P_NAME_HINT);
RTC_AT(struct vmmap, root, RTC_VM_ROOT);
RTC_AT(struct vmmap, asid, RTC_VM_ASID);
RTC_AT(struct vmmap, ran, RTC_VM_ASID + RTC_VM_RAN_SHIFT / 8);
RTC_AT(struct port, receiver, RTC_PT_RECEIVER);
RTC_AT(struct port, qhead, RTC_PT_QHEAD);
RTC_AT(struct port, qlen, RTC_PT_QLEN);
RTC_AT(struct port, qlimit, RTC_PT_QLIMIT);
RTC_AT(struct port, refs, RTC_PT_REFS);
RTC_AT(struct port, named, RTC_PT_NAMED);
RTC_AT(struct port, dead, RTC_PT_DEAD);
RTC_AT(struct nameent, port, RTC_NE_PORT);
RTC_AT(struct nameent, sendrefs, RTC_NE_FLAGS);
RTC_AT(struct nameent, recv, RTC_NE_FLAGS + 2);
RTC_AT(struct nameent, sendonce, RTC_NE_FLAGS + 3);
RTC_AT(struct nameent, dead, RTC_NE_DEAD);
RTC_AT(struct av_stats, msgs_inline, RTC_ST_MSGS_INLINE);
RTC_AT(struct av_stats, msgs_direct, RTC_ST_MSGS_DIRECT);
RTC_AT(struct rt_blk, go, RTC_BLK_GO);
RTC_AT(struct rt_blk, qb_limit, RTC_BLK_QB_LIMIT);
RTC_AT(struct rt_blk, queued, RTC_BLK_QUEUED);
RTC_AT(struct rt_blk, fast, RTC_BLK_FAST);
RTC_AT(struct rt_blk, active, RTC_BLK_VM_ACTIVE);
RTC_AT(struct rt_blk, cur, RTC_BLK_CURPROC);
RTC_AT(struct rt_blk, next, RTC_BLK_HANDOFF);
RTC_AT(struct rt_blk, flags, RTC_BLK_FLAGS);
_Static_assert(sizeof(struct rt_blk) == RTC_BLK_SIZE && sizeof(struct nameent) == RTC_NE_SIZE &&
               sizeof(((struct proc *)0)->state) == 4 && sizeof(((struct proc *)0)->wait) == 4 &&
               sizeof(((struct vmmap *)0)->asid) == 2 && sizeof(((struct nameent *)0)->sendrefs) == 2 &&
               sizeof(struct av_msg_header) == RTC_HDR && sizeof(((struct av_stats *)0)->msgs_inline) == 4 &&
               sizeof(((struct av_stats *)0)->msgs_direct) == 4, "rt_contract.def: sizes");
_Static_assert(SYS_MSG_RPC == RTC_SYS_RPC && SYS_MSG_REPLY_RECEIVE == RTC_SYS_RR &&
               AV_USER_TOP == RTC_USER_TOP && AV_DISP_COPY_SEND == RTC_COPY_SEND &&
               AV_DISP_MAKE_SEND_ONCE == RTC_MAKE_SEND_ONCE && AV_DISP_MOVE_SEND_ONCE == RTC_MOVE_SEND_ONCE &&
               AV_MSG_REPLY(AV_DISP_PORT_SEND_ONCE) == RTC_REPLY_ONCE_BITS &&
               (AV_SEND_TIMEOUT | AV_RCV_TIMEOUT | AV_NONBLOCK | AV_RELEASE) == RTC_RECV_OPTS &&
               P_RUNNABLE == RTC_P_RUNNABLE && P_BLOCKED == RTC_P_BLOCKED && W_NONE == RTC_W_NONE &&
               W_RECV == RTC_W_RECV && RTC_FLAGS_BLOCKED == 0x01010100u &&
               RTC_PTE_READ == (VMC_PTE_V | VMC_PTE_R | VMC_PTE_U | VMC_PTE_A) &&
               RTC_PTE_WRITE == (VMC_PTE_V | VMC_PTE_R | VMC_PTE_W | VMC_PTE_U | VMC_PTE_A | VMC_PTE_D) &&
               RTC_HDR_LAST_OFF == PAGE_SIZE - RTC_HDR && RTC_NE_SENDONCE_1 == 1u << 24,
               "rt_contract.def: constants");
