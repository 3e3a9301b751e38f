/**
 * Moments as day numbers, and the project's time convention.
 *
 * A day number counts days since 1970-01-01 on the clock of Korea in January 1951 (local time;
 * the arithmetic uses UTC only as a calendar, so no time zone ever shifts a date). Fractional
 * day numbers are times of day. The whole app state is one such number.
 *
 * The convention (geo/README.md, "Time"): a date without a time means **the situation at the
 * end of that day**. So the whole number `dayOf('1951-01-04')` is 24:00 on 4 January — the
 * moment the slider shows for "4 January" — and the moments between it and the next whole number
 * are the hours of 5 January. `YYYY-MM-DDTHH:MM` names a local time within a day.
 */

const MS_PER_DAY = 86_400_000;
/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
/** Half a minute: moments this close to a whole day count as that day's end (float noise). */
const EPS = 0.5 / MINUTES_PER_DAY;

/**
 * Parses a strict ISO calendar date (YYYY-MM-DD) to its day number — the end of that day, the
 * moment the slider shows for it — or undefined if invalid.
 */
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

/** The moment the slider shows for date `iso` (the end of that day); throws if `iso` is invalid. */
export function dayOf(iso: string): number {
  const day = parseIsoDate(iso);
  if (day === undefined) throw new Error(`Invalid ISO date: ${JSON.stringify(iso)}`);
  return day;
}

/**
 * Parses a moment: `YYYY-MM-DD` (the end of that day, as `dayOf`) or `YYYY-MM-DDTHH:MM`
 * (local time in Korea, 00:00–24:00). Undefined if either part is invalid.
 */
export function parseMoment(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO_MOMENT.exec(text);
  if (!m) return parseIsoDate(text);
  const day = parseIsoDate(m[1]);
  const minutes = clockMinutes(m[2], m[3]);
  if (day === undefined || minutes === undefined) return undefined;
  return day - 1 + minutes / MINUTES_PER_DAY;
}

/** Minutes since midnight of HH and MM, or undefined (24:00 is allowed: the end of the day). */
function clockMinutes(hh: string, mm: string): number | undefined {
  const h = Number(hh);
  const m = Number(mm);
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

/** The moment named by a valid `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (data already checked); throws otherwise. */
export function momentOf(text: string): number {
  const day = parseMoment(text);
  if (day === undefined) throw new Error(`Invalid date or time: ${JSON.stringify(text)}`);
  return day;
}

/**
 * The first moment of the period a data date names: a date alone names the whole day, so 00:00
 * of it (the end of the day before); a date with a time names that moment. Used for "known
 * here from", "shown from" (unit positions, arrows, zones). Throws on invalid text.
 */
export function periodStart(text: string): number {
  return hasTime(text) ? momentOf(text) : momentOf(text) - 1;
}

/**
 * The last moment of the period a data date names: a date alone, 24:00 of that day (= `dayOf`);
 * a date with a time, that moment. A unit known "on 31 December" shows all that day.
 */
export function periodEnd(text: string): number {
  return momentOf(text);
}

/** True if `text` names a time of day (`YYYY-MM-DDTHH:MM`), not a whole date. */
export function hasTime(text: string): boolean {
  return text.includes('T');
}

/** True when `day` is a day step: the end of a calendar day (to within half a minute). */
export function isDayStep(day: number): boolean {
  return Math.abs(day - Math.round(day)) < EPS;
}

/**
 * The calendar date and clock time of moment `day`: minutes run 1–1440, so the end of a day
 * (a day step) is 24:00 of that date, never 00:00 of the next.
 */
export function clockOf(day: number): { iso: string; minutes: number } {
  const whole = Math.ceil(day - EPS);
  const minutes = Math.min(MINUTES_PER_DAY, Math.max(1, Math.round((day - (whole - 1)) * MINUTES_PER_DAY)));
  return { iso: new Date(whole * MS_PER_DAY).toISOString().slice(0, 10), minutes };
}

/** ISO date (YYYY-MM-DD) of the calendar day moment `day` falls in (a day step is its own date). */
export function isoOf(day: number): string {
  return clockOf(day).iso;
}

/** `HH:MM` for minutes since midnight (1440 gives 24:00). */
export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` on a day step, else `YYYY-MM-DDTHH:MM` (to the nearest minute): parseMoment's inverse. */
export function momentIso(day: number): string {
  const c = clockOf(day);
  return c.minutes === MINUTES_PER_DAY ? c.iso : `${c.iso}T${hhmm(c.minutes)}`;
}

/** Calendar parts of the date moment `day` falls in. Month is 1–12. */
export function partsOf(day: number): { year: number; month: number; day: number } {
  const [y, m, d] = isoOf(day).split('-').map(Number);
  return { year: y, month: m, day: d };
}

/** The parts of the day a clock time falls in (partOfDay), in the day's order, for labels in words. */
export const PARTS_OF_DAY = ['night', 'morning', 'afternoon', 'evening', 'lateNight'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** Night before 05:00, morning to noon, afternoon to 17:00, evening to 21:00, late night after. */
export function partOfDay(minutes: number): PartOfDay {
  if (minutes < 5 * 60) return 'night';
  if (minutes < 12 * 60) return 'morning';
  if (minutes < 17 * 60) return 'afternoon';
  if (minutes < 21 * 60) return 'evening';
  return 'lateNight';
}

/** Clamps `day` into [min, max]. */
export function clampDay(day: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, day));
}
