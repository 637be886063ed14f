/**
 * State machine of a monthly report (月报):
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted ──revise──▶ accepted (revision + 1)
 *     ▲ save            │  ▲
 *     └─────────────────┘  │ submit (after correction)
 *               return ──▶ returned ── save ──┘
 *
 * Pure: it decides whether a move is allowed and says why not, in Chinese.
 */
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type ReportAction = 'save' | 'submit' | 'return' | 'accept' | 'revise';

export const REPORT_STATUSES: ReportStatus[] = ['draft', 'submitted', 'returned', 'accepted'];
export const REPORT_ACTIONS: ReportAction[] = ['save', 'submit', 'return', 'accept', 'revise'];

const STATUS_ZH: Record<ReportStatus, string> = { draft: '草稿', submitted: '已报送', returned: '已退回', accepted: '已审核通过' };

export type Move = { ok: true; to: ReportStatus } | { ok: false; reason: string };

/** Whether `action` is allowed from `from`, and the status it leads to. */
export function reportMove(from: ReportStatus, action: ReportAction): Move {
  switch (action) {
    case 'save':
      if (from === 'draft' || from === 'returned') return { ok: true, to: from };
      return { ok: false, reason: from === 'accepted' ? '月报已审核通过，只能通过修订（注明原因）更改数据' : `月报${STATUS_ZH[from]}，等待审核期间不能修改` };
    case 'submit':
      if (from === 'draft' || from === 'returned') return { ok: true, to: 'submitted' };
      return { ok: false, reason: `月报${STATUS_ZH[from]}，不能重复报送` };
    case 'return':
      if (from === 'submitted') return { ok: true, to: 'returned' };
      return { ok: false, reason: `月报${STATUS_ZH[from]}，只有已报送的月报才能退回` };
    case 'accept':
      if (from === 'submitted') return { ok: true, to: 'accepted' };
      return { ok: false, reason: `月报${STATUS_ZH[from]}，只有已报送的月报才能审核通过` };
    case 'revise':
      if (from === 'accepted') return { ok: true, to: 'accepted' };
      return { ok: false, reason: `月报${STATUS_ZH[from]}，只有审核通过的月报才需要修订；未通过的月报请直接修改` };
  }
}

/** Whether a report in this status counts as "reported" (年初至今累计, roll-ups). */
export function isReported(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'accepted';
}

/** Photos may be added or deleted while the unit can still edit the report. */
export function photosEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/**
 * The change of the "reported" sum a move causes (roll-ups): submit adds the report's
 * investment and one report, return takes them out, accept changes nothing, a revision
 * adds its delta.
 */
export function reportedDelta(from: ReportStatus, to: ReportStatus, investmentBefore: number, investmentAfter: number): { completed: number; reports: number } {
  const a = isReported(from);
  const b = isReported(to);
  if (!a && !b) return { completed: 0, reports: 0 };
  if (!a && b) return { completed: investmentAfter, reports: 1 };
  if (a && !b) return { completed: -investmentBefore, reports: -1 };
  return { completed: Math.round((investmentAfter - investmentBefore) * 100) / 100, reports: 0 };
}
