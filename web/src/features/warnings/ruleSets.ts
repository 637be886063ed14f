import { BUILTIN_RULE_SETS, type LightDimension, type RuleSetConfig } from '@tiaodu/contracts';
import type { I18n } from '../../i18n';

/**
 * 预警规则集 (rule sets) on the web: what each threshold means in words, per dimension and
 * light, for the editing form and the comparison of rule sets. The wording follows the
 * server's rules (server/src/modules/warnings/domain/lights.ts).
 */

export type InvestmentRule = RuleSetConfig['investment'];
export type InvestmentMode = InvestmentRule['mode'];
export const INVESTMENT_MODES: InvestmentMode[] = ['pointsBehind', 'ratioOfTime', 'shareOfTime'];
export const TIME_PROGRESS_MODES: RuleSetConfig['timeProgress'][] = ['month', 'halfMonth', 'day'];

/**
 * The investment rule of `mode`: the current values when they already are of that mode,
 * otherwise the shipped rule set's values for it (银川, 武汉 or 三亚). Only the mode's own
 * keys are kept, so a rule set never stores the thresholds of another scheme.
 */
export function investmentFor(mode: InvestmentMode, current?: Partial<Record<string, unknown>> | null): InvestmentRule {
  const shipped = BUILTIN_RULE_SETS.map((r) => r.config.investment).find((i) => i.mode === mode);
  const num = (k: string, fallback: number): number => {
    const v = current && current.mode === mode ? current[k] : undefined;
    return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  };
  switch (mode) {
    case 'pointsBehind': {
      const d = shipped?.mode === 'pointsBehind' ? shipped : { yellowFrom: 10, redAbove: 30 };
      return { mode, yellowFrom: num('yellowFrom', d.yellowFrom), redAbove: num('redAbove', d.redAbove) };
    }
    case 'ratioOfTime': {
      const d = shipped?.mode === 'ratioOfTime' ? shipped : { yellowBelow: 0.8, redBelow: 0.6 };
      return { mode, yellowBelow: num('yellowBelow', d.yellowBelow), redBelow: num('redBelow', d.redBelow) };
    }
    case 'shareOfTime': {
      const d = shipped?.mode === 'shareOfTime' ? shipped : { share: 0.5 };
      return { mode, share: num('share', d.share) };
    }
  }
}

/**
 * The config to send from the form's values: every field of RuleSetConfig, named one by one
 * so that a field added to the contracts fails the typecheck here until the form has it.
 */
export function toConfig(v: RuleSetConfig): RuleSetConfig {
  return {
    timeProgress: v.timeProgress,
    investment: investmentFor(v.investment.mode, v.investment as unknown as Record<string, unknown>),
    start: { yellowAfterMonths: v.start.yellowAfterMonths, redAfterMonths: v.start.redAfterMonths },
    milestone: { yellowMaxDays: v.milestone.yellowMaxDays, redFromDays: v.milestone.redFromDays, between: v.milestone.between },
    report: { redConsecutive: v.report.redConsecutive },
    statistics: { minTotalInvestment: v.statistics.minTotalInvestment, yellowAfterMonths: v.statistics.yellowAfterMonths, redAfterMonths: v.statistics.redAfterMonths },
    escalation: { yellowStreakToRed: v.escalation.yellowStreakToRed ?? null, dimensions: [...(v.escalation.dimensions ?? [])] },
  };
}

/** A config as the form holds it while it is being edited: any number may be empty. */
export type PartialConfig = { [K in keyof RuleSetConfig]?: Partial<Record<string, unknown>> | string | null };

export interface LightTexts {
  green: string;
  yellow: string;
  red: string;
}

type T = I18n['t'];

const shown = (v: unknown): string | number => (typeof v === 'number' && Number.isFinite(v) ? v : '—');
const asNum = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** What green, yellow and red mean on one dimension under these thresholds. */
export function lightTexts(dimension: LightDimension, cfg: PartialConfig | RuleSetConfig | null | undefined, t: T): LightTexts {
  const c = (cfg ?? {}) as Record<string, Record<string, unknown> | undefined>;
  switch (dimension) {
    case 'investment': {
      const i = c.investment ?? {};
      if (i.mode === 'ratioOfTime')
        return {
          green: t('rules.inv.ratio.green', { y: shown(i.yellowBelow) }),
          yellow: t('rules.inv.ratio.yellow', { y: shown(i.yellowBelow), r: shown(i.redBelow) }),
          red: t('rules.inv.ratio.red', { r: shown(i.redBelow) }),
        };
      if (i.mode === 'shareOfTime')
        return { green: t('rules.inv.share.green'), yellow: t('rules.inv.share.yellow', { s: shown(i.share) }), red: t('rules.inv.share.red', { s: shown(i.share) }) };
      return {
        green: t('rules.inv.points.green', { y: shown(i.yellowFrom) }),
        yellow: t('rules.inv.points.yellow', { y: shown(i.yellowFrom), r: shown(i.redAbove) }),
        red: t('rules.inv.points.red', { r: shown(i.redAbove) }),
      };
    }
    case 'start': {
      const s = c.start ?? {};
      return {
        green: t('rules.start.green', { r: shown(s.redAfterMonths) }),
        yellow: s.yellowAfterMonths === 0 ? t('rules.start.yellow0') : t('rules.start.yellow', { y: shown(s.yellowAfterMonths) }),
        red: t('rules.start.red', { r: shown(Math.max(1, asNum(s.redAfterMonths) ?? 1)) }),
      };
    }
    case 'milestone': {
      const m = c.milestone ?? {};
      const y = asNum(m.yellowMaxDays);
      const r = asNum(m.redFromDays);
      const gap = y !== null && r !== null && r - y > 1 ? t('rules.ms.between', { from: y + 1, to: r - 1 }) : '';
      return {
        green: t('rules.ms.green'),
        yellow: t('rules.ms.yellow', { y: shown(y) }) + (m.between === 'yellow' ? gap : ''),
        red: t('rules.ms.red', { r: shown(r) }) + (m.between === 'red' ? gap : ''),
      };
    }
    case 'report': {
      const n = asNum(c.report?.redConsecutive);
      return { green: t('rules.report.green'), yellow: n === 1 ? t('rules.report.yellowNever') : t('rules.report.yellow'), red: t('rules.report.red', { n: shown(n) }) };
    }
    case 'statistics': {
      const s = c.statistics ?? {};
      return {
        green: t('rules.stats.green', { min: shown(s.minTotalInvestment), y: shown(s.yellowAfterMonths) }),
        yellow: t('rules.stats.yellow', { min: shown(s.minTotalInvestment), y: shown(s.yellowAfterMonths) }),
        red: t('rules.stats.red', { min: shown(s.minTotalInvestment), r: shown(s.redAfterMonths) }),
      };
    }
  }
}

/** Consecutive-month escalation in words. */
export function escalationText(cfg: PartialConfig | RuleSetConfig | null | undefined, t: T, dimensionLabel: (d: LightDimension) => string): string {
  const e = ((cfg ?? {}) as Record<string, Record<string, unknown> | undefined>).escalation ?? {};
  const n = asNum(e.yellowStreakToRed);
  const dims = Array.isArray(e.dimensions) ? (e.dimensions as LightDimension[]) : [];
  if (n === null || dims.length === 0) return t('rules.esc.none');
  return t('rules.esc.text', { n, dims: dims.map(dimensionLabel).join(t('rules.listSep')) });
}
