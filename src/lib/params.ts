/**
 * URL parameters: parsed by one module that never throws. Unknown keys are ignored; a bad
 * value falls back to its default and yields a notice for the user.
 */
import type { Lang } from './types.ts';
import { clampDay, isoOf, parseIsoDate } from './dates.ts';
import { isLang, type MessageKey } from './i18n.ts';

/** A message for the user about a parameter that could not be used as given. */
export interface Notice {
  key: MessageKey;
  vars: Record<string, string>;
}

/** Parameters of the full map page. */
export interface AppParams {
  /** Day number to open; the pack start when absent or unusable. */
  day: number;
  /** Language asked for in the URL, if valid. */
  lang?: Lang;
  notices: Notice[];
}

/** Longest parameter value echoed back in a notice (values are shown as text, never HTML). */
const ECHO_MAX = 40;

function echo(value: string): string {
  return value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX)}…` : value;
}

function searchParams(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}

/** Parses the page's query string against the pack's date range [start, end] (day numbers). */
export function parseAppParams(search: string, start: number, end: number): AppParams {
  const q = searchParams(search);
  const notices: Notice[] = [];
  let day = start;
  const rawDate = q.get('date');
  if (rawDate !== null) {
    const parsed = parseIsoDate(rawDate);
    if (parsed === undefined) {
      notices.push({ key: 'notice.badDate', vars: { value: echo(rawDate), fallback: isoOf(start) } });
    } else {
      day = clampDay(parsed, start, end);
      if (day !== parsed) notices.push({ key: 'notice.dateOutOfRange', vars: { value: rawDate, fallback: isoOf(day) } });
    }
  }
  const rawLang = q.get('lang');
  let lang: Lang | undefined;
  if (rawLang !== null) {
    if (isLang(rawLang)) lang = rawLang;
    else notices.push({ key: 'notice.badLang', vars: { value: echo(rawLang) } });
  }
  return { day, lang, notices };
}

/**
 * The page URL for a date and language, keeping every other parameter as it was.
 * Used with history.replaceState so the address follows the slider without new entries.
 */
export function urlFor(href: string, iso: string, lang: Lang): string {
  const url = new URL(href);
  url.searchParams.set('date', iso);
  url.searchParams.set('lang', lang);
  return url.toString();
}
