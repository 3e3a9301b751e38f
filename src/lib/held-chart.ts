/**
 * The ground-held chart's geometry (issue 15 #3): the land each zone held on every day as
 * stacked areas — UN at the bottom, no-man's land on it, PVA/KPA on top, together the whole
 * land — in a box of given pixels, and the way back from a pixel to a day. Pure: the app's
 * chart and the print handout draw these paths as SVG.
 */
import { dayOf } from './dates.ts';
import type { HeldKm2, Zone } from './areas.ts';
import { niceTicks } from './ticks.ts';

/** One day of the series: its date and the km² each zone held at its end. */
export interface HeldDayLike {
  date: string;
  held: HeldKm2;
}

/** The zones from the bottom of the stack up. */
export const STACK: readonly Zone[] = ['UN', 'noMansLand', 'PVA/KPA'];

/** The chart's drawing in a `width` × `height` box. */
export interface HeldChart {
  /** A closed SVG path per zone (empty when the zone never held any land). */
  areas: Record<Zone, string>;
  /** The x of each day of the series. */
  xs: number[];
  /** The y of the top of UN ground and of no-man's land on each day (the lines between the areas). */
  tops: Record<'UN' | 'noMansLand', number[]>;
  /** The whole land, km² (the three zones add up to it every day). */
  totalKm2: number;
  /** The left scale: round km² of UN ground (counted from below) and their `y` px; gridlines. */
  left: ScaleTick[];
  /**
   * The right scale: round km² of PVA/KPA ground (counted from above: the land less what lies
   * below) and their `y` px. Round on both sides, so the two scales' ticks fall at different heights.
   */
  right: ScaleTick[];
}

/** A labelled value on a scale of the chart. */
export interface ScaleTick {
  y: number;
  km2: number;
}

/** The least room a scale's label needs, px (10 px text and a gap). */
const TICK_ROOM = 24;

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Stacked areas of `series` in a box `width` × `height` px (y grows down). The fronts moved a
 * few per cent of the land, so the box shows only the band the boundaries moved in, cut at
 * whole multiples of `step` km² below and above them: the UN area stands on the box's bottom
 * edge (the cut), the PVA/KPA area hangs from its top; the two scales (round values, see
 * niceTicks) say where the cut is.
 */
export function heldChart(series: readonly HeldDayLike[], width: number, height: number, step = 10_000): HeldChart {
  const days = series.map((d) => dayOf(d.date));
  const [first, last] = [days[0] ?? 0, days.at(-1) ?? 1];
  const span = last > first ? last - first : 1;
  const xs = days.map((d) => round(((d - first) / span) * width));
  const totalKm2 = Math.max(1, ...series.map((d) => d.held.UN + d.held.noMansLand + d.held['PVA/KPA']));
  const un = series.map((d) => d.held.UN);
  const upper = series.map((d) => d.held.UN + d.held.noMansLand);
  const lo = Math.max(0, Math.floor(Math.min(...un, totalKm2) / step) * step);
  const hi = Math.min(totalKm2, Math.max(lo + step, Math.ceil(Math.max(...upper, 0) / step) * step));
  const y = (km2: number) => round(height - ((Math.min(hi, Math.max(lo, km2)) - lo) / (hi - lo)) * height);
  // Each zone's band, from the running sum below it to the running sum above it.
  let below = series.map(() => 0);
  const areas = {} as Record<Zone, string>;
  const tops = {} as Record<'UN' | 'noMansLand', number[]>;
  for (const zone of STACK) {
    const above = series.map((d, i) => below[i] + d.held[zone]);
    const held = series.some((d) => d.held[zone] > 0);
    const top = xs.map((x, i) => `${x},${y(above[i])}`);
    const bottom = xs.map((x, i) => `${x},${y(below[i])}`).reverse();
    areas[zone] = held && xs.length ? `M${top.join('L')}L${bottom.join('L')}Z` : '';
    if (zone !== 'PVA/KPA') tops[zone] = above.map(y);
    below = above;
  }
  const count = Math.max(2, Math.floor(height / TICK_ROOM));
  const left = niceTicks(lo, hi, count).map((km2) => ({ y: y(km2), km2 }));
  const right = niceTicks(totalKm2 - hi, totalKm2 - lo, count).map((km2) => ({ y: y(totalKm2 - km2), km2 }));
  return { areas, xs, tops, totalKm2, left, right };
}

/** The index of the day nearest to `x` px in a chart `width` px wide over `count` days. */
export function dayIndexAtX(x: number, width: number, count: number): number {
  if (count <= 1 || width <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.round((x / width) * (count - 1))));
}

/** The x of moment `day` in the chart of `series` (clamped to the box). */
export function xOfDay(series: readonly HeldDayLike[], day: number, width: number): number {
  if (series.length < 2) return 0;
  const [first, last] = [dayOf(series[0].date), dayOf(series[series.length - 1].date)];
  return round(Math.min(1, Math.max(0, (day - first) / (last - first))) * width);
}

/** The index in `series` of the calendar date `iso` (the day the slider shows), or -1. */
export function indexOfDate(series: readonly HeldDayLike[], iso: string): number {
  return series.findIndex((d) => d.date === iso);
}
