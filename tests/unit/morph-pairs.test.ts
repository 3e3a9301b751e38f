import { describe, expect, it } from 'vitest';
import { frontAt, prepareFronts } from '../../src/lib/morph.ts';
import { mercator, morphPairs, runDistances } from '../../src/lib/morph-pairs.ts';
import { layerVertices } from '../../src/map/pair-vertices.ts';
import type { FrontFeature } from '../../src/lib/types.ts';

function front(id: string, date: string, coords: number[][], certainty: 1 | 2 | 3 = 1): FrontFeature {
  return {
    type: 'Feature',
    properties: { id, date, phase: 'p', certainty, sources: ['s'] },
    geometry: { type: 'LineString', coordinates: coords },
  } as unknown as FrontFeature;
}

const prepared = prepareFronts(
  [
    front('a', '1951-01-01', [[126, 38], [127, 38.2], [128.5, 38]]),
    front('b', '1951-01-03', [[126, 37], [127, 37.3], [128.5, 37.1]], 2),
    front('c', '1951-01-05', [[126, 37], [127, 37.3], [128.5, 37.1]], 2),
  ],
  24,
);

describe('morph pairs', () => {
  it('projects like MapLibre: Seoul in Web Mercator units', () => {
    const [x, y] = mercator([126.978, 37.566]);
    expect(x).toBeCloseTo(0.852717, 6);
    expect(y).toBeCloseTo(0.387254, 6);
  });

  it('blends a pair on the GPU to exactly the CPU blend (frontAt) at any weight', () => {
    const pairs = morphPairs(prepared);
    for (const day of [prepared[0].day, prepared[0].day + 0.3, prepared[0].day + 1.55, prepared[1].day, prepared[1].day + 1]) {
      const state = frontAt(prepared, day);
      const { index, weight } = pairs.pairOf(state);
      const p = pairs.pair(index);
      const blended = p.from.map((f, i) => [f[0] + (p.to[i][0] - f[0]) * weight, f[1] + (p.to[i][1] - f[1]) * weight]);
      expect(blended.length).toBe(state.coords.length);
      blended.forEach((b, i) => {
        expect(b[0]).toBeCloseTo(state.coords[i][0], 12);
        expect(b[1]).toBeCloseTo(state.coords[i][1], 12);
      });
      expect(p.certainty).toEqual(state.certainty);
    }
  });

  it('a plateau (two identical keyframes) draws the keyframe itself, unblended', () => {
    const pairs = morphPairs(prepared);
    expect(pairs.pairOf(frontAt(prepared, prepared[1].day + 1))).toEqual({ index: 1, weight: 0 });
  });

  it('restarts the dash distance where the certainty changes, as separate GeoJSON runs did', () => {
    const line: [number, number][] = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]];
    expect(runDistances(line, [1, 1, 2, 2, 2])).toEqual([0, 1, 0, 1, 2]);
  });

  it('builds one quad per segment and one closed fan per pair', () => {
    const pairs = morphPairs(prepared);
    const closure = [[130, 40], [124, 40]];
    const all = Array.from({ length: pairs.count }, (_, k) => pairs.pair(k));
    const v = layerVertices(all, closure);
    expect(v.slices).toHaveLength(pairs.count);
    const first = all[0];
    expect(v.slices[0].lineCount).toBe((first.from.length - 1) * 6);
    expect(v.slices[0].fillCount).toBe(closure.length + first.from.length + 1);
    expect(v.index.every((i) => i < v.line.length / 13)).toBe(true);
  });

  it('knows how many vertices each pair can have before matching it, and matches a transition only when asked', () => {
    const fresh = prepareFronts(
      [
        front('a', '1951-01-01', [[126, 38], [127, 38.2], [128.5, 38]]),
        front('b', '1951-01-03', [[126, 37], [127, 37.3], [128.5, 37.1]], 2),
        front('c', '1951-01-05', [[126, 37], [127, 37.3], [128.5, 37.1]], 2),
      ],
      24,
    );
    // A plateau (b = c) has no transition; a → b has one, not yet matched.
    expect('next' in fresh[1]).toBe(false);
    const descriptor = Object.getOwnPropertyDescriptor(fresh[0], 'next');
    expect(descriptor?.get).toBeTypeOf('function');
    const pairs = morphPairs(fresh);
    expect(pairs.count).toBe(4);
    for (let k = 0; k < pairs.count; k++) expect(pairs.pair(k).from.length).toBeLessThanOrEqual(pairs.capacity(k));
    // Read twice, matched once: the same transition object.
    expect(fresh[0].next).toBe(fresh[0].next);
  });
});
