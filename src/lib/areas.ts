/**
 * Ground held and ground that changed hands, in km², from exactly the shapes the map draws:
 * the PVA/KPA side is the view's north polygon, the UN side the rest, both clipped to the
 * mainland the sea mask leaves visible (islands are not shaded on the map, so not counted).
 * No-man's land, when a view has it, is a zone of its own, taken out of both sides.
 */
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { ZONES, type Zone } from './zone-list.ts';

export { ZONES, type Zone };

type Area = Feature<Polygon | MultiPolygon>;

/** km² held by each zone; they add up to the land's area. */
export type HeldKm2 = Record<Zone, number>;

/** The shapes that split the land at one moment (from the view the map draws). */
export interface ZoneShapes {
  /** The PVA/KPA side of the front, closed round the north (CampaignView.north). */
  north: Feature<Polygon>;
  /** The front line that bounds `north` on land (CampaignView.front.coords). */
  front: readonly Position[];
  /** No-man's land, counted apart from both sides, if the view has one. */
  noMansLand?: Area;
}

/**
 * The land split once per pack so that each date clips only the strip the fronts move in:
 * clipping the whole 2,300-vertex mainland for every day costs several times more.
 */
export interface LandIndex {
  /** The land's whole area, km². */
  totalKm2: number;
  /** Land inside the strip (undefined when the strip holds no land). */
  strip: Area | undefined;
  /** The strip's box; outside it every shape must be wholly north (PVA/KPA) or south (UN). */
  box: BBox;
  /** Land north of the strip, km² (always on the north polygon's side). */
  northKm2: number;
  /** The full land, for shapes that reach outside the strip. */
  land: Area;
}

/** Degrees of latitude added above and below the fronts' extent (room for no-man's land). */
const STRIP_MARGIN = 0.5;
const M2_PER_KM2 = 1e6;

/** [west, south, east, north] of every vertex of a shape. */
function boundsOf(shape: Area): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = shape.geometry.type === 'Polygon' ? shape.geometry.coordinates : shape.geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}

const box = ([w, s, e, n]: BBox): Area => polygon([[[w, s], [e, s], [e, n], [w, n], [w, s]]]);

/** km² of a shape (0 for none). */
export function km2(shape: Area | null | undefined): number {
  return shape ? area(shape) / M2_PER_KM2 : 0;
}

function clip(a: Area | null | undefined, b: Area | null | undefined): Area | undefined {
  if (!a || !b) return undefined;
  return intersect(featureCollection([a, b])) ?? undefined;
}

function minus(a: Area | null | undefined, b: Area | null | undefined): Area | undefined {
  if (!a) return undefined;
  if (!b) return a;
  return difference(featureCollection([a, b])) ?? undefined;
}

/**
 * Prepares `land` for area queries about fronts whose vertices are among `fronts` (every
 * keyframe of a pack: blends of matched vertices stay within their latitude range).
 */
export function prepareLand(land: Area, fronts: readonly (readonly Position[])[]): LandIndex {
  const lats = fronts.flatMap((f) => f.map((p) => p[1]));
  if (!lats.length) throw new Error('prepareLand: no front vertices given');
  const [w, s, e, n] = boundsOf(land);
  const south = Math.max(s, Math.min(...lats) - STRIP_MARGIN);
  const north = Math.min(n, Math.max(...lats) + STRIP_MARGIN);
  const strip: BBox = [w - 1, south, e + 1, north];
  const above = north < n ? clip(land, box([w - 1, north, e + 1, n + 1])) : undefined;
  return { totalKm2: km2(land), strip: clip(land, box(strip)), box: strip, northKm2: km2(above), land };
}

/**
 * Whether every edge of `shapes` that can cut the land lies inside the index's strip (the
 * north polygon's closure runs at sea, so only its front counts).
 */
function fitsStrip(index: LandIndex, shapes: ZoneShapes): boolean {
  const [, s, , n] = index.box;
  if (shapes.front.some((p) => p[1] < s || p[1] > n)) return false;
  if (!shapes.noMansLand) return true;
  const [, ms, , mn] = boundsOf(shapes.noMansLand);
  return ms >= s && mn <= n;
}

/** Each zone's part of `land`. */
function zonesOn(land: Area | undefined, shapes: ZoneShapes): Record<Zone, Area | undefined> {
  const nml = clip(land, shapes.noMansLand);
  return {
    'PVA/KPA': minus(clip(land, shapes.north), nml),
    UN: minus(minus(land, shapes.north), nml),
    noMansLand: nml,
  };
}

/** km² per zone from the zones' shapes on the strip (inStrip) or on the whole land. */
function heldOf(index: LandIndex, zones: Record<Zone, Area | undefined>, inStrip: boolean): HeldKm2 {
  const pva = km2(zones['PVA/KPA']) + (inStrip ? index.northKm2 : 0);
  const nml = km2(zones.noMansLand);
  // The UN side is the rest: one clipping fewer, and the three always add up to the land.
  return { 'PVA/KPA': pva, UN: Math.max(0, index.totalKm2 - pva - nml), noMansLand: nml };
}

/** The land each zone holds for `shapes`, in km². */
export function heldKm2(index: LandIndex, shapes: ZoneShapes): HeldKm2 {
  const inStrip = fitsStrip(index, shapes);
  const land = inStrip ? index.strip : index.land;
  const nml = clip(land, shapes.noMansLand);
  return heldOf(index, { 'PVA/KPA': minus(clip(land, shapes.north), nml), UN: undefined, noMansLand: nml }, inStrip);
}

/** Properties of a piece of ground that changed hands. */
export interface ChangeProps {
  from: Zone;
  to: Zone;
  km2: number;
}

/** What changed between two moments A and B. */
export interface GroundChange {
  held: { a: HeldKm2; b: HeldKm2 };
  /** km² each zone held at B that it did not hold at A. */
  gained: Record<Zone, number>;
  /** km² each zone held at A that it no longer held at B. */
  lost: Record<Zone, number>;
  /** The ground that changed hands, one feature per (from, to) pair with any area. */
  shapes: FeatureCollection<Polygon | MultiPolygon, ChangeProps>;
}

const zeros = (): Record<Zone, number> => ({ 'PVA/KPA': 0, UN: 0, noMansLand: 0 });

/** The ground that changed hands between A and B, and the km² each zone gained and lost. */
export function groundChange(index: LandIndex, a: ZoneShapes, b: ZoneShapes): GroundChange {
  const inStrip = fitsStrip(index, a) && fitsStrip(index, b);
  const land = inStrip ? index.strip : index.land;
  const [za, zb] = [zonesOn(land, a), zonesOn(land, b)];
  const gained = zeros();
  const lost = zeros();
  const features: GroundChange['shapes']['features'] = [];
  for (const from of ZONES) {
    for (const to of ZONES) {
      if (from === to) continue;
      const piece = clip(za[from], zb[to]);
      const size = km2(piece);
      if (!piece || size <= 0) continue;
      features.push({ ...piece, properties: { from, to, km2: size } });
      gained[to] += size;
      lost[from] += size;
    }
  }
  return { held: { a: heldOf(index, za, inStrip), b: heldOf(index, zb, inStrip) }, gained, lost, shapes: featureCollection(features) };
}
