import type { CompetitionRule, CompetitionRuleKind, CompetitionScheme, FieldIssue } from '@tiaodu/contracts';
import { contestantKey, splitContestant } from './periods';

/** A rule in the editor: its kind and the fields of every kind (only the kind's own are sent). */
export type RuleForm = { kind: CompetitionRuleKind } & Record<string, unknown>;

export interface ItemForm {
  id: string;
  name: string;
  indicatorId: number | null;
  rule: RuleForm;
  sequences: string[];
  note: string | null;
}

export interface SequenceForm {
  key: string;
  name: string;
  /** `region:330122103` … */
  contestants: string[];
}

export interface SchemeForm {
  sequences: SequenceForm[];
  items: ItemForm[];
  flags: CompetitionScheme['flags'];
  lists: CompetitionScheme['lists'];
  tieBreak: string | null;
  leaderboard: CompetitionScheme['leaderboard'];
}

/** The fields of each rule kind, in the editor's order. */
export const RULE_FIELDS: Record<CompetitionRuleKind, readonly string[]> = {
  proportional: ['weight', 'cap', 'basis'],
  perUnit: ['points', 'min', 'max'],
  deviation: ['full', 'perPointShort', 'perPointOver', 'knee', 'perPointBeyond', 'cap', 'basis'],
  rank: ['by', 'bands'],
  efficacy: ['weight', 'floor', 'by'],
  judged: ['weight', 'tourId'],
  adjustment: ['min', 'max'],
};

/** A new rule of a kind, with the contract's defaults and a usual starting point. */
export function ruleDefaults(kind: CompetitionRuleKind): RuleForm {
  switch (kind) {
    case 'proportional':
      return { kind, weight: 10, cap: 1, basis: 'auto' };
    case 'perUnit':
      return { kind, points: 1, min: null, max: null };
    case 'deviation':
      return { kind, full: 40, perPointShort: 1, perPointOver: 0.5, knee: 130, perPointBeyond: 0.2, cap: 10, basis: 'auto' };
    case 'rank':
      return { kind, by: 'value', bands: [{ from: 1, to: 3, points: 7 }, { from: 4, to: 6, points: 5 }, { from: 7, to: 10, points: 3 }] };
    case 'efficacy':
      return { kind, weight: 10, floor: 0.6, by: 'value' };
    case 'judged':
      return { kind, weight: 10, tourId: null };
    case 'adjustment':
      return { kind, min: -5, max: 20 };
  }
}

/** Whether the kind reads an indicator (judged reads a tour, adjustment the entries). */
export const readsIndicator = (kind: CompetitionRuleKind | undefined) => kind !== 'judged' && kind !== 'adjustment';

let counter = 0;
/** A key for a new sequence or item (letters and digits, unique within the scheme). */
export function newKey(prefix: 's' | 'i', taken: readonly string[] = []): string {
  for (;;) {
    counter += 1;
    const k = `${prefix}${Date.now().toString(36).slice(-4)}${counter}`;
    if (!taken.includes(k)) return k;
  }
}

export function blankScheme(): SchemeForm {
  return {
    sequences: [{ key: 'main', name: '乡镇（街道）', contestants: [] }],
    items: [{ id: 'item1', name: '', indicatorId: null, rule: ruleDefaults('proportional'), sequences: [], note: null }],
    flags: { period: 'quarter', red: 3, yellow: 1, yellowStreak: 2 },
    lists: { period: 'quarter', red: 0, black: 0, metItems: [] },
    tieBreak: null,
    leaderboard: { dragon: 3, tiger: 3 },
  };
}

/** A scheme as the editor holds it; the contestants' names go to `names`. */
export function toForm(scheme: CompetitionScheme, names: Record<string, string> = {}): { form: SchemeForm; names: Record<string, string> } {
  const found: Record<string, string> = { ...names };
  const form: SchemeForm = {
    sequences: scheme.sequences.map((s) => ({
      key: s.key,
      name: s.name,
      contestants: s.contestants.map((c) => {
        const id = contestantKey(c);
        if (c.name && !found[id]) found[id] = c.name;
        return id;
      }),
    })),
    items: scheme.items.map((i) => ({ id: i.id, name: i.name, indicatorId: i.indicatorId ?? null, rule: { ...(i.rule as unknown as RuleForm) }, sequences: [...(i.sequences ?? [])], note: i.note ?? null })),
    flags: { ...scheme.flags },
    lists: { ...scheme.lists, metItems: [...scheme.lists.metItems] },
    tieBreak: scheme.tieBreak ?? null,
    leaderboard: { ...scheme.leaderboard },
  };
  return { form, names: found };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : v === '' || v == null ? null : Number.isFinite(Number(v)) ? Number(v) : null);

/** The rule with only its kind's fields, numbers as numbers. */
export function ruleOf(r: RuleForm | undefined): CompetitionRule {
  const kind = r?.kind ?? 'proportional';
  const out: Record<string, unknown> = { kind };
  for (const f of RULE_FIELDS[kind]) {
    const v = r?.[f];
    if (f === 'bands') out[f] = ((v as Array<Record<string, unknown>> | undefined) ?? []).map((b) => ({ from: num(b?.from), to: num(b?.to), points: num(b?.points) }));
    else if (f === 'basis' || f === 'by') out[f] = v ?? (f === 'basis' ? 'auto' : 'value');
    else out[f] = num(v);
  }
  return out as unknown as CompetitionRule;
}

/** The scheme the API takes, from the editor's values. */
export function fromForm(f: Partial<SchemeForm> | undefined, names: Record<string, string> = {}): CompetitionScheme {
  const d = blankScheme();
  return {
    sequences: (f?.sequences ?? []).filter(Boolean).map((s) => ({
      key: s.key,
      name: s.name ?? '',
      contestants: (s.contestants ?? []).map((id) => ({ ...splitContestant(id), ...(names[id] ? { name: names[id] } : {}) })),
    })),
    items: (f?.items ?? []).filter(Boolean).map((i) => ({
      id: i.id,
      name: i.name ?? '',
      indicatorId: readsIndicator(i.rule?.kind) ? (i.indicatorId ?? null) : null,
      rule: ruleOf(i.rule),
      sequences: i.sequences ?? [],
      note: i.note?.trim() ? i.note.trim() : null,
    })),
    flags: { ...d.flags, ...f?.flags },
    lists: { ...d.lists, ...f?.lists, metItems: f?.lists?.metItems ?? [] },
    tieBreak: f?.tieBreak ?? null,
    leaderboard: { ...d.leaderboard, ...f?.leaderboard },
  };
}

/** `scheme.items.2.rule.weight` → ['scheme', 'items', 2, 'rule', 'weight'] (the editor's field name). */
export function issueName(path: string): (string | number)[] {
  return path
    .split(/[.[\]/]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * The field of the editor an issue belongs on: the longest start of its path that names a field
 * (`scheme.sequences.0.contestants.3.unitId` lands on the sequence's contestants).
 */
export function fieldOf(path: string, fields: ReadonlySet<string>, prefix: (string | number)[] = []): (string | number)[] | null {
  const name = [...prefix, ...issueName(path)];
  for (let n = name.length; n > 0; n--) {
    const head = name.slice(0, n);
    if (fields.has(head.join('.'))) return head;
  }
  return null;
}

/** Where an issue is, in words: 计分项「开工率」 · weight. */
export function describeIssue(issue: FieldIssue, f: Partial<SchemeForm> | undefined, words: { item: string; sequence: string }): string {
  const n = issueName(issue.path);
  const at = n[0] === 'scheme' ? n.slice(1) : n;
  const named = (what: string, name: string | undefined, i: number) => (name && issue.message.includes(name) ? issue.message : `${what}「${name || i + 1}」：${issue.message}`);
  if (at[0] === 'items' && typeof at[1] === 'number') return named(words.item, f?.items?.[at[1]]?.name, at[1]);
  if (at[0] === 'sequences' && typeof at[1] === 'number') return named(words.sequence, f?.sequences?.[at[1]]?.name, at[1]);
  return issue.message;
}
