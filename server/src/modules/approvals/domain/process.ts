import type { ApprovalPhase, ProcessLimits, SignalLevel } from '@tiaodu/contracts';
import { APPROVAL_PHASE_VALUES } from '@tiaodu/contracts';
import type { Calendar } from '../../../core/calendar.js';
import { shiftDate } from '../../../core/calendar.js';
import type { Interval } from './timing.js';

/**
 * The whole approval process of a project (审批全流程) in four phases: 立项用地规划许可 →
 * 工程建设许可 → 施工许可 → 竣工验收, each with its own limit, 120 working days in all by
 * default.
 *
 * - A phase uses the working days on which at least one of its items was being handled
 *   (from 受理 to 办结, 补正 excluded): items handled in parallel (并联审批) count once.
 * - The process uses the sum of its phases.
 * - Signals as for an item: yellow when a phase uses more than its own limit, red when the
 *   process uses more than the whole-process limit, a prompt when a running phase or the
 *   running process has one working day or less left.
 */
export interface ProcessItem {
  phase: ApprovalPhase;
  /** 受理 → 办结 (China dates); null when not accepted. */
  handling: Interval | null;
  /** 补正 periods of the item. */
  suspensions: readonly Interval[];
}

export interface PhaseView {
  phase: ApprovalPhase;
  limitDays: number;
  usedDays: number;
  items: number;
  /** Items accepted and not finished, not with the applicant. */
  running: number;
  signal: SignalLevel;
}

export interface ProcessView {
  phases: PhaseView[];
  limitDays: number;
  usedDays: number;
  remainingDays: number;
  signal: SignalLevel;
}

/** The counted days of one item: working days in (受理, 办结 or today], 补正 taken out. */
export function handlingDays(cal: Calendar, item: ProcessItem, today: string): Set<string> {
  const days = new Set<string>();
  if (!item.handling) return days;
  const out = new Set<string>();
  for (const s of item.suspensions) for (let d = shiftDate(s.from, 1); d <= (s.to ?? today); d = shiftDate(d, 1)) out.add(d);
  const end = item.handling.to ?? today;
  for (let d = shiftDate(item.handling.from, 1); d <= end; d = shiftDate(d, 1)) if (cal.isWorkday(d) && !out.has(d)) days.add(d);
  return days;
}

function level(used: number, limit: number, running: boolean, over: 'yellow' | 'red'): SignalLevel {
  if (used > limit) return over;
  if (running && limit - used <= 1) return 'prompt';
  return 'none';
}

export function processView(cal: Calendar, items: readonly ProcessItem[], limits: ProcessLimits, today: string): ProcessView {
  const phases = APPROVAL_PHASE_VALUES.map((phase): PhaseView => {
    const mine = items.filter((i) => i.phase === phase);
    const union = new Set<string>();
    for (const i of mine) for (const d of handlingDays(cal, i, today)) union.add(d);
    const running = mine.filter((i) => i.handling && i.handling.to === null && !i.suspensions.some((s) => s.to === null)).length;
    const limitDays = limits.phases[phase];
    return { phase, limitDays, usedDays: union.size, items: mine.length, running, signal: level(union.size, limitDays, running > 0, 'yellow') };
  });
  const usedDays = phases.reduce((a, p) => a + p.usedDays, 0);
  const running = phases.some((p) => p.running > 0);
  return { phases, limitDays: limits.total, usedDays, remainingDays: limits.total - usedDays, signal: level(usedDays, limits.total, running, 'red') };
}
