/**
 * The checks of a scheme that need no database (the service adds the indicator and unit checks):
 * unique keys, inverted caps, overlapping or inverted rank bands, references to items and
 * sequences that do not exist, a contestant in two sequences. Each issue names its field.
 */
import type { CompetitionScheme } from '@tiaodu/contracts';

export interface Issue {
  path: string;
  message: string;
}

const INDICATOR_KINDS = new Set(['proportional', 'perUnit', 'deviation', 'rank', 'efficacy']);

export function schemeIssues(s: CompetitionScheme, base = 'scheme'): Issue[] {
  const out: Issue[] = [];
  const seqKeys = new Set<string>();
  const seen = new Map<string, string>();
  s.sequences.forEach((seq, i) => {
    if (seqKeys.has(seq.key)) out.push({ path: `${base}.sequences.${i}.key`, message: `序列编号「${seq.key}」重复` });
    seqKeys.add(seq.key);
    seq.contestants.forEach((c, j) => {
      const k = `${c.unitType}:${c.unitId}`;
      const other = seen.get(k);
      if (other !== undefined) out.push({ path: `${base}.sequences.${i}.contestants.${j}`, message: `${c.name ?? k}已在序列「${other}」中，一个单位只能参加一个序列` });
      else seen.set(k, seq.name);
    });
  });
  const itemIds = new Set<string>();
  s.items.forEach((it, i) => {
    const p = `${base}.items.${i}`;
    if (itemIds.has(it.id)) out.push({ path: `${p}.id`, message: `计分项编号「${it.id}」重复` });
    itemIds.add(it.id);
    for (const [j, k] of it.sequences.entries()) if (!seqKeys.has(k)) out.push({ path: `${p}.sequences.${j}`, message: `序列「${k}」不存在` });
    const r = it.rule;
    if (INDICATOR_KINDS.has(r.kind) && !it.indicatorId) out.push({ path: `${p}.indicatorId`, message: `「${it.name}」请选择考核指标` });
    if (!INDICATOR_KINDS.has(r.kind) && it.indicatorId) out.push({ path: `${p}.indicatorId`, message: `「${it.name}」的计分方式不读取指标，请勿选择指标` });
    if (r.kind === 'perUnit' && r.min !== null && r.max !== null && r.min > r.max) out.push({ path: `${p}.rule.max`, message: `「${it.name}」封顶分${r.max}低于下限${r.min}` });
    if (r.kind === 'perUnit' && r.points < 0 && r.max !== null && r.min === null) out.push({ path: `${p}.rule.min`, message: `「${it.name}」每个扣分时请设下限（最多扣多少分）` });
    if (r.kind === 'adjustment' && r.min > r.max) out.push({ path: `${p}.rule.max`, message: `「${it.name}」最高分${r.max}低于最低分${r.min}` });
    if (r.kind === 'rank') {
      const bands = r.bands;
      bands.forEach((b, j) => {
        if (b.from > b.to) out.push({ path: `${p}.rule.bands.${j}.to`, message: `「${it.name}」第${j + 1}个名次段的止名次${b.to}小于起名次${b.from}` });
        for (let k = 0; k < j; k++) {
          const o = bands[k]!;
          if (b.from <= o.to && o.from <= b.to) out.push({ path: `${p}.rule.bands.${j}.from`, message: `「${it.name}」名次段${b.from}–${b.to}与${o.from}–${o.to}重叠` });
        }
      });
    }
  });
  if (s.tieBreak && !itemIds.has(s.tieBreak)) out.push({ path: `${base}.tieBreak`, message: `并列时比较的计分项「${s.tieBreak}」不存在` });
  s.lists.metItems.forEach((id, j) => {
    if (!itemIds.has(id)) out.push({ path: `${base}.lists.metItems.${j}`, message: `判断完成目标的计分项「${id}」不存在` });
  });
  return out;
}
