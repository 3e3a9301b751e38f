/**
 * Units and arrows at a date: pure functions over the pack's dated features.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';
import { bearing } from '@turf/bearing';
import { destination } from '@turf/destination';
import { point } from '@turf/helpers';
import type { ArrowProps, Certainty, Side, Unit, UnitPositionProps } from './types.ts';
import { periodEnd, periodStart } from './dates.ts';

/** A unit's dated positions, prepared once: sorted, with day numbers. */
export interface UnitTrack {
  unit: string;
  side: Side;
  name_en: string;
  name_ko: string;
  /** Dated positions in order; `from` is the first moment the unit is known there, `to` the moment that ends (exclusive of the next stop). */
  stops: { from: number; to: number; at: Position; certainty: Certainty; sources: string[] }[];
}

/** Groups positions by unit (positions of units not in `units` are skipped) and sorts them by date. */
export function prepareTracks(positions: readonly Feature<Point, UnitPositionProps>[], units: Record<string, Unit>): UnitTrack[] {
  const byUnit = new Map<string, UnitTrack>();
  for (const f of positions) {
    const p = f.properties;
    const u = units[p.unit];
    if (!u) continue;
    const track = byUnit.get(p.unit) ?? { unit: p.unit, side: u.side, name_en: u.name_en, name_ko: u.name_ko, stops: [] };
    track.stops.push({ from: periodStart(p.from), to: periodEnd(p.to), at: f.geometry.coordinates, certainty: p.certainty, sources: p.sources });
    byUnit.set(p.unit, track);
  }
  for (const t of byUnit.values()) t.stops.sort((a, b) => a.from - b.from);
  return [...byUnit.values()];
}

/** Properties of a unit drawn at a date. */
export interface UnitAtProps {
  unit: string;
  side: Side;
  name_en: string;
  name_ko: string;
  certainty: Certainty;
  /** True while the unit moves between two dated positions. */
  moving: boolean;
  sources: string[];
}

/**
 * Where each unit is at `day`: at a stop for the whole of the days it is known there (from
 * 00:00 of `from` to 24:00 of `to`), moving linearly between two stops, hidden before its
 * first and after its last (its position is not known there).
 */
export function unitsAt(tracks: readonly UnitTrack[], day: number): FeatureCollection<Point, UnitAtProps> {
  const features: Feature<Point, UnitAtProps>[] = [];
  for (const t of tracks) {
    const s = t.stops;
    // A period is (start, end]: the slider's day D is 24:00 on D (the end-of-day convention), so
    // a unit first known on D+1 must not show at D, while one known on D shows there.
    if (s.length === 0 || day <= s[0].from || day > s[s.length - 1].to) continue;
    let at: Position | undefined;
    let props: UnitAtProps | undefined;
    for (let i = 0; i < s.length && !at; i++) {
      if (day > s[i].from && day <= s[i].to) {
        at = s[i].at;
        props = { ...names(t), certainty: s[i].certainty, moving: false, sources: s[i].sources };
      } else if (i + 1 < s.length && day > s[i].to && day <= s[i + 1].from) {
        const w = (day - s[i].to) / (s[i + 1].from - s[i].to);
        at = [s[i].at[0] + (s[i + 1].at[0] - s[i].at[0]) * w, s[i].at[1] + (s[i + 1].at[1] - s[i].at[1]) * w];
        const certainty = Math.max(s[i].certainty, s[i + 1].certainty) as Certainty;
        props = { ...names(t), certainty, moving: true, sources: [...new Set([...s[i].sources, ...s[i + 1].sources])] };
      }
    }
    if (at && props) features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: at } });
  }
  return { type: 'FeatureCollection', features };
}

function names(t: UnitTrack): Pick<UnitAtProps, 'unit' | 'side' | 'name_en' | 'name_ko'> {
  return { unit: t.unit, side: t.side, name_en: t.name_en, name_ko: t.name_ko };
}

/** How long an arrow takes to fade in and out, in days. */
export const ARROW_FADE_DAYS = 0.5;

/**
 * Opacity of something shown from `from` to `to` (day numbers) at `day`: it fades in over the
 * first `fade` days after `from` and out over the `fade` days after `to`, so it is fully shown at
 * the end of every day it covers (the slider's day steps) and not at all at the step before.
 */
export function fadeOpacity(from: number, to: number, day: number, fade = ARROW_FADE_DAYS): number {
  if (day <= from || day >= to + fade) return 0;
  const rise = (day - from) / fade;
  const fall = day > to ? (to + fade - day) / fade : 1;
  return Math.min(1, rise, fall);
}

/** Properties of an arrow drawn at a date. */
export interface ArrowAtProps {
  id: string;
  side: ArrowProps['side'];
  kind: ArrowProps['kind'];
  certainty: Certainty;
  opacity: number;
  label_en: string;
  label_ko: string;
  sources: string[];
}

/** A triangular head at the end of `line`, `sizeKm` long, pointing along its last segment. */
export function arrowHead(line: readonly Position[], sizeKm: number): Position[] {
  const tip = line[line.length - 1];
  const prev = line[line.length - 2];
  const dir = bearing(point(prev), point(tip));
  const back = destination(point(tip), sizeKm, dir + 180).geometry.coordinates;
  const left = destination(point(back), sizeKm * 0.55, dir - 90).geometry.coordinates;
  const right = destination(point(back), sizeKm * 0.55, dir + 90).geometry.coordinates;
  return [tip, left, right, tip];
}

/** An arrow prepared once: day numbers and its head precomputed. */
export interface PreparedArrow {
  from: number;
  to: number;
  props: Omit<ArrowAtProps, 'opacity'>;
  shaft: Position[];
  head: Position[];
}

/** Size of arrowheads, km. */
const HEAD_KM = 7;

/** Prepares arrows for per-frame use. */
export function prepareArrows(arrows: readonly Feature<LineString, ArrowProps>[]): PreparedArrow[] {
  return arrows.map((a) => {
    const p = a.properties;
    return {
      from: periodStart(p.from),
      to: periodEnd(p.to),
      props: { id: p.id, side: p.side, kind: p.kind, certainty: p.certainty, label_en: p.label_en, label_ko: p.label_ko, sources: p.sources },
      shaft: a.geometry.coordinates,
      head: arrowHead(a.geometry.coordinates, HEAD_KM),
    };
  });
}

/** Arrow shafts and heads visible at `day`, with their fade opacity. */
export function arrowsAt(arrows: readonly PreparedArrow[], day: number): FeatureCollection<LineString | Polygon, ArrowAtProps> {
  const features: Feature<LineString | Polygon, ArrowAtProps>[] = [];
  for (const a of arrows) {
    const opacity = fadeOpacity(a.from, a.to, day);
    if (opacity <= 0) continue;
    const props: ArrowAtProps = { ...a.props, opacity };
    features.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: a.shaft } });
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [a.head] } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Every arrow's shaft and head once, for a map that shows them by feature state: the shaft
 * of arrow i has id 2i and its head 2i + 1, so a frame sets opacities instead of re-sending
 * geometry. Properties are those of arrowsAt without the opacity.
 */
export function arrowFeatures(arrows: readonly PreparedArrow[]): FeatureCollection<LineString | Polygon, Omit<ArrowAtProps, 'opacity'>> {
  return {
    type: 'FeatureCollection',
    features: arrows.flatMap((a, i) => [
      { type: 'Feature' as const, id: 2 * i, properties: a.props, geometry: { type: 'LineString' as const, coordinates: a.shaft } },
      { type: 'Feature' as const, id: 2 * i + 1, properties: a.props, geometry: { type: 'Polygon' as const, coordinates: [a.head] } },
    ]),
  };
}

/**
 * One stretch of a unit's track for a map that animates units on the GPU: at a stop or moving
 * between two stops. Like every period under the end-of-day convention, a span is (start, end]:
 * shown after `start` up to and including `end`. Together a track's spans give exactly the
 * positions of unitsAt at every moment.
 */
export interface UnitSpan {
  unit: string;
  /** Position at `start` and at `end` (equal at a stop), [lon, lat]. */
  from: Position;
  to: Position;
  start: number;
  end: number;
  moving: boolean;
  /** Icon opacity, as the map style drew it: moving 0.6, else by certainty. */
  opacity: number;
}

/** Icon opacity of a unit: less certain positions fainter, moving units too. */
export function unitOpacity(moving: boolean, certainty: Certainty): number {
  if (moving) return 0.6;
  return certainty === 1 ? 1 : certainty === 2 ? 0.9 : 0.7;
}

/**
 * Every stop and every move of every track, built once at load. Where stops overlap, unitsAt
 * keeps the earlier one, so a stop starts where the latest end before it is (and is left out
 * when that covers it); a move fills the gap between one stop's end and the next one's start.
 */
export function unitSpans(tracks: readonly UnitTrack[]): UnitSpan[] {
  return tracks.flatMap((t) => {
    const out: UnitSpan[] = [];
    let covered = -Infinity;
    t.stops.forEach((s, i) => {
      const start = Math.max(s.from, covered);
      if (start < s.to) out.push({ unit: t.unit, from: s.at, to: s.at, start, end: s.to, moving: false, opacity: unitOpacity(false, s.certainty) });
      covered = Math.max(covered, s.to);
      const next = t.stops[i + 1];
      if (next && next.from > covered) {
        // unitsAt blends from this stop's end; where an earlier stop still covers that moment,
        // the move shows from the end of the cover, starting where the unit is by then.
        const w = (covered - s.to) / (next.from - s.to);
        const from: Position = [s.at[0] + (next.at[0] - s.at[0]) * w, s.at[1] + (next.at[1] - s.at[1]) * w];
        out.push({ unit: t.unit, from, to: next.at, start: covered, end: next.from, moving: true, opacity: unitOpacity(true, next.certainty) });
      }
    });
    return out;
  });
}

/** Where a span puts its unit at `day`, or undefined when the span does not show then. */
export function spanAt(span: UnitSpan, day: number): Position | undefined {
  if (day <= span.start || day > span.end) return undefined;
  if (!span.moving) return span.from;
  const w = (day - span.start) / (span.end - span.start);
  return [span.from[0] + (span.to[0] - span.from[0]) * w, span.from[1] + (span.to[1] - span.from[1]) * w];
}

/**
 * Every stop of every unit as a labelled point, id k for the k-th stop span of unitSpans
 * (moves have no label): a map shows the labels of the moment by feature state.
 */
export function unitStopLabels(tracks: readonly UnitTrack[], spans: readonly UnitSpan[]): FeatureCollection<Point, Pick<UnitAtProps, 'unit' | 'name_en' | 'name_ko'>> {
  const byUnit = new Map(tracks.map((t) => [t.unit, t]));
  const features: Feature<Point, Pick<UnitAtProps, 'unit' | 'name_en' | 'name_ko'>>[] = [];
  spans.forEach((s, k) => {
    const t = byUnit.get(s.unit);
    if (s.moving || !t) return;
    features.push({ type: 'Feature', id: k, properties: { unit: t.unit, name_en: t.name_en, name_ko: t.name_ko }, geometry: { type: 'Point', coordinates: s.from } });
  });
  return { type: 'FeatureCollection', features };
}
