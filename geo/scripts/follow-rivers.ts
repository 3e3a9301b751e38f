/**
 * `npx tsx geo/scripts/follow-rivers.ts`: where a front keyframe runs along a river the sources
 * name (the Imjin on Line B, the Han on 4 January), replace each chord between two vertices that
 * lie on the river with the river's own course from the basemap (GSHHG), so the drawn line
 * follows the bends instead of cutting across them (issue 13). Idempotent: a stretch already on
 * the river has no vertices to add. tests/data/hours.test.ts measures the result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import { distance } from '@turf/distance';
import { lineString, point } from '@turf/helpers';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';

/** Rivers a source says a line followed. */
const FOLLOWED = ['river-imjin', 'river-han'];
/** A vertex this close to a river (km) lies on it. */
const ON_RIVER_KM = 0.15;
/** Only chords whose river course is at most this much longer are replaced (never a loop the line cut on purpose). */
const MAX_DETOUR = 1.8;

const FRONTS = 'geo/korea-1951-01/fronts.geojson';
const topo = JSON.parse(readFileSync('geo/basemap/basemap.topo.json', 'utf8')) as Topology;
const rivers = feature(topo, topo.objects.rivers) as unknown as FeatureCollection<LineString | MultiLineString, { id?: string }>;
const courses: Position[][] = rivers.features
  .filter((f) => FOLLOWED.includes(f.properties?.id ?? ''))
  .flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates));

/** Where `p` meets `course`: the index of the segment and the distance in km, or undefined. */
function onCourse(course: Position[], p: Position): { index: number; km: number } | undefined {
  const hit = nearestPointOnLine(lineString(course), point(p), { units: 'kilometers' });
  const km = hit.properties.dist ?? Infinity;
  return km <= ON_RIVER_KM ? { index: hit.properties.index ?? 0, km } : undefined;
}

const pathKm = (path: Position[]) => path.slice(1).reduce((s, p, i) => s + distance(path[i], p), 0);

/** The river's vertices strictly between a and b, in the order a→b, or undefined. */
function riverBetween(a: Position, b: Position): Position[] | undefined {
  for (const course of courses) {
    const ia = onCourse(course, a);
    const ib = onCourse(course, b);
    if (!ia || !ib || ia.index === ib.index) continue;
    const inner = ia.index < ib.index ? course.slice(ia.index + 1, ib.index + 1) : course.slice(ib.index + 1, ia.index + 1).reverse();
    if (pathKm([a, ...inner, b]) > MAX_DETOUR * distance(a, b)) continue;
    // Rounded as the data is (4 decimals); a river vertex that is already a or b is not added twice.
    const rounded = inner.map((p) => [Math.round(p[0] * 1e4) / 1e4, Math.round(p[1] * 1e4) / 1e4]);
    return rounded.filter((p) => distance(p, a) > 0.001 && distance(p, b) > 0.001);
  }
  return undefined;
}

const data = JSON.parse(readFileSync(FRONTS, 'utf8'));
let added = 0;
for (const f of data.features) {
  const coords: Position[] = f.geometry.coordinates;
  const grades: number[] | undefined = f.properties.segmentCertainty;
  const outCoords: Position[] = [coords[0]];
  const outGrades: number[] = [];
  for (let i = 0; i + 1 < coords.length; i++) {
    const inner = riverBetween(coords[i], coords[i + 1]) ?? [];
    outCoords.push(...inner, coords[i + 1]);
    for (let k = 0; k <= inner.length; k++) outGrades.push(grades ? grades[i] : f.properties.certainty);
    added += inner.length;
  }
  f.geometry.coordinates = outCoords;
  if (grades) f.properties.segmentCertainty = outGrades;
}
writeFileSync(FRONTS, `${JSON.stringify(data, null, 2)}\n`);
process.stdout.write(`follow-rivers: ${added} river vertices added\n`);
