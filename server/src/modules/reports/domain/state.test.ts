import { describe, expect, it } from 'vitest';
import { REPORT_ACTIONS, REPORT_STATUSES, isReported, photosEditable, reportMove, reportedDelta, type ReportAction, type ReportStatus } from './state.js';

const ALLOWED: Record<string, ReportStatus> = {
  'draft/save': 'draft',
  'draft/submit': 'submitted',
  'returned/save': 'returned',
  'returned/submit': 'submitted',
  'submitted/return': 'returned',
  'submitted/accept': 'accepted',
  'accepted/revise': 'accepted',
};

describe('report state machine', () => {
  for (const from of REPORT_STATUSES) {
    for (const action of REPORT_ACTIONS) {
      const key = `${from}/${action}`;
      it(`${key} ${key in ALLOWED ? '→ ' + ALLOWED[key] : 'refused'}`, () => {
        const m = reportMove(from, action as ReportAction);
        if (key in ALLOWED) expect(m).toEqual({ ok: true, to: ALLOWED[key] });
        else {
          expect(m.ok).toBe(false);
          if (!m.ok) expect(m.reason).toMatch(/[\u4e00-\u9fa5]/);
        }
      });
    }
  }
  it('gives the reasons a user reads', () => {
    expect(reportMove('accepted', 'save')).toEqual({ ok: false, reason: '月报已审核通过，只能通过修订（注明原因）更改数据' });
    expect(reportMove('draft', 'accept')).toEqual({ ok: false, reason: '月报草稿，只有已报送的月报才能审核通过' });
    expect(reportMove('submitted', 'submit')).toEqual({ ok: false, reason: '月报已报送，不能重复报送' });
  });
  it('the full path draft → submitted → returned → submitted → accepted', () => {
    let s: ReportStatus = 'draft';
    for (const a of ['save', 'submit', 'return', 'save', 'submit', 'accept', 'revise'] as ReportAction[]) {
      const m = reportMove(s, a);
      expect(m.ok).toBe(true);
      if (m.ok) s = m.to;
    }
    expect(s).toBe('accepted');
  });
  it('reported statuses and photo editing', () => {
    expect(REPORT_STATUSES.filter(isReported)).toEqual(['submitted', 'accepted']);
    expect(REPORT_STATUSES.filter(photosEditable)).toEqual(['draft', 'returned']);
  });
  it('roll-up deltas: submit adds to 待审核, accept moves it to 已审核, return takes it out, revision ±', () => {
    expect(reportedDelta('draft', 'submitted', 0, 120.5)).toEqual({ completed: 0, pending: 120.5, reports: 1 });
    expect(reportedDelta('submitted', 'returned', 120.5, 120.5)).toEqual({ completed: 0, pending: -120.5, reports: -1 });
    expect(reportedDelta('submitted', 'accepted', 120.5, 120.5)).toEqual({ completed: 120.5, pending: -120.5, reports: 0 });
    expect(reportedDelta('accepted', 'accepted', 120.5, 100.2)).toEqual({ completed: -20.3, pending: 0, reports: 0 });
    expect(reportedDelta('draft', 'draft', 0, 50)).toEqual({ completed: 0, pending: 0, reports: 0 });
  });
});
