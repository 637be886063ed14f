import type { Calendar } from '../../../core/calendar.js';

/**
 * Backward scheduling (倒排工期).
 *
 * Convention: a node of duration d (working days, d ≥ 1) occupies d working days, its start
 * and due dates inclusive: due = start + (d − 1) working days. Nodes follow each other without
 * gap: a node starts on the first working day after its predecessor's due date. The last node
 * is due on the target date (moved back to the previous working day when the target is a
 * holiday or weekend). Holidays and weekends are skipped; 调休 working days count as working
 * days; the admin's overrides apply.
 */
export interface ScheduleNode {
  name: string;
  durationDays: number;
}

export interface ScheduledNode extends ScheduleNode {
  seq: number;
  startDate: string;
  dueDate: string;
}

export function scheduleBackward(cal: Calendar, nodes: ScheduleNode[], targetDate: string): ScheduledNode[] {
  const out: ScheduledNode[] = [];
  let due = cal.previousWorkday(targetDate);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    const d = Math.max(1, Math.floor(n.durationDays));
    const start = cal.addWorkdays(due, -(d - 1));
    out.push({ ...n, durationDays: d, seq: i + 1, startDate: start, dueDate: due });
    due = cal.addWorkdays(start, -1);
  }
  return out.reverse();
}
