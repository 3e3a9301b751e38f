/**
 * Message catalogues and language-aware formatting. Every user-facing string comes from here.
 * English is built in; other catalogues are separate chunks a page loads (loadMessages) before
 * it shows text in that language, so an English page never downloads the Korean one.
 */
import { en, type MessageKey } from '../locales/en.ts';
import { LANGS, type Lang } from './types.ts';
import { PARTS_OF_DAY, clockOf, hhmm, isDayStep, partOfDay, partsOf } from './dates.ts';

type Catalogue = Record<MessageKey, string>;

/** English: the built-in catalogue plus the parts pages have added (addEnglish). */
const english: Partial<Catalogue> = { ...en };
const catalogues: Partial<Record<Lang, Partial<Catalogue>>> = { en: english };
const loaders: Record<Lang, () => Promise<Partial<Catalogue>>> = {
  en: () => Promise.resolve(english),
  ko: () => import('../locales/ko.ts').then((m) => m.ko),
};

/**
 * Adds a part of the English catalogue that only some features use (src/locales/en-*.ts): the
 * feature's module adds it, so pages without that feature do not download its messages.
 */
export function addEnglish(part: Partial<Catalogue>): void {
  Object.assign(english, part);
}

/** True once `lang`'s catalogue is loaded (English always is). */
export function hasMessages(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

/** Loads `lang`'s catalogue (once). Until it is in, `t` answers in English. */
export async function loadMessages(lang: Lang): Promise<void> {
  catalogues[lang] ??= await loaders[lang]();
}

function catalogue(lang: Lang): Partial<Catalogue> {
  return catalogues[lang] ?? english;
}

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
  // A key of a part not added yet reads as the key itself (never a crash).
  const template = catalogue(lang)[key] ?? english[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** `t` for a key built from data (e.g. a unit's branch): the data's own text if no such key. */
export function tData(lang: Lang, key: string, fallback: string): string {
  return key in catalogue(lang) ? t(lang, key as MessageKey) : fallback;
}

/** The date of day number `day` in words: "4 January 1951" / "1951년 1월 4일". */
export function formatDate(lang: Lang, day: number): string {
  const p = partsOf(day);
  const month = t(lang, `month.${p.month}` as MessageKey);
  return t(lang, 'date.long', { day: p.day, month, year: p.year });
}

/**
 * A moment in words: on a day step the date alone ("4 January 1951", the end of that day);
 * between steps the date with the part of the day and the clock time
 * ("5 January 1951, morning (09:00)" / "1951년 1월 5일 오전(09:00)").
 */
export function formatMoment(lang: Lang, day: number): string {
  const date = formatDate(lang, day);
  if (isDayStep(day)) return date;
  const { minutes } = clockOf(day);
  return t(lang, 'date.withTime', { date, part: t(lang, `time.${partOfDay(minutes)}`), time: hhmm(minutes) });
}

/**
 * The moment the page shows (the date over the map, the slider's value and the map's name):
 * while playback runs, the date alone — its hour would change in every frame, too fast to read,
 * and each change costs the page a layout and a repaint beside the map's (issue 14, figure b);
 * paused, stepped or dragged, the moment with its hour (`formatMoment`).
 */
export function formatShownMoment(lang: Lang, day: number, playing: boolean): string {
  return playing ? formatDate(lang, day) : formatMoment(lang, day);
}

/**
 * The moment of `day` at its widest, for the room kept for it on the page: its date with the
 * longest part of the day and an hour. Text laid out in that room keeps its lines as the hour
 * comes and goes (playing, paused) and the part of the day changes.
 */
export function formatWidestMoment(lang: Lang, day: number): string {
  const part = PARTS_OF_DAY.map((p) => t(lang, `time.${p}`)).reduce((a, b) => (b.length > a.length ? b : a));
  return t(lang, 'date.withTime', { date: formatDate(lang, day), part, time: '00:00' });
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
