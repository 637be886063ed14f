/**
 * Near names: how ledgers write the units and leaders a platform has registered under other
 * forms. "县水利局", "水利局", "桐庐县水利局" and "桐庐水利局" are one unit of 桐庐县;
 * "刘卫东", "刘卫东同志" and "刘 卫东" are one person. Pure: keys to compare, nothing else.
 */
import { compactText } from '../../../../lib/xlsx/text.js';

const HONORIFIC = /(同志|先生|女士)$/;
const TRAILING_TITLE = /(常务副县长|副县长|县长|副市长|市长|副区长|区长|副书记|书记|副主任|主任|副局长|局长|副部长|部长|镇长|乡长|主席|委员|常委|秘书长)$/;

/** The key of a person's name: spaces (full-width too) gone, 同志/先生/女士 and a trailing title dropped. */
export function personKey(name: string): string {
  let k = compactText(name).replace(/\(.*?\)$/, '');
  for (let i = 0; i < 2; i++) {
    const h = k.replace(HONORIFIC, '');
    const t = h.replace(TRAILING_TITLE, '');
    k = t.length >= 2 ? t : h.length >= 2 ? h : k;
  }
  return k;
}

/** The title a name carries at its end ("刘卫东副县长" → 副县长), if any. */
export function trailingTitle(name: string): string | null {
  const k = compactText(name).replace(HONORIFIC, '');
  const m = TRAILING_TITLE.exec(k);
  return m && k.length - m[0].length >= 2 ? m[0] : null;
}

/**
 * The key of a unit's name: spaces gone, a trailing remark in brackets dropped ("（牵头）"), the
 * region's name in front dropped (full or without its suffix: 桐庐县 / 桐庐), then a lone
 * 县/市/区 in front ("县水利局" → 水利局).
 */
export function unitKey(text: string, regionNames: readonly string[]): string {
  let k = compactText(text).replace(/\([^()]*\)$/, '');
  const prefixes = [...regionNames].map(compactText).filter((p) => p.length >= 2).sort((a, b) => b.length - a.length);
  for (const p of prefixes) {
    if (k.startsWith(p) && k.length - p.length >= 2) {
      k = k.slice(p.length);
      break;
    }
  }
  if (/^[县市区]/.test(k) && k.length >= 3) k = k.slice(1);
  return k;
}
