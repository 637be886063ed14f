/**
 * A campaign's countdown and its items against the time elapsed (DOMAIN.md §6.2):
 * - calendar days = end date − today (China time, UTC+8), negative once ended;
 * - working days = the working days after today up to and including the end date
 *   (calendar.workdaysBetween(today, end), the half-open interval (today, end]), 0 once ended;
 * - time elapsed share = (today − start) ÷ (end − start) in days, held between 0% and 100%;
 * - an item's light: its completion (reached ÷ due) against that share, by the active rule set's
 *   investment rule (the same rule as a project's investment against 序时进度; no rule of its own).
 */
import type { Light, RuleSetConfig } from '@tiaodu/contracts';
import type { Calendar } from '../../../core/calendar.js';
import { investmentLight } from '../../warnings/domain/lights.js';

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export type CampaignStatus = 'upcoming' | 'active' | 'ended';

export function campaignStatus(today: string, start: string, end: string): CampaignStatus {
  if (today < start) return 'upcoming';
  return today > end ? 'ended' : 'active';
}

export interface CountdownFigures {
  calendarDays: number;
  workdays: number;
  /** In %, 0–100, two decimals. */
  timeShare: number;
}

export function countdown(cal: Calendar, today: string, start: string, end: string): CountdownFigures {
  const calendarDays = daysBetween(today, end);
  const workdays = today >= end ? 0 : cal.workdaysBetween(today, end);
  const span = daysBetween(start, end);
  const elapsed = Math.min(Math.max(daysBetween(start, today), 0), span);
  const timeShare = span > 0 ? Math.round((elapsed / span) * 10000) / 100 : 100;
  return { calendarDays, workdays, timeShare };
}

/** Completion in % (two decimals), null when nothing is due or nothing is known. */
export function completion(reached: number | null, due: number | null): number | null {
  if (reached === null || due === null || due <= 0) return null;
  return Math.round((reached / due) * 10000) / 100;
}

/** The light of an item: done is green; else completion against the time share by the rule set's investment rule. */
export function itemLight(rule: RuleSetConfig['investment'], completionPct: number | null, timeShare: number, done: boolean): Light | null {
  if (done) return 'green';
  if (completionPct === null) return null;
  return investmentLight(rule, completionPct, timeShare);
}

export function itemDetail(completionPct: number | null, timeShare: number, done: boolean): string | null {
  if (done) return '已完成';
  if (completionPct === null) return null;
  const dev = Math.round((completionPct - timeShare) * 10) / 10;
  return `完成${completionPct}%，时间进度${timeShare}%，${dev >= 0 ? `超前${dev}` : `滞后${-dev}`}个百分点`;
}
