/**
 * The lesson format: what a teacher builds in the lesson builder and a student opens from a
 * link. A lesson travels in the URL as `lesson=1.<base64url of raw DEFLATE of its JSON>` (the
 * number before the dot is the format version), and is saved to a file as the same JSON.
 *
 * Everything arriving here is untrusted (a link can be edited by anyone): decoding never
 * throws, caps every size before it is spent, and a lesson is used only if it validates in full.
 */
import { Inflate, deflateSync, strToU8 } from 'fflate';
import { parseIsoDate } from './dates.ts';
import { LANGS, type Lang } from './types.ts';

/** The only format version this code reads and writes. */
export const LESSON_VERSION = 1;

/** Limits, stated to the teacher in the builder before they bite. */
export const LESSON_LIMITS = {
  stops: 12,
  title: 100,
  caption: 400,
  prompt: 200,
  option: 100,
  /** Choices in a multiple-choice question. */
  optionsMin: 2,
  optionsMax: 5,
  /** Accepted answers of a free-text question. */
  accepted: 5,
  explanation: 400,
  /** Characters of the `lesson` parameter's value: keeps the whole link under the 8,000 that web servers and LMS editors commonly accept. */
  param: 6000,
  /** Bytes of JSON a link may expand to (a DEFLATE bomb stops here). */
  json: 64_000,
} as const;

export type LessonSpeed = 'slow' | 'normal' | 'fast';
export type LessonNarrative = 'open' | 'closed' | 'none';

/** A multiple-choice question: `correct` is the index of the right option. */
export interface ChoiceQuestion {
  kind: 'choice';
  prompt: string;
  options: string[];
  correct: number;
  explanation: string;
}

/** A free-text question: any of `accepted` is right (compared without case, spacing or punctuation). */
export interface TextQuestion {
  kind: 'text';
  prompt: string;
  accepted: string[];
  explanation: string;
}

export type LessonQuestion = ChoiceQuestion | TextQuestion;

/** A point where playback stops and the teacher's caption (and question) appear. */
export interface LessonStop {
  /** ISO date; the stop is the moment the slider shows on that date (`dayOf`). */
  date: string;
  caption: string;
  question?: LessonQuestion;
}

/** A whole lesson. */
export interface Lesson {
  version: typeof LESSON_VERSION;
  title: string;
  /** ISO dates: the range the lesson plays through. */
  start: string;
  end: string;
  lang: Lang;
  /** Start playing at once (in embeds; the full map never plays by itself). */
  autoplay: boolean;
  speed: LessonSpeed;
  /** The sourced narrative: open, closed or hidden. */
  narrative: LessonNarrative;
  /** The date slider and player. */
  controls: boolean;
  stops: LessonStop[];
}

/** Why a lesson is not usable; each has a message in the catalogues (`lesson.problem.<code>`). */
export type ProblemCode =
  | 'shape' | 'version' | 'title' | 'range' | 'noStops' | 'tooManyStops' | 'stopDate' | 'stopOrder'
  | 'caption' | 'prompt' | 'options' | 'option' | 'correct' | 'accepted' | 'explanation';

/** One problem, with the stop it is in (0-based) when it is in one. */
export interface Problem {
  code: ProblemCode;
  stop?: number;
}

const SPEEDS: readonly LessonSpeed[] = ['slow', 'normal', 'fast'];
const NARRATIVES: readonly LessonNarrative[] = ['open', 'closed', 'none'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string of 1–max characters that is not only spaces (or, with `empty`, 0–max). */
function text(v: unknown, max: number, empty = false): v is string {
  return typeof v === 'string' && v.length <= max && (empty || v.trim().length > 0);
}

function questionProblems(q: unknown, stop: number): Problem[] {
  const out: Problem[] = [];
  if (!isRecord(q) || (q.kind !== 'choice' && q.kind !== 'text')) return [{ code: 'shape', stop }];
  if (!text(q.prompt, LESSON_LIMITS.prompt)) out.push({ code: 'prompt', stop });
  if (!text(q.explanation, LESSON_LIMITS.explanation, true)) out.push({ code: 'explanation', stop });
  if (q.kind === 'choice') {
    const opts = q.options;
    if (!Array.isArray(opts) || opts.length < LESSON_LIMITS.optionsMin || opts.length > LESSON_LIMITS.optionsMax) out.push({ code: 'options', stop });
    else if (!opts.every((o) => text(o, LESSON_LIMITS.option))) out.push({ code: 'option', stop });
    if (!Number.isInteger(q.correct) || !Array.isArray(opts) || (q.correct as number) < 0 || (q.correct as number) >= opts.length) out.push({ code: 'correct', stop });
  } else {
    const acc = q.accepted;
    if (!Array.isArray(acc) || acc.length < 1 || acc.length > LESSON_LIMITS.accepted || !acc.every((a) => text(a, LESSON_LIMITS.option))) out.push({ code: 'accepted', stop });
  }
  return out;
}

/**
 * Everything wrong with a would-be lesson against the pack's date range [packStart, packEnd]
 * (ISO dates); none means it is a valid `Lesson`. The builder shows these to the teacher; a
 * link with any of them is refused.
 */
export function lessonProblems(v: unknown, packStart: string, packEnd: string): Problem[] {
  if (!isRecord(v)) return [{ code: 'shape' }];
  if (v.version !== LESSON_VERSION) return [{ code: 'version' }];
  const out: Problem[] = [];
  const ok = typeof v.autoplay === 'boolean' && typeof v.controls === 'boolean'
    && SPEEDS.includes(v.speed as LessonSpeed) && NARRATIVES.includes(v.narrative as LessonNarrative)
    && (LANGS as readonly unknown[]).includes(v.lang) && Array.isArray(v.stops);
  if (!ok) return [{ code: 'shape' }];
  if (!text(v.title, LESSON_LIMITS.title)) out.push({ code: 'title' });
  const [lo, hi] = [parseIsoDate(packStart) ?? NaN, parseIsoDate(packEnd) ?? NaN];
  const start = parseIsoDate(v.start);
  const end = parseIsoDate(v.end);
  const rangeOk = start !== undefined && end !== undefined && start >= lo && end <= hi && start < end;
  if (!rangeOk) out.push({ code: 'range' });
  const stops = v.stops as unknown[];
  if (stops.length === 0) out.push({ code: 'noStops' });
  if (stops.length > LESSON_LIMITS.stops) return [...out, { code: 'tooManyStops' }];
  let previous = -Infinity;
  stops.forEach((s, i) => {
    if (!isRecord(s)) return void out.push({ code: 'shape', stop: i });
    const day = parseIsoDate(s.date);
    if (day === undefined || (rangeOk && (day < start || day > end))) out.push({ code: 'stopDate', stop: i });
    else if (day <= previous) out.push({ code: 'stopOrder', stop: i });
    else previous = day;
    if (!text(s.caption, LESSON_LIMITS.caption)) out.push({ code: 'caption', stop: i });
    if (s.question !== undefined) out.push(...questionProblems(s.question, i));
  });
  return out;
}

/**
 * A copy of a validated lesson with exactly the known fields (extra keys in a link or file are
 * dropped, so nothing unvalidated reaches the page).
 */
function clean(l: Lesson): Lesson {
  const question = (q: LessonQuestion): LessonQuestion =>
    q.kind === 'choice'
      ? { kind: 'choice', prompt: q.prompt, options: [...q.options], correct: q.correct, explanation: q.explanation }
      : { kind: 'text', prompt: q.prompt, accepted: [...q.accepted], explanation: q.explanation };
  return {
    version: LESSON_VERSION, title: l.title, start: l.start, end: l.end, lang: l.lang, autoplay: l.autoplay,
    speed: l.speed, narrative: l.narrative, controls: l.controls,
    stops: l.stops.map((s) => ({ date: s.date, caption: s.caption, ...(s.question ? { question: question(s.question) } : {}) })),
  };
}

/** Why a link or file could not be read: the catalogues explain each (`lesson.error.<reason>`). */
export type LessonError = 'tooLong' | 'version' | 'encoding' | 'invalid';

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; error: LessonError; problems?: Problem[] };

/** Validates parsed JSON (a file's or a link's) into a clean lesson. */
export function lessonFrom(v: unknown, packStart: string, packEnd: string): LessonResult {
  const problems = lessonProblems(v, packStart, packEnd);
  if (problems.some((p) => p.code === 'version')) return { ok: false, error: 'version' };
  if (problems.length) return { ok: false, error: 'invalid', problems };
  return { ok: true, lesson: clean(v as Lesson) };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Inflates raw DEFLATE data, or undefined if it is corrupt or expands beyond `max` bytes. */
function inflateCapped(data: Uint8Array, max: number): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const stream = new Inflate((chunk, final) => {
    parts.push(chunk);
    size += chunk.length;
    done ||= final;
  });
  // Fed in small pieces so a bomb is stopped after at most one piece's expansion.
  for (let i = 0; i < data.length && size <= max; i += 256) stream.push(data.subarray(i, i + 256), i + 256 >= data.length);
  if (size > max || !done) return undefined;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The `lesson` parameter's value for a lesson: `1.` + base64url(deflate(JSON)). */
export function encodeLesson(lesson: Lesson): string {
  return `${LESSON_VERSION}.${toBase64Url(deflateSync(strToU8(JSON.stringify(clean(lesson))), { level: 9 }))}`;
}

/** Reads a `lesson` parameter's value. Never throws; anything short of a valid lesson is an error. */
export function decodeLesson(param: string, packStart: string, packEnd: string): LessonResult {
  if (param.length > LESSON_LIMITS.param) return { ok: false, error: 'tooLong' };
  const m = /^(\d{1,3})\.([A-Za-z0-9_-]+)$/.exec(param);
  if (!m) return { ok: false, error: 'encoding' };
  if (Number(m[1]) !== LESSON_VERSION) return { ok: false, error: 'version' };
  try {
    const bytes = inflateCapped(fromBase64Url(m[2]), LESSON_LIMITS.json);
    if (!bytes) return { ok: false, error: 'encoding' };
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return lessonFrom(json, packStart, packEnd);
  } catch {
    return { ok: false, error: 'encoding' };
  }
}

/** Reads a saved lesson file's text. Never throws. */
export function parseLessonFile(textContent: string, packStart: string, packEnd: string): LessonResult {
  if (textContent.length > LESSON_LIMITS.json) return { ok: false, error: 'tooLong' };
  try {
    return lessonFrom(JSON.parse(textContent), packStart, packEnd);
  } catch {
    return { ok: false, error: 'encoding' };
  }
}

/** A lesson as the text of a saved file (pretty JSON, readable and diffable). */
export function lessonFileText(lesson: Lesson): string {
  return `${JSON.stringify(clean(lesson), null, 2)}\n`;
}
