import { describe, expect, it } from 'vitest';
import { clampDay, dayOf, isoOf, parseIsoDate, partsOf } from '../../src/lib/dates.ts';

describe('dates', () => {
  it('parses strict ISO dates to UTC day numbers', () => {
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(parseIsoDate('1951-01-04')).toBe(dayOf('1950-12-31') + 4);
  });

  it('rejects malformed and impossible dates without throwing', () => {
    for (const bad of ['1951-13-45', '1951-02-30', '1951-1-4', '04/01/1951', '', '%', 'x'.repeat(1000), null, 42, {}]) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
  });

  it('round-trips day numbers, including fractional ones', () => {
    const d = dayOf('1951-01-15');
    expect(isoOf(d)).toBe('1951-01-15');
    expect(isoOf(d + 0.99)).toBe('1951-01-15');
    expect(partsOf(d + 0.5)).toEqual({ year: 1951, month: 1, day: 15 });
  });

  it('throws a clear error for invalid data dates', () => {
    expect(() => dayOf('1951-02-30')).toThrow(/Invalid ISO date/);
  });

  it('clamps into a range', () => {
    expect(clampDay(5, 1, 3)).toBe(3);
    expect(clampDay(-5, 1, 3)).toBe(1);
    expect(clampDay(2.5, 1, 3)).toBe(2.5);
  });
});
