/**
 * Key events on the date slider (manifest `events`): where each sits on the slider, the next and
 * previous one from a date, which ones a move of the date reaches, and how their numbered
 * markers stack so that none covers another.
 */
import { momentOf } from './dates.ts';
import type { KeyEvent, Localized } from './types.ts';

/** A key event placed on a slider: its moment as a day number, and its number in the list. */
export interface PlacedEvent {
  id: string;
  /** The event's moment, clamped into the slider's range (31 December 17:00 sits at its start). */
  day: number;
  /** 1-based number shown on its marker and in the list. */
  n: number;
  label: Localized;
  sources: string[];
  /** The moment as written in the data (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`). */
  date: string;
}

/** Half a minute, in days: moments this close count as the same. */
const EPS = 0.5 / 1440;

/**
 * The events whose calendar day lies in the slider's range `min`–`max` (day numbers of day
 * ends), in time order and numbered from 1; a moment before `min` on its first day sits at `min`.
 */
export function placeEvents(events: readonly KeyEvent[] | undefined, min: number, max: number): PlacedEvent[] {
  return (events ?? [])
    .map((e) => ({ e, at: momentOf(e.date) }))
    // A moment on the first calendar day (after min − 1) still belongs to the range.
    .filter(({ at }) => at > min - 1 + EPS && at <= max + EPS)
    .sort((a, b) => a.at - b.at)
    .map(({ e, at }, i) => ({ id: e.id, day: Math.min(max, Math.max(min, at)), n: i + 1, label: e.label, sources: e.sources, date: e.date }));
}

/** The first event after `day` (dir 1) or the last before it (dir −1), if any. */
export function eventFrom(events: readonly PlacedEvent[], day: number, dir: 1 | -1): PlacedEvent | undefined {
  if (dir > 0) return events.find((e) => e.day > day + EPS);
  return events.filter((e) => e.day < day - EPS).at(-1);
}

/**
 * The events a move of the date from `from` to `to` reaches: forward, every event passed or
 * landed on (from < day ≤ to); backward, only one landed on (going back does not replay events).
 */
export function eventsReached(events: readonly PlacedEvent[], from: number, to: number): PlacedEvent[] {
  if (to > from + EPS) return events.filter((e) => e.day > from + EPS && e.day <= to + EPS);
  return events.filter((e) => Math.abs(e.day - to) <= EPS && Math.abs(from - to) > EPS);
}

/**
 * Rows for markers at x positions `xs` (px, ascending) each `width` px wide, so that no two in
 * a row come closer than `gap`: each goes to the first row where it fits (greedy, left to right).
 */
export function stackRows(xs: readonly number[], width: number, gap = 2): number[] {
  const rowEnds: number[] = [];
  return xs.map((x) => {
    const left = x - width / 2;
    let row = rowEnds.findIndex((end) => left >= end + gap);
    if (row < 0) row = rowEnds.push(-Infinity) - 1;
    rowEnds[row] = x + width / 2;
    return row;
  });
}
