import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_SETS, ruleSetConfigSchema, type RuleSetConfig } from '@tiaodu/contracts';
import { addMessages, translate, type I18n } from '../../i18n';
import { warningMessages } from './messages';
import { escalationText, investmentFor, lightTexts, toConfig } from './ruleSets';

addMessages(warningMessages);
const t: I18n['t'] = (key, params) => translate('zh', key, params);
const byCode = (code: string) => BUILTIN_RULE_SETS.find((r) => r.code === code)!.config;

describe('rule set form values', () => {
  it('sends every field of each shipped rule set back unchanged', () => {
    for (const rs of BUILTIN_RULE_SETS) {
      const out = toConfig(structuredClone(rs.config));
      expect(out).toEqual(rs.config);
      expect(ruleSetConfigSchema.safeParse(out).success).toBe(true);
    }
  });

  it('keeps only the thresholds of the chosen investment scheme', () => {
    const mixed = { ...byCode('yinchuan'), investment: { mode: 'ratioOfTime', yellowFrom: 12, redAbove: 40, yellowBelow: 0.7, redBelow: 0.5 } } as unknown as RuleSetConfig;
    expect(toConfig(mixed).investment).toEqual({ mode: 'ratioOfTime', yellowBelow: 0.7, redBelow: 0.5 });
  });

  it('switching the scheme starts from the shipped thresholds of that scheme, keeping values already of it', () => {
    expect(investmentFor('ratioOfTime', { mode: 'pointsBehind', yellowFrom: 12, redAbove: 40 })).toEqual(byCode('wuhan').investment);
    expect(investmentFor('shareOfTime', null)).toEqual(byCode('sanya').investment);
    expect(investmentFor('pointsBehind', { mode: 'pointsBehind', yellowFrom: 12, redAbove: 40 })).toEqual({ mode: 'pointsBehind', yellowFrom: 12, redAbove: 40 });
    // a box being cleared falls back to the shipped value rather than sending nothing
    expect(investmentFor('pointsBehind', { mode: 'pointsBehind', yellowFrom: null, redAbove: 25 })).toEqual({ mode: 'pointsBehind', yellowFrom: 10, redAbove: 25 });
  });
});

describe('what the lights mean', () => {
  it('investment, in the words of each scheme, with the thresholds typed', () => {
    expect(lightTexts('investment', byCode('yinchuan'), t)).toEqual({
      green: '超过序时进度，或滞后不足 10 个百分点',
      yellow: '滞后序时进度 10–30 个百分点',
      red: '滞后序时进度超过 30 个百分点',
    });
    const edited = { ...byCode('yinchuan'), investment: { mode: 'pointsBehind' as const, yellowFrom: 15, redAbove: 45 } };
    expect(lightTexts('investment', edited, t).red).toBe('滞后序时进度超过 45 个百分点');
    expect(lightTexts('investment', byCode('wuhan'), t).yellow).toBe('完成率低于序时进度的 0.8 倍，但不低于 0.6 倍');
    expect(lightTexts('investment', byCode('sanya'), t).red).toBe('滞后幅度超过序时进度的 0.5 倍');
  });

  it('milestones: the days between yellow and red go to the light chosen for them', () => {
    const c = byCode('yinchuan');
    expect(lightTexts('milestone', c, t)).toMatchObject({ yellow: '逾期最久的节点逾期 1–7 天，或逾期 8–14 天', red: '逾期最久的节点逾期 15 天及以上' });
    const red = { ...c, milestone: { ...c.milestone, between: 'red' as const } };
    expect(lightTexts('milestone', red, t)).toMatchObject({ yellow: '逾期最久的节点逾期 1–7 天', red: '逾期最久的节点逾期 15 天及以上，或逾期 8–14 天' });
  });

  it('start, report, statistics and escalation follow their thresholds; empty boxes show a dash', () => {
    const c = byCode('yinchuan');
    expect(lightTexts('start', c, t).red).toBe('计划开工月份后满 3 个月仍未开工');
    expect(lightTexts('start', c, t).yellow).toBe('计划开工当月月末仍未开工，且未说明原因');
    expect(lightTexts('start', { ...c, start: { yellowAfterMonths: 1, redAfterMonths: 3 } }, t).yellow).toBe('计划开工月份后 1 个月仍未开工，且未说明原因');
    expect(lightTexts('report', c, t).red).toBe('连续 2 个月未按期报送');
    expect(lightTexts('report', { ...c, report: { redConsecutive: 1 } }, t).yellow).toContain('即为红灯');
    expect(lightTexts('statistics', c, t).yellow).toBe('总投资 500 万元及以上，开工 1 个月仍未入库');
    expect(lightTexts('start', { start: { yellowAfterMonths: null, redAfterMonths: 4 } }, t).yellow).toBe('计划开工月份后 — 个月仍未开工，且未说明原因');
    const dim = (d: string) => ({ investment: '投资进度', start: '按期开工' })[d as 'investment'] ?? d;
    expect(escalationText(c, t, dim)).toBe('不升级');
    expect(escalationText(byCode('sanya'), t, dim)).toBe('投资进度连续 2 个月黄灯，升级为红灯');
  });
});
