import { useCallback, useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { en } from './locales/en';
import { vi, type MessageKey } from './locales/vi';

export type { MessageKey };
export type Lang = 'vi' | 'en';
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const STORAGE_KEY = 'giaoban.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be disabled (private mode, policies): Vietnamese is the product's default.
    return 'vi';
  }
}

let current: Lang = readStoredLang();
const listeners = new Set<() => void>();

/** Side effects outside React that must follow the language: <html lang> and dayjs. */
function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang);
}
applyLang(current);

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted: the choice still holds for this page load.
  }
  applyLang(lang);
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

/** Looks a key up in a language and fills `{param}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params?: TranslateParams): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The current language, a setter, and `t` bound to it; re-renders every user on a switch. */
export function useI18n(): { lang: Lang; setLang: (lang: Lang) => void; t: Translate } {
  const lang = useSyncExternalStore(subscribe, getLang);
  const t = useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
  return { lang, setLang, t };
}
