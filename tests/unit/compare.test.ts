/**
 * Compare mode's figures on whole packs: the synthetic pack with known areas (fronts along
 * parallels over a quadrangle of land) and golden figures on the real pack.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { loadMessages } from '../../src/lib/i18n.ts';
import { compareFigures, heldSeries, landIndexOf, type CompareFigures } from '../../src/lib/compare.ts';
import { changedPlaces, datesAfter, datesFromTo } from '../../src/lib/changes.ts';
import { compareSentences, formatKm2, roundKm2 } from '../../src/lib/compare-text.ts';
import type { LandIndex } from '../../src/lib/areas.ts';
import { km2 } from '../../src/lib/areas.ts';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import { viewAt } from '../../src/lib/view.ts';
import { dayOf } from '../../src/lib/dates.ts';
import { expectGolden } from './golden.ts';

const R = 6_371_008.8;
const RAD = Math.PI / 180;
/** Clipping the real mainland is slow on a loaded machine; these are correctness tests, not timings. */
const SLOW = 120_000;
const quad = (w: number, s: number, e: number, n: number) => (R * R * (e - w) * RAD * (Math.sin(n * RAD) - Math.sin(s * RAD))) / 1e6;

describe('calendar dates', () => {
  it('lists the dates after A up to B, either way, across a month end', () => {
    expect(datesAfter('1950-12-30', '1951-01-02')).toEqual(['1950-12-31', '1951-01-01', '1951-01-02']);
    expect(datesAfter('1951-01-02', '1950-12-31')).toEqual(['1951-01-01', '1950-12-31']);
    expect(datesAfter('1951-01-02', '1951-01-02')).toEqual([]);
    expect(datesAfter('nonsense', '1951-01-02')).toEqual([]);
    expect(datesFromTo('1951-01-30', '1951-02-01')).toEqual(['1951-01-30', '1951-01-31', '1951-02-01']);
  });
});

describe('rounding areas for reading', () => {
  it('rounds to two significant figures, tens below 100, nothing below 1 km²', () => {
    expect([17178.1, 3369.5, 828.8, 134.3, 47, 4, 0.09].map(roundKm2)).toEqual([17000, 3400, 830, 130, 50, 10, 0]);
  });
});

describe('compare on the synthetic pack with known areas', () => {
  let pack: Pack;
  let index: LandIndex;
  beforeAll(async () => {
    pack = await loadPack('tests/fixtures/packs/areas/manifest.json', fsJsonReader);
    index = landIndexOf(pack);
  }, SLOW);

  it('gives every day the land north of the day\'s front (a blend of 38° and 37° N)', () => {
    const series = heldSeries(pack, index);
    expect(series.map((d) => d.date)).toEqual(datesFromTo('1900-01-01', '1900-01-11'));
    // The front moves 0.2° a day from 38° N on 1 January to 37° N on 6 January, then stays.
    series.forEach((d, i) => {
      const lat = 38 - 0.2 * Math.min(i, 5);
      expect(d.held['PVA/KPA']).toBeCloseTo(quad(126, lat, 129, 38.5), 0);
      expect(d.held.UN).toBeCloseTo(quad(126, 36, 129, lat), 0);
    });
  }, SLOW);

  it('finds the ground gained, the place that changed hands on its day, and the advance', () => {
    const f = compareFigures(pack, index, '1900-01-01', '1900-01-06');
    expect(f.change.gained['PVA/KPA']).toBeCloseTo(quad(126, 37, 129, 38), 0);
    expect(f.change.lost.UN).toBeCloseTo(quad(126, 37, 129, 38), 0);
    // Alpha (37.5° N) falls behind the front when it passes 37.5° N: between the 3rd (37.6°) and the 4th (37.4°).
    expect(f.places).toEqual([{ id: 'alpha', from: 'UN', to: 'PVA/KPA', date: '1900-01-04', changes: 1 }]);
    // One degree of latitude on turf's sphere.
    expect(f.advances).toHaveLength(1);
    expect(f.advances[0].side).toBe('PVA/KPA');
    expect(f.advances[0].km).toBeCloseTo(111.2, 0);
    const back = compareFigures(pack, index, '1900-01-06', '1900-01-01');
    expect(back.change.gained.UN).toBeCloseTo(quad(126, 37, 129, 38), 0);
    expect(back.places).toEqual([{ id: 'alpha', from: 'PVA/KPA', to: 'UN', date: '1900-01-03', changes: 1 }]);
  }, SLOW);

  it('says it in words in both languages', async () => {
    await loadMessages('ko');
    const f = compareFigures(pack, index, '1900-01-01', '1900-01-06');
    const en = compareSentences(pack, f, 'en');
    expect(en[0]).toBe('Between 1 January 1900 and 6 January 1900 the PVA/KPA side gained about 29,000 km² of land and lost none; the UN side gained none and lost about 29,000 km².');
    expect(en[1]).toBe('Places that changed hands (with the day each did): Alpha (4 Jan).');
    expect(en[2]).toMatch(/^The largest advance along the front was 111\.\d km, by the PVA\/KPA side, near Alpha\.$/);
    const ko = compareSentences(pack, f, 'ko');
    expect(ko[0]).toContain('약 29,000km²');
    expect(ko[1]).toContain('알파');
    expect(formatKm2('ko', 0.2)).toBe('0km²');
  }, SLOW);
});

/** The figures a golden file holds: km² to 0.1, advances to 0.1 km, places with their days. */
function goldenOf(f: CompareFigures) {
  const r = (x: number) => Math.round(x * 10) / 10;
  const zones = (z: Record<string, number>) => Object.fromEntries(Object.entries(z).map(([k, v]) => [k, r(v)]));
  return {
    a: f.a, b: f.b,
    held: { a: zones(f.change.held.a), b: zones(f.change.held.b) },
    gained: zones(f.change.gained), lost: zones(f.change.lost),
    places: f.places.map((p) => `${p.id} ${p.from}→${p.to} ${p.date}${p.changes > 1 ? ` (${p.changes} changes)` : ''}`),
    advances: f.advances.map((a) => ({ side: a.side, km: a.km })),
  };
}

describe('compare on the real pack', () => {
  let pack: Pack;
  let index: LandIndex;
  beforeAll(async () => {
    pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);
    index = landIndexOf(pack);
  }, SLOW);

  it('measures the land on the strip exactly as on the whole mainland', () => {
    const view = viewAt(pack, dayOf('1951-01-05'));
    const direct = km2(intersect(featureCollection([view.north, pack.basemap.mainland])));
    const series = heldSeries(pack, index);
    expect(series.find((d) => d.date === '1951-01-05')!.held['PVA/KPA']).toBeCloseTo(direct, 1);
    expect(series).toHaveLength(32);
    expectGolden('held-series-korea.json', series.map((d) => [d.date, Math.round(d.held['PVA/KPA']), Math.round(d.held.UN), Math.round(d.held.noMansLand)]));
  }, SLOW);

  it('holds the figures for four date pairs', () => {
    const pairs = [['1951-01-01', '1951-01-24'], ['1950-12-31', '1951-01-08'], ['1951-01-24', '1951-01-31'], ['1951-01-01', '1951-01-07']] as const;
    expectGolden('compare-korea.json', pairs.map(([a, b]) => goldenOf(compareFigures(pack, index, a, b))));
  }, SLOW);

  it('names Seoul among the places lost between 1 and 24 January, on 4 January', () => {
    const seoul = changedPlaces(pack, '1951-01-01', '1951-01-24').find((p) => p.id === 'seoul');
    expect(seoul).toEqual({ id: 'seoul', from: 'UN', to: 'PVA/KPA', date: '1951-01-04', changes: 1 });
  });
});

describe('compare sentences on the real pack', () => {
  it('answers "what changed between 1 and 24 January, and how much?"', async () => {
    const pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);
    const f = compareFigures(pack, landIndexOf(pack), '1951-01-01', '1951-01-24');
    const en = compareSentences(pack, f, 'en');
    // The UN side lost more than the PVA/KPA side gained: the rest is no-man's land on 24 January.
    expect(en[0]).toBe('Between 1 January 1951 and 24 January 1951 the PVA/KPA side gained about 14,000 km² of land and lost none; the UN side gained none and lost about 16,000 km².');
    expect(en[1]).toBe('No-man’s land, counted apart, covered none on the first date and about 2,700 km² on the second.');
    // The larger places first, at most eight, in the order they changed hands.
    expect(en[2]).toMatch(/^Places that changed hands \(with the day each did\): .*Seoul \(4 Jan\).*Suwon \(6 Jan\).* and 23 more\.$/);
    expect(en[3]).toMatch(/^The largest advance along the front was 90\.2 km, by the PVA\/KPA side, near \w+\.$/);
    // The same in Korean, with no English word left in it (only the unit km²/km).
    await loadMessages('ko');
    const ko = compareSentences(pack, f, 'ko');
    expect(ko).toHaveLength(4);
    expect(ko[0]).toBe('1951년 1월 1일부터 1951년 1월 24일까지 중공군·북한군 측은 약 14,000km²의 땅을 얻고 0km²를 잃었으며, 유엔군 측은 0km²를 얻고 약 16,000km²를 잃었습니다.');
    expect(ko[2]).toMatch(/^주인이 바뀐 곳\(바뀐 날\): .*서울\(1월 4일\).*수원\(1월 6일\).* 외 23곳\.$/);
    expect(ko[3]).toMatch(/90\.2km/);
    for (const s of ko) expect(s.replace(/km²?/g, '')).not.toMatch(/[A-Za-z]/);
  }, SLOW);
});
