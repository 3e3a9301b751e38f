/**
 * What changed between two dates besides areas: the gazetteer places that changed hands (with
 * the day each did) and the largest advance of each side along the front. Both are read from
 * the views the map draws on those dates.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { Feature, Polygon, Position } from 'geojson';
import type { Pack } from './campaign.ts';
import type { PlaceFeature, Side } from './types.ts';
import { dayOf, parseIsoDate } from './dates.ts';
import { distanceToFrontKm, sideOf } from './holder.ts';
import { viewAt, type CampaignView } from './view.ts';

/**
 * The calendar dates after `fromIso` up to and including `toIso`, in the direction of travel
 * (backwards when `toIso` is earlier). Calendar arithmetic on ISO dates, not on day numbers:
 * what moment a date stands for is dates.ts's business (dayOf).
 */
export function datesAfter(fromIso: string, toIso: string): string[] {
  const [a, b] = [parseIsoDate(fromIso), parseIsoDate(toIso)];
  if (a === undefined || b === undefined) return [];
  const step = b >= a ? 1 : -1;
  const [y, m, d] = fromIso.split('-').map(Number);
  // Both are midnights of calendar dates (parseIsoDate), so their difference is whole days.
  const n = Math.round(Math.abs(b - a));
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1, d + step * (i + 1))).toISOString().slice(0, 10));
}

/** The calendar dates from `startIso` to `endIso` inclusive (ascending). */
export function datesFromTo(startIso: string, endIso: string): string[] {
  return [startIso, ...datesAfter(startIso, endIso)];
}

/** Places that can be held: towns, cities and villages (not rivers or terrain features). */
export function holdablePlaces(pack: Pack): PlaceFeature[] {
  return pack.places.features.filter((f) => f.properties.kind === 'city' || f.properties.kind === 'town' || f.properties.kind === 'village');
}

/** A place that was on a different side at B than at A. */
export interface ChangedPlace {
  id: string;
  /** Side at A and at B. */
  from: Side;
  to: Side;
  /** The date from which the place stayed on B's side up to B. */
  date: string;
  /** Times it changed sides on the way (more than 1: it changed back and forth). */
  changes: number;
}

/**
 * The places that changed hands from `isoA` to `isoB`, in the order they changed, each with
 * the day it passed to the side that held it at B. Sides are read once per calendar day.
 */
export function changedPlaces(pack: Pack, isoA: string, isoB: string, places: PlaceFeature[] = holdablePlaces(pack)): ChangedPlace[] {
  const days = datesAfter(isoA, isoB);
  const norths = [viewAt(pack, dayOf(isoA)).north, ...days.map((iso) => viewAt(pack, dayOf(iso)).north)];
  const out: ChangedPlace[] = [];
  for (const p of places) {
    const sides = norths.map((n) => sideOf(n, p.geometry.coordinates));
    const last = sides[sides.length - 1];
    if (sides[0] === last) continue;
    let since = sides.length - 1;
    while (since > 0 && sides[since - 1] === last) since--;
    const changes = sides.filter((s, i) => i > 0 && s !== sides[i - 1]).length;
    out.push({ id: p.properties.id, from: sides[0], to: last, date: days[since - 1], changes });
  }
  const order = (c: ChangedPlace) => days.indexOf(c.date);
  return out.sort((x, y) => order(x) - order(y));
}

/** The farthest one side's front moved into the other side's ground. */
export interface Advance {
  side: Side;
  km: number;
  /** Where on B's front the farthest point lies. */
  at: [number, number];
}

/**
 * The largest advance of each side from A to B: the point of B's front, on land, farthest
 * from A's front among those that lay on the other side at A (km, one decimal).
 */
export function largestAdvances(a: CampaignView, b: CampaignView, land: Feature<Polygon>): Advance[] {
  const best = new Map<Side, Advance>();
  for (const p of b.front.coords) {
    if (!booleanPointInPolygon(point([p[0], p[1]]), land)) continue;
    // B's front in A's UN ground: the PVA/KPA side moved forward to it; in A's north, the UN did.
    const side: Side = sideOf(a.north, p) === 'UN' ? 'PVA/KPA' : 'UN';
    const km = distanceToFrontKm(a.front.coords, p);
    if (km > (best.get(side)?.km ?? 0)) best.set(side, { side, km, at: [p[0], p[1]] });
  }
  return [...best.values()]
    .map((x) => ({ ...x, km: Math.round(x.km * 10) / 10 }))
    .filter((x) => x.km > 0)
    .sort((x, y) => y.km - x.km);
}

/** The place nearest to `at` (for "near Wonju"), from `places`. */
export function nearestPlace(places: readonly PlaceFeature[], at: Position): PlaceFeature | undefined {
  let best: PlaceFeature | undefined;
  let bestD = Infinity;
  for (const p of places) {
    const [x, y] = p.geometry.coordinates;
    // Compare in a locally flattened frame: good enough to pick the nearest of a few dozen.
    const d = ((x - at[0]) * Math.cos((y * Math.PI) / 180)) ** 2 + (y - at[1]) ** 2;
    if (d < bestD) [best, bestD] = [p, d];
  }
  return best;
}
