import { describe, expect, it } from 'vitest';
import { allowedNextStages, initialStage, oc4idsStatus, stageEffects, stageMoveError } from './stages.js';

const today = '2026-06-15';
const move = (from: string, to: string, extra: Partial<{ date: string; lastDate: string }> = {}) =>
  stageMoveError({ from: from as never, to: to as never, date: extra.date ?? today, lastDate: extra.lastDate ?? null, today });

describe('stage moves', () => {
  it('allows forward moves, also skipping stages', () => {
    expect(move('reserve', 'preliminary')).toBeNull();
    expect(move('preliminary', 'construction')).toBeNull();
    expect(move('planning', 'full_production')).toBeNull();
  });
  it('refuses moving back with the two stage names', () => {
    expect(move('construction', 'preliminary')).toBe('不能从「在建」退回「前期」');
  });
  it('refuses a move to the same stage', () => {
    expect(move('construction', 'construction')).toBe('项目已处于「在建」阶段');
  });
  it('suspends only projects being built, and resumes them', () => {
    expect(move('construction', 'suspended')).toBeNull();
    expect(move('started', 'suspended')).toBeNull();
    expect(move('preliminary', 'suspended')).toBe('只有开工或在建的项目可以停缓建');
    expect(move('suspended', 'construction')).toBeNull();
    expect(move('suspended', 'production')).toContain('停缓建项目只能');
  });
  it('terminates from anywhere, and nothing follows termination', () => {
    expect(move('planning', 'terminated')).toBeNull();
    expect(move('suspended', 'terminated')).toBeNull();
    expect(move('terminated', 'construction')).toBe('项目已终止，不能再变更阶段');
  });
  it('checks the date against today and the last move, at the edges', () => {
    expect(move('reserve', 'preliminary', { date: '2026-06-16' })).toBe('变更日期不能晚于今天');
    expect(move('reserve', 'preliminary', { date: today })).toBeNull();
    expect(move('reserve', 'preliminary', { date: '2026-06-01', lastDate: '2026-06-02' })).toContain('不能早于上一次阶段变更日期');
    expect(move('reserve', 'preliminary', { date: '2026-06-02', lastDate: '2026-06-02' })).toBeNull();
  });
});

describe('stage effects and defaults', () => {
  it('records actual start from 开工 on and completion from 竣工 on', () => {
    expect(stageEffects('preliminary')).toEqual({ setActualStart: false, setActualCompletion: false });
    expect(stageEffects('started')).toEqual({ setActualStart: true, setActualCompletion: false });
    expect(stageEffects('completed')).toEqual({ setActualStart: true, setActualCompletion: true });
    expect(stageEffects('suspended')).toEqual({ setActualStart: false, setActualCompletion: false });
  });
  it('derives the initial stage from the yearly category', () => {
    expect(initialStage('continuing')).toBe('construction');
    expect(initialStage('new_start')).toBe('preliminary');
    expect(initialStage('preparatory')).toBe('reserve');
  });
  it('lists the stages reachable from 在建', () => {
    expect(allowedNextStages('construction', today)).toEqual(['completed', 'production', 'full_production', 'suspended', 'terminated']);
  });
  it('maps stages to OC4IDS statuses', () => {
    expect(oc4idsStatus('reserve')).toBe('identification');
    expect(oc4idsStatus('construction')).toBe('implementation');
    expect(oc4idsStatus('terminated')).toBe('cancelled');
  });
});
