/**
 * The basemap's two levels (geo/basemap): the overview the embed starts with and the detail it
 * loads when its map goes deeper are the same land, the overview within its tolerance of the
 * detail, and loading each reads only its own file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { loadDetail, loadPack, type JsonReader } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';

const KOREA = 'geo/korea-1951-01/manifest.json';
const recording = () => {
  const asked: string[] = [];
  const read: JsonReader = (path) => (asked.push(path.split('/').pop()!), fsJsonReader(path));
  return { asked, read };
};
const ids = (fc: FeatureCollection) => fc.features.map((f) => (f.properties as { id: string }).id);
/** [lon, lat] in km on a plane tangent at 37.5° N (close enough over Korea for a bound). */
const km = ([x, y]: Position): [number, number] => [x * 111.32 * Math.cos((37.5 * Math.PI) / 180), y * 110.57];
/** Distance (km) from p to the segment a–b, in km coordinates. */
function toSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = dx || dy ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
/** Largest distance (km) from a vertex of `from` to the line `to`. */
function farthest(from: Position[], to: Position[]): number {
  const line = to.map(km);
  let worst = 0;
  for (const p of from.map(km)) {
    let best = Infinity;
    for (let i = 1; i < line.length; i++) best = Math.min(best, toSegment(p, line[i - 1], line[i]));
    worst = Math.max(worst, best);
  }
  return worst;
}

describe('basemap levels', async () => {
  const detailRun = recording();
  const detailPack = await loadPack(KOREA, detailRun.read, { langs: ['en'], surroundings: false });
  const overviewRun = recording();
  const overviewPack = await loadPack(KOREA, overviewRun.read, { langs: ['en'], surroundings: false, basemap: 'overview' });
  const [detail, overview] = [detailPack.basemap, overviewPack.basemap];

  it('loads the overview alone when asked, and the detail later on its own', async () => {
    expect(detailRun.asked).toContain('basemap.topo.json');
    expect(detailRun.asked).not.toContain('basemap-overview.topo.json');
    expect(detail.overview).toBeUndefined();
    expect(overviewRun.asked).toContain('basemap-overview.topo.json');
    expect(overviewRun.asked).not.toContain('basemap.topo.json');
    expect(overview.overview).toBe(true);
    const later = recording();
    const loaded = await loadDetail(KOREA, overviewPack.manifest, later.read);
    expect(later.asked).toEqual(['basemap.topo.json']);
    expect(loaded).toEqual(detail);
  });

  it('is the same land, coast and rivers within the overview tolerance (0.005°, 0.006°: under 0.7 km)', () => {
    const ringOf = (f: Feature<Polygon>) => f.geometry.coordinates[0];
    expect(farthest(ringOf(overview.mainland), ringOf(detail.mainland))).toBeLessThan(0.7);
    expect(farthest(ringOf(detail.mainland), ringOf(overview.mainland))).toBeLessThan(0.7);
    // The same islands (by id) and rivers, each close to its detail.
    expect(ids(overview.land)).toEqual(ids(detail.land));
    expect(ids(overview.rivers)).toEqual(ids(detail.rivers));
    overview.land.features.forEach((f, i) => expect(farthest(ringOf(f as Feature<Polygon>), ringOf(detail.land.features[i] as Feature<Polygon>))).toBeLessThan(0.7));
    overview.rivers.features.forEach((f, i) => expect(farthest((f as Feature<LineString>).geometry.coordinates, (detail.rivers.features[i] as Feature<LineString>).geometry.coordinates)).toBeLessThan(0.8));
    expect(overview.parallel).toEqual(detail.parallel);
  });

  it('costs about two thirds of the detail (gzip)', () => {
    const gz = (f: string) => gzipSync(readFileSync(`geo/basemap/${f}`)).length;
    expect(gz('basemap-overview.topo.json')).toBeLessThan(0.7 * gz('basemap.topo.json'));
  });

  it('has its coordinates on the overview grid (1e-3°)', () => {
    const coords = [overview.mainland, ...overview.land.features, ...overview.rivers.features].flatMap((f) => (f.geometry as Polygon).coordinates.flat(2) as number[]);
    expect(coords.every((x) => Math.abs(x * 1000 - Math.round(x * 1000)) < 1e-6)).toBe(true);
  });
});
