/**
 * Round values for a chart's scale ("nice" ticks): 0, 25,000, 50,000 … rather than wherever a
 * range happens to start. Pure.
 */

/** Tick steps tried in each power of ten: 1, 2, 2.5 and 5 times it. */
const MULTIPLES = [1, 2, 2.5, 5];

/**
 * The round values in [`min`, `max`] at the smallest step of 1, 2, 2.5 or 5 × 10^k that gives at
 * most `maxCount` of them (and at least one where the range holds a round value at all).
 * Ascending; empty for an empty or invalid range.
 */
export function niceTicks(min: number, max: number, maxCount: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min || maxCount < 1) return [];
  if (max === min) return [min];
  // The smallest step could be as small as the range over the count; start a power of ten below it.
  let power = 10 ** Math.floor(Math.log10((max - min) / maxCount));
  for (;;) {
    for (const m of MULTIPLES) {
      const step = m * power;
      const first = Math.ceil(min / step - 1e-9);
      const last = Math.floor(max / step + 1e-9);
      if (last - first + 1 <= maxCount) return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => clean((first + i) * step));
    }
    power *= 10;
  }
}

/** `v` without float noise (0.30000000000000004 → 0.3). */
const clean = (v: number) => Number.parseFloat(v.toPrecision(12));
