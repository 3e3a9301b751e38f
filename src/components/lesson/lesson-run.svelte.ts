/**
 * A student's way through a lesson: which stop they are at (before the first, at one, or past
 * the last, where the summary shows) and the first answer they gave at each stop.
 */
import { dayOf } from '../../lib/dates.ts';
import type { Lesson, LessonStop } from '../../lib/lesson.ts';
import { scoreOf, type Score } from '../../lib/lesson-answers.ts';

export class LessonRun {
  readonly lesson: Lesson;
  /** Where playback halts: each stop's day, then the lesson's last day (the summary). */
  readonly halts: readonly number[];
  /** -1 before the first stop; 0…n-1 at a stop; n once the lesson is over. */
  at = $state(-1);
  /** The first answer's verdict at each stop (undefined: not answered). */
  results = $state<(boolean | undefined)[]>([]);

  constructor(lesson: Lesson) {
    this.lesson = lesson;
    this.halts = [...lesson.stops.map((s) => dayOf(s.date)), dayOf(lesson.end)];
  }

  /** The stop the student is at, if any. */
  get stop(): LessonStop | undefined {
    return this.lesson.stops[this.at];
  }

  get done(): boolean {
    return this.at >= this.lesson.stops.length;
  }

  /** The day where playback halts next; undefined once the lesson is over. */
  get next(): number | undefined {
    return this.halts[this.at + 1];
  }

  get score(): Score {
    return scoreOf(this.lesson.stops, this.results);
  }

  /** Playback reached the next halt: at the next stop, or at the summary. */
  arrive(): void {
    if (!this.done) this.at += 1;
  }

  /** Records the first verdict at stop `i` (later attempts do not change the score). */
  answer(i: number, correct: boolean): void {
    if (this.results[i] === undefined) this.results[i] = correct;
  }

  /**
   * What "Continue" does from `day`: play on to the next halt, or, with reduced motion (or
   * when the student is already there or past it), jump to it (`play: false`: the caller then
   * arrives at once). Undefined once the lesson is over.
   */
  continueFrom(day: number, reducedMotion: boolean): { day: number; play: boolean } | undefined {
    const next = this.next;
    if (next === undefined) return undefined;
    if (!reducedMotion && day < next) return { day, play: true };
    return { day: next, play: false };
  }

  restart(): void {
    this.at = -1;
    this.results = [];
  }
}
