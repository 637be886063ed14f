import type { ProblemStatus } from '@tiaodu/contracts';

/**
 * The life of a problem:
 *   待受理 pending ──accept──▶ 办理中 handling ──answer──▶ 已办结 answered_solved
 *        │                         │            └─defer──▶ 暂缓 deferred
 *        └──────answer/defer───────┘
 *   已办结 / 暂缓 ──rate 满意/基本满意──▶ 已销号 closed
 *                └─rate 不满意──▶ 办理中 handling (a new limit)
 * The dispatcher assigns (or reassigns) while the problem is pending or handling; the
 * answer needs an assignment.
 */
export type ProblemAction = 'assign' | 'accept' | 'answer' | 'defer' | 'rate_ok' | 'rate_unsatisfied';

const MOVES: Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus | 'same' }> = {
  assign: { from: ['pending', 'handling'], to: 'same' },
  accept: { from: ['pending'], to: 'handling' },
  answer: { from: ['pending', 'handling'], to: 'answered_solved' },
  defer: { from: ['pending', 'handling'], to: 'deferred' },
  rate_ok: { from: ['answered_solved', 'deferred'], to: 'closed' },
  rate_unsatisfied: { from: ['answered_solved', 'deferred'], to: 'handling' },
};

const REASONS: Record<ProblemAction, string> = {
  assign: '问题已答复或已销号，不能再交办',
  accept: '只有待受理的问题可以受理',
  answer: '问题已答复或已销号',
  defer: '问题已答复或已销号',
  rate_ok: '问题尚未答复，或已评价',
  rate_unsatisfied: '问题尚未答复，或已评价',
};

export function problemMove(from: ProblemStatus, action: ProblemAction): { ok: true; to: ProblemStatus } | { ok: false; reason: string } {
  const m = MOVES[action];
  if (!m.from.includes(from)) return { ok: false, reason: REASONS[action] };
  return { ok: true, to: m.to === 'same' ? from : m.to };
}

export function isOpen(status: ProblemStatus): boolean {
  return status === 'pending' || status === 'handling';
}
