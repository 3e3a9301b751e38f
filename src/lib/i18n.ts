/**
 * Message catalogues and language-aware formatting. Every user-facing string comes from here.
 */
import { en, type MessageKey } from '../locales/en.ts';
import { ko } from '../locales/ko.ts';
import { LANGS, type Lang } from './types.ts';
import { partsOf } from './dates.ts';

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, ko };

export type { MessageKey };

/** True if `value` is a supported language code. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * Picks the first supported language from the browser's preference list
 * (e.g. navigator.languages), falling back to English.
 */
export function preferredLang(preferences: readonly string[] | undefined): Lang {
  for (const tag of preferences ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

/** Looks up `key` in `lang`'s catalogue and fills `{name}` placeholders from `vars`. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** `t` for a key built from data (e.g. a unit's branch): the data's own text if no such key. */
export function tData(lang: Lang, key: string, fallback: string): string {
  return key in catalogues[lang] ? t(lang, key as MessageKey) : fallback;
}

/** The date of day number `day` in words: "4 January 1951" / "1951년 1월 4일". */
export function formatDate(lang: Lang, day: number): string {
  const p = partsOf(day);
  const month = t(lang, `month.${p.month}` as MessageKey);
  return t(lang, 'date.long', { day: p.day, month, year: p.year });
}

/** A short date: "4 Jan" / "1월 4일". */
export function formatShortDate(lang: Lang, day: number): string {
  const p = partsOf(day);
  const month = t(lang, `monthShort.${p.month}` as MessageKey);
  return t(lang, 'date.short', { day: p.day, month });
}

/** A distance in kilometres with one decimal, in the language's number format. */
export function formatKm(lang: Lang, km: number): string {
  return t(lang, 'unit.km', { value: km.toFixed(1) });
}
