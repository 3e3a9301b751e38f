/**
 * The ground-held chart's geometry: stacked areas that fill the box (the zones add up to the
 * land), the lines between them at the right heights, and pixels back to days.
 */
import { describe, expect, it } from 'vitest';
import { dayIndexAtX, heldChart, indexOfDate, xOfDay, type HeldDayLike } from '../../src/lib/held-chart.ts';
import { dayOf } from '../../src/lib/dates.ts';
import golden from '../fixtures/out/held-series-korea.json' with { type: 'json' };

const day = (date: string, pva: number, un: number, nml = 0): HeldDayLike => ({ date, held: { 'PVA/KPA': pva, UN: un, noMansLand: nml } });
const series = [day('1900-01-01', 60, 40), day('1900-01-02', 50, 40, 10), day('1900-01-03', 70, 30)];

describe('the ground-held chart', () => {
  const c = heldChart(series, 200, 100, 10);

  it('spreads the days over the width and stacks UN, no-man\'s land and PVA/KPA over the band the lines moved in', () => {
    expect(c.xs).toEqual([0, 100, 200]);
    expect(c.totalKm2).toBe(100);
    // UN held 30–40 km² and UN with no-man's land 40–50: the box shows 30–50 km² (steps of 10).
    expect(c.left).toEqual([{ y: 100, km2: 30 }, { y: 50, km2: 40 }, { y: 0, km2: 50 }]);
    // PVA/KPA ground, from above: 50–70 km² (the land less the band's edges).
    expect(c.right).toEqual([{ y: 0, km2: 50 }, { y: 50, km2: 60 }, { y: 100, km2: 70 }]);
    expect(c.tops.UN).toEqual([50, 50, 100]);
    expect(c.tops.noMansLand).toEqual([50, 0, 100]);
    expect(c.areas.UN).toBe('M0,50L100,50L200,100L200,100L100,100L0,100Z');
    expect(c.areas['PVA/KPA']).toBe('M0,0L100,0L200,0L200,100L100,0L0,50Z');
  });

  it('draws no area for a zone that never held land', () => {
    expect(heldChart([day('1900-01-01', 60, 40), day('1900-01-02', 50, 50)], 100, 50).areas.noMansLand).toBe('');
  });

  it('finds the day under a pixel, the pixel of a moment, and a date\'s row', () => {
    expect(dayIndexAtX(0, 200, 3)).toBe(0);
    expect(dayIndexAtX(140, 200, 3)).toBe(1);
    expect(dayIndexAtX(260, 200, 3)).toBe(2);
    expect(dayIndexAtX(-5, 200, 3)).toBe(0);
    expect(xOfDay(series, dayOf('1900-01-02') - 0.5, 200)).toBe(50);
    expect(xOfDay(series, dayOf('1900-01-09'), 200)).toBe(200);
    expect(indexOfDate(series, '1900-01-03')).toBe(2);
    expect(indexOfDate(series, '1900-01-04')).toBe(-1);
  });

  it('draws the real pack\'s series (golden figures) inside its box', () => {
    const real = (golden as [string, number, number, number][]).map(([date, pva, un, nml]) => day(date, pva, un, nml));
    const chart = heldChart(real, 600, 96);
    expect(chart.xs).toHaveLength(32);
    for (const y of [...chart.tops.UN, ...chart.tops.noMansLand]) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(96);
    }
    // The box shows 60,000–90,000 km² from below: UN ground fell from 88,023 km² on 31 December to 69,843 on 22 January.
    expect(chart.left.map((g) => g.km2)).toEqual([60000, 70000, 80000, 90000]);
    expect(chart.tops.UN[0]).toBeCloseTo(96 - ((88023 - 60000) / 30000) * 96, 0);
    // Both scales are round (not the land less a round number: 125,782 …), each value at its height.
    const pva = chart.right.map((g) => g.km2);
    expect(pva.length).toBeGreaterThanOrEqual(2);
    for (const v of [...pva, ...chart.left.map((g) => g.km2)]) expect(v % 10_000).toBe(0);
    for (const g of chart.right) expect(g.y).toBeCloseTo(96 - ((chart.totalKm2 - g.km2 - 60000) / 30000) * 96, 0);
  });
});
