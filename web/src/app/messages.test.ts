import { describe, expect, it } from 'vitest';
import { sharedMessages } from '../i18n';
import { FEATURES } from '../features';
import { assembleMessages } from './messages';
import { MENU } from './menu';

/** The sources of the web app, by path relative to this folder. */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/messages.ts'], { query: '?raw', import: 'default', eager: true });

/** The keys a source file names literally: `t('…')`, `translate(lang, '…')`, `label: '…'`, `key: '…'` in a typed record. */
function keysUsed(source: string): string[] {
  const found = [
    ...source.matchAll(/\bt\(\s*'([^']+)'/g),
    ...source.matchAll(/\btranslate\([^,]+,\s*'([^']+)'/g),
    ...source.matchAll(/\b(?:label|title|key):\s*'([A-Za-z]+\.[A-Za-z0-9_.]+)'/g),
  ].map((m) => m[1]!);
  return [...new Set(found)];
}

describe('the dictionary', () => {
  const { messages, duplicates } = assembleMessages(FEATURES);

  it('has no key defined twice, by two features or by a feature and the shared words', () => {
    expect(duplicates).toEqual([]);
  });

  it('has a Chinese and an English text for every key', () => {
    for (const [key, [zh, en]] of Object.entries(messages)) {
      expect(typeof zh === 'string' && zh.length > 0, `${key} zh`).toBe(true);
      expect(typeof en === 'string' && en.length > 0, `${key} en`).toBe(true);
    }
  });

  it('has every key the features, the layout and the components use', () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(100);
    const missing = Object.entries(sources).flatMap(([file, source]) => keysUsed(source).filter((k) => !(k in messages)).map((k) => `${file}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('has the label of every menu entry and group', () => {
    const labels = MENU.flatMap((m) => ('children' in m ? [m.label, ...m.children.map((c) => c.label)] : [m.label]));
    expect(labels.filter((l) => !(l in messages))).toEqual([]);
  });

  it('keeps in the shared words only what is not a feature’s own', () => {
    const shared = Object.keys(sharedMessages);
    expect(shared.filter((k) => !/^(app|common|layout)\.|^nav\.(dispatch|org)$/.test(k))).toEqual([]);
  });
});
