import { describe, expect, it } from 'vitest';
import { CompetitionSchemeSchema } from '@tiaodu/contracts';
import { blankScheme, describeIssue, fieldOf, fromForm, issueName, ruleDefaults, ruleOf, toForm } from './schemeForm';

describe('the scheme editor’s values', () => {
  it('sends only the fields of the rule’s kind', () => {
    expect(ruleOf({ kind: 'perUnit', points: 5, min: null, max: 20, weight: 60, cap: 1 })).toEqual({ kind: 'perUnit', points: 5, min: null, max: 20 });
    expect(ruleOf({ kind: 'rank', by: 'completion', bands: [{ from: 1, to: 3, points: 7 }] })).toEqual({ kind: 'rank', by: 'completion', bands: [{ from: 1, to: 3, points: 7 }] });
  });

  it('gives every kind defaults the contract accepts', () => {
    for (const kind of ['proportional', 'perUnit', 'deviation', 'rank', 'efficacy', 'adjustment'] as const) {
      const f = blankScheme();
      f.sequences[0]!.contestants = ['region:330122103'];
      f.items[0] = { ...f.items[0]!, name: '开工率', indicatorId: 12, rule: ruleDefaults(kind) };
      expect(CompetitionSchemeSchema.safeParse(fromForm(f)).success, kind).toBe(true);
    }
  });

  it('goes to the form and back with the contestants’ names', () => {
    const scheme = CompetitionSchemeSchema.parse({
      sequences: [{ key: 'towns', name: '乡镇', contestants: [{ unitType: 'region', unitId: '330122103', name: '分水镇' }] }],
      items: [{ id: 'start', name: '开工率', indicatorId: 12, rule: { kind: 'proportional', weight: 60 } }],
    });
    const { form, names } = toForm(scheme);
    expect(form.sequences[0]!.contestants).toEqual(['region:330122103']);
    expect(names).toEqual({ 'region:330122103': '分水镇' });
    expect(fromForm(form, names)).toEqual(scheme);
  });

  it('puts a server issue on the nearest field of the editor', () => {
    expect(issueName('scheme.items.2.rule.weight')).toEqual(['scheme', 'items', 2, 'rule', 'weight']);
    const fields = new Set(['scheme.items.2.rule.weight', 'scheme.sequences.0.contestants', 'name']);
    expect(fieldOf('scheme.items.2.rule.weight', fields)).toEqual(['scheme', 'items', 2, 'rule', 'weight']);
    expect(fieldOf('scheme.sequences.0.contestants.3.unitId', fields)).toEqual(['scheme', 'sequences', 0, 'contestants']);
    expect(fieldOf('items.2.rule.weight', fields, ['scheme'])).toEqual(['scheme', 'items', 2, 'rule', 'weight']);
    expect(fieldOf('scheme.tieBreak', fields)).toBeNull();
    const form = { items: [{ ...blankScheme().items[0]!, name: '工程管理' }] };
    const words = { item: '计分项', sequence: '序列' };
    expect(describeIssue({ path: 'scheme.items.0.rule.max', message: '「工程管理」最高分-1低于最低分0' }, form, words)).toBe('「工程管理」最高分-1低于最低分0');
    expect(describeIssue({ path: 'scheme.items.0.rule.weight', message: '权重不能为负数' }, form, words)).toBe('计分项「工程管理」：权重不能为负数');
  });
});
