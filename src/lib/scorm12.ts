/**
 * SCORM 1.2 for the packaged map: finding the LMS's API, and what the map reports to it
 * (status, score, the date to resume at). Pure apart from the API object it is handed; no DOM.
 *
 * SCORM 1.2 rules followed here (ADL SCORM 1.2 RTE, §3.3): LMSInitialize("") first and once;
 * LMSGetValue/LMSSetValue/LMSCommit only between it and LMSFinish(""); LMSFinish once; every
 * value a string; cmi.core.lesson_status one of the vocabulary below; cmi.core.score.raw a
 * number 0–100 here; cmi.core.session_time a CMITimespan (HHHH:MM:SS.SS); cmi.suspend_data at
 * most 4096 characters; cmi.core.lesson_location at most 255.
 */

/** The runtime API object an LMS exposes as `window.API` (SCORM 1.2). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
}

/** A window as far as the API search needs it (the real `Window` fits). */
export interface ApiHost {
  readonly parent: ApiHost | null;
  readonly opener?: ApiHost | null;
  readonly API?: unknown;
}

/** How many frames up the search goes before giving up (the ADL sample uses 7; LMS frame sets are shallow). */
const MAX_DEPTH = 10;

function apiOf(win: ApiHost): Scorm12Api | undefined {
  try {
    const api = win.API as Partial<Scorm12Api> | undefined;
    if (api && typeof api.LMSInitialize === 'function' && typeof api.LMSSetValue === 'function') return api as Scorm12Api;
  } catch {
    // A window of another origin throws on access: no API there.
  }
  return undefined;
}

function searchUp(start: ApiHost): Scorm12Api | undefined {
  let win: ApiHost | null = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const api = apiOf(win);
    if (api) return api;
    let parent: ApiHost | null = null;
    try {
      parent = win.parent;
    } catch {
      return undefined;
    }
    if (!parent || parent === win) return undefined;
    win = parent;
  }
  return undefined;
}

/**
 * Finds the LMS's SCORM 1.2 API the standard way: this window and its parents, then the
 * window that opened it and that one's parents. Undefined when there is no LMS.
 */
export function findApi(win: ApiHost): Scorm12Api | undefined {
  const found = searchUp(win);
  if (found) return found;
  let opener: ApiHost | null | undefined;
  try {
    opener = win.opener;
  } catch {
    return undefined;
  }
  return opener ? searchUp(opener) : undefined;
}

/** What the student has done so far; kept in cmi.suspend_data between attempts. */
export interface Progress {
  /** Phase ids the student has seen. */
  viewed: string[];
  /** Lesson stops reached (indexes). */
  stops: number[];
  /** Answers given, by stop index: correct or not (the first answer counts). */
  answers: Record<number, boolean>;
}

/** What completes the SCO: every phase seen, or every stop of the lesson reached. */
export type Goal = { phases: readonly string[] } | { stops: number; questions: number };

/** The SCORM 1.2 limit on cmi.suspend_data. */
export const SUSPEND_MAX = 4096;

/** Progress as compact text for cmi.suspend_data (versioned; at most SUSPEND_MAX characters). */
export function encodeProgress(p: Progress): string {
  const text = JSON.stringify({ v: 1, p: p.viewed, s: p.stops, a: Object.entries(p.answers).map(([k, v]) => [Number(k), v ? 1 : 0]) });
  return text.length <= SUSPEND_MAX ? text : JSON.stringify({ v: 1, p: [], s: [], a: [] });
}

const emptyProgress = (): Progress => ({ viewed: [], stops: [], answers: {} });

/** Reads progress back from cmi.suspend_data; anything unreadable is a fresh start. */
export function decodeProgress(text: string): Progress {
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return emptyProgress();
    const { p, s, a } = raw as { p?: unknown; s?: unknown; a?: unknown };
    const viewed = Array.isArray(p) ? p.filter((x): x is string => typeof x === 'string' && x.length <= 64) : [];
    const stops = Array.isArray(s) ? s.filter((x): x is number => Number.isInteger(x) && x >= 0 && x < 1000) : [];
    const answers: Record<number, boolean> = {};
    if (Array.isArray(a)) {
      for (const pair of a) {
        if (Array.isArray(pair) && Number.isInteger(pair[0]) && pair[0] >= 0 && pair[0] < 1000) answers[pair[0]] = pair[1] === 1;
      }
    }
    return { viewed: [...new Set(viewed)], stops: [...new Set(stops)], answers };
  } catch {
    return emptyProgress();
  }
}

/** True when the goal is reached. */
export function isComplete(p: Progress, goal: Goal): boolean {
  if ('phases' in goal) return goal.phases.every((id) => p.viewed.includes(id));
  return goal.stops > 0 && p.stops.length >= goal.stops;
}

/** The raw score 0–100 for a lesson with questions (first answers), or undefined without questions. */
export function scoreOf(p: Progress, goal: Goal): number | undefined {
  if ('phases' in goal || goal.questions <= 0) return undefined;
  const correct = Object.values(p.answers).filter(Boolean).length;
  return Math.round((100 * Math.min(correct, goal.questions)) / goal.questions);
}

/** A duration as a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS (hours capped at 9999). */
export function timespan(ms: number): string {
  // Whole hundredths first, so 59.999 s never prints as "60.00".
  const cs = Math.round(Math.max(0, Math.min(ms, 9999 * 3_600_000 + 3_599_990)) / 10);
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = (cs % 6000) / 100;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One attempt at the SCO, from LMSInitialize to LMSFinish. Calls the API only in the order
 * SCORM 1.2 allows; after finish() every method is a no-op.
 */
export class ScormSession {
  private progress: Progress = emptyProgress();
  private open = false;
  private status = '';
  private readonly started: number;

  /** The date to reopen at (from cmi.core.lesson_location), when resuming. */
  readonly resumeDate: string | undefined;

  /** Initialises the attempt and reads what a previous one left; `open` is false if the LMS refused. */
  constructor(
    private readonly api: Scorm12Api,
    private readonly goal: Goal,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.open = api.LMSInitialize('') === 'true';
    if (!this.open) return;
    this.status = api.LMSGetValue('cmi.core.lesson_status');
    const location = api.LMSGetValue('cmi.core.lesson_location');
    this.resumeDate = ISO_DATE.test(location) ? location : undefined;
    this.progress = decodeProgress(api.LMSGetValue('cmi.suspend_data'));
    if (this.status !== 'completed' && this.status !== 'passed') {
      this.status = 'incomplete';
      api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    }
    api.LMSCommit('');
  }

  /** Whether the LMS accepted LMSInitialize and the attempt is still open. */
  get active(): boolean {
    return this.open;
  }

  /** What has been done so far (a copy). */
  get done(): Progress {
    return structuredClone(this.progress);
  }

  /** The student is looking at `date` (YYYY-MM-DD) in phase `phase`. */
  viewed(date: string, phase: string): void {
    if (!this.open) return;
    if (ISO_DATE.test(date)) this.api.LMSSetValue('cmi.core.lesson_location', date);
    if (!this.progress.viewed.includes(phase)) this.progress.viewed.push(phase);
    this.save();
  }

  /** The lesson reached stop `index` (0-based). */
  reachedStop(index: number): void {
    if (!this.open || !Number.isInteger(index) || index < 0) return;
    if (!this.progress.stops.includes(index)) this.progress.stops.push(index);
    this.save();
  }

  /** The student answered the question at stop `index`; the first answer counts. */
  answered(index: number, correct: boolean): void {
    if (!this.open || !Number.isInteger(index) || index < 0) return;
    if (!(index in this.progress.answers)) this.progress.answers[index] = correct;
    this.save();
  }

  private save(): void {
    this.api.LMSSetValue('cmi.suspend_data', encodeProgress(this.progress));
    const score = scoreOf(this.progress, this.goal);
    if (score !== undefined) {
      this.api.LMSSetValue('cmi.core.score.min', '0');
      this.api.LMSSetValue('cmi.core.score.max', '100');
      this.api.LMSSetValue('cmi.core.score.raw', String(score));
    }
    if (this.status === 'incomplete' && isComplete(this.progress, this.goal)) {
      this.status = 'completed';
      this.api.LMSSetValue('cmi.core.lesson_status', 'completed');
    }
    this.api.LMSCommit('');
  }

  /** Ends the attempt: time spent, suspend (to resume) unless complete, commit, LMSFinish. */
  finish(): void {
    if (!this.open) return;
    this.open = false;
    this.api.LMSSetValue('cmi.core.session_time', timespan(this.now() - this.started));
    this.api.LMSSetValue('cmi.core.exit', this.status === 'completed' || this.status === 'passed' ? '' : 'suspend');
    this.api.LMSCommit('');
    this.api.LMSFinish('');
  }
}
