/**
 * Hours, zones and rivers, from the fact sheet (../shared/history/JANUARY-1951.md §§1, 2, 9),
 * asked through holderAt — the function behind `geo:query` and the map click — so what the
 * animation shows between day steps is held to the sources too (issue 13).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { along } from '@turf/along';
import { length } from '@turf/length';
import { lineString, point } from '@turf/helpers';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import type { FeatureCollection, LineString, MultiLineString, Point, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { viewAt } from '../../src/lib/view.ts';
import { holderAt } from '../../src/lib/holder.ts';
import { momentIso, momentOf } from '../../src/lib/dates.ts';
import type { Side } from '../../src/lib/types.ts';
import type { Zone } from '../../src/lib/zones.ts';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);
});
const positions = () => (JSON.parse(readFileSync('geo/korea-1951-01/unit-positions.geojson', 'utf8')) as FeatureCollection<Point, { id: string }>).features;

const at = (id: string): [number, number] => {
  const f = pack.places.features.find((p) => p.properties.id === id);
  if (!f) throw new Error(`no place ${id}`);
  return [f.geometry.coordinates[0], f.geometry.coordinates[1]];
};
const UN: Side = 'UN';
const PK: Side = 'PVA/KPA';

/**
 * [place, side it keeps until `until` (checked every 20 minutes from `from`), the side it is on
 * by `by`, the source]. A place may change side after the hour its source gives, never before.
 */
const HOURS: [string, Side, string, string, Side, string, string][] = [
  ['munsan', UN, '1950-12-31T00:00', '1950-12-31T17:00', PK, '1951-01-02', 'KFG/EF9: the offensive opened about 17:00 on 31 Dec'],
  ['gorangpo-ri', UN, '1950-12-31T00:00', '1950-12-31T17:00', PK, '1951-01-01T08:00', 'KFG/RIR: the 116th Division crossed at Korangp\'o-ri that night'],
  ['goyang', UN, '1951-01-02T12:00', '1951-01-03T03:00', PK, '1951-01-03T06:00', 'overlord-wot via RIR: the US unit left Koyang about 03:00 on 3 Jan'],
  ['chaegunghyon', UN, '1951-01-02T12:00', '1951-01-03T24:00', PK, '1951-01-04T04:00', 'RIR: the Ulster Rifles held all 3 Jan, ordered out on the night of 3–4 Jan'],
  ['seoul', UN, '1951-01-03T00:00', '1951-01-04T00:00', PK, '1951-01-04', 'Britannica, §7: the last UN troops left and the city was entered on 4 Jan'],
  ['suwon', UN, '1951-01-05T12:00', '1951-01-06T14:00', PK, '1951-01-07', '§9.1.3 (CBZ; Time): the rear guard left about 14:00 on 6 Jan'],
  ['wonju', UN, '1951-01-06T12:00', '1951-01-07T20:00', PK, '1951-01-08', '§9.1.4: the 2nd Division left Wonju on the night of 7 Jan'],
  ['gangneung', UN, '1951-01-07T12:00', '1951-01-09T00:00', PK, '1951-01-09', '§9.1.1 (YY): ROK I Corps withdrawing through Kangnung on 8 Jan'],
  ['osan', UN, '1951-01-15T20:00', '1951-01-16T14:00', PK, '1951-01-16', '§9.1.7 (KMR127; CBZ): Wolfhound at Osan overnight, recalled about 14:00 on 16 Jan'],
];

describe('places change side at the hour their sources give, never before', { timeout: 120_000 }, () => {
  it.each(HOURS)('%s stays %s from %s until %s, and is %s by %s (%s)', (place, before, from, until, after, by) => {
    const wrong: string[] = [];
    for (let d = momentOf(from); d <= momentOf(until) + 1e-9; d += 1 / 72) {
      if (holderAt(pack, d, at(place)).side !== before) wrong.push(momentIso(d));
    }
    expect(wrong).toEqual([]);
    expect(holderAt(pack, momentOf(by), at(place)).side).toBe(after);
  });

  it('a date alone is the end of that day: 4 January shows Seoul lost, 3 January does not', () => {
    expect(holderAt(pack, momentOf('1951-01-04'), at('seoul')).side).toBe(PK);
    expect(holderAt(pack, momentOf('1951-01-03'), at('seoul')).side).toBe(UN);
    expect(holderAt(pack, momentOf('1951-01-04T24:00'), at('seoul'))).toEqual(holderAt(pack, momentOf('1951-01-04'), at('seoul')));
  });
});

/**
 * [unit, position id, held at this position through `until` (checked every 20 minutes from
 * `from`), gone from it (moving or elsewhere) by `by`, source]. A unit may not leave before its
 * sourced departure, nor stay after it.
 */
const DEPARTURES: [string, string, string, string, string, string][] = [
  ['cw-27-bde', 'pos-cw-27-bde-1951-01-01', '1951-01-01T00:20', '1951-01-01T17:00', '1951-01-01T20:00', 'WP-UIJEONGBU: 3 RAR nearly cut off by dusk and withdrew'],
  ['us-25-div', 'pos-us-25-div-1951-01-05', '1951-01-05T00:20', '1951-01-06T14:00', '1951-01-06T16:00', 'CBZ: the rear guard left Suwon at about 14:00 on 6 Jan'],
  ['rok-1-div', 'pos-rok-1-div-1951-01-05', '1951-01-05T00:20', '1951-01-06T14:00', '1951-01-06T16:00', 'CBZ: the rear guard left Suwon at about 14:00 on 6 Jan'],
  ['us-27-inf', 'pos-us-27-inf-1951-01-15', '1951-01-15T00:20', '1951-01-16T14:00', '1951-01-16T16:00', 'KMR127; CBZ: the night of 15 Jan at Osan, recalled at about 14:00 on 16 Jan'],
  ['us-2-div', 'pos-us-2-div-1951-01-05', '1951-01-05T00:20', '1951-01-07T20:00', '1951-01-08T12:00', 'KMR127; TIME 22 Jan: Wonju left on the night of 7 Jan'],
];

describe('units leave their positions at the hour their sources give, not before', () => {
  it.each(DEPARTURES)('%s stays at %s from %s until %s and has left by %s (%s)', (unit, id, from, until, by) => {
    const position = positions().find((f) => f.properties.id === id)!;
    const where = (d: number) => viewAt(pack, d).units.features.find((f) => f.properties.unit === unit);
    const wrong: string[] = [];
    for (let d = momentOf(from); d <= momentOf(until) + 1e-9; d += 1 / 72) {
      const u = where(d);
      if (!u || u.properties.moving || u.geometry.coordinates.join() !== position.geometry.coordinates.join()) wrong.push(momentIso(d));
    }
    expect(wrong).toEqual([]);
    const later = where(momentOf(by));
    // Gone: hidden (no later position known), moving, or at another position.
    expect(Boolean(later && !later.properties.moving && later.geometry.coordinates.join() === position.geometry.coordinates.join())).toBe(false);
  });
});

/** [place, moment, side, zone, source]. */
const ZONES: [string, string, Side, Zone, string][] = [
  ['osan', '1951-01-10', PK, "no-man's land", '§9.2: Osan empty ground north of the Chinwi outposts'],
  ['icheon', '1951-01-10', PK, "no-man's land", 'EF12: IX Corps patrols found Ich\'on empty'],
  ['yeoju', '1951-01-12', PK, "no-man's land", 'EF12: IX Corps patrols found Yoju empty'],
  ['osan', '1951-01-15', UN, 'held', '§9.1.7: the 27th Infantry spent the night of 15 Jan at Osan'],
  ['osan', '1951-01-16', PK, "no-man's land", '§9.1.7: Osan no-man\'s land after the recall'],
  ['osan', '1951-01-24', PK, "no-man's land", '§9.1.7: Osan no-man\'s land 16–24 Jan'],
  ['osan', '1951-01-25', UN, 'held', '§9.1.7: UN from 25 Jan'],
  ['wonju', '1951-01-23', PK, "no-man's land", 'TIME 29 Jan: armoured patrols found Wonju empty after the salient was given up'],
  ['suwon', '1951-01-10', PK, 'held', 'CBZ: Communist forces in Suwon from 7 Jan'],
  ['suwon', '1951-01-26', UN, 'held', '§9.1.3 (TIME 29 Jan): Suwon pronounced secure on 26 Jan'],
  ['gyeongan-ri', '1951-01-12', PK, 'held', 'EF12: Chinese concentrations at Kyongan-ni'],
  ['pyeongtaek', '1951-01-12', UN, 'held', '§9.2: Line D passes just north of P\'yongt\'aek'],
  ['icheon', '1951-01-05', UN, 'held', '§2(c): passed through by rear guards 4–6 Jan'],
  ['danyang', '1951-01-15', UN, 'infiltrated', '§2(d), §9.1.11: KPA II Corps through the Tanyang–Yongwol gap'],
  ['andong', '1951-01-20', UN, 'infiltrated', '§1 mid-Jan: toward Andong; USMC4 guerrilla hunt'],
  ['chungju', '1951-01-15', UN, 'held', '§1: X Corps HQ at Ch\'ungju'],
  ['andong', '1951-01-05', UN, 'held', 'the infiltration is shown from 10 Jan (roadblock reported 11–12 Jan, TROVE)'],
];

/**
 * [place, from, to, zone, source]: the place lies in `zone`, on the PVA/KPA side of the UN
 * front, at every hour from `from` to `to` (checked every hour). Ground the UN had left and the
 * PVA/KPA had not entered is no-man's land, never PVA/KPA-held.
 */
const SPANS: [string, string, string, Zone, string][] = [
  ['icheon', '1951-01-07T00:00', '1951-01-15', "no-man's land", 'EF12: between 7 and 15 Jan IX Corps patrols found Ich\'on empty'],
  ['yeoju', '1951-01-07T00:00', '1951-01-15', "no-man's land", 'EF12: between 7 and 15 Jan IX Corps patrols found Yoju empty'],
  ['osan', '1951-01-07T12:00', '1951-01-15T12:00', "no-man's land", '§9.2: Osan empty ground north of the Chinwi outposts, 7–24 Jan'],
  ['osan', '1951-01-16T20:00', '1951-01-24', "no-man's land", '§9.1.7 (KMR127; CBZ): no-man\'s land after the Wolfhound recall until 25 Jan'],
  ['wonju', '1951-01-23T00:00', '1951-01-24', "no-man's land", 'TIME 29 Jan; KMR127: the salient given up, patrols into an empty Wonju'],
];

describe('zones: no-man\'s land and infiltration', () => {
  it.each(ZONES)('%s at %s: %s side, %s (%s)', (place, moment, side, zone) => {
    const a = holderAt(pack, momentOf(moment), at(place));
    expect([a.side, a.zone]).toEqual([side, zone]);
  });

  it.each(SPANS)('%s from %s to %s is %s at every hour (%s)', (place, from, to, zone) => {
    const wrong: string[] = [];
    for (let d = momentOf(from); d <= momentOf(to) + 1e-9; d += 1 / 24) {
      const a = holderAt(pack, d, at(place));
      if (a.side !== PK || a.zone !== zone) wrong.push(`${momentIso(d)}: ${a.side}, ${a.zone}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the band is drawn with its certainty and sources, and morphs: it grows out of the front as the UN leaves the ground, 5–6 January', () => {
    const none = viewAt(pack, momentOf('1951-01-05')).zones.noMansLand.features;
    const half = viewAt(pack, momentOf('1951-01-06T03:00')).zones;
    const full = viewAt(pack, momentOf('1951-01-10')).zones.noMansLand.features;
    expect(none).toEqual([]);
    expect(half.forward.interpolated).toBe(true);
    expect(half.noMansLand.features[0].properties.interpolated).toBe(true);
    expect(full).toHaveLength(1);
    expect(full[0].properties.certainty).toBe(3);
    expect(full[0].properties.sources).toEqual(expect.arrayContaining(['EF12', 'KMR127']));
  });
});

/** Courses of a named basemap river. */
function river(id: string): Position[][] {
  const rivers = pack.basemap.rivers as FeatureCollection<LineString | MultiLineString, { id?: string }>;
  return rivers.features
    .filter((f) => f.properties?.id === id)
    .flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates));
}

/** The largest distance (km) from the drawn line between two longitudes to the river, sampled every 250 m. */
function worstKm(coords: Position[], riverId: string, west: number, east: number): { km: number; samples: number } {
  const courses = river(riverId).map((c) => lineString(c));
  const line = lineString(coords);
  let km = 0;
  let samples = 0;
  for (let s = 0; s <= length(line); s += 0.25) {
    const p = along(line, s);
    const lon = p.geometry.coordinates[0];
    if (lon < west || lon > east) continue;
    samples++;
    km = Math.max(km, Math.min(...courses.map((c) => pointToLineDistance(p, c, { units: 'kilometers' }))));
  }
  return { km, samples };
}

describe('rivers followed: where a source says the line ran along a river, the drawn line follows its course', { timeout: 120_000 }, () => {
  // [keyframe moment, river, west and east ends of the stretch (longitude), source].
  const STRETCHES: [string, string, number, number, string][] = [
    ['1950-12-31', 'river-imjin', 126.7, 126.98, 'Line B followed the Imjin (TIME 15 Jan; RIR)'],
    ['1950-12-31T17:00', 'river-imjin', 126.7, 126.98, 'the same, at the hour of the attack'],
    ['1951-01-04', 'river-han', 126.77, 127.12, 'Line C west along the south bank of the Han (SNB)'],
  ];

  it.each(STRETCHES)('%s along the %s from %f to %f E (%s)', (moment, riverId, west, east) => {
    // The line as drawn: the resampled keyframe the map shows at that moment.
    const drawn = viewAt(pack, momentOf(moment)).front.coords as Position[];
    const { km, samples } = worstKm(drawn, riverId, west, east);
    expect(samples).toBeGreaterThan(40);
    // GSHHG's river is a centre line; the Han is about 1 km wide at Seoul. A chord across a bend
    // (before the line followed the river) was up to 1.4 km off.
    expect(km).toBeLessThan(0.6);
  });

  it('the data itself puts a vertex on the river wherever the course bends', () => {
    for (const [moment, riverId, west, east] of STRETCHES) {
      const f = pack.fronts.features.find((x) => x.properties.date === moment)!;
      expect(worstKm(f.geometry.coordinates, riverId, west, east).km, moment).toBeLessThan(0.25);
    }
  });
});

describe('geo:query and the map agree on zones', () => {
  it('answers with the zone for a point the band covers', () => {
    const a = holderAt(pack, momentOf('1951-01-12'), at('icheon'));
    expect(Object.keys(a)).toEqual(['date', 'lngLat', 'side', 'zone', 'frontDistanceKm']);
    expect(a.date).toBe('1951-01-12');
    expect(pointToLineDistance(point(at('icheon')), lineString(viewAt(pack, momentOf('1951-01-12')).front.coords as Position[]), { units: 'kilometers' })).toBeGreaterThan(5);
  });
});
