import { describe, expect, it } from 'vitest';
import {
  clampDay, clockOf, dayOf, hasTime, hhmm, isDayStep, isoOf, momentIso, momentOf, parseIsoDate, parseMoment,
  partOfDay, partsOf, periodEnd, periodStart,
} from '../../src/lib/dates.ts';

describe('dates', () => {
  it('parses strict ISO dates to day numbers', () => {
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(parseIsoDate('1951-01-04')).toBe(dayOf('1950-12-31') + 4);
  });

  it('rejects malformed and impossible dates without throwing', () => {
    for (const bad of ['1951-13-45', '1951-02-30', '1951-1-4', '04/01/1951', '', '%', 'x'.repeat(1000), null, 42, {}]) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
  });

  it('throws a clear error for invalid data dates', () => {
    expect(() => dayOf('1951-02-30')).toThrow(/Invalid ISO date/);
    expect(() => momentOf('1951-01-06T25:00')).toThrow(/Invalid date or time/);
  });

  it('clamps into a range', () => {
    expect(clampDay(5, 1, 3)).toBe(3);
    expect(clampDay(-5, 1, 3)).toBe(1);
    expect(clampDay(2.5, 1, 3)).toBe(2.5);
  });
});

describe('the time convention: a date alone is the end of that day', () => {
  const jan4 = dayOf('1951-01-04');

  it('dayOf is the slider step of a date: 24:00 of it, which is 00:00 of the next', () => {
    expect(parseMoment('1951-01-04')).toBe(jan4);
    expect(parseMoment('1951-01-04T24:00')).toBe(jan4);
    expect(parseMoment('1951-01-05T00:00')).toBe(jan4);
    expect(isoOf(jan4)).toBe('1951-01-04');
    expect(clockOf(jan4)).toEqual({ iso: '1951-01-04', minutes: 1440 });
  });

  it('moments between two steps are hours of the later date', () => {
    const m = parseMoment('1951-01-06T14:00')!;
    expect(m).toBeCloseTo(dayOf('1951-01-05') + 14 / 24, 10);
    expect(isoOf(m)).toBe('1951-01-06');
    expect(clockOf(m)).toEqual({ iso: '1951-01-06', minutes: 14 * 60 });
    expect(partsOf(jan4 + 0.5)).toEqual({ year: 1951, month: 1, day: 5 });
    expect(isoOf(jan4 + 0.99)).toBe('1951-01-05');
  });

  it('round-trips moments through momentIso and parseMoment, to the minute', () => {
    for (const text of ['1950-12-31T17:00', '1951-01-03T03:00', '1951-01-06T14:00', '1951-01-16T14:00', '1951-01-07T23:59', '1951-01-08T00:01', '1951-01-31']) {
      expect(momentIso(momentOf(text))).toBe(text);
    }
    expect(momentIso(momentOf('1951-01-05T00:00'))).toBe('1951-01-04');
  });

  it('treats float noise within half a minute of a step as the step', () => {
    expect(isDayStep(jan4 + 1e-9)).toBe(true);
    expect(isDayStep(jan4 - 1e-9)).toBe(true);
    expect(isDayStep(jan4 + 1 / 24)).toBe(false);
    expect(isoOf(jan4 + 1e-9)).toBe('1951-01-04');
    expect(isoOf(jan4 - 1e-9)).toBe('1951-01-04');
    expect(clockOf(jan4 + 0.6 / 1440)).toEqual({ iso: '1951-01-05', minutes: 1 });
  });

  it('rejects bad times without throwing', () => {
    for (const bad of ['1951-01-06T25:00', '1951-01-06T24:01', '1951-01-06T14:60', '1951-01-06T1400', '1951-01-06T14:00Z', '1951-01-06 14:00', '1951-02-30T10:00', '1951-01-06T', 'T14:00']) {
      expect(parseMoment(bad), bad).toBeUndefined();
    }
  });

  it('periods: a date alone covers the whole day, a time is a moment', () => {
    expect(periodStart('1951-01-04')).toBe(dayOf('1951-01-03'));
    expect(periodEnd('1951-01-04')).toBe(jan4);
    expect(periodStart('1951-01-16T14:00')).toBe(periodEnd('1951-01-16T14:00'));
    expect(hasTime('1951-01-16T14:00')).toBe(true);
    expect(hasTime('1951-01-16')).toBe(false);
  });

  it('names the part of the day and formats clock times', () => {
    expect([0, 4 * 60 + 59, 5 * 60, 12 * 60, 17 * 60, 21 * 60, 1440].map(partOfDay)).toEqual(['night', 'night', 'morning', 'afternoon', 'evening', 'lateNight', 'lateNight']);
    expect(hhmm(3 * 60 + 5)).toBe('03:05');
    expect(hhmm(1440)).toBe('24:00');
  });
});
