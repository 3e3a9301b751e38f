/**
 * Round scale values: steps of 1, 2, 2.5 or 5 × 10^k, no more than asked for, inside the range.
 */
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/lib/ticks.ts';

describe('niceTicks', () => {
  it('gives round values inside the range at the finest step that fits the count', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 100, 4)).toEqual([0, 50, 100]);
    expect(niceTicks(0, 100, 11)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    // The PVA/KPA scale of the ground-held chart: the land less the UN band's edges.
    expect(niceTicks(125_782 - 90_000, 125_782 - 60_000, 4)).toEqual([40_000, 50_000, 60_000]);
    expect(niceTicks(60_000, 90_000, 4)).toEqual([60_000, 70_000, 80_000, 90_000]);
    expect(niceTicks(60_000, 90_000, 3)).toEqual([60_000, 80_000]);
  });

  it('handles small, negative and float ranges without float noise', () => {
    expect(niceTicks(0.1, 0.5, 5)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(niceTicks(-30, 30, 3)).toEqual([-20, 0, 20]);
    expect(niceTicks(3, 7, 1)).toEqual([5]);
    for (const v of niceTicks(0.013, 0.047, 4)) expect(String(v)).toMatch(/^0\.0\d$/);
  });

  it('gives one value for a point, none for an empty or invalid range, and never more than asked', () => {
    expect(niceTicks(42, 42, 3)).toEqual([42]);
    expect(niceTicks(5, 1, 3)).toEqual([]);
    expect(niceTicks(Number.NaN, 1, 3)).toEqual([]);
    expect(niceTicks(0, 1, 0)).toEqual([]);
    for (const [min, max, n] of [[1, 999, 2], [17, 23, 3], [0, 123_456, 6], [125_000, 126_000, 2]]) {
      const ticks = niceTicks(min, max, n);
      expect(ticks.length).toBeLessThanOrEqual(n);
      for (const v of ticks) {
        expect(v).toBeGreaterThanOrEqual(min);
        expect(v).toBeLessThanOrEqual(max);
      }
    }
  });
});
