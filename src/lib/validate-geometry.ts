/**
 * The geometric predicates of the pack checks (see GeometryChecks in validate.ts), from turf:
 * a module of their own so that a page can run these checks after its first view (the embed:
 * LoadOptions.geometry 'later') without loading turf's code before it.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { lineString, point } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import type { GeometryChecks } from './validate.ts';

/** Turf's self-intersection, point-in-polygon and point-to-line distance. */
export const geometryChecks: GeometryChecks = {
  selfIntersects: (coords) => kinks(lineString(coords.map((q) => [q[0], q[1]]))).features.length > 0,
  inside: (p, area) => booleanPointInPolygon(point([p[0], p[1]]), area),
  distanceToLineKm: (p, line) => pointToLineDistance(point([p[0], p[1]]), lineString(line.map((q) => [q[0], q[1]])), { units: 'kilometers' }),
};
