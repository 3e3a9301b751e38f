/**
 * The front layer's vertices (front-layer.ts), one keyframe pair at a time. Where each pair
 * sits in the shared buffers follows from the most vertices each can have (pairLayout: a
 * transition's length is known only once it is matched), so the buffers can be sized at once
 * and each pair written when it is first drawn (writePair):
 * start-up builds the pair of the opening date, not all of them (issue 14 c2, f). Written
 * straight into typed arrays: the array-of-arrays version took 250–600 ms for every pair.
 */
import type { Position } from 'geojson';
import type { MorphPair } from '../lib/morph-pairs.ts';

/** Floats per fill vertex: position at weight 0 and at weight 1. */
export const FILL_STRIDE = 4;
/** Floats per line vertex: start (from, to), end (from, to), run distance (from, to), corner (along, side, certainty). */
export const LINE_STRIDE = 13;
/** Line vertices and indices per segment: a quad of two triangles. */
const QUAD_VERTICES = 4;
const QUAD_INDICES = 6;
/** The quad's corners: [along, side]. */
const CORNERS = [[0, -1], [0, 1], [1, -1], [1, 1]] as const;

/**
 * Where one pair's vertices sit in the shared buffers (in vertices and indices): room for its
 * capacity; the counts drawn are the pair's own, set when it is written.
 */
export interface Slice {
  fillFirst: number;
  fillCount: number;
  /** The pair's first line vertex. */
  lineVertex: number;
  /** The pair's first index, and how many. */
  lineOffset: number;
  lineCount: number;
  /** Room for this many pair vertices. */
  capacity: number;
}

/** Every pair's slice and the buffers' total sizes (vertices, indices). */
export interface PairLayout {
  slices: Slice[];
  fillVertices: number;
  lineVertices: number;
  indices: number;
}

/** The slices of pairs of at most `lengths` vertices each, closed by a ring of `closure` points. */
export function pairLayout(lengths: readonly number[], closure: number): PairLayout {
  let fill = 0;
  let vertex = 0;
  let index = 0;
  const slices = lengths.map((n) => {
    const segments = Math.max(0, n - 1);
    // The fan: the closure ring, the line, and back to the ring's first point.
    const slice: Slice = { fillFirst: fill, fillCount: closure + n + 1, lineVertex: vertex, lineOffset: index, lineCount: segments * QUAD_INDICES, capacity: n };
    fill += slice.fillCount;
    vertex += segments * QUAD_VERTICES;
    index += slice.lineCount;
    return slice;
  });
  return { slices, fillVertices: fill, lineVertices: vertex, indices: index };
}

/** One pair's vertices, to go at its slice: fan, segment quads, and their indices (global). */
export interface PairVertices {
  fill: Float32Array;
  line: Float32Array;
  index: Uint32Array;
}

/** Writes pair `p`'s vertices for `slice` (closed round the north by `closure`), and sets the slice's counts to the pair's. */
export function writePair(p: MorphPair, closure: readonly Position[], slice: Slice): PairVertices {
  if (p.from.length > slice.capacity) throw new RangeError(`writePair: ${p.from.length} vertices, room for ${slice.capacity}`);
  slice.fillCount = closure.length + p.from.length + 1;
  slice.lineCount = Math.max(0, p.from.length - 1) * QUAD_INDICES;
  const fill = new Float32Array(slice.fillCount * FILL_STRIDE);
  let f = 0;
  // Fan from a closure point at sea; the ring runs along the front and back round the north.
  for (const c of closure) {
    fill[f++] = c[0];
    fill[f++] = c[1];
    fill[f++] = c[0];
    fill[f++] = c[1];
  }
  for (let i = 0; i < p.from.length; i++) {
    fill[f++] = p.from[i][0];
    fill[f++] = p.from[i][1];
    fill[f++] = p.to[i][0];
    fill[f++] = p.to[i][1];
  }
  fill.set([closure[0][0], closure[0][1], closure[0][0], closure[0][1]], f);
  const segments = slice.lineCount / QUAD_INDICES;
  const line = new Float32Array(segments * QUAD_VERTICES * LINE_STRIDE);
  const index = new Uint32Array(slice.lineCount);
  let l = 0;
  for (let i = 0; i < segments; i++) {
    const [a, b, c, d] = [p.from[i], p.to[i], p.from[i + 1], p.to[i + 1]];
    for (const [along, side] of CORNERS) {
      line[l++] = a[0];
      line[l++] = a[1];
      line[l++] = b[0];
      line[l++] = b[1];
      line[l++] = c[0];
      line[l++] = c[1];
      line[l++] = d[0];
      line[l++] = d[1];
      line[l++] = p.runFrom[i];
      line[l++] = p.runTo[i];
      line[l++] = along;
      line[l++] = side;
      line[l++] = p.certainty[i];
    }
    const v = slice.lineVertex + i * QUAD_VERTICES;
    index.set([v, v + 1, v + 2, v + 1, v + 3, v + 2], i * QUAD_INDICES);
  }
  return { fill, line, index };
}

/**
 * Every pair's vertices in one set of arrays, as the buffers hold them once all are written
 * (tests, and anything that wants them all at once).
 */
export function layerVertices(pairs: readonly MorphPair[], closure: readonly Position[]) {
  const layout = pairLayout(pairs.map((p) => p.from.length), closure.length);
  const fill = new Float32Array(layout.fillVertices * FILL_STRIDE);
  const line = new Float32Array(layout.lineVertices * LINE_STRIDE);
  const index = new Uint32Array(layout.indices);
  pairs.forEach((p, k) => {
    const s = layout.slices[k];
    const v = writePair(p, closure, s);
    fill.set(v.fill, s.fillFirst * FILL_STRIDE);
    line.set(v.line, s.lineVertex * LINE_STRIDE);
    index.set(v.index, s.lineOffset);
  });
  return { fill, line, index, slices: layout.slices };
}
