/**
 * "Who held this point on this date?": the side of the front a point lies on, its zone
 * (no-man's land, infiltrated) and its distance to the front, from the view the map draws.
 * Used by the map click, the place answer, the description, compare and `geo:query`; a page's
 * first view needs none of it, so the embed loads it when first asked (or after its map is
 * complete).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { lineString, point, polygon } from '@turf/helpers';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import type { Feature, Polygon, Position } from 'geojson';
import type { Pack } from './campaign.ts';
import type { Certainty, Side } from './types.ts';
import { momentIso } from './dates.ts';
import { viewAt, type CampaignView } from './view.ts';
import type { Zone, ZonesAt } from './zones.ts';

/** Which side held `lngLat` given the north polygon of the front at that moment. */
export function sideOf(north: Feature<Polygon>, lngLat: Position): Side {
  return booleanPointInPolygon(point([lngLat[0], lngLat[1]]), north) ? 'PVA/KPA' : 'UN';
}

/** Distance in km from `lngLat` to the front line. */
export function distanceToFrontKm(front: readonly Position[], lngLat: Position): number {
  return pointToLineDistance(point([lngLat[0], lngLat[1]]), lineString(front.map((p) => [p[0], p[1]])), {
    units: 'kilometers',
  });
}

/** Answer to "who held this place on this date?". */
export interface HolderAnswer {
  /** The moment asked about: `YYYY-MM-DD` on a day step (the end of that day), else `YYYY-MM-DDTHH:MM`. */
  date: string;
  lngLat: [number, number];
  /** Which side of the UN front line the point lies on (north of it: PVA/KPA). */
  side: Side;
  /** Held by that side, no-man's land (between the UN front and the PVA/KPA forward line), or infiltrated (behind the UN front). */
  zone: Zone;
  frontDistanceKm: number;
}

/**
 * Which side held `lngLat` at `day`, and how far the front was: computed from exactly the
 * data and interpolation the map draws. Used by the map click and by `geo:query`.
 */
export function holderAt(pack: Pack, day: number, lngLat: [number, number]): HolderAnswer {
  return holderIn(viewAt(pack, day), lngLat);
}

/** The same answer from a view already computed (the one the map is drawing). */
export function holderIn(view: CampaignView, lngLat: [number, number]): HolderAnswer {
  const side = sideOf(view.north, lngLat);
  return {
    date: momentIso(view.day),
    lngLat,
    side,
    zone: zoneOf(view.zones, lngLat, side),
    frontDistanceKm: Math.round(distanceToFrontKm(view.front.coords, lngLat) * 10) / 10,
  };
}

/** What the place card says about a point outside held ground: which zone, how sure, and why. */
export interface ZoneDetail {
  zone: Exclude<Zone, 'held'>;
  certainty: Certainty;
  sources: string[];
  /** The infiltration area's name, per language. */
  name?: { en: string; ko: string };
}

/** The zone feature `lngLat` lies in (as zoneOf decides), with its certainty and sources; undefined on held ground. */
export function zoneDetail(zones: ZonesAt, lngLat: Position, side: Side): ZoneDetail | undefined {
  const zone = zoneOf(zones, lngLat, side);
  const p = point([lngLat[0], lngLat[1]]);
  if (zone === "no-man's land") {
    const f = zones.noMansLand.features.find((x) => booleanPointInPolygon(p, x)) ?? zones.noMansLand.features[0];
    return { zone, certainty: f.properties.certainty, sources: f.properties.sources };
  }
  if (zone === 'infiltrated') {
    const f = zones.infiltrated.features.find((x) => x.properties.opacity >= 1 && booleanPointInPolygon(p, polygon(x.geometry.coordinates)));
    if (f) return { zone, certainty: f.properties.certainty, sources: f.properties.sources, name: { en: f.properties.name_en, ko: f.properties.name_ko } };
  }
  return undefined;
}

/**
 * The zone of `lngLat`, which lies on `side` of the UN front: no-man's land inside the band;
 * infiltrated inside an infiltration area during its period (not while it fades in or out),
 * on the UN side; otherwise held (by `side`).
 */
export function zoneOf(zones: ZonesAt, lngLat: Position, side: Side): Zone {
  const p = point([lngLat[0], lngLat[1]]);
  for (const f of zones.noMansLand.features) if (booleanPointInPolygon(p, f)) return "no-man's land";
  if (side !== 'UN') return 'held';
  for (const f of zones.infiltrated.features) {
    if (f.properties.opacity >= 1 && booleanPointInPolygon(p, polygon(f.geometry.coordinates))) return 'infiltrated';
  }
  return 'held';
}
