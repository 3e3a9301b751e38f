/**
 * Builds the offline basemap layers in geo/basemap/.
 *
 * Output: three TopoJSON topologies (byte-identical on every run), [lon, lat] rounded to 4
 * decimals (the overview: 3) and quantised losslessly at that precision.
 * basemap.topo.json, the detail, four objects:
 *   mainland   Korean peninsula mainland: North + South Korea merged (no internal border),
 *              largest polygon only, outer ring, counter-clockwise.
 *   land       Korean islands of 1 km² or more (kind "korea-island").
 *   rivers     Major rivers of the centre and south of the peninsula (up to ~39.5 N), named
 *              from gazetteer anchor points where identified.
 *   parallel   The 38th parallel from 124.5 E to 128.9 E (generated).
 * basemap-overview.topo.json, the same four objects drawn more coarsely (see OVERVIEW): what a
 *   map whose view is no deeper than OVERVIEW_MAX_ZOOM draws (the embed's first view), about
 *   two thirds of the detail's bytes; the map loads the detail once it goes deeper.
 * surroundings.topo.json, one object:
 *   land       China, Russia and Japan clipped to 117–139 E, 30–45 N (kind "neighbour"):
 *              context around the campaign, outside its first view, so pages load it after
 *              their first frame.
 * TopoJSON rather than four GeoJSON files: borders shared by two polygons are stored once and
 * coordinates as small integer steps, which compresses to about 60% of the GeoJSON.
 * Also raw/gshhg-rivers.txt: the GMT text the rivers are built from, so a machine without GMT
 * can rebuild them.
 *
 * Sources and licences:
 *   korea, land: Natural Earth 1:10m admin-0 countries, via the world-atlas npm package
 *     (countries-10m.json). Natural Earth: public domain. world-atlas: ISC.
 *   rivers: WDBII river data shipped with GSHHG (Wessel & Smith), extracted with GMT `coast`
 *     (Debian packages gmt and gmt-gshhg-full). GSHHG/WDBII: LGPL-3.0-or-later.
 *
 * Re-run: `npm run geo:basemap` (= `npx tsx geo/scripts/build-basemap.ts`). With `gmt` on PATH the
 * rivers are re-extracted and raw/gshhg-rivers.txt is rewritten; without it that file is read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { feature as topojsonFeature, merge, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

type BBox4 = [number, number, number, number];
type Ring = Position[];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = join(ROOT, 'geo', 'basemap');
const RAW_RIVERS = join(OUT_DIR, 'raw', 'gshhg-rivers.txt');

/**
 * Land box: wider than any view (it contains the map's maxBounds, 118–138 E, 31–44 N, in
 * src/map/style.ts), so land never ends in a straight edge on screen.
 */
const LAND_BOX: BBox4 = [117, 30, 139, 45];
const DECIMALS = 4;
const NEIGHBOUR_TOLERANCE = 0.03;

/** How finely one level of the basemap is drawn (see DETAIL and OVERVIEW). */
interface Level {
  /** Decimal places of every coordinate (and the quantisation step, 10^-decimals degrees). */
  decimals: number;
  /** Douglas–Peucker tolerance of the coast (mainland and islands), degrees. */
  tolerance: number;
  /** Douglas–Peucker tolerance of the rivers, degrees. */
  riverTolerance: number;
  /** Smallest island kept, km². */
  minIslandKm2: number;
}

/** basemap.topo.json: sharp up to the map's deepest zoom (10). */
const DETAIL: Level = { decimals: DECIMALS, tolerance: 0.002, riverTolerance: 0.002, minIslandKm2: 1 };

/**
 * basemap-overview.topo.json: the same objects for views up to OVERVIEW_MAX_ZOOM
 * (src/lib/basemap-level.ts, zoom 7.5 in screen pixels), where one pixel is 350 m or more (the
 * embed's first view, zoom 6.8–7.5): coast within ~550 m (1.5 px) and rivers within ~650 m of
 * the source, coordinates on a 1e-3° grid (~100 m, a third of a pixel). Chosen by drawing both
 * levels at that zoom and comparing (tests/browser/basemap-levels.test.ts): a tolerance of
 * 0.006° and more made the western islands visibly angular. No island is left out: Natural
 * Earth's smallest Korean island is 5 km², a speck of 15 pixels or more in the first view.
 */
const OVERVIEW: Level = { decimals: 3, tolerance: 0.005, riverTolerance: 0.006, minIslandKm2: DETAIL.minIslandKm2 };
/** Neighbour islands below this are invisible at campaign zoom and only cost bytes. */
const MIN_NEIGHBOUR_KM2 = 30;
const MIN_RIVER_KM = 10;
/** Rivers are kept up to 39.5 N: the campaign is fought well south of that. */
const RIVER_BOX: BBox4 = [124, 33, 131, 39.5];
/** A tributary mouth this close to another river is a confluence (WDBII puts it on the line). */
const SNAP_KM = 0.05;
/** An anchor names a reach at most this far away (gazetteer anchors are ±3 km). */
const ANCHOR_KM = 3;
/** Widest reservoir gap a name is carried across (Hwacheon reservoir: ~7 km). */
const GAP_KM = 10;

/** ISO 3166 numeric ids used by world-atlas. */
const KOREA_IDS = ['408', '410'];
const NEIGHBOUR_IDS = ['156', '643', '392'];

/**
 * GMT region and levels for rivers. -Ia = every WDBII river level, but Korea has only levels 2
 * (permanent major: here only north of 40 N) and 3 (additional major: everything below); -I1
 * (double-lined) is empty. 5 output decimals (~1 m) keep the committed raw file small.
 */
const GMT_ARGS = ['coast', '-R124/130/34/39.6', '-Ia', '-Df', '-M', '--FORMAT_FLOAT_OUT=%.5f'];

/** A point on a named river, [lon, lat]. */
interface RiverAnchor {
  name_en: string;
  name_ko: string;
  at: Position;
}

/**
 * The first five are the gazetteer's river label anchors (JANUARY-1951.md §3). The last three
 * are towns on the river (Andong, Gongju, Pyongyang), since the gazetteer has no anchor for them.
 * Hantan has no WDBII line; its anchor is kept so it names one if a future GSHHG release adds it.
 */
const RIVER_ANCHORS: RiverAnchor[] = [
  { name_en: 'Han', name_ko: '한강', at: [126.956, 37.519] },
  { name_en: 'Imjin', name_ko: '임진강', at: [126.92, 37.96] },
  { name_en: 'Hantan', name_ko: '한탄강', at: [127.07, 38.03] },
  { name_en: 'Bukhan', name_ko: '북한강', at: [127.42, 37.73] },
  { name_en: 'Namhan', name_ko: '남한강', at: [127.64, 37.3] },
  { name_en: 'Nakdong', name_ko: '낙동강', at: [128.723, 36.566] },
  { name_en: 'Geum', name_ko: '금강', at: [127.12, 36.46] },
  { name_en: 'Taedong', name_ko: '대동강', at: [125.75, 39.02] },
];

// ---------------------------------------------------------------------------------------------
// Small geometry helpers

/** Rounds every position to `decimals` and drops consecutive duplicates created by rounding. */
function roundLine(coords: Position[], decimals = DECIMALS): Position[] {
  const f = 10 ** decimals;
  const out: Position[] = [];
  for (const [x, y] of coords) {
    const p = [Math.round(x * f) / f, Math.round(y * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Rounds a polygon's rings; rings that collapse below a triangle are dropped. */
function roundPolygon(rings: Ring[], decimals = DECIMALS): Ring[] {
  return rings.map((r) => roundLine(r, decimals)).filter((r) => r.length >= 4);
}

/** Douglas–Peucker simplification of a polygon (turf keeps every ring at 4+ positions). */
function simplifyPolygon(rings: Ring[], tolerance: number): Ring[] {
  const simplified = turf.simplify(turf.polygon(rings), { tolerance, highQuality: true });
  return simplified.geometry.coordinates;
}

/** Area of a polygon in km². */
function areaKm2(rings: Ring[]): number {
  return turf.area(turf.polygon(rings)) / 1e6;
}

/** Orients rings per RFC 7946: outer counter-clockwise, holes clockwise. */
function rewindPolygon(rings: Ring[]): Ring[] {
  return (turf.rewind(turf.polygon(rings)) as Feature<Polygon>).geometry.coordinates;
}

/**
 * Quantisation of a topology: one step per 1e-4° along the longer side of its bounding box, so
 * that side's coordinates land exactly on the grid of the rounded coordinates and the other's
 * on a finer one: decoding and rounding to DECIMALS gives back every coordinate exactly
 * (checked below when writing).
 */
function quantisation(features: Feature[], decimals: number): number {
  const [w, s, e, n] = turf.bbox({ type: 'FeatureCollection', features });
  return Math.round(Math.max(e - w, n - s) * 10 ** decimals) + 1;
}

/**
 * A topology quantised on the grid of its coordinates (10^-decimals degrees on both axes, from
 * a grid corner), so that decoding gives back each coordinate exactly at any finer rounding (the
 * app rounds to DECIMALS). For coarser levels, whose grid the longer-side quantisation would miss.
 */
function onGrid(built: Topology, decimals: number): Topology {
  const step = 10 ** -decimals;
  const [w, s] = built.bbox!;
  return quantize(built as Parameters<typeof quantize>[0], { scale: [step, step], translate: [Math.floor(w / step) * step, Math.floor(s / step) * step] });
}

/** Serialises the layers as one compact TopoJSON topology (stable key order), checked lossless. */
function writeTopology(file: string, layers: Record<string, Feature[]>, decimals = DECIMALS): number {
  const objects = Object.fromEntries(Object.entries(layers).map(([k, features]) => [k, { type: 'FeatureCollection', features } as FeatureCollection]));
  const built = decimals === DECIMALS ? topology(objects, quantisation(Object.values(layers).flat(), decimals)) : onGrid(topology(objects), decimals);
  // TopoJSON may start a ring at another of its vertices (where arcs are cut), so each
  // feature's points are compared as a set.
  const f = 10 ** decimals;
  const points = (fs: Feature[], round: boolean) =>
    JSON.stringify(fs.map((d) => turf.coordAll(d).map(([x, y]) => (round ? [Math.round(x * f) / f, Math.round(y * f) / f] : [x, y])).map(String)).map((ps) => [...new Set(ps)].sort()));
  for (const [k, features] of Object.entries(layers)) {
    const decoded = (topojsonFeature(built, built.objects[k]) as FeatureCollection).features;
    if (points(decoded, true) !== points(features, false)) throw new Error(`${file}: ${k} does not decode to its coordinates`);
  }
  const text = JSON.stringify(built) + '\n';
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** Builds a feature with properties before geometry, so files diff and read consistently. */
function feature<G extends Geometry>(properties: Record<string, unknown>, geometry: G): Feature<G> {
  return { type: 'Feature', properties, geometry };
}

/** Counts positions in a geometry. */
function vertexCount(features: Feature[]): number {
  let n = 0;
  for (const f of features) turf.coordEach(f, () => void n++);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Land: world-atlas countries

/** Loads world-atlas countries-10m.json through Node resolution (it has no ESM entry). */
function loadCountries(): Topology<{ countries: GeometryCollection }> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-10m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
}

/** Merges the given countries into one MultiPolygon; shared arcs (borders) disappear. */
function mergeCountries(topology: Topology<{ countries: GeometryCollection }>, ids: string[]): MultiPolygon {
  const geoms = topology.objects.countries.geometries.filter((g) => ids.includes(String(g.id)));
  if (geoms.length !== ids.length) throw new Error(`world-atlas: expected ids ${ids.join(',')}`);
  return merge(topology, geoms as Parameters<typeof merge>[1]);
}

/** Splits a MultiPolygon into its largest polygon and the rest, the rest sorted largest first. */
function splitLargest(multi: MultiPolygon): { largest: Ring[]; rest: Ring[][] } {
  const sorted = [...multi.coordinates]
    .map((rings) => ({ rings, km2: areaKm2(rings) }))
    .sort((a, b) => b.km2 - a.km2);
  return { largest: sorted[0].rings, rest: sorted.slice(1).map((p) => p.rings) };
}

/**
 * Simplifies and rounds a polygon, halving the tolerance until it has no self-intersections
 * (Douglas–Peucker and rounding can each fold a narrow inlet over itself).
 */
function simplifyValid(rings: Ring[], tolerance: number, decimals = DECIMALS): Ring[] | null {
  for (let t = tolerance; t >= tolerance / 16; t /= 2) {
    const rounded = roundPolygon(simplifyPolygon(rings, t), decimals);
    if (rounded.length === 0) return null;
    const clean = turf.cleanCoords(turf.polygon(rounded)).geometry.coordinates;
    if (turf.kinks(turf.polygon(clean)).features.length === 0) return rewindPolygon(clean);
  }
  throw new Error(`polygon still self-intersects at tolerance ${tolerance / 16}`);
}

/** Builds the mainland outline: outer ring only, simplified, rounded, CCW, no self-intersections. */
function buildMainland(rings: Ring[], level: Level): Feature<Polygon> {
  const poly = simplifyValid([rings[0]], level.tolerance, level.decimals);
  if (!poly) throw new Error('korea mainland collapsed');
  return feature({ id: 'korea-mainland' }, { type: 'Polygon', coordinates: poly });
}

/**
 * Korean islands of at least the level's smallest area, as "korea-island" features. An island
 * has the same id at every level: its number among the detail's islands.
 */
function buildIslands(islands: Ring[][], level: Level): Feature<Polygon>[] {
  const out: Feature<Polygon>[] = [];
  let n = 0;
  for (const rings of islands) {
    const km2 = areaKm2(rings);
    if (km2 < DETAIL.minIslandKm2 || !simplifyValid(rings, DETAIL.tolerance, DETAIL.decimals)) continue;
    n++;
    if (km2 < level.minIslandKm2) continue;
    const poly = simplifyValid(rings, level.tolerance, level.decimals);
    if (poly) out.push(feature({ id: `korea-island-${n}`, kind: 'korea-island' }, { type: 'Polygon', coordinates: poly }));
  }
  return out;
}

/**
 * Clips a MultiPolygon to a box and returns its polygons. A true intersection, not bboxClip:
 * bboxClip joins pieces that leave and re-enter the box (Liaodong and Shandong, across the west side)
 * with zero-width edges along the box side, which are self-intersections.
 */
function clipToBox(multi: MultiPolygon, box: BBox4): Ring[][] {
  const pair = turf.featureCollection<Polygon | MultiPolygon>([turf.multiPolygon(multi.coordinates), turf.bboxPolygon(box)]);
  const clipped = turf.intersect(pair);
  if (!clipped) return [];
  const g = clipped.geometry;
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** China, Russia and Japan clipped to LAND_BOX, as "neighbour" features. */
function buildNeighbours(topology: Topology<{ countries: GeometryCollection }>): Feature<Polygon>[] {
  const out: Feature<Polygon>[] = [];
  for (const id of NEIGHBOUR_IDS) {
    const polys = clipToBox(mergeCountries(topology, [id]), LAND_BOX)
      .filter((rings) => areaKm2(rings) >= MIN_NEIGHBOUR_KM2)
      .map((rings) => simplifyValid(rings, NEIGHBOUR_TOLERANCE))
      .filter((poly): poly is Ring[] => poly !== null);
    polys.forEach((poly, i) => {
      out.push(feature({ id: `neighbour-${id}-${i + 1}`, kind: 'neighbour' }, { type: 'Polygon', coordinates: poly }));
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rivers: GSHHG/WDBII via GMT

/** True if the `gmt` executable can be run. */
function hasGmt(): boolean {
  return spawnSync('gmt', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Returns the GMT river text: fresh from GMT (and saved) when available, else the saved copy. */
function loadRiverText(): string {
  if (hasGmt()) {
    // GMT drops a gmt.history file in its working directory; keep it out of the repo.
    const cwd = mkdtempSync(join(tmpdir(), 'basemap-gmt-'));
    const text = execFileSync('gmt', GMT_ARGS, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(dirname(RAW_RIVERS), { recursive: true });
    writeFileSync(RAW_RIVERS, text);
    console.log(`rivers: ran gmt ${GMT_ARGS.join(' ')}; saved ${relative(ROOT, RAW_RIVERS)}`);
    return text;
  }
  console.log(`rivers: gmt not on PATH; reading saved ${relative(ROOT, RAW_RIVERS)}`);
  return readFileSync(RAW_RIVERS, 'utf8');
}

/** Parses GMT multi-segment text (`>` headers, `lon<TAB>lat` rows) into lines. */
function parseSegments(text: string): Position[][] {
  const segments: Position[][] = [];
  let current: Position[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      current = [];
      segments.push(current);
    } else if (line.trim() !== '' && current) {
      const [lon, lat] = line.trim().split(/\s+/).map(Number);
      current.push([lon, lat]);
    }
  }
  // GMT also emits two-point, zero-length segments at its bin corners; they would block joining.
  return segments.filter((s) => s.some((p) => nodeKey(p) !== nodeKey(s[0])));
}

/** Key of a position for endpoint matching (GMT bin cuts give bit-identical shared ends). */
function nodeKey(p: Position): string {
  return `${p[0].toFixed(5)},${p[1].toFixed(5)}`;
}

/**
 * Joins segments end to end through every node shared by exactly two segment ends: GMT cuts each
 * river at its 1° bin edges. A node shared by three or more ends would stay a break (there are
 * none here: WDBII tributaries end part-way along the main river; splitAtConfluences cuts there).
 */
function joinSegments(segments: Position[][]): Position[][] {
  const ends = new Map<string, number[]>();
  segments.forEach((s, i) => {
    for (const p of [s[0], s[s.length - 1]]) ends.set(nodeKey(p), [...(ends.get(nodeKey(p)) ?? []), i]);
  });
  const used = new Set<number>();
  const grow = (chain: Position[], from: number): void => {
    for (let prev = from; ; ) {
      const tip = chain[chain.length - 1];
      const at = ends.get(nodeKey(tip)) ?? [];
      const next = at.length === 2 ? (at[0] === prev ? at[1] : at[0]) : undefined;
      if (next === undefined || used.has(next)) return;
      used.add(next);
      const seg = segments[next];
      chain.push(...(nodeKey(seg[0]) === nodeKey(tip) ? seg : [...seg].reverse()).slice(1));
      prev = next;
    }
  };
  const chains: Position[][] = [];
  segments.forEach((seg, i) => {
    if (used.has(i)) return;
    used.add(i);
    const tail = [...seg];
    grow(tail, i);
    const head = [...seg].reverse();
    grow(head, i);
    chains.push([...head.reverse(), ...tail.slice(seg.length)]);
  });
  return chains;
}

/** Length of a line in km. */
function lengthKm(coords: Position[]): number {
  return turf.length(turf.lineString(coords), { units: 'kilometers' });
}

/** Distance in km from a point to a line. */
function distanceKm(p: Position, line: Position[]): number {
  return turf.pointToLineDistance(turf.point(p), turf.lineString(line), { units: 'kilometers' });
}

/** Splits a line at the point on it nearest to p; a point at either end leaves it whole. */
function splitLineAt(line: Position[], p: Position): Position[][] {
  const near = (q: Position): boolean => turf.distance(p, q, { units: 'kilometers' }) <= SNAP_KM;
  if (near(line[0]) || near(line[line.length - 1])) return [line];
  const at = turf.nearestPointOnLine(turf.lineString(line), p).properties.segmentIndex;
  return [[...line.slice(0, at + 1), p], [p, ...line.slice(at + 1)]];
}

/**
 * Splits a main river where a tributary's mouth lies on it, so the reaches above and below a
 * confluence (e.g. Han below Yangsu-ri, Namhan above it) can carry different names. WDBII lines
 * run downstream, so a chain's last point is its mouth.
 */
function splitAtConfluences(chains: Position[][]): Position[][] {
  let out = chains;
  for (const tributary of chains) {
    const mouth = tributary[tributary.length - 1];
    out = out.flatMap((main) => (distanceKm(mouth, main) > SNAP_KM ? [main] : splitLineAt(main, mouth)));
  }
  return out;
}

/** Clips lines to a box; a line leaving and re-entering the box becomes several lines. */
function clipLines(chains: Position[][], box: BBox4): Position[][] {
  return chains.flatMap((c) => {
    const g = turf.bboxClip(turf.lineString(c), box).geometry as LineString | MultiLineString;
    const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    return parts.filter((p) => p.length >= 2);
  });
}

/** A river reach and how it got its name. */
interface Reach {
  coords: Position[];
  name: RiverAnchor | null;
  /** "gap": name carried across a reservoir from the reach below. */
  namedBy: 'anchor' | 'gap' | null;
}

/**
 * Gives each anchor's name to the reach nearest to it (within ANCHOR_KM). When two anchors pick
 * the same reach, the nearer one keeps it.
 */
function nameByAnchors(lines: Position[][], anchors: RiverAnchor[]): Reach[] {
  const reaches: Reach[] = lines.map((coords) => ({ coords, name: null, namedBy: null }));
  const best = lines.map(() => Infinity);
  for (const anchor of anchors) {
    const dists = lines.map((line) => distanceKm(anchor.at, line));
    const i = dists.indexOf(Math.min(...dists));
    if (dists[i] <= ANCHOR_KM && dists[i] < best[i]) {
      reaches[i] = { coords: lines[i], name: anchor, namedBy: 'anchor' };
      best[i] = dists[i];
    }
  }
  return reaches;
}

/**
 * Carries a name upstream across a reservoir: WDBII stops rivers at lake shores, so the upper
 * Pukhan ends at the Hwacheon reservoir ~7 km from where the named lower reach starts. An
 * unnamed reach whose mouth is within GAP_KM of an anchor-named reach's source takes its name.
 */
function bridgeReservoirGaps(reaches: Reach[]): Reach[] {
  return reaches.map((r) => {
    if (r.name) return r;
    const mouth = r.coords[r.coords.length - 1];
    const below = reaches.find(
      (s) => s.namedBy === 'anchor' && turf.distance(mouth, s.coords[0], { units: 'kilometers' }) <= GAP_KM,
    );
    return below ? { ...r, name: below.name, namedBy: 'gap' } : r;
  });
}

/** Stable id: river-<name>, river-<name>-upper across a gap, river-unnamed-<n> otherwise. */
function riverId(r: Reach, taken: Set<string>): string {
  const base = r.name ? `river-${r.name.name_en.toLowerCase()}${r.namedBy === 'gap' ? '-upper' : ''}` : 'river-unnamed';
  let id = r.name ? base : `${base}-1`;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Builds river features: at least MIN_RIVER_KM long, simplified, rounded. */
function riverFeatures(reaches: Reach[], level: Level): Feature<LineString>[] {
  const taken = new Set<string>();
  return reaches
    .filter((r) => lengthKm(r.coords) >= MIN_RIVER_KM)
    .map((r) => {
      const line = turf.simplify(turf.lineString(r.coords), { tolerance: level.riverTolerance, highQuality: true });
      const props = { id: riverId(r, taken), name_en: r.name?.name_en ?? null, name_ko: r.name?.name_ko ?? null };
      return feature(props, { type: 'LineString', coordinates: roundLine(line.geometry.coordinates, level.decimals) });
    });
}

/** The river reaches from GSHHG/WDBII: bin cuts joined, split at confluences, clipped, named. */
function buildReaches(): Reach[] {
  const chains = joinSegments(parseSegments(loadRiverText()));
  const lines = clipLines(splitAtConfluences(chains), RIVER_BOX);
  return bridgeReservoirGaps(nameByAnchors(lines, RIVER_ANCHORS));
}

// ---------------------------------------------------------------------------------------------
// 38th parallel

/** The 38th parallel, a little into the sea at both ends (the map masks the sea). */
function buildParallel38(): Feature<LineString> {
  return feature(
    { id: 'parallel-38', name_en: '38th parallel', name_ko: '38선' },
    { type: 'LineString', coordinates: [[124.5, 38], [128.9, 38]] },
  );
}

// ---------------------------------------------------------------------------------------------
// Main

/** Entry point: builds every layer and prints a summary. */
function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const topology = loadCountries();
  const korea = splitLargest(mergeCountries(topology, KOREA_IDS));

  const reaches = buildReaches();
  const basemap = (level: Level): Record<string, Feature[]> => ({
    mainland: [buildMainland(korea.largest, level)],
    land: buildIslands(korea.rest, level),
    rivers: riverFeatures(reaches, level),
    parallel: [buildParallel38()],
  });
  const files: [string, Record<string, Feature[]>, number][] = [
    ['basemap.topo.json', basemap(DETAIL), DETAIL.decimals],
    ['basemap-overview.topo.json', basemap(OVERVIEW), OVERVIEW.decimals],
    ['surroundings.topo.json', { land: buildNeighbours(topology) }, DECIMALS],
  ];
  for (const [file, objects, decimals] of files) {
    for (const [name, features] of Object.entries(objects)) console.log(`${file} ${name}: ${features.length} features, ${vertexCount(features)} vertices`);
    console.log(`${file}: ${writeTopology(join(OUT_DIR, file), objects, decimals)} bytes`);
  }
}

main();
