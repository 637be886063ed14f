import { describe, expect, it } from 'vitest';
import { chosenDepartments, firstOpenStep, progress, shouldLandOnSetup, stepState } from './setup';

const step = (key: 'region' | 'departments' | 'leaders', done: boolean, skipped: boolean) => ({ key, done, skipped, summary: '' });

describe('the setup checklist', () => {
  it('reads a step as done, skipped or open; done wins over skipped', () => {
    expect(stepState({ done: true, skipped: true })).toBe('done');
    expect(stepState({ done: false, skipped: true })).toBe('skipped');
    expect(stepState({ done: false, skipped: false })).toBe('open');
  });

  it('opens on the first step still open, else on the first', () => {
    expect(firstOpenStep({ steps: [step('region', true, false), step('departments', false, true), step('leaders', false, false)] })).toBe('leaders');
    expect(firstOpenStep({ steps: [step('region', true, false), step('departments', false, true)] })).toBe('region');
  });

  it('counts the steps settled', () => {
    expect(progress({ steps: [step('region', true, false), step('departments', false, true), step('leaders', false, false)] })).toEqual({ settled: 2, total: 3 });
  });

  it('lands the admin on the checklist once per session while it is incomplete', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(shouldLandOnSetup({ complete: true }, storage)).toBe(false);
    expect(shouldLandOnSetup(undefined, storage)).toBe(false);
    expect(shouldLandOnSetup({ complete: false }, storage)).toBe(true);
    storage.setItem('tiaodu.setupLanded', '1');
    expect(shouldLandOnSetup({ complete: false }, storage)).toBe(false);
  });

  it('sends the ticked units with trimmed names, leaving out names too short', () => {
    expect(
      chosenDepartments([
        { key: '0', name: ' 发展和改革局 ', shortName: '发改局', checked: true },
        { key: '1', name: '水利局', shortName: '', checked: true },
        { key: '2', name: '教育局', shortName: '教育局', checked: false },
        { key: '3', name: ' ', shortName: '', checked: true },
      ]),
    ).toEqual([
      { name: '发展和改革局', shortName: '发改局' },
      { name: '水利局', shortName: null },
    ]);
  });
});
