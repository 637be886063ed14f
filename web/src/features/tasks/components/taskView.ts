import { periodName } from '../../indicators/components/figures';

export type Light = 'green' | 'yellow' | 'red' | null;

export const LIGHT_COLOR: Record<'green' | 'yellow' | 'red', string> = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' };

/** A node's state on the timeline: done, overdue, due within `soonDays` days of today, or pending. */
export function nodeState(node: { dueDate: string; doneDate: string | null; overdueDays: number }, today: string, soonDays = 7): 'done' | 'overdue' | 'soon' | 'pending' {
  if (node.doneDate) return 'done';
  if (node.overdueDays > 0 || node.dueDate < today) return 'overdue';
  const days = (Date.parse(node.dueDate) - Date.parse(today)) / 86_400_000;
  return days <= soonDays ? 'soon' : 'pending';
}

/** A percentage as shown: 12.5 → "12.5%", null → "—". */
export function pct(v: number | null | undefined): string {
  return v == null ? '—' : `${Math.round(v * 100) / 100}%`;
}

/** Parses a breakdown typed as "1, 2, , 4" into cells (empty: null); undefined when blank. */
export function parseBreakdown(text: string | null | undefined): (string | null)[] | undefined {
  if (!text || !text.trim()) return undefined;
  return text.split(/[,，、\s]+/).map((s) => (s.trim() ? s.trim() : null));
}

/** A report period as words: months through the indicators' names, 旬 and ISO weeks here. */
export function periodLabel(p: string, lang: 'zh' | 'en'): string {
  const xun = /^(\d{4})-(\d{2})-x([123])$/.exec(p);
  if (xun) return lang === 'en' ? `${xun[1]}-${xun[2]} ${['early', 'mid', 'late'][Number(xun[3]) - 1]}` : `${xun[1]}年${Number(xun[2])}月${['上', '中', '下'][Number(xun[3]) - 1]}旬`;
  const wk = /^(\d{4})-W(\d{2})$/.exec(p);
  if (wk) return lang === 'en' ? `${wk[1]} week ${Number(wk[2])}` : `${wk[1]}年第${Number(wk[2])}周`;
  return periodName(p, lang);
}
