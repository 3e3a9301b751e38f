/**
 * The pack's formations, positions and arrows against the fact sheet
 * (../shared/history/JANUARY-1951.md): parents set, sources and certainty on every feature,
 * each unit on its own side of the front for the whole of the days it is known, withdrawals
 * running through UN ground, and the formations issue 13 asked for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { viewAt } from '../../src/lib/view.ts';
import { sideOf } from '../../src/lib/holder.ts';
import { unitsAt } from '../../src/lib/forces.ts';
import { dayOf, periodEnd, periodStart } from '../../src/lib/dates.ts';
import { isValidSidc } from '../../src/build/unit-symbols.ts';
import type { ArrowProps, Unit, UnitPositionProps } from '../../src/lib/types.ts';

const DIR = 'geo/korea-1951-01';
const read = <T>(file: string): T => JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as T;
const units = read<Record<string, Unit>>('units.json');
const positions = read<FeatureCollection<Point, UnitPositionProps>>('unit-positions.geojson').features;
const arrows = read<FeatureCollection<LineString, ArrowProps>>('arrows.geojson').features;
const sources = JSON.parse(readFileSync('geo/sources.json', 'utf8')) as Record<string, unknown>;
const notes = { en: read<{ notes: Record<string, string> }>('unit-notes.en.json').notes, ko: read<{ notes: Record<string, string> }>('unit-notes.ko.json').notes };

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack(`${DIR}/manifest.json`, fsJsonReader, { langs: ['en'] });
});

/** The top of each chain of command: no parent above them in this pack. */
const ROOTS = ['us-eighth-army', 'pva', 'kpa'];

/**
 * Positions documented as lying on the far side of the front (geo/README.md): KPA II and
 * V Corps assembled behind the UN line on 31 Dec, the II Corps infiltration, the Wolfhound
 * raid in no-man's land.
 */
const BEHIND_THE_LINE = new Set([
  'pos-kpa-2-corps-1950-12-31',
  'pos-kpa-5-corps-1950-12-31',
  'pos-kpa-2-corps-1951-01-12',
  'pos-us-3-div-1951-01-15',
  'pos-us-27-inf-1951-01-15',
]);

describe('formations', () => {
  it('every unit but the top commands has a parent of its own side, and every chain ends at a top command', () => {
    for (const u of Object.values(units)) {
      if (ROOTS.includes(u.id)) { expect(u.parent, u.id).toBeUndefined(); continue; }
      expect(u.parent, `${u.id} has no parent`).toBeDefined();
      const seen = new Set<string>();
      let at: Unit = u;
      while (at.parent) {
        expect(seen.has(at.id), `cycle at ${at.id}`).toBe(false);
        seen.add(at.id);
        at = units[at.parent];
        expect(at, `${u.id}: parent missing`).toBeDefined();
        expect(at.side).toBe(u.side);
      }
      expect(ROOTS).toContain(at.id);
    }
  });

  it('the US 3rd Division is in I Corps; the formations issue 13 found missing are listed', () => {
    expect(units['us-3-div'].parent).toBe('us-i-corps');
    for (const id of ['us-7-div', 'us-187-rct', 'us-1-mar-div', 'rok-cap-div']) {
      const u = units[id];
      expect(u, id).toBeDefined();
      expect(u.side).toBe('UN');
      expect(isValidSidc(u.sidc), `${id} ${u.sidc}`).toBe(true);
      expect(notes.en[id]?.length).toBeGreaterThan(40);
      expect(notes.ko[id]?.length).toBeGreaterThan(20);
    }
    expect(units['us-187-rct'].sidc.slice(4, 8)).toBe('UCIA'); // airborne infantry
    expect(units['us-187-rct'].sidc[11]).toBe('G'); // regiment
    expect(units['rok-cap-div'].parent).toBe('rok-i-corps');
  });

  it('the Marines are drawn in the Pohang–Andong area from 12 January; the formations the fact sheet does not place are not drawn', () => {
    const marines = positions.filter((f) => f.properties.unit === 'us-1-mar-div');
    expect(marines.map((f) => f.properties.from)).toEqual(['1951-01-12']);
    const [lon, lat] = marines[0].geometry.coordinates;
    // Between Andong (128.723, 36.566) and Pohang (129.343, 36.019).
    expect(lon).toBeGreaterThan(128.7);
    expect(lon).toBeLessThan(129.35);
    expect(lat).toBeGreaterThan(36.0);
    expect(lat).toBeLessThan(36.6);
    expect(marines[0].properties.certainty).toBe(3);
    for (const id of ['us-7-div', 'us-187-rct', 'rok-cap-div', ...ROOTS, 'pva-right-wing', 'pva-left-wing']) {
      expect(positions.some((f) => f.properties.unit === id), id).toBe(false);
    }
  });

  it('every unit, position and arrow cites sources that resolve and grades its certainty', () => {
    const cited: [string, string[]][] = [
      ...Object.values(units).map((u): [string, string[]] => [u.id, u.sources]),
      ...positions.map((f): [string, string[]] => [f.properties.id, f.properties.sources]),
      ...arrows.map((f): [string, string[]] => [f.properties.id, f.properties.sources]),
    ];
    for (const [id, keys] of cited) {
      expect(keys.length, id).toBeGreaterThan(0);
      for (const k of keys) expect(sources, `${id} cites ${k}`).toHaveProperty(k);
    }
    for (const f of [...positions, ...arrows]) expect([1, 2, 3], f.properties.id).toContain(f.properties.certainty);
  });
});

/**
 * How finely the days a unit is known are sampled: every three hours, from 00:00 of its first
 * day to 24:00 of its last. A date-only front keyframe is the line at the end of its day
 * (geo/README.md, Conventions), so a unit may stand until the hour the front passes it.
 */
const STEP = 1 / 8;

describe('positions over the whole day', () => {
  it('each unit stands on its own side of the front at every hour of the days it is known there', () => {
    const wrong: string[] = [];
    for (const f of positions) {
      if (BEHIND_THE_LINE.has(f.properties.id)) continue;
      const side = units[f.properties.unit].side;
      for (let day = periodStart(f.properties.from); day <= periodEnd(f.properties.to) + 1e-9; day += STEP) {
        const at = viewAt(pack, day);
        if (sideOf(at.north, f.geometry.coordinates) !== side) wrong.push(`${f.properties.id} at ${day}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a unit known "on 31 December" is still drawn, in place, at 23:00 that day', () => {
    const late = unitsAt(pack.tracks, periodStart('1950-12-31') + 23 / 24).features.map((f) => f.properties);
    for (const id of ['pva-38-army', 'pva-40-army', 'pva-42-army', 'pva-66-army', 'rok-1-div', 'rok-2-div', 'rok-5-div', 'rok-6-div']) {
      const u = late.find((p) => p.unit === id);
      expect(u, id).toBeDefined();
      expect(u?.moving, id).toBe(false);
    }
  });

  it('the US 2nd Division stands on the heights about 3 km south of Wonju from 8 January', () => {
    const f = positions.find((p) => p.properties.id === 'pos-us-2-div-1951-01-08') as Feature<Point, UnitPositionProps>;
    const [lon, lat] = f.geometry.coordinates;
    const km = (37.351 - lat) * 111.2;
    expect(km).toBeGreaterThan(2.5);
    expect(km).toBeLessThan(4.5);
    expect(Math.abs(lon - 127.945)).toBeLessThan(0.02);
  });
});

describe('withdrawal arrows', () => {
  const withdrawals = arrows.filter((f) => f.properties.kind === 'withdrawal');

  it('the UN withdrawal of 3–7 January is drawn: Seoul, IX Corps, the Suwon rear guard, Wonju', () => {
    const ids = withdrawals.map((f) => f.properties.id);
    for (const id of ['arrow-i-corps-seoul-suwon', 'arrow-ix-corps-line-d', 'arrow-rear-guard-suwon-line-d', 'arrow-us-2-div-leaves-wonju']) expect(ids).toContain(id);
    for (const f of withdrawals) {
      expect(f.properties.side).toBe('UN');
      expect(f.properties.from >= '1951-01-03' && f.properties.to <= '1951-01-10', f.properties.id).toBe(true);
    }
  });

  it('each starts on UN ground when it appears and ends on UN ground when it goes, pointing south', () => {
    for (const f of withdrawals) {
      const c = f.geometry.coordinates;
      const start = viewAt(pack, periodStart(f.properties.from));
      const end = viewAt(pack, periodEnd(f.properties.to) - 1 / 24);
      expect(sideOf(start.north, c[0]), `${f.properties.id} tail`).toBe('UN');
      expect(sideOf(end.north, c[c.length - 1]), `${f.properties.id} head`).toBe('UN');
      expect(c[c.length - 1][1], f.properties.id).toBeLessThan(c[0][1]);
    }
  });
});
