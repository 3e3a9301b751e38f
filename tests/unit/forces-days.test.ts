import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { prepareArrows, prepareTracks, unitsAt, arrowsAt } from '../../src/lib/forces.ts';
import { dayOf, periodEnd, periodStart } from '../../src/lib/dates.ts';
import type { Unit, UnitPositionProps } from '../../src/lib/types.ts';

const unit = (id: string): Unit => ({
  id, name_en: id, name_ko: id, side: 'UN', army: 'US', sidc: 'SFGPUCI----I---', echelon: 'division', type: 'infantry', sources: ['T'],
});
const pos = (id: string, u: string, from: string, to: string, at: [number, number]): Feature<Point, UnitPositionProps> => ({
  type: 'Feature',
  properties: { id, unit: u, from, to, certainty: 2, sources: ['T'] },
  geometry: { type: 'Point', coordinates: at },
});
const units = { a: unit('a'), b: unit('b') };

describe('a date names the whole day', () => {
  it('periodStart is 00:00 and periodEnd 24:00 of the date (the slider step dayOf gives)', () => {
    expect(periodStart('1950-12-31')).toBe(dayOf('1950-12-30'));
    expect(periodEnd('1950-12-31')).toBe(dayOf('1950-12-31'));
  });

  it('a unit known on one day is shown, in place, at every hour of that day', () => {
    const tracks = prepareTracks([pos('p', 'a', '1950-12-31', '1950-12-31', [127, 38])], units);
    const d = periodStart('1950-12-31');
    for (let h = 1; h <= 24; h++) {
      const shown = unitsAt(tracks, d + h / 24).features;
      expect(shown.map((f) => [f.properties.unit, f.properties.moving, f.geometry.coordinates])).toEqual([['a', false, [127, 38]]]);
    }
    // Not before the day (nor at the slider's step for the day before, 24:00 = 00:00), nor after it.
    expect(unitsAt(tracks, d).features).toEqual([]);
    expect(unitsAt(tracks, d - 1 / 24).features).toEqual([]);
    expect(unitsAt(tracks, d + 1 + 1 / 24).features).toEqual([]);
  });

  it('a unit stays put through its last known day and moves only on the days between two positions', () => {
    const tracks = prepareTracks([
      pos('p1', 'b', '1951-01-01', '1951-01-03', [127, 38]),
      pos('p2', 'b', '1951-01-05', '1951-01-05', [127, 37]),
    ], units);
    const at = (iso: string, hour: number) => unitsAt(tracks, periodStart(iso) + hour / 24).features[0];
    expect(at('1951-01-03', 23).properties.moving).toBe(false);
    expect(at('1951-01-03', 23).geometry.coordinates).toEqual([127, 38]);
    const mid = at('1951-01-04', 12);
    expect(mid.properties.moving).toBe(true);
    expect(mid.geometry.coordinates[1]).toBeCloseTo(37.5);
    expect(at('1951-01-05', 1).properties.moving).toBe(false);
    expect(at('1951-01-05', 20).geometry.coordinates).toEqual([127, 37]);
  });

  it('an arrow dated one day is fully shown all that day and fades out the next morning', () => {
    const arrows = prepareArrows([{
      type: 'Feature',
      properties: { id: 'x', side: 'UN', kind: 'withdrawal', from: '1951-01-07', to: '1951-01-07', label_en: 'x', label_ko: 'x', certainty: 2, sources: ['T'] },
      geometry: { type: 'LineString', coordinates: [[127, 37.4], [127, 37.2]] },
    }]);
    const opacity = (h: number) => arrowsAt(arrows, periodStart('1951-01-07') + h / 24).features[0]?.properties.opacity ?? 0;
    expect(opacity(0)).toBe(0);
    expect(opacity(6)).toBeCloseTo(0.5);
    expect(opacity(12)).toBe(1);
    expect(opacity(24)).toBe(1);
    expect(opacity(30)).toBeCloseTo(0.5);
    expect(opacity(37)).toBe(0);
  });
});
