/**
 * URL parameters: parsed by one module that never throws. Unknown keys are ignored; a bad
 * value falls back to its default and yields a notice for the user.
 */
import type { Lang, Manifest } from './types.ts';
import { clampDay, dayOf, isoOf, parseIsoDate } from './dates.ts';
import { isLang, type MessageKey } from './i18n.ts';
import type { Lesson, LessonResult } from './lesson.ts';

/** A message for the user about a parameter that could not be used as given. */
export interface Notice {
  key: MessageKey;
  vars: Record<string, string>;
}

/** Date, language and range: what every page reads from its URL. */
export interface PageParams {
  /** Day number to open, inside [start, end]; `start` when absent or unusable. */
  day: number;
  /** Language asked for in the URL, if valid. */
  lang?: Lang;
  /** The slider's range (day numbers), narrowed by `start` and `end`; the pack's by default. */
  start: number;
  end: number;
  /** The lesson in `?lesson=`, if there is one and it is valid in full. */
  lesson?: Lesson;
  /** `compare=A,B`: open compare mode on these two calendar dates (both inside the range). */
  compare?: CompareDates;
  notices: Notice[];
}

/** Compare mode's two calendar dates, A then B (`YYYY-MM-DD`, A may be after B). */
export type CompareDates = readonly [string, string];
/** Compare mode's two ways of showing A and B on one map. */
export type CompareView = 'swipe' | 'overlay';

/** Parameters of the full map page. */
export interface AppParams extends PageParams {
  /** `present=1`: open in present mode (full screen, large date and phase, for a projector). */
  present: boolean;
  /** `download=video` or `download=picture`: open that export dialog (the lesson builder's video link). */
  download?: 'video' | 'picture';
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

/** The language asked for with `?lang=`, if it is one we have (read before any data loads). */
export function langParam(search: string): Lang | undefined {
  const raw = searchParams(search).get('lang');
  return isLang(raw) ? raw : undefined;
}

/** Decodes a `?lesson=` value against the pack's range (lesson.ts `decodeLesson`). */
export type LessonDecoder = (param: string, packStart: string, packEnd: string) => LessonResult;

/**
 * The lesson decoder, loaded only when the link carries a lesson: it brings the lesson's
 * schema and the inflater, which a page without a lesson never downloads.
 */
export async function lessonDecoder(search: string): Promise<LessonDecoder | undefined> {
  return hasLesson(search) ? (await import('./lesson.ts')).decodeLesson : undefined;
}

/**
 * The language a lesson in the link opens the page in, where the link names none (`lang=`
 * absent): the lesson's own if it is usable in the range of the pack (`manifest` reads its
 * manifest), as the page will read it, else undefined. Undefined at once for any other link
 * (nothing to wait for); the promise never rejects.
 */
export function lessonLang(search: string, manifest: () => Promise<unknown>): Promise<Lang | undefined> | undefined {
  const q = searchParams(search);
  const raw = q.get('lesson');
  if (raw === null || q.has('lang')) return undefined;
  return Promise.all([lessonDecoder(search), manifest()])
    .then(([decode, m]) => {
      const result = decode?.(raw, (m as Manifest).start, (m as Manifest).end);
      return result?.ok ? result.lesson.lang : undefined;
    })
    .catch(() => undefined);
}

/** True if the query string carries `?lesson=`. */
export function hasLesson(search: string): boolean {
  return searchParams(search).has('lesson');
}

/**
 * Whether the embed may show the narrative's paragraphs in its first view: the link opens the
 * narrative (`narrative=open`), or carries a lesson, which may. Read before the data loads
 * (the embed otherwise loads the paragraphs after its first view).
 */
export function narrativeOpenAtOnce(search: string): boolean {
  const q = searchParams(search);
  return q.get('narrative') === 'open' || q.has('lesson');
}

/**
 * Reads `?lesson=` against the pack's range and returns the query string with the lesson's
 * settings (range, language, playback, panels) filled in wherever the URL does not give them,
 * so one set of parsers checks them all; a lesson always opens on its first day. A broken or
 * tampered lesson is dropped with a notice, leaving the plain map.
 */
export function expandLesson(search: string, packStart: number, packEnd: number, decode: LessonDecoder | undefined): { search: string; lesson?: Lesson; notices: Notice[] } {
  const q = searchParams(search);
  const raw = q.get('lesson');
  q.delete('lesson');
  if (raw === null) return { search: q.toString(), notices: [] };
  // Without the decoder (see lessonDecoder) the lesson cannot be read: the plain map opens.
  const result: LessonResult = decode ? decode(raw, isoOf(packStart), isoOf(packEnd)) : { ok: false, error: 'invalid' };
  if (!result.ok) return { search: q.toString(), notices: [{ key: `notice.lesson.${result.error}`, vars: {} }] };
  const l = result.lesson;
  const defaults: Record<string, string> = {
    start: l.start, end: l.end, lang: l.lang, autoplay: l.autoplay ? '1' : '0', speed: l.speed, narrative: l.narrative, controls: l.controls ? '1' : '0',
  };
  for (const [name, value] of Object.entries(defaults)) if (!q.has(name)) q.set(name, value);
  q.set('date', l.start);
  return { search: q.toString(), lesson: l, notices: [] };
}

/** The date asked for with `?date=`, clamped into [start, end]; `start` when absent or bad. */
function dateParam(q: URLSearchParams, start: number, end: number, notices: Notice[]): number {
  const rawDate = q.get('date');
  if (rawDate === null) return start;
  const parsed = parseIsoDate(rawDate);
  if (parsed === undefined) {
    notices.push({ key: 'notice.badDate', vars: { value: echo(rawDate), fallback: isoOf(start) } });
    return start;
  }
  const day = clampDay(parsed, start, end);
  if (day !== parsed) notices.push({ key: 'notice.dateOutOfRange', vars: { value: rawDate, fallback: isoOf(day) } });
  return day;
}

/**
 * Two calendar dates `A,B` inside [start, end] (day numbers), as `compare=` and the
 * setCompare message give them; undefined for anything else.
 */
export function parseCompareDates(raw: unknown, start: number, end: number): CompareDates | undefined {
  const parts = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : [];
  if (parts.length !== 2 || !parts.every((p) => typeof p === 'string')) return undefined;
  const days = parts.map((p) => parseIsoDate(p as string));
  if (days.some((d) => d === undefined || d < start || d > end)) return undefined;
  return [parts[0] as string, parts[1] as string];
}

/** `compare=A,B`, checked against the range; a bad value is dropped with a notice. */
function compareParam(q: URLSearchParams, start: number, end: number, notices: Notice[]): CompareDates | undefined {
  const raw = q.get('compare');
  if (raw === null) return undefined;
  const dates = parseCompareDates(raw, start, end);
  if (!dates) notices.push({ key: 'notice.badCompare', vars: { value: echo(raw), start: isoOf(start), end: isoOf(end) } });
  return dates;
}

/** Date, language and the `start`/`end` range, shared by the app and the embed. */
function pageParams(q: URLSearchParams, packStart: number, packEnd: number, notices: Notice[]): PageParams {
  let start = bound(q, 'start', packStart, packEnd, notices) ?? packStart;
  let end = bound(q, 'end', packStart, packEnd, notices) ?? packEnd;
  if (end < start) {
    notices.push({ key: 'notice.badParam', vars: { name: 'end', value: isoOf(end) } });
    [start, end] = [packStart, packEnd];
  }
  const day = dateParam(q, start, end, notices);
  const rawLang = q.get('lang');
  let lang: Lang | undefined;
  if (rawLang !== null) {
    if (isLang(rawLang)) lang = rawLang;
    else notices.push({ key: 'notice.badLang', vars: { value: echo(rawLang) } });
  }
  const compare = compareParam(q, start, end, notices);
  return { day, lang, start, end, ...(compare ? { compare } : {}), notices };
}

/**
 * Parses the full map page's query string against the pack's date range [packStart, packEnd]
 * (day numbers). Like the embed, `start` and `end` narrow the slider's range. A lesson is read
 * with `decode` (see lessonDecoder). Never throws.
 */
export function parseAppParams(search: string, packStart: number, packEnd: number, decode?: LessonDecoder): AppParams {
  const expanded = expandLesson(search, packStart, packEnd, decode);
  const q = searchParams(expanded.search);
  const notices: Notice[] = [...expanded.notices];
  const lesson = expanded.lesson;
  // A lesson plays within its own range.
  const [first, last] = lesson ? [dayOf(lesson.start), dayOf(lesson.end)] : [packStart, packEnd];
  const { compare, ...page } = pageParams(q, first, last, notices);
  const present = flag(q, 'present', false, notices);
  const download = choice(q, 'download', ['none', 'video', 'picture'] as const, 'none', notices);
  const compared = compareUnless(compare, lesson ? 'lesson' : present ? 'present' : undefined, notices);
  return { ...page, ...compared, ...(lesson ? { lesson } : {}), present, ...(download !== 'none' ? { download } : {}), notices };
}

/**
 * `compare=` in a link that also opens a lesson or present mode, which show one date: compare
 * gives way to them, and a notice says so (it is not dropped silently).
 */
function compareUnless(compare: CompareDates | undefined, mode: 'lesson' | 'present' | undefined, notices: Notice[]): { compare?: CompareDates } {
  if (!compare || !mode) return compare ? { compare } : {};
  notices.push({ key: mode === 'lesson' ? 'notice.compareInLesson' : 'notice.compareInPresent', vars: {} });
  return {};
}

/**
 * The page URL for a date and language, keeping every other parameter as it was.
 * Used with history.replaceState so the address follows the slider without new entries.
 */
export function urlFor(href: string, iso: string, lang: Lang, compare?: CompareDates): string {
  const url = new URL(href);
  // `download=` opens its dialog once: the address bar (and a reload or a copied link) drops it.
  url.searchParams.delete('download');
  url.searchParams.set('date', iso);
  url.searchParams.set('lang', lang);
  if (compare) url.searchParams.set('compare', compare.join(','));
  else url.searchParams.delete('compare');
  // A comma is allowed in a query: keep `compare=A,B` readable in the address bar and links.
  return url.toString().replace(/([?&]compare=[\d-]+)%2C([\d-]+)/, '$1,$2');
}

/** Playback speeds offered by the player, in days of campaign time per second. */
export const SPEEDS = { slow: 0.5, normal: 1, fast: 3 } as const;
export type Speed = keyof typeof SPEEDS;

/** Parameters of the embed page. */
export interface EmbedParams extends PageParams {
  autoplay: boolean;
  speed: Speed;
  narrative: 'open' | 'closed' | 'none';
  controls: boolean;
  interactive: boolean;
  /** The only origin whose messages are obeyed, and the target of outbound messages. */
  parentOrigin?: string;
}

function flag(q: URLSearchParams, name: string, fallback: boolean, notices: Notice[]): boolean {
  const raw = q.get(name);
  if (raw === null) return fallback;
  if (['1', 'true', 'yes', ''].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  notices.push({ key: 'notice.badParam', vars: { name, value: echo(raw) } });
  return fallback;
}

function choice<T extends string>(q: URLSearchParams, name: string, options: readonly T[], fallback: T, notices: Notice[]): T {
  const raw = q.get(name);
  if (raw === null) return fallback;
  if ((options as readonly string[]).includes(raw)) return raw as T;
  notices.push({ key: 'notice.badParam', vars: { name, value: echo(raw) } });
  return fallback;
}

function bound(q: URLSearchParams, name: string, min: number, max: number, notices: Notice[]): number | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  const d = parseIsoDate(raw);
  if (d === undefined || d < min || d > max) {
    notices.push({ key: 'notice.badParam', vars: { name, value: echo(raw) } });
    return undefined;
  }
  return d;
}

/** An origin as `scheme://host[:port]`, or undefined if `raw` is not an http(s) origin. */
export function parseOrigin(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Parses the embed page's query string; a lesson is read with `decode` (see lessonDecoder).
 * Never throws: every bad value falls back to its default with a notice, unknown keys are ignored.
 */
export function parseEmbedParams(search: string, packStart: number, packEnd: number, decode?: LessonDecoder): EmbedParams {
  const expanded = expandLesson(search, packStart, packEnd, decode);
  search = expanded.search;
  const q = searchParams(search);
  const notices: Notice[] = [...expanded.notices];
  const { compare, ...page } = pageParams(q, packStart, packEnd, notices);
  const rawOrigin = q.get('parentOrigin');
  let parentOrigin: string | undefined;
  if (rawOrigin !== null) {
    parentOrigin = parseOrigin(rawOrigin);
    if (!parentOrigin) notices.push({ key: 'notice.badParam', vars: { name: 'parentOrigin', value: echo(rawOrigin) } });
  }
  const autoplay = flag(q, 'autoplay', false, notices);
  const speed = choice(q, 'speed', Object.keys(SPEEDS) as Speed[], 'normal', notices);
  const narrative = choice(q, 'narrative', ['open', 'closed', 'none'] as const, 'closed', notices);
  const controls = flag(q, 'controls', true, notices);
  const interactive = flag(q, 'interactive', true, notices);
  const compared = compareUnless(compare, expanded.lesson ? 'lesson' : undefined, notices);
  return { ...page, ...compared, ...(expanded.lesson ? { lesson: expanded.lesson } : {}), notices, autoplay, speed, narrative, controls, interactive, parentOrigin };
}
