/**
 * The view of the campaign at one moment, derived from nothing but the pack and the date.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';
import type { Certainty, Phase, Side } from './types.ts';
import type { Pack } from './campaign.ts';
import { frontAt, type FrontState } from './morph.ts';
import { northPolygon } from './territory.ts';
import { clampDay, isoOf } from './dates.ts';
import { arrowsAt, unitsAt, type ArrowAtProps, type UnitAtProps } from './forces.ts';
import { zonesAt, type ZonesAt } from './zones.ts';

/** Everything drawn or said about one date. */
export interface CampaignView {
  day: number;
  iso: string;
  phaseIndex: number;
  phase: Phase;
  front: FrontState;
  /** The PVA/KPA side as a polygon (drawn under a sea mask). */
  north: Feature<Polygon, { side: Side }>;
  /** The front split into runs of equal certainty, for solid / dashed / dotted styling. */
  frontRuns: FeatureCollection<LineString, { certainty: Certainty }>;
  /** Units whose position is known at this moment. */
  units: FeatureCollection<Point, UnitAtProps>;
  /** Arrows shown at this moment, with their fade. */
  arrows: FeatureCollection<LineString | Polygon, ArrowAtProps>;
  /** No-man's land (the band between the front and the PVA/KPA forward line) and infiltrated areas. */
  zones: ZonesAt;
}

/**
 * Index of the phase that contains moment `day`. `phaseDays` are the phases' start dates as
 * `dayOf` gives them (the end of each start date, where the slider stops); a phase covers its
 * whole start date, so it begins just after 24:00 of the day before (the previous day step
 * still belongs to the previous phase).
 */
export function phaseIndexAt(phaseDays: readonly number[], day: number): number {
  let i = 0;
  // Half a minute of slack: a moment within float noise of a day step is that step.
  while (i + 1 < phaseDays.length && day - (phaseDays[i + 1] - 1) > HALF_MINUTE) i++;
  return i;
}

const HALF_MINUTE = 0.5 / 1440;

/** Splits a line into consecutive runs that share a certainty; runs share their end vertices. */
export function certaintyRuns(coords: readonly Position[], certainty: readonly Certainty[]): FeatureCollection<LineString, { certainty: Certainty }> {
  const features: Feature<LineString, { certainty: Certainty }>[] = [];
  let start = 0;
  for (let i = 1; i <= coords.length - 1; i++) {
    const atEnd = i === coords.length - 1;
    if (atEnd || certainty[i] !== certainty[start]) {
      features.push({
        type: 'Feature',
        properties: { certainty: certainty[start] },
        geometry: { type: 'LineString', coordinates: coords.slice(start, i + 1) as Position[] },
      });
      start = i;
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Options for viewAt. */
export interface ViewOptions {
  /** Show the last dated line instead of morphing (for prefers-reduced-motion). */
  snap?: boolean;
}

/** Day of the last front keyframe at or before `day`. */
function keyframeDayAt(pack: Pack, day: number): number {
  let k = pack.prepared[0].day;
  for (const f of pack.prepared) if (f.day <= day) k = f.day;
  return k;
}

/**
 * The whole view at moment `day`, clamped into the pack's range: whole days, from 00:00 of the
 * first (an hour before the slider's first step, which is the end of that day, can be asked
 * for by geo:query) to 24:00 of the last.
 */
export function viewAt(pack: Pack, day: number, options: ViewOptions = {}): CampaignView {
  const d = clampDay(day, pack.startDay - 1, pack.endDay);
  const phaseIndex = phaseIndexAt(pack.phaseDays, d);
  const frontDay = options.snap ? keyframeDayAt(pack, d) : d;
  const front = frontAt(pack.prepared, frontDay);
  return {
    day: d,
    iso: isoOf(d),
    phaseIndex,
    phase: pack.manifest.phases[phaseIndex],
    front,
    north: northPolygon(front.coords, pack.manifest.northClosure),
    frontRuns: certaintyRuns(front.coords, front.certainty),
    units: unitsAt(pack.tracks, d),
    arrows: arrowsAt(pack.arrows, d),
    zones: zonesAt(pack.zones, front, frontDay),
  };
}

/** Every source key behind what is drawn at this moment: the front(s), units and arrows. */
export function drawnSources(view: CampaignView): string[] {
  const keys = new Set<string>([...view.front.from.sources, ...(view.front.interpolated ? view.front.to.sources : [])]);
  for (const f of view.units.features) for (const k of f.properties.sources) keys.add(k);
  for (const f of view.arrows.features) for (const k of f.properties.sources) keys.add(k);
  for (const f of view.zones.noMansLand.features) for (const k of f.properties.sources) keys.add(k);
  for (const f of view.zones.infiltrated.features) for (const k of f.properties.sources) keys.add(k);
  return [...keys];
}
