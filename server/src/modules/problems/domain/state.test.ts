import { describe, expect, it } from 'vitest';
import { problemMove } from './state.js';

describe('problem state machine', () => {
  it('pending → handling → solved or deferred → closed, or reopened by 不满意', () => {
    expect(problemMove('pending', 'accept')).toEqual({ ok: true, to: 'handling' });
    expect(problemMove('handling', 'answer')).toEqual({ ok: true, to: 'answered_solved' });
    expect(problemMove('pending', 'defer')).toEqual({ ok: true, to: 'deferred' });
    expect(problemMove('answered_solved', 'rate_ok')).toEqual({ ok: true, to: 'closed' });
    expect(problemMove('deferred', 'rate_ok')).toEqual({ ok: true, to: 'closed' });
    expect(problemMove('answered_solved', 'rate_unsatisfied')).toEqual({ ok: true, to: 'handling' });
    expect(problemMove('handling', 'assign')).toEqual({ ok: true, to: 'handling' });
  });
  it('refuses moves out of order', () => {
    expect(problemMove('handling', 'accept').ok).toBe(false);
    expect(problemMove('pending', 'rate_ok').ok).toBe(false);
    expect(problemMove('closed', 'answer').ok).toBe(false);
    expect(problemMove('closed', 'assign').ok).toBe(false);
    expect(problemMove('closed', 'rate_unsatisfied').ok).toBe(false);
    expect(problemMove('deferred', 'answer').ok).toBe(false);
  });
});
