import { describe, expect, it } from 'vitest';
import { kinks } from '@turf/turf';
import { northPolygon, seaMask, signedArea } from '../../src/lib/territory.ts';
import { distanceToFrontKm, sideOf } from '../../src/lib/holder.ts';
import { certaintyRuns, phaseIndexAt } from '../../src/lib/view.ts';

const front = [[124, 37.5], [127, 37.0], [130, 37.5]];
const closure = [[132, 37.6], [132, 44], [122, 44], [122, 37.5]];

describe('territory', () => {
  const north = northPolygon(front, closure);

  it('closes the front into a simple polygon of the north side', () => {
    expect(north.properties.side).toBe('PVA/KPA');
    expect(kinks(north).features).toHaveLength(0);
    const ring = north.geometry.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('puts points north of the line on the PVA/KPA side and south on the UN side', () => {
    expect(sideOf(north, [127, 37.5])).toBe('PVA/KPA');
    expect(sideOf(north, [127, 36.5])).toBe('UN');
    expect(sideOf(north, [128.5, 37.2])).toBe('UN');
  });

  it('measures the distance to the front in km', () => {
    // 0.5° of latitude is about 55.6 km.
    expect(distanceToFrontKm(front, [127, 36.5])).toBeCloseTo(55.6, 0);
  });

  it('winds the sea mask hole against its outer ring', () => {
    const ccw = [[126, 36], [129, 36], [129, 38], [126, 38], [126, 36]];
    const mask = seaMask(ccw, [110, 25, 145, 50]);
    const [outer, hole] = mask.geometry.coordinates;
    expect(Math.sign(signedArea(outer))).toBe(1);
    expect(Math.sign(signedArea(hole))).toBe(-1);
    expect(Math.sign(signedArea(seaMask([...ccw].reverse(), [110, 25, 145, 50]).geometry.coordinates[1]))).toBe(-1);
  });
});

describe('view helpers', () => {
  it('finds the phase containing a day', () => {
    expect(phaseIndexAt([0, 1, 3, 5], -1)).toBe(0);
    expect(phaseIndexAt([0, 1, 3, 5], 0)).toBe(0);
    // A phase covers its whole start date: from just after the previous day step.
    expect(phaseIndexAt([0, 1, 3, 5], 1.9)).toBe(1);
    expect(phaseIndexAt([0, 1, 3, 5], 2)).toBe(1);
    expect(phaseIndexAt([0, 1, 3, 5], 2 + 1e-9)).toBe(1);
    expect(phaseIndexAt([0, 1, 3, 5], 2.1)).toBe(2);
    expect(phaseIndexAt([0, 1, 3, 5], 3)).toBe(2);
    expect(phaseIndexAt([0, 1, 3, 5], 99)).toBe(3);
  });

  it('splits a line into certainty runs that share end vertices', () => {
    const coords = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]];
    const runs = certaintyRuns(coords, [1, 1, 3, 3, 3]);
    expect(runs.features.map((f) => f.properties.certainty)).toEqual([1, 3]);
    expect(runs.features[0].geometry.coordinates).toEqual([[0, 0], [1, 0], [2, 0]]);
    expect(runs.features[1].geometry.coordinates).toEqual([[2, 0], [3, 0], [4, 0]]);
    expect(certaintyRuns(coords, [2, 2, 2, 2, 2]).features).toHaveLength(1);
  });
});
