/**
 * The GPU units layer draws unitSpans; here spans and unitsAt agree on made-up tracks with
 * every kind of neighbouring stops: touching (one ends as the next begins), a gap (a move),
 * overlapping (the earlier stop wins), and a stop inside another.
 */
import { describe, expect, it } from 'vitest';
import { spanAt, unitSpans, unitsAt, type UnitTrack } from '../../src/lib/forces.ts';
import type { Certainty } from '../../src/lib/types.ts';

function track(unit: string, stops: [number, number, number][]): UnitTrack {
  return {
    unit, side: 'UN', name_en: unit, name_ko: unit,
    stops: stops.map(([from, to, lon]) => ({ from, to, at: [lon, 37], certainty: 2 as Certainty, sources: ['s'] })),
  };
}

const tracks = [
  track('touching', [[0, 1, 127], [1, 2, 128]]),
  track('gap', [[0, 1, 127], [2, 3, 128]]),
  track('overlap', [[0, 2, 127], [1, 3, 128], [4, 5, 129]]),
  track('inside', [[0, 3, 127], [1, 2, 128], [3, 4, 129]]),
  track('single', [[5, 6, 126]]),
];

function agree(day: number): void {
  const spans = unitSpans(tracks);
  const gpu = spans.flatMap((s) => {
    const at = spanAt(s, day);
    return at ? [`${s.unit} ${at[0].toFixed(9)}`] : [];
  });
  const cpu = unitsAt(tracks, day).features.map((f) => `${f.properties.unit} ${f.geometry.coordinates[0].toFixed(9)}`);
  expect(gpu.sort(), `day ${day}`).toEqual(cpu.sort());
}

describe('unit spans', () => {
  it('are periods (start, end]: hidden at a unit\'s first moment, shown at its last', () => {
    const [stop] = unitSpans([track('a', [[0, 1, 127]])]);
    expect(spanAt(stop, 0)).toBeUndefined();
    expect(spanAt(stop, 1e-9)).toEqual([127, 37]);
    expect(spanAt(stop, 1)).toEqual([127, 37]);
    expect(spanAt(stop, 1 + 1e-9)).toBeUndefined();
  });

  it('give unitsAt\'s positions at every boundary and in between, whatever the stops\' overlap', () => {
    for (let day = -1; day <= 7; day += 1 / 16) agree(day);
    for (const t of tracks) for (const s of t.stops) for (const d of [s.from, s.to]) for (const e of [-1e-6, 0, 1e-6]) agree(d + e);
  });

  it('leave out a stop that an earlier one covers, and move after the cover ends', () => {
    const spans = unitSpans([tracks[3]]);
    expect(spans.map((s) => [s.start, s.end, s.moving])).toEqual([[0, 3, false], [3, 4, false]]);
    expect(unitSpans([tracks[1]]).map((s) => [s.start, s.end, s.moving])).toEqual([[0, 1, false], [1, 2, true], [2, 3, false]]);
  });
});
