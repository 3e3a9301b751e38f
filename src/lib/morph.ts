/**
 * Front-line morphing. Every keyframe is resampled once to vertices spaced evenly by arc
 * length; each pair of consecutive keyframes is then matched by dynamic time warping, so a
 * point of one line moves to the nearest point of the next that keeps the order, rather than
 * to the point at the same fraction of the length (which slides points sideways and can
 * bend an in-between line past both keyframes). Any in-between line is a vertex-wise blend
 * of a matched pair; all of this is computed at load, never per frame.
 */
import { bearing } from '@turf/bearing';
import { destination } from '@turf/destination';
import { distance } from '@turf/distance';
import type { Position } from 'geojson';
import type { Certainty, FrontFeature } from './types.ts';
import { momentOf } from './dates.ts';

/** Vertices per resampled front; enough for the Imjin bends at zoom 9, cheap to blend. */
export const RESAMPLE_VERTICES = 240;

/** A keyframe ready for blending. */
export interface PreparedFront {
  id: string;
  day: number;
  phase: string;
  sources: string[];
  /** Resampled coordinates, RESAMPLE_VERTICES long. */
  coords: Position[];
  /** Certainty of the segment that starts at each resampled vertex. */
  certainty: Certainty[];
  /** The matched transition to the next keyframe (absent on the last and on a plateau); matched when first read. */
  next?: Transition;
}

/** Two keyframes' vertices paired one to one, ready to blend. */
export interface Transition {
  from: Position[];
  to: Position[];
  certainty: Certainty[];
}

/** A front at some moment: a keyframe or a blend of two. */
export interface FrontState {
  coords: Position[];
  certainty: Certainty[];
  /** The keyframes blended (equal when the date is exactly on a keyframe or outside the range). */
  from: PreparedFront;
  to: PreparedFront;
  /** Blend weight of `to`, 0..1. */
  weight: number;
  /** True when the line shown is not itself a sourced keyframe. */
  interpolated: boolean;
}

/** Cumulative arc lengths (km) at each vertex of `coords`. */
function cumulativeKm(coords: Position[]): number[] {
  const out = [0];
  for (let i = 1; i < coords.length; i++) out.push(out[i - 1] + distance(coords[i - 1], coords[i]));
  return out;
}

/**
 * The point `d` km along a line, as turf's `along` computes it (great-circle, from the vertex
 * at or past `d`), but starting from vertex `from` instead of walking the line from its start:
 * resampling is then one pass, not one walk per vertex.
 */
function pointAlong(coords: Position[], cum: number[], d: number, from: number): { at: number; p: Position } {
  let i = from;
  while (i < coords.length && cum[i] < d) i++;
  if (i >= coords.length - 1 && d >= cum[coords.length - 1]) return { at: coords.length - 1, p: coords[coords.length - 1] };
  if (cum[i] === d) return { at: i, p: coords[i] };
  const p = destination(coords[i], d - cum[i], bearing(coords[i], coords[i - 1]) - 180).geometry.coordinates;
  return { at: i, p };
}

/**
 * Resamples a line to `n` vertices evenly spaced by arc length, keeping both ends exactly.
 * Also returns, for each new vertex, the certainty of the source segment it falls on.
 */
export function resample(
  coords: Position[],
  n: number,
  segmentCertainty?: readonly Certainty[],
  fallback: Certainty = 2,
): { coords: Position[]; certainty: Certainty[] } {
  if (coords.length < 2) throw new Error('resample: a line needs at least two vertices');
  if (n < 2) throw new Error('resample: n must be at least 2');
  const cum = cumulativeKm(coords);
  const total = cum[cum.length - 1];
  const out: Position[] = [];
  const cert: Certainty[] = [];
  let seg = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const d = (total * i) / (n - 1);
    let p = coords[coords.length - 1];
    if (i < n - 1) ({ at, p } = pointAlong(coords, cum, d, at));
    out.push([round6(p[0]), round6(p[1])]);
    while (seg < coords.length - 2 && cum[seg + 1] <= d) seg++;
    cert.push(segmentCertainty?.[seg] ?? fallback);
  }
  return { coords: out, certainty: cert };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Matches two polylines by dynamic time warping: the monotone pairing of their vertices,
 * from first to first and last to last, that minimises the summed distance between pairs.
 * Returns the pairs of indices along the path.
 */
export function matchLines(a: readonly Position[], b: readonly Position[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  // Planar distance with longitude scaled by cos(latitude): enough to rank pairs here.
  const k = Math.cos((((a[0][1] + b[0][1]) / 2) * Math.PI) / 180);
  const d = (i: number, j: number) => {
    const dx = (a[i][0] - b[j][0]) * k;
    const dy = a[i][1] - b[j][1];
    return Math.sqrt(dx * dx + dy * dy);
  };
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const here = d(i, j);
      if (i === 0 && j === 0) cost[0] = here;
      else if (i === 0) cost[j] = cost[j - 1] + here;
      else if (j === 0) cost[i * m] = cost[(i - 1) * m] + here;
      else cost[i * m + j] = here + Math.min(cost[(i - 1) * m + j - 1], cost[(i - 1) * m + j], cost[i * m + j - 1]);
    }
  }
  const path: [number, number][] = [[n - 1, m - 1]];
  let i = n - 1;
  let j = m - 1;
  while (i > 0 || j > 0) {
    if (i === 0) j--;
    else if (j === 0) i--;
    else {
      const diag = cost[(i - 1) * m + j - 1];
      const up = cost[(i - 1) * m + j];
      const left = cost[i * m + j - 1];
      if (diag <= up && diag <= left) {
        i--;
        j--;
      } else if (up <= left) i--;
      else j--;
    }
    path.push([i, j]);
  }
  return path.reverse();
}

/** The blendable transition between two prepared keyframes. */
function transition(a: PreparedFront, b: PreparedFront): Transition {
  const path = matchLines(a.coords, b.coords);
  return {
    from: path.map(([i]) => a.coords[i]),
    to: path.map(([, j]) => b.coords[j]),
    // An in-between line is never better documented than the worse of its two keyframes.
    certainty: path.map(([i, j]) => Math.max(a.certainty[i], b.certainty[j]) as Certainty),
  };
}

/** Resamples, sorts and matches keyframes. Done once at load, never per frame. */
export function prepareFronts(features: readonly FrontFeature[], n = RESAMPLE_VERTICES): PreparedFront[] {
  const fronts: PreparedFront[] = features
    .map((f) => {
      const r = resample(f.geometry.coordinates, n, f.properties.segmentCertainty, f.properties.certainty);
      return {
        id: f.properties.id,
        day: momentOf(f.properties.date),
        phase: f.properties.phase,
        sources: f.properties.sources,
        coords: r.coords,
        certainty: r.certainty,
      };
    })
    .sort((a, b) => a.day - b.day);
  for (let i = 0; i + 1 < fronts.length; i++) {
    if (!sameLine(fronts[i], fronts[i + 1])) matchLater(fronts[i], fronts[i + 1]);
  }
  return fronts;
}

/**
 * Gives `a` its transition to `b`, matched when first read: the map's first view needs one
 * transition, and matching all of them (a dynamic-time-warping table of 240 × 240 per pair,
 * for the fronts and the forward lines) cost 40–130 ms of the page's start-up (issue 14 c2).
 * A plateau (sameLine) has no `next` property at all, so `'next' in f` asks without matching.
 */
function matchLater(a: PreparedFront, b: PreparedFront): void {
  let matched: Transition | undefined;
  Object.defineProperty(a, 'next', { get: () => (matched ??= transition(a, b)), enumerable: true, configurable: true });
}

/** Index of the last keyframe at or before `day` (0 if `day` precedes them all). */
function bracket(fronts: readonly PreparedFront[], day: number): number {
  let lo = 0;
  let hi = fronts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fronts[mid].day <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** True when two prepared keyframes have the same geometry (a plateau: nothing moved). */
export function sameLine(a: PreparedFront, b: PreparedFront): boolean {
  return a.coords.every((p, i) => p[0] === b.coords[i][0] && p[1] === b.coords[i][1]);
}

/**
 * The front at fractional day `day`: the keyframe itself on a keyframe date, a linear
 * vertex-wise blend between the two keyframes around it otherwise, clamped at the ends.
 */
export function frontAt(fronts: readonly PreparedFront[], day: number): FrontState {
  if (fronts.length === 0) throw new Error('frontAt: no keyframes');
  const i = bracket(fronts, day);
  const from = fronts[i];
  const to = fronts[Math.min(i + 1, fronts.length - 1)];
  if (from === to || day <= from.day) {
    return { coords: from.coords, certainty: from.certainty, from, to: from, weight: 0, interpolated: false };
  }
  const w = Math.min(1, (day - from.day) / (to.day - from.day));
  // A plateau (two identical keyframes) has no transition: nothing moved.
  if (!from.next) return { coords: from.coords, certainty: from.certainty, from, to, weight: w, interpolated: false };
  const { from: a, to: b, certainty } = from.next;
  const coords = a.map((p, k) => [p[0] + (b[k][0] - p[0]) * w, p[1] + (b[k][1] - p[1]) * w]);
  return { coords, certainty, from, to, weight: w, interpolated: true };
}
