/**
 * The figures of compare mode and of the ground-held chart, from the views the map draws:
 * areas gained and lost, places that changed hands, the largest advance, and the land each
 * side held on every day of the pack.
 */
import type { Pack } from './campaign.ts';
import { dayOf, isoOf } from './dates.ts';
import { groundChange, heldKm2, prepareLand, type GroundChange, type HeldKm2, type LandIndex, type ZoneShapes } from './areas.ts';
import { changedPlaces, datesFromTo, largestAdvances, type Advance, type ChangedPlace } from './changes.ts';
import { viewAt, type CampaignView } from './view.ts';

/** The land of a pack prepared for area queries (once per pack: a few hundred ms). */
export function landIndexOf(pack: Pack): LandIndex {
  const fronts = pack.prepared.flatMap((f) => [f.coords, ...(f.next ? [f.next.from, f.next.to] : [])]);
  return prepareLand(pack.basemap.mainland, fronts);
}

/** The shapes that split the land in a view: the two sides, and no-man's land where the view has a band. */
export function zonesOf(view: CampaignView): ZoneShapes {
  const band = view.zones.noMansLand.features[0];
  return { north: view.north, front: view.front.coords, ...(band ? { noMansLand: band } : {}) };
}

/** The view the map draws for calendar date `iso` (as the slider shows it). */
export function viewOn(pack: Pack, iso: string): CampaignView {
  return viewAt(pack, dayOf(iso));
}

/** Everything compare mode says about A → B. */
export interface CompareFigures {
  a: string;
  b: string;
  change: GroundChange;
  places: ChangedPlace[];
  advances: Advance[];
}

/** Compare mode's figures for calendar dates `isoA` → `isoB` (the order given). */
export function compareFigures(pack: Pack, index: LandIndex, isoA: string, isoB: string): CompareFigures {
  const [a, b] = [viewOn(pack, isoA), viewOn(pack, isoB)];
  return {
    a: isoA,
    b: isoB,
    change: groundChange(index, zonesOf(a), zonesOf(b)),
    places: changedPlaces(pack, isoA, isoB),
    advances: largestAdvances(a, b, pack.basemap.mainland),
  };
}

/** The land each zone held on one day. */
export interface HeldDay {
  date: string;
  held: HeldKm2;
}

/** The land each zone held on every calendar day of the pack (the chart's data). */
export function heldSeries(pack: Pack, index: LandIndex): HeldDay[] {
  return datesFromTo(pack.manifest.start, pack.manifest.end).map((date) => ({ date, held: heldKm2(index, zonesOf(viewOn(pack, date))) }));
}

/** The calendar date of the day number the slider is on. */
export const dateOfDay = isoOf;
