/**
 * Dates as day numbers: days since 1970-01-01 00:00 UTC, fractional allowed.
 * The whole app state is one such number; everything else is derived from it.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict ISO calendar date (YYYY-MM-DD) to its day number, or undefined if invalid. */
export function parseIsoDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 1951-02-30 over to March: reject anything that does not round-trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

/** Day number of an ISO date known to be valid (data already checked); throws otherwise. */
export function dayOf(iso: string): number {
  const day = parseIsoDate(iso);
  if (day === undefined) throw new Error(`Invalid ISO date: ${JSON.stringify(iso)}`);
  return day;
}

/**
 * The first moment of the period an ISO date names: a date alone names the whole day, so
 * this is 00:00 of it. Used for "known here from" (unit positions).
 */
export function periodStart(iso: string): number {
  return dayOf(iso);
}

/**
 * The moment a period named by an ISO date ends: a date alone names the whole day, so this
 * is 24:00 of it (the next day's 00:00). A unit known "on 31 December" is shown all that day
 * (issue 13: it vanished the moment playback left midnight).
 */
export function periodEnd(iso: string): number {
  return dayOf(iso) + 1;
}

/** ISO date (YYYY-MM-DD) of the calendar day containing day number `day`. */
export function isoOf(day: number): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar parts of a day number, in UTC. Month is 1–12. */
export function partsOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(Math.floor(day) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Clamps `day` into [min, max]. */
export function clampDay(day: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, day));
}
