/**
 * A tiny bilingual dictionary: every piece of UI text is a `{ zh, en }` pair (the same shape core uses for role
 * and section labels), chosen by the current locale. zh-CN is the default; the choice is kept in localStorage.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '@jinke/core/common/errors.ts';
import { setRequestLocale } from '../lib/http.ts';

export interface Text {
  zh: string;
  en: string;
}

export type TextVars = Record<string, string | number>;

export const LOCALE_STORAGE_KEY = 'jinke.locale';

export function readStoredLocale(): Locale {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Picks the locale's string and fills `{name}` placeholders. */
export function translate(text: Text, locale: Locale, vars?: TextVars): string {
  const raw = locale === 'en-US' ? text.en : text.zh;
  if (!vars) return raw;
  return raw.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (text: Text, vars?: TextVars) => string;
}

const I18nContext = createContext<I18n | null>(null);

function applyLocale(locale: Locale): void {
  setRequestLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const chosen = initialLocale ?? readStoredLocale();
    // Applied before the first render so the first requests already carry the language.
    applyLocale(chosen);
    return chosen;
  });

  useEffect(() => applyLocale(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (text, vars) => translate(text, locale, vars) }),
    [locale, setLocale],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}
