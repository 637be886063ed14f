/**
 * Resolution of the text references of a row (region, lead unit, leaders, owner enterprise)
 * against the organisation's records, as pure functions over lookup tables loaded by the
 * repository. Ambiguity prefers what lies inside the importing user's scope.
 */
import { regionPrefix } from '@tiaodu/contracts';
import type { SessionUser } from '../../../../core/context.js';
import { regionInScope } from '../../../../core/scope.js';
import { compactText } from '../../../../lib/xlsx/text.js';
import type { PersonRef } from './values.js';
import { personKey, unitKey } from './names.js';

/** A reference resolved (`near` when only the near-name form matched), or why not; `unknown` when nothing is registered under the name. */
export type Resolved<T> = { ok: true; value: T; near?: boolean } | { ok: false; error: string; unknown?: boolean };

export interface RegionRef {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}
export interface DeptRef {
  id: number;
  name: string;
  shortName: string | null;
  regionCode: string;
}
export interface LeaderRef {
  id: number;
  displayName: string;
  title: string | null;
}

const REGION_SUFFIX = /(经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区|产业园区|工业园区|园区|管委会|街道办事处|街道|办事处|自治县|自治州|地区|盟|旗|镇|乡|县|区|市|省)$/;

/** "横村镇" → "横村", "桐君街道" → "桐君"; names that are only a suffix stay as they are. */
export function stripRegionSuffix(name: string): string {
  const t = compactText(name);
  const s = t.replace(REGION_SUFFIX, '');
  return s.length >= 2 ? s : t;
}

export class RegionIndex {
  private byCode = new Map<string, RegionRef>();
  private byName = new Map<string, RegionRef[]>();
  constructor(readonly regions: RegionRef[]) {
    for (const r of regions) {
      this.byCode.set(r.code, r);
      for (const k of new Set([compactText(r.name), stripRegionSuffix(r.name)])) {
        const list = this.byName.get(k) ?? [];
        list.push(r);
        this.byName.set(k, list);
      }
    }
  }

  get(code: string): RegionRef | undefined {
    return this.byCode.get(code);
  }

  /** The names (full and without suffix) of provinces, cities and counties: prefixes a unit's name may carry. */
  prefixNames(): string[] {
    const out = new Set<string>();
    for (const r of this.regions) {
      if (r.level !== 'province' && r.level !== 'city' && r.level !== 'county') continue;
      out.add(compactText(r.name));
      out.add(stripRegionSuffix(r.name));
    }
    return [...out];
  }

  hasChildren(code: string): boolean {
    return this.regions.some((r) => r.parentCode === code);
  }

  private ancestors(r: RegionRef): RegionRef[] {
    const out: RegionRef[] = [];
    for (let p = r.parentCode ? this.byCode.get(r.parentCode) : undefined; p; p = p.parentCode ? this.byCode.get(p.parentCode) : undefined) out.push(p);
    return out;
  }

  /** Regions a text may name: a code, a name with or without its suffix, or "县名+镇名". */
  candidates(text: string): RegionRef[] {
    const t = compactText(text);
    if (/^\d{6}(\d{3})?$/.test(t)) {
      const r = this.byCode.get(t);
      return r ? [r] : [];
    }
    const direct = this.byName.get(t) ?? this.byName.get(stripRegionSuffix(t));
    if (direct?.length) return direct;
    const out = new Set<RegionRef>();
    for (let i = 2; i < t.length - 1; i++) {
      const head = t.slice(0, i);
      for (const r of this.byName.get(t.slice(i)) ?? []) {
        if (this.ancestors(r).some((a) => head.endsWith(compactText(a.name)) || head.endsWith(stripRegionSuffix(a.name)))) out.add(r);
      }
    }
    return [...out];
  }

  /** The region a cell names, among those the user may write to. */
  match(text: string, user: SessionUser): Resolved<RegionRef> {
    const cands = this.candidates(text);
    if (!cands.length) return { ok: false, error: `无法识别的所属区域「${text}」，请填写系统中已有的区域名称或区划代码` };
    const inScope = cands.filter((r) => regionInScope(user, r.code));
    if (!inScope.length) return { ok: false, error: `所属区域「${text}」不在您的管辖范围内` };
    if (inScope.length === 1) return { ok: true, value: inScope[0]! };
    return { ok: false, error: `所属区域「${text}」有重名（${inScope.map((r) => r.code).join('、')}），请填写区划代码` };
  }
}

/** Lead units by full name, short name, or the name without its region ("交通运输局", "县交通运输局"). */
export class DeptIndex {
  private byKey = new Map<string, DeptRef[]>();
  private byNear = new Map<string, DeptRef[]>();
  private prefixes: string[];
  constructor(depts: DeptRef[], regions: RegionIndex) {
    this.prefixes = regions.prefixNames();
    for (const d of depts) {
      const keys = new Set<string>([compactText(d.name)]);
      if (d.shortName) keys.add(compactText(d.shortName));
      const region = regions.get(d.regionCode);
      if (region) {
        const rn = compactText(region.name);
        const name = compactText(d.name);
        for (const prefix of [rn, stripRegionSuffix(rn)]) {
          if (name.startsWith(prefix) && name.length > prefix.length + 1) {
            const rest = name.slice(prefix.length);
            keys.add(rest);
            const levelWord = rn.slice(-1);
            if (/[县市区镇乡]/.test(levelWord)) keys.add(levelWord + rest);
          }
        }
      }
      for (const k of keys) {
        const list = this.byKey.get(k) ?? [];
        if (!list.includes(d)) list.push(d);
        this.byKey.set(k, list);
      }
      for (const k of new Set([d.name, ...(d.shortName ? [d.shortName] : [])].map((n) => unitKey(n, this.prefixes)))) {
        const list = this.byNear.get(k) ?? [];
        if (!list.includes(d)) list.push(d);
        this.byNear.set(k, list);
      }
    }
  }

  /** The key under which a unit's name is compared with near names. */
  nearKey(text: string): string {
    return unitKey(text, this.prefixes);
  }

  match(text: string, projectRegion: string | null, user: SessionUser): Resolved<DeptRef> {
    let cands = this.byKey.get(compactText(text)) ?? [];
    let near = false;
    if (!cands.length) {
      cands = this.byNear.get(this.nearKey(text)) ?? [];
      near = cands.length > 0;
    }
    if (!cands.length) return { ok: false, unknown: true, error: `未找到牵头单位「${text}」，请填写系统中已登记的单位名称或简称` };
    if (cands.length === 1) return { ok: true, value: cands[0]!, near };
    let narrowed = projectRegion ? cands.filter((d) => projectRegion.startsWith(regionPrefix(d.regionCode))) : cands;
    if (narrowed.length > 1) {
      const inScope = narrowed.filter((d) => regionInScope(user, d.regionCode));
      if (inScope.length) narrowed = inScope;
    }
    if (narrowed.length > 1 && projectRegion) {
      // The unit closest to the project's region.
      const longest = Math.max(...narrowed.map((d) => regionPrefix(d.regionCode).length));
      narrowed = narrowed.filter((d) => regionPrefix(d.regionCode).length === longest);
    }
    if (narrowed.length === 1) return { ok: true, value: narrowed[0]!, near };
    return { ok: false, error: `牵头单位「${text}」有重名，请填写单位全称` };
  }
}

export class LeaderIndex {
  private byName = new Map<string, LeaderRef[]>();
  private byNear = new Map<string, LeaderRef[]>();
  constructor(leaders: LeaderRef[]) {
    for (const l of leaders) {
      for (const [map, k] of [
        [this.byName, compactText(l.displayName)],
        [this.byNear, personKey(l.displayName)],
      ] as const) {
        const list = map.get(k) ?? [];
        list.push(l);
        map.set(k, list);
      }
    }
  }

  match(p: PersonRef): Resolved<LeaderRef> {
    let cands = this.byName.get(compactText(p.name)) ?? [];
    let near = false;
    if (!cands.length) {
      cands = this.byNear.get(personKey(p.name)) ?? [];
      near = cands.length > 0;
    }
    if (!cands.length) return { ok: false, unknown: true, error: `未找到包保领导「${p.text}」（须为系统中已登记的领导）` };
    if (cands.length === 1) return { ok: true, value: cands[0]!, near };
    const title = p.title ? compactText(p.title) : null;
    const byTitle = title ? cands.filter((l) => l.title && (compactText(l.title) === title || compactText(l.title).includes(title))) : [];
    if (byTitle.length === 1) return { ok: true, value: byTitle[0]!, near };
    return { ok: false, error: `包保领导「${p.text}」有重名，请在姓名后的括号中注明职务，如「${p.name}（副县长）」` };
  }
}
