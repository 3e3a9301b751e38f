/**
 * The matched keyframe pairs as the GPU draws them: every dated front (a pair of a line with
 * itself) and every transition between two (from `prepareFronts`), with
 * each vertex's Mercator distance from the start of its run of equal certainty (dashes restart there, as
 * they do in the GeoJSON rendering, where each run is its own feature). Built once at load; a
 * frame then needs only the index of its pair and the blend weight.
 */
import type { Position } from 'geojson';
import type { Certainty } from './types.ts';
import type { FrontState, PreparedFront } from './morph.ts';

/**
 * One blendable pair. Vertices stay in longitude/latitude and the GPU projects the blend, as
 * the CPU blends degrees (frontAt) before the map projects them: blending Mercator positions
 * instead would bend the in-between line by up to a pixel or two at zoom 10.
 */
export interface MorphPair {
  /** Vertices of the line at weight 0 and weight 1 (same length), [lon, lat]. */
  from: [number, number][];
  to: [number, number][];
  /** Certainty of the segment that starts at each vertex. */
  certainty: Certainty[];
  /** Mercator distance from the start of the vertex's certainty run, at weight 0 and 1. */
  runFrom: number[];
  runTo: number[];
}

/** Every pair of a pack's fronts, and which one draws a given front state. */
export interface MorphPairs {
  /** How many pairs: every keyframe, then every transition. */
  count: number;
  /** Pair `k`, built when first asked for (a transition is matched then: see prepareFronts). */
  pair(k: number): MorphPair;
  /** The most vertices pair `k` can have, known without building it: buffers are sized from it. */
  capacity(k: number): number;
  /** The pair that draws `state` and its blend weight: the GPU's whole per-frame input. */
  pairOf(state: FrontState): { index: number; weight: number };
}

/** Longitude/latitude to Web Mercator units (as MapLibre's MercatorCoordinate.fromLngLat). */
export function mercator(p: Position): [number, number] {
  const lat = Math.max(-85.051129, Math.min(85.051129, p[1]));
  const y = (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
  return [(180 + p[0]) / 360, y];
}

/** Distance of every vertex from the start of its run of equal segment certainty. */
export function runDistances(line: readonly [number, number][], certainty: readonly Certainty[]): number[] {
  const out = [0];
  for (let i = 1; i < line.length; i++) {
    // Vertex i starts a new run when its segment's certainty differs from the one before.
    const restart = i < line.length - 1 && certainty[i] !== certainty[i - 1];
    out.push(restart ? 0 : out[i - 1] + Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]));
  }
  return out;
}

function pair(from: readonly Position[], to: readonly Position[], certainty: Certainty[]): MorphPair {
  const lonLat = (p: Position): [number, number] => [p[0], p[1]];
  return {
    from: from.map(lonLat),
    to: to.map(lonLat),
    certainty,
    runFrom: runDistances(from.map(mercator), certainty),
    runTo: runDistances(to.map(mercator), certainty),
  };
}

/** Numbers every pair (keyframe k is pair k; the transition after keyframe k follows the keyframes) and builds each when first asked. */
export function morphPairs(prepared: readonly PreparedFront[]): MorphPairs {
  const keyframe = new Map<PreparedFront, number>(prepared.map((f, i) => [f, i]));
  // Asked without matching: a plateau has no `next` at all.
  const moving = prepared.filter((f) => 'next' in f);
  const transition = new Map<PreparedFront, number>(moving.map((f, i) => [f, prepared.length + i]));
  const built: MorphPair[] = [];
  return {
    count: prepared.length + moving.length,
    pair(k) {
      if (built[k]) return built[k];
      const f = k < prepared.length ? prepared[k] : moving[k - prepared.length];
      if (!f) throw new RangeError(`morphPairs: no pair ${k}`);
      const next = k < prepared.length ? undefined : f.next;
      return (built[k] = next ? pair(next.from, next.to, next.certainty) : pair(f.coords, f.coords, f.certainty));
    },
    capacity(k) {
      const f = k < prepared.length ? prepared[k] : moving[k - prepared.length];
      // A matching pairs first with first and last with last, one step at a time: at most n + m − 1 pairs.
      return k < prepared.length ? f.coords.length : f.coords.length + prepared[keyframe.get(f)! + 1].coords.length - 1;
    },
    pairOf(state) {
      const index = state.interpolated ? transition.get(state.from) : undefined;
      if (index !== undefined) return { index, weight: state.weight };
      return { index: keyframe.get(state.from) ?? 0, weight: 0 };
    },
  };
}
