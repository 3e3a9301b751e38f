import { describe, expect, it } from 'vitest';
import { bearing, distance, point } from '@turf/turf';
import { arrowHead, fadeOpacity } from '../../src/lib/forces.ts';
import { expectGolden } from './golden.ts';

describe('arrows', () => {
  it('fade in over the half day after `from` and out over the half day after `to`', () => {
    expect(fadeOpacity(10, 12, 9.75)).toBe(0);
    expect(fadeOpacity(10, 12, 10)).toBe(0);
    expect(fadeOpacity(10, 12, 10.25)).toBeCloseTo(0.5);
    expect(fadeOpacity(10, 12, 11)).toBe(1);
    expect(fadeOpacity(10, 12, 12)).toBe(1);
    expect(fadeOpacity(10, 12, 12.25)).toBeCloseTo(0.5);
    expect(fadeOpacity(10, 12, 12.6)).toBe(0);
    // Shorter than the fade (a few hours): never above what either end allows.
    expect(fadeOpacity(10, 10.2, 10.3)).toBeCloseTo(0.6);
    expect(fadeOpacity(10, 10.2, 10.6)).toBeCloseTo(0.2);
  });

  it('get a head at the tip pointing along the last segment', () => {
    const line = [[127, 37], [127, 37.5]];
    const head = arrowHead(line, 7);
    expect(head[0]).toEqual([127, 37.5]);
    expect(head[head.length - 1]).toEqual(head[0]);
    const back = [(head[1][0] + head[2][0]) / 2, (head[1][1] + head[2][1]) / 2];
    expect(distance(point(back), point(head[0]))).toBeCloseTo(7, 1);
    expect(Math.abs(bearing(point(back), point(head[0])))).toBeLessThan(1);
    expectGolden('arrow-head.geojson', { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [head] } });
  });
});
