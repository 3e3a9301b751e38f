/**
 * Zones: ground that was neither side's, and ground behind the UN front that the enemy moved
 * through. Pure functions over the pack's zones file (geo/<pack>/zones.geojson):
 *
 * - **No-man's land** is the band between the UN front and the PVA/KPA forward line. A forward
 *   line is given for some front keyframes (same `date`); at every other keyframe it is the
 *   front itself (no band). Forward lines are prepared and morphed exactly like fronts, so the
 *   band grows, shrinks and moves with the front.
 * - **Infiltrated** areas are polygons with a period (`from`/`to`), e.g. the KPA II Corps
 *   penetration behind Line D; they fade in and out like arrows.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point, polygon } from '@turf/helpers';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Certainty, FrontFeature, Side } from './types.ts';
import { periodEnd, periodStart } from './dates.ts';
import { frontAt, prepareFronts, type FrontState, type PreparedFront } from './morph.ts';
import { fadeOpacity } from './forces.ts';

/** Which ground a point lies in, as `geo:query` and the place card report it. */
export type Zone = 'held' | "no-man's land" | 'infiltrated';

/** A PVA/KPA forward line at a front keyframe (zones.geojson, LineString, `kind: "forward"`). */
export interface ForwardLineProps {
  id: string;
  kind: 'forward';
  /** Exactly the `date` of a front keyframe. */
  date: string;
  certainty: Certainty;
  segmentCertainty?: Certainty[];
  sources: string[];
  note?: string;
}

/** An area behind the UN front the enemy moved through (zones.geojson, Polygon, `kind: "infiltrated"`). */
export interface InfiltrationProps {
  id: string;
  kind: 'infiltrated';
  from: string;
  to: string;
  name_en: string;
  name_ko: string;
  certainty: Certainty;
  sources: string[];
  note?: string;
}

/** The zones file. */
export type ZonesFile = FeatureCollection<LineString | Polygon, ForwardLineProps | InfiltrationProps>;

/** An infiltration area ready for per-frame use. */
export interface PreparedInfiltration {
  from: number;
  to: number;
  props: Omit<InfiltrationProps, 'note'>;
  ring: Position[];
}

/** The zones of a pack, prepared once at load. */
export interface PreparedZones {
  /** One forward line per front keyframe (the front itself where none is given), morphable. */
  forward: PreparedFront[];
  /** True when some keyframe has its own forward line (else there is never a band). */
  hasBand: boolean;
  /** Ids of the forward keyframes that are lines of their own (the others are the front itself). */
  own: ReadonlySet<string>;
  infiltrations: PreparedInfiltration[];
}

/** Properties of the drawn no-man's-land band. */
export interface NoMansLandProps {
  zone: "no-man's land";
  certainty: Certainty;
  sources: string[];
  /** True when the band shown is an in-between frame. */
  interpolated: boolean;
}

/** Properties of a drawn infiltration area. */
export interface InfiltratedProps extends Omit<InfiltrationProps, 'note'> {
  opacity: number;
}

/** The zones at one moment. */
export interface ZonesAt {
  /** The PVA/KPA forward line (equal to the front where there is no band). */
  forward: FrontState;
  /**
   * The band between the front and the forward line: one feature, a polygon per stretch where
   * the forward line leaves the front; no feature when there is none.
   */
  noMansLand: FeatureCollection<MultiPolygon, NoMansLandProps>;
  /** The stretches of the forward line that lie off the front (the band's north edge), for drawing. */
  forwardRuns: FeatureCollection<LineString, { certainty: Certainty }>;
  infiltrated: FeatureCollection<Polygon, InfiltratedProps>;
}

/** An empty zones file. */
export const noZones = (): ZonesFile => ({ type: 'FeatureCollection', features: [] });

/** Prepares forward lines (aligned with the front keyframes) and infiltration areas. */
export function prepareZones(fronts: readonly FrontFeature[], zones: ZonesFile): PreparedZones {
  const forwardByDate = new Map<string, Feature<LineString, ForwardLineProps>>();
  const infiltrations: PreparedInfiltration[] = [];
  for (const f of zones.features) {
    if (f.properties.kind === 'forward' && f.geometry.type === 'LineString') forwardByDate.set(f.properties.date, f as Feature<LineString, ForwardLineProps>);
    if (f.properties.kind === 'infiltrated' && f.geometry.type === 'Polygon') {
      const { note: _note, ...props } = f.properties as InfiltrationProps;
      infiltrations.push({ from: periodStart(props.from), to: periodEnd(props.to), props, ring: f.geometry.coordinates[0] });
    }
  }
  // Where no forward line is given the front is its own forward line: no band, and a band that
  // appears grows out of the front as the lines morph.
  const sequence: FrontFeature[] = fronts.map((f) => {
    const fw = forwardByDate.get(f.properties.date);
    if (!fw) return f;
    return {
      type: 'Feature',
      properties: { ...f.properties, id: fw.properties.id, certainty: fw.properties.certainty, segmentCertainty: fw.properties.segmentCertainty, sources: fw.properties.sources },
      geometry: fw.geometry,
    };
  });
  const own = new Set([...forwardByDate.values()].map((f) => f.properties.id));
  return { forward: prepareFronts(sequence), hasBand: own.size > 0, own, infiltrations };
}

/** The zones at moment `day`, given the UN front drawn at that moment. */
export function zonesAt(zones: PreparedZones, front: FrontState, day: number): ZonesAt {
  // Between two keyframes that have no forward line of their own there is no band: the
  // forward line is the front (and the per-frame distance test is skipped).
  const moving = zones.hasBand ? frontAt(zones.forward, day) : undefined;
  const forward = moving && (zones.own.has(moving.from.id) || zones.own.has(moving.to.id)) ? moving : front;
  const off = forward === front ? [] : offFront(forward.coords, front.coords);
  return {
    forward,
    noMansLand: band(front, forward, off),
    forwardRuns: runs(forward, off),
    infiltrated: infiltratedAt(zones.infiltrations, day),
  };
}

/** A forward vertex farther than this from the front (km) is off it: the band has width there. */
const OFF_FRONT_KM = 0.5;

/**
 * Which forward vertices lie off the front. Planar distances on a local equirectangular
 * projection: exact enough at half a kilometre, and cheap enough to run on every frame (the
 * search for each vertex starts at the segment nearest the previous one and stops as soon as
 * one segment is within reach, so vertices shared with the front cost a few segments each).
 */
function offFront(forward: readonly Position[], front: readonly Position[]): boolean[] {
  const kx = 111.32 * Math.cos((37.3 * Math.PI) / 180);
  const ky = 110.57;
  const n = front.length - 1;
  const reach2 = OFF_FRONT_KM * OFF_FRONT_KM;
  let hint = 0;
  return forward.map((p) => {
    const px = p[0] * kx;
    const py = p[1] * ky;
    for (let step = 0; step < n; step++) {
      // hint, hint+1, hint-1, hint+2, hint-2, … within [0, n).
      const k = step % 2 === 0 ? hint + step / 2 : hint - (step + 1) / 2;
      const i = k < 0 ? n + k : k >= n ? k - n : k;
      if (segmentDistance2(px, py, front[i], front[i + 1], kx, ky) <= reach2) { hint = i; return false; }
    }
    return true;
  });
}

/** Squared planar distance (km²) from (px, py) to the segment a–b (degrees scaled by kx, ky). */
function segmentDistance2(px: number, py: number, a: Position, b: Position, kx: number, ky: number): number {
  const ax = a[0] * kx;
  const ay = a[1] * ky;
  const dx = b[0] * kx - ax;
  const dy = b[1] * ky - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

/**
 * The band between the two lines: for each stretch where the forward line leaves the front,
 * the forward line from the last vertex on the front before it to the first one after, closed
 * back along the front between the points nearest those two. Where the lines coincide there is
 * no polygon at all (a ring doubling back on itself would be drawn with slivers).
 */
function band(front: FrontState, forward: FrontState, off: readonly boolean[]): FeatureCollection<MultiPolygon, NoMansLandProps> {
  const spans = offSpans(off);
  if (!spans.length) return { type: 'FeatureCollection', features: [] };
  const polygons = spans.map(([from, to]) => {
    const edge = forward.coords.slice(from, to + 1).map((p) => [p[0], p[1]]);
    const back = frontBetween(front.coords, edge[edge.length - 1], edge[0]);
    return [[...edge, ...back, edge[0]]];
  });
  const certainty = Math.max(...forward.certainty.filter((_, i) => off[i])) as Certainty;
  const sources = [...new Set([...forward.from.sources, ...(forward.interpolated ? forward.to.sources : [])])];
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { zone: "no-man's land", certainty, sources, interpolated: forward.interpolated }, geometry: { type: 'MultiPolygon', coordinates: polygons } }],
  };
}

/** Index ranges [from, to] of the forward line round each run of vertices off the front, one on-front vertex either side where there is one. */
function offSpans(off: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= off.length; i++) {
    if (i < off.length && off[i]) { if (start < 0) start = i; continue; }
    if (start >= 0) out.push([Math.max(0, start - 1), Math.min(off.length - 1, i)]);
    start = -1;
  }
  return out;
}

/** The front from its point nearest `a` to its point nearest `b`, both included. */
function frontBetween(front: readonly Position[], a: Position, b: Position): Position[] {
  const pa = nearestOnLine(front, a);
  const pb = nearestOnLine(front, b);
  const forwards = pa.index < pb.index || (pa.index === pb.index && pa.t <= pb.t);
  const [lo, hi] = forwards ? [pa, pb] : [pb, pa];
  const path = [lo.point, ...front.slice(lo.index + 1, hi.index + 1).map((p) => [p[0], p[1]]), hi.point];
  return forwards ? path : path.reverse();
}

/** The point of `line` nearest `p` (planar, as offFront), with its segment and the fraction along it. */
function nearestOnLine(line: readonly Position[], p: Position): { index: number; t: number; point: Position } {
  const kx = 111.32 * Math.cos((37.3 * Math.PI) / 180);
  const ky = 110.57;
  let best = { index: 0, t: 0, d: Infinity };
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay, bx, by] = [line[i][0] * kx, line[i][1] * ky, line[i + 1][0] * kx, line[i + 1][1] * ky];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] * kx - ax) * dx + (p[1] * ky - ay) * dy) / len2));
    const d = Math.hypot(p[0] * kx - (ax + t * dx), p[1] * ky - (ay + t * dy));
    if (d < best.d) best = { index: i, t, d };
  }
  const [a, b] = [line[best.index], line[best.index + 1]];
  return { index: best.index, t: best.t, point: [a[0] + (b[0] - a[0]) * best.t, a[1] + (b[1] - a[1]) * best.t] };
}

/** The runs of the forward line off the front, each reaching one vertex onto it at either end. */
function runs(forward: FrontState, off: readonly boolean[]): FeatureCollection<LineString, { certainty: Certainty }> {
  const features = offSpans(off).map(([from, to]): Feature<LineString, { certainty: Certainty }> => ({
    type: 'Feature',
    properties: { certainty: Math.max(...forward.certainty.slice(from, Math.max(from + 1, to))) as Certainty },
    geometry: { type: 'LineString', coordinates: forward.coords.slice(from, to + 1).map((p) => [p[0], p[1]]) },
  }));
  return { type: 'FeatureCollection', features };
}

/** Infiltration areas shown at `day`, with their fade. */
function infiltratedAt(areas: readonly PreparedInfiltration[], day: number): FeatureCollection<Polygon, InfiltratedProps> {
  const features: Feature<Polygon, InfiltratedProps>[] = [];
  for (const a of areas) {
    const opacity = fadeOpacity(a.from, a.to, day);
    if (opacity <= 0) continue;
    features.push({ type: 'Feature', properties: { ...a.props, opacity }, geometry: { type: 'Polygon', coordinates: [a.ring] } });
  }
  return { type: 'FeatureCollection', features };
}
