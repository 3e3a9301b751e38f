import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { along, length, lineString } from '@turf/turf';
import { frontAt, matchLines, prepareFronts, resample, sameLine } from '../../src/lib/morph.ts';
import { dayOf } from '../../src/lib/dates.ts';
import type { FrontFeature } from '../../src/lib/types.ts';
import { expectGolden, fixture } from './golden.ts';

const fronts = fixture<{ features: FrontFeature[] }>('two-fronts.geojson').features;

describe('resample', () => {
  it('keeps both ends and spaces vertices evenly by arc length', () => {
    const coords = fronts[0].geometry.coordinates;
    const r = resample(coords, 11);
    expect(r.coords).toHaveLength(11);
    expect(r.coords[0]).toEqual(coords[0]);
    expect(r.coords[10]).toEqual(coords[coords.length - 1]);
    const steps = r.coords.slice(1).map((p, i) => length(lineString([r.coords[i], p])));
    const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
    // Chords of a bent line are a little shorter than the arc, never more than a few percent here.
    for (const s of steps) expect(Math.abs(s - mean) / mean).toBeLessThan(0.05);
  });

  it('carries the certainty of the segment each vertex falls on', () => {
    const r = resample(fronts[0].geometry.coordinates, 31, [1, 2, 3]);
    expect(r.certainty[0]).toBe(1);
    expect(r.certainty[15]).toBe(2);
    expect(r.certainty[29]).toBe(3);
    expect(new Set(r.certainty)).toEqual(new Set([1, 2, 3]));
  });

  it('rejects degenerate input with a clear error', () => {
    expect(() => resample([[0, 0]], 10)).toThrow(/two vertices/);
    expect(() => resample([[0, 0], [1, 1]], 1)).toThrow(/at least 2/);
  });

  it('puts every vertex where turf `along` puts it, in one pass (every real front too)', () => {
    const check = (coords: [number, number][], n: number) => {
      const line = lineString(coords);
      const total = length(line);
      const r = resample(coords, n);
      r.coords.forEach((p, i) => {
        const q = i === n - 1 ? coords[coords.length - 1] : along(line, (total * i) / (n - 1)).geometry.coordinates;
        expect(p[0]).toBeCloseTo(q[0], 6);
        expect(p[1]).toBeCloseTo(q[1], 6);
      });
    };
    for (const f of fronts) check(f.geometry.coordinates as [number, number][], 57);
    const coord = fc.tuple(fc.double({ min: 124, max: 131, noNaN: true }), fc.double({ min: 34, max: 39, noNaN: true }));
    fc.assert(fc.property(fc.array(coord, { minLength: 2, maxLength: 12 }), fc.integer({ min: 2, max: 40 }), (coords, n) => {
      fc.pre(length(lineString(coords)) > 0.01);
      check(coords, n);
    }), { numRuns: 200 });
  });

  it('matches the golden resampling', () => {
    const r = resample(fronts[0].geometry.coordinates, 16, [1, 2, 3]);
    expectGolden('resample-16.geojson', {
      type: 'Feature',
      properties: { certainty: r.certainty },
      geometry: { type: 'LineString', coordinates: r.coords },
    });
  });
});

describe('frontAt', () => {
  const prepared = prepareFronts(fronts, 32);
  const a = dayOf('1951-01-01');
  const b = dayOf('1951-01-05');

  it('returns the keyframe itself on its date, not interpolated', () => {
    const s = frontAt(prepared, a);
    expect(s.interpolated).toBe(false);
    expect(s.coords).toEqual(prepared[0].coords);
  });

  it('clamps before the first and after the last keyframe', () => {
    expect(frontAt(prepared, a - 10).coords).toEqual(prepared[0].coords);
    expect(frontAt(prepared, b + 10).coords).toEqual(prepared[1].coords);
    expect(frontAt(prepared, b + 10).interpolated).toBe(false);
  });

  it('blends vertex by vertex in between and says so', () => {
    const s = frontAt(prepared, (a + b) / 2);
    expect(s.interpolated).toBe(true);
    expect(s.weight).toBeCloseTo(0.5);
    const [p, q, m] = [prepared[0].coords[5], prepared[1].coords[5], s.coords[5]];
    expect(m[0]).toBeCloseTo((p[0] + q[0]) / 2, 9);
    expect(m[1]).toBeCloseTo((p[1] + q[1]) / 2, 9);
    // In-between certainty is the worse of the two keyframes.
    expect(s.certainty.every((c, i) => c >= prepared[0].certainty[i] && c >= prepared[1].certainty[i])).toBe(true);
  });

  it('matches the golden blend at a quarter of the way', () => {
    const s = frontAt(prepared, a + (b - a) / 4);
    expectGolden('blend-quarter.geojson', {
      type: 'Feature',
      properties: { weight: s.weight, certainty: s.certainty },
      geometry: { type: 'LineString', coordinates: s.coords },
    });
  });

  it('moves continuously: small date steps give small shifts', () => {
    let prev = frontAt(prepared, a).coords;
    for (let d = a + 0.01; d <= b; d += 0.01) {
      const cur = frontAt(prepared, d).coords;
      const maxShift = Math.max(...cur.map((p, i) => Math.hypot(p[0] - prev[i][0], p[1] - prev[i][1])));
      expect(maxShift).toBeLessThan(0.01);
      prev = cur;
    }
  });

  it('treats two identical keyframes as a plateau, not an interpolation', () => {
    const plateau = prepareFronts([fronts[0], { ...fronts[0], properties: { ...fronts[0].properties, id: 'c', date: '1951-01-03' } }], 16);
    expect(sameLine(plateau[0], plateau[1])).toBe(true);
    expect(frontAt(plateau, a + 1).interpolated).toBe(false);
  });
});

describe('matchLines (dynamic time warping)', () => {
  it('pairs the ends and keeps the order', () => {
    const a = resample([[126, 37], [128, 37]], 21).coords;
    const b = resample([[126, 37], [126.8, 37], [127, 36.6], [127.2, 37], [128, 37]], 31).coords;
    const path = matchLines(a, b);
    expect(path[0]).toEqual([0, 0]);
    expect(path.at(-1)).toEqual([20, 30]);
    for (let k = 1; k < path.length; k++) {
      expect(path[k][0] - path[k - 1][0]).toBeGreaterThanOrEqual(0);
      expect(path[k][1] - path[k - 1][1]).toBeGreaterThanOrEqual(0);
    }
  });

  it('moves points towards their nearest counterpart, not sideways along the line', () => {
    // A straight line becomes one with a salient: the straight parts should not slide.
    const straight: FrontFeature = { ...fronts[0], properties: { ...fronts[0].properties, id: 's', date: '1951-01-01', segmentCertainty: undefined }, geometry: { type: 'LineString', coordinates: [[126, 37], [128, 37]] } };
    const salient: FrontFeature = { ...fronts[1], properties: { ...fronts[1].properties, id: 'b', date: '1951-01-03' }, geometry: { type: 'LineString', coordinates: [[126, 37], [126.8, 37], [127, 36.6], [127.2, 37], [128, 37]] } };
    const prepared = prepareFronts([straight, salient], 41);
    const mid = frontAt(prepared, dayOf('1951-01-02'));
    // Every in-between point on the straight western stretch stays on it (no sideways slide
    // into the salient), and none overshoots the salient. (Geodesic resampling bows a
    // parallel by ~0.0005°.)
    for (const p of mid.coords) {
      if (p[0] < 126.75) expect(p[1]).toBeCloseTo(37, 2);
      expect(p[1]).toBeGreaterThanOrEqual(36.6 - 1e-9);
    }
  });
});
