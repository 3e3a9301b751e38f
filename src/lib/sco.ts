/**
 * What the SCORM page needs to know of the map, kept pure: the map it frames (and with which
 * parameters), which phases count for completion, and the embed's messages it listens to.
 */
import type { Manifest } from './types.ts';

// Nothing here is imported from modules the map's pages share: the SCO page stays one small
// script, and the pages' first view gains no extra shared chunk.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of a valid YYYY-MM-DD date (UTC), else undefined. */
function dateMs(text: string | null | undefined): number | undefined {
  const m = text ? ISO_DATE.exec(text) : null;
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}


/** Parameters of the SCO's own address passed on to the map (the embed validates them). */
const PASSED_ON = ['lang', 'lesson', 'start', 'end', 'speed', 'autoplay', 'narrative', 'date'] as const;

/**
 * The map the SCO frames: the embed with the SCO's own parameters, the narrative open unless
 * asked otherwise, the SCO's origin as the only origin it talks to, and the date to resume at.
 */
export function scoFrameUrl(search: string, origin: string, resumeDate?: string): string {
  let given: URLSearchParams;
  try {
    given = new URLSearchParams(search);
  } catch {
    given = new URLSearchParams();
  }
  const out = new URLSearchParams();
  for (const key of PASSED_ON) {
    const value = given.get(key);
    if (value !== null) out.set(key, value);
  }
  if (resumeDate) out.set('date', resumeDate);
  if (!out.has('narrative')) out.set('narrative', 'open');
  // An opaque origin ("null", e.g. a sandboxed LMS frame) cannot be named: then the embed
  // posts to its parent without naming it, and this page checks the message's source itself.
  if (/^https?:\/\//.test(origin)) out.set('parentOrigin', origin);
  return `embed.html?${out.toString()}`;
}

/** Ids of the phases that overlap the range the SCO shows (its start/end parameters, else the pack's). */
export function phasesInRange(manifest: Pick<Manifest, 'start' | 'end' | 'phases'>, search: string): string[] {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    q = new URLSearchParams();
  }
  const packStart = dateMs(manifest.start) ?? -Infinity;
  const packEnd = dateMs(manifest.end) ?? Infinity;
  const start = Math.max(packStart, dateMs(q.get('start')) ?? packStart);
  const end = Math.min(packEnd, dateMs(q.get('end')) ?? packEnd);
  return manifest.phases
    .filter((p, i) => {
      const from = dateMs(p.start) ?? packStart;
      const next = manifest.phases[i + 1];
      const to = next ? (dateMs(next.start) ?? packEnd) - 1 : packEnd;
      return from <= end && to >= start;
    })
    .map((p) => p.id);
}

/**
 * A lesson SCO's goal from its own parameters (`stops`, `questions`, written by
 * `npm run package -- --lesson`): undefined for a SCO without a lesson.
 */
export function lessonGoal(search: string): { stops: number; questions: number } | undefined {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    return undefined;
  }
  const count = (name: string) => {
    const raw = q.get(name);
    return raw !== null && /^\d{1,3}$/.test(raw) ? Number(raw) : undefined;
  };
  const stops = count('stops');
  const questions = count('questions');
  if (!q.get('lesson') || !stops || questions === undefined || questions > stops) return undefined;
  return { stops, questions };
}

/** A report from the framed map that the SCO passes to the LMS. */
export type ScoMessage =
  | { type: 'date'; date: string; phase: string }
  | { type: 'stop'; stop: number }
  | { type: 'answer'; stop: number; correct: boolean };

/** Reads an embed → host message; undefined for anything else or anything malformed. */
export function parseScoMessage(data: unknown): ScoMessage | undefined {
  try {
    if (typeof data !== 'object' || data === null) return undefined;
    const d = data as Record<string, unknown>;
    if ((d.type === 'campaign-map:ready' || d.type === 'campaign-map:datechange') && typeof d.date === 'string' && typeof d.phase === 'string') {
      return dateMs(d.date) !== undefined && d.phase.length <= 64 ? { type: 'date', date: d.date, phase: d.phase } : undefined;
    }
    if (d.type === 'campaign-map:stop' && Number.isInteger(d.stop) && (d.stop as number) >= 0) return { type: 'stop', stop: d.stop as number };
    if (d.type === 'campaign-map:answer' && Number.isInteger(d.stop) && (d.stop as number) >= 0 && typeof d.correct === 'boolean') {
      return { type: 'answer', stop: d.stop as number, correct: d.correct };
    }
  } catch {
    // A hostile object (throwing getter) is not a message.
  }
  return undefined;
}
