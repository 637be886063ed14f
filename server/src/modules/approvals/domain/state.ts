import type { ApprovalAction, ApprovalStatus, ApprovalStep } from '@tiaodu/contracts';

/**
 * State machine of one approval item of a project (审批事项):
 *
 *   not_started ─submit─▶ pending ─accept─▶ accepted ─undertake─▶ undertaken ─review─▶ reviewed ─approve─▶ approved ─finish─▶ done
 *                           │  ▲ (申报)     (受理)               (承办)              (审核)              (批准)              (办结)
 *                           │  │
 *                 reject ◀──┘  └─ resubmit ◀─ returned ◀─ return (from pending … approved; 退回补正, the clock pauses)
 *            (不予受理, final)
 *
 * A returned item remembers where it was (`resumeTo`); resubmitting puts it back there.
 * Pure: it says whether a move is allowed and, if not, why, in Chinese.
 */
export interface ItemState {
  status: ApprovalStatus;
  /** For a returned item, the status it goes back to when resubmitted. */
  resumeTo: ApprovalStatus | null;
}

export const INITIAL_STATE: ItemState = { status: 'not_started', resumeTo: null };

/** The step an item waits for in each status (for a returned item: the step it was returned at). */
const STEP_OF: Partial<Record<ApprovalStatus, ApprovalStep>> = {
  pending: 'accept',
  accepted: 'undertake',
  undertaken: 'review',
  reviewed: 'approve',
  approved: 'finish',
};

/** The status reached by doing each step. */
const AFTER_STEP: Record<ApprovalStep, ApprovalStatus> = {
  accept: 'accepted',
  undertake: 'undertaken',
  review: 'reviewed',
  approve: 'approved',
  finish: 'done',
};

const STATUS_ZH: Record<ApprovalStatus, string> = {
  not_started: '未申报',
  pending: '待受理',
  accepted: '已受理',
  undertaken: '已承办',
  reviewed: '已审核',
  approved: '已批准',
  done: '已办结',
  returned: '退回补正中',
  rejected: '已不予受理',
};
const STEP_ZH: Record<ApprovalStep, string> = { accept: '受理', undertake: '承办', review: '审核', approve: '批准', finish: '办结' };

/** Statuses in which the department is handling the item (the clock of a step runs). */
export const IN_HANDLING: readonly ApprovalStatus[] = ['pending', 'accepted', 'undertaken', 'reviewed', 'approved'];
/** Open: in handling, or with the applicant for 补正 (its clocks stopped, its signals kept). */
export const OPEN_STATUSES: readonly ApprovalStatus[] = [...IN_HANDLING, 'returned'];

export function currentStep(s: ItemState): ApprovalStep | null {
  if (s.status === 'returned') return s.resumeTo ? (STEP_OF[s.resumeTo] ?? null) : null;
  return STEP_OF[s.status] ?? null;
}

export function isFinished(status: ApprovalStatus): boolean {
  return status === 'done' || status === 'rejected';
}

export type Move = { ok: true; to: ItemState } | { ok: false; reason: string };

export function approvalMove(from: ItemState, action: ApprovalAction): Move {
  const st = from.status;
  const no = (reason: string): Move => ({ ok: false, reason });
  switch (action) {
    case 'submit':
      return st === 'not_started' ? { ok: true, to: { status: 'pending', resumeTo: null } } : no(`事项${STATUS_ZH[st]}，不能重复申报`);
    case 'resubmit':
      return st === 'returned' && from.resumeTo ? { ok: true, to: { status: from.resumeTo, resumeTo: null } } : no(`事项${STATUS_ZH[st]}，只有退回补正的事项才能重新提交`);
    case 'reject':
      return st === 'pending' ? { ok: true, to: { status: 'rejected', resumeTo: null } } : no(`事项${STATUS_ZH[st]}，只有待受理的事项才能不予受理`);
    case 'return':
      return IN_HANDLING.includes(st) ? { ok: true, to: { status: 'returned', resumeTo: st } } : no(`事项${STATUS_ZH[st]}，不能退回补正`);
    default: {
      const step = action as ApprovalStep;
      const waiting = currentStep(from);
      if (st === 'returned') return no(`事项退回补正中，申请人重新提交后才能${STEP_ZH[step]}`);
      if (waiting === step) return { ok: true, to: { status: AFTER_STEP[step], resumeTo: null } };
      if (!waiting) return no(`事项${STATUS_ZH[st]}，不能${STEP_ZH[step]}`);
      return no(`事项当前应办理“${STEP_ZH[waiting]}”环节，不能${STEP_ZH[step]}`);
    }
  }
}

/** The action an event records, from the statuses before and after it (approval_events keeps both). */
export function actionOf(from: ApprovalStatus | null, to: ApprovalStatus): ApprovalAction {
  if (to === 'returned') return 'return';
  if (from === 'returned') return 'resubmit';
  switch (to) {
    case 'pending':
      return 'submit';
    case 'rejected':
      return 'reject';
    case 'accepted':
      return 'accept';
    case 'undertaken':
      return 'undertake';
    case 'reviewed':
      return 'review';
    case 'approved':
      return 'approve';
    case 'done':
      return 'finish';
    default:
      throw new Error(`no action leads to ${to}`);
  }
}

/** Replays a list of actions from the start; throws on an impossible history. */
export function replayState(actions: readonly ApprovalAction[]): ItemState {
  let s = INITIAL_STATE;
  for (const a of actions) {
    const m = approvalMove(s, a);
    if (!m.ok) throw new Error(`invalid approval history at ${a}: ${m.reason}`);
    s = m.to;
  }
  return s;
}
