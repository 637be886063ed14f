import { describe, expect, it } from 'vitest';
import { APPROVAL_ACTION_VALUES, APPROVAL_STATUS_VALUES, type ApprovalAction, type ApprovalStatus } from '@tiaodu/contracts';
import { actionOf, approvalMove, currentStep, isFinished, replayState, type ItemState } from './state.js';

const ALLOWED: Record<string, ApprovalStatus> = {
  'not_started/submit': 'pending',
  'pending/accept': 'accepted',
  'pending/reject': 'rejected',
  'pending/return': 'returned',
  'accepted/undertake': 'undertaken',
  'accepted/return': 'returned',
  'undertaken/review': 'reviewed',
  'undertaken/return': 'returned',
  'reviewed/approve': 'approved',
  'reviewed/return': 'returned',
  'approved/finish': 'done',
  'approved/return': 'returned',
};

describe('approval item state machine', () => {
  for (const status of APPROVAL_STATUS_VALUES) {
    for (const action of APPROVAL_ACTION_VALUES) {
      const key = `${status}/${action}`;
      // a returned item resumes where it was; tested below with its resumeTo
      if (status === 'returned' && action === 'resubmit') continue;
      it(`${key} ${key in ALLOWED ? '→ ' + ALLOWED[key] : 'refused'}`, () => {
        const from: ItemState = { status, resumeTo: status === 'returned' ? 'undertaken' : null };
        const m = approvalMove(from, action);
        if (key in ALLOWED) {
          expect(m).toEqual({ ok: true, to: { status: ALLOWED[key], resumeTo: ALLOWED[key] === 'returned' ? status : null } });
          expect(actionOf(status, ALLOWED[key]!)).toBe(action);
        } else {
          expect(m.ok).toBe(false);
          if (!m.ok) expect(m.reason).toMatch(/[\u4e00-\u9fa5]/);
        }
      });
    }
  }

  it('resubmitting after 退回补正 goes back to the status it was returned from', () => {
    for (const at of ['pending', 'accepted', 'undertaken', 'reviewed', 'approved'] as const) {
      const returned = approvalMove({ status: at, resumeTo: null }, 'return');
      expect(returned).toEqual({ ok: true, to: { status: 'returned', resumeTo: at } });
      if (!returned.ok) continue;
      expect(currentStep(returned.to)).toBe(currentStep({ status: at, resumeTo: null }));
      expect(approvalMove(returned.to, 'resubmit')).toEqual({ ok: true, to: { status: at, resumeTo: null } });
      expect(actionOf('returned', at)).toBe('resubmit');
    }
  });

  it('gives the reasons a user reads', () => {
    expect(approvalMove({ status: 'accepted', resumeTo: null }, 'review')).toEqual({ ok: false, reason: '事项当前应办理“承办”环节，不能审核' });
    expect(approvalMove({ status: 'returned', resumeTo: 'reviewed' }, 'approve')).toEqual({ ok: false, reason: '事项退回补正中，申请人重新提交后才能批准' });
    expect(approvalMove({ status: 'done', resumeTo: null }, 'return')).toEqual({ ok: false, reason: '事项已办结，不能退回补正' });
    expect(approvalMove({ status: 'accepted', resumeTo: null }, 'reject')).toEqual({ ok: false, reason: '事项已受理，只有待受理的事项才能不予受理' });
    expect(approvalMove({ status: 'not_started', resumeTo: null }, 'accept')).toEqual({ ok: false, reason: '事项未申报，不能受理' });
  });

  it('the current step in each status', () => {
    const steps = APPROVAL_STATUS_VALUES.map((s) => [s, currentStep({ status: s, resumeTo: s === 'returned' ? 'approved' : null })]);
    expect(Object.fromEntries(steps)).toEqual({
      not_started: null,
      pending: 'accept',
      accepted: 'undertake',
      undertaken: 'review',
      reviewed: 'approve',
      approved: 'finish',
      done: null,
      returned: 'finish',
      rejected: null,
    });
    expect(APPROVAL_STATUS_VALUES.filter(isFinished)).toEqual(['done', 'rejected']);
  });

  it('replays a whole history with a return in the middle, and refuses an impossible one', () => {
    const path: ApprovalAction[] = ['submit', 'accept', 'undertake', 'return', 'resubmit', 'review', 'approve', 'finish'];
    expect(replayState(path)).toEqual({ status: 'done', resumeTo: null });
    expect(() => replayState(['submit', 'undertake'])).toThrow(/承办/);
  });
});
