/**
 * Front-line morphing: every keyframe is resampled once to the same number of vertices,
 * spaced evenly by arc length, so that any in-between line is a vertex-wise blend.
 */
import { along, length, lineString } from '@turf/turf';
import type { Position } from 'geojson';
import type { Certainty, FrontFeature } from './types.ts';
import { dayOf } from './dates.ts';

/** Vertices per resampled front; enough for the Imjin bends at zoom 9, cheap to blend. */
export const RESAMPLE_VERTICES = 240;

/** A keyframe ready for blending. */
export interface PreparedFront {
  id: string;
  day: number;
  phase: string;
  sources: string[];
  note?: string;
  /** Resampled coordinates, RESAMPLE_VERTICES long. */
  coords: Position[];
  /** Certainty of the segment that starts at each resampled vertex. */
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
  for (let i = 1; i < coords.length; i++) {
    out.push(out[i - 1] + length(lineString([coords[i - 1], coords[i]])));
  }
  return out;
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
  const line = lineString(coords);
  const total = length(line);
  const cum = cumulativeKm(coords);
  const out: Position[] = [];
  const cert: Certainty[] = [];
  let seg = 0;
  for (let i = 0; i < n; i++) {
    const d = (total * i) / (n - 1);
    const p = i === n - 1 ? coords[coords.length - 1] : along(line, d).geometry.coordinates;
    out.push([round6(p[0]), round6(p[1])]);
    while (seg < coords.length - 2 && cum[seg + 1] <= d) seg++;
    cert.push(segmentCertainty?.[seg] ?? fallback);
  }
  return { coords: out, certainty: cert };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Resamples and sorts keyframes by date. Done once at load, never per frame. */
export function prepareFronts(features: readonly FrontFeature[], n = RESAMPLE_VERTICES): PreparedFront[] {
  return features
    .map((f) => {
      const r = resample(f.geometry.coordinates, n, f.properties.segmentCertainty, f.properties.certainty);
      return {
        id: f.properties.id,
        day: dayOf(f.properties.date),
        phase: f.properties.phase,
        sources: f.properties.sources,
        note: f.properties.note,
        coords: r.coords,
        certainty: r.certainty,
      };
    })
    .sort((a, b) => a.day - b.day);
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
  const coords = from.coords.map((p, k) => {
    const q = to.coords[k];
    return [p[0] + (q[0] - p[0]) * w, p[1] + (q[1] - p[1]) * w];
  });
  // An in-between line is never better documented than the worse of its two keyframes.
  const certainty = from.certainty.map((c, k) => Math.max(c, to.certainty[k]) as Certainty);
  return { coords, certainty, from, to, weight: w, interpolated: !sameLine(from, to) };
}
