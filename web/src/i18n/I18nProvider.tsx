import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Labelled } from '@tiaodu/contracts';
import { sharedMessages, type Message, type MessageKey, type Messages } from './messages';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'tiaodu.lang';

export type Params = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Translates a key of the dictionary, filling `{placeholders}`. */
  t: (key: MessageKey, params?: Params) => string;
  /** Label of an enumeration value from the contracts (`.zh` / `.en`). */
  label: (list: readonly Labelled[], value: string | null | undefined) => string;
  /** Options for a Select built from an enumeration of the contracts. */
  options: (list: readonly Labelled[]) => { value: string; label: string }[];
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The dictionary in use: the shared words, then each feature's words as the application adds them. */
const dictionary = new Map<string, Message>(Object.entries(sharedMessages));

/** Adds words to the dictionary (the application adds each feature's at start, see app/messages.ts). */
export function addMessages(messages: Messages): void {
  for (const [key, entry] of Object.entries(messages)) dictionary.set(key, entry);
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const entry = dictionary.get(key);
  if (!entry) return key;
  let text: string = lang === 'en' ? entry[1] : entry[0];
  if (params) {
    for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
  }
  return text;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* storage unavailable (private mode): keep the choice for this page only */
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      label: (list, v) => {
        if (v == null || v === '') return '';
        const item = list.find((i) => i.value === v);
        return item ? item[lang] : v;
      },
      options: (list) => list.map((i) => ({ value: i.value, label: i[lang] })),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
