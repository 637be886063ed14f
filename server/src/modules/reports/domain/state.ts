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

/** Whether a report in this status has been handed in (submitted or accepted: the report light, 已报). */
export function isReported(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'accepted';
}

/** Whether a report's figures count in 年初至今累计 and the roll-ups' completed sum (accepted only). */
export function isCounted(status: ReportStatus): boolean {
  return status === 'accepted';
}

/** Photos may be added or deleted while the unit can still edit the report. */
export function photosEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/**
 * The change a move causes in the roll-ups: `completed` sums accepted reports (已审核), `pending`
 * submitted ones awaiting review (待审核), `reports` counts both. Submit adds the report to
 * pending, accept moves it to completed, return takes it out, a revision adds its delta. In
 * integer 分, so the sums carry no binary drift.
 */
export function reportedDelta(from: ReportStatus, to: ReportStatus, investmentBefore: number, investmentAfter: number): { completed: number; pending: number; reports: number } {
  const c = (s: ReportStatus, v: number) => (s === 'accepted' ? Math.round(v * 100) : 0);
  const p = (s: ReportStatus, v: number) => (s === 'submitted' ? Math.round(v * 100) : 0);
  return {
    completed: (c(to, investmentAfter) - c(from, investmentBefore)) / 100,
    pending: (p(to, investmentAfter) - p(from, investmentBefore)) / 100,
    reports: (isReported(to) ? 1 : 0) - (isReported(from) ? 1 : 0),
  };
}
