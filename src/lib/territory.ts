/**
 * The PVA/KPA side of a front: the line closed round the north through points at sea.
 * Clipping to land is done by drawing order (a sea mask above the fill), not per frame.
 */
import { polygon } from '@turf/helpers';
import type { Feature, Polygon, Position } from 'geojson';
import type { Side } from './types.ts';

/** Closes a west-to-east front into the polygon of the side north of it. */
export function northPolygon(front: readonly Position[], closure: readonly Position[]): Feature<Polygon, { side: Side }> {
  if (front.length < 2) throw new Error('northPolygon: a front needs at least two vertices');
  const ring = [...front, ...closure, front[0]].map((p) => [p[0], p[1]]);
  return polygon([ring], { side: 'PVA/KPA' as Side });
}

/**
 * The sea mask: a rectangle with the mainland cut out as a hole. Drawn above the
 * territory fill and the front, it hides whatever of them lies at sea.
 */
export function seaMask(mainlandRing: readonly Position[], bounds: [number, number, number, number]): Feature<Polygon> {
  const [w, s, e, n] = bounds;
  const outer = [[w, s], [e, s], [e, n], [w, n], [w, s]];
  const hole = mainlandRing.map((p) => [p[0], p[1]]);
  // RFC 7946 and MapLibre's ring classification both want the hole wound against the
  // counter-clockwise outer ring; a same-way hole would be drawn as a second polygon.
  if (signedArea(hole) > 0) hole.reverse();
  return polygon([outer, hole], {});
}

/** Twice the signed planar area of a ring: positive when counter-clockwise. */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}
