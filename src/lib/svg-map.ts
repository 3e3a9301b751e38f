/**
 * A static SVG drawing of the campaign at one date: the fallback when WebGL is missing, the
 * picture inside <noscript>, and the print view's small multiples. Pure: returns path data and
 * positions, never markup, so it can be rendered safely by Svelte or serialised at build time.
 */
import type { FeatureCollection, Position } from 'geojson';
import type { Pack } from './campaign.ts';
import type { CampaignView } from './view.ts';
import { ZONES, type Zone } from './zone-list.ts';

type Bounds = [[number, number], [number, number]];

/** Projected drawing, in SVG user units. */
export interface SvgDrawing {
  /** The area drawn ([[west, south], [east, north]]): the campaign's camera bounds, or those widened to a box's shape (`frameFor`). */
  bounds: Bounds;
  width: number;
  height: number;
  viewBox: string;
  mainland: string;
  land: string;
  rivers: string;
  north: string;
  /** Front path per certainty grade. */
  front: Record<1 | 2 | 3, string>;
  /** No-man's land (the band's polygons) and its north edge, the PVA/KPA forward line. */
  noMansLand: string;
  forward: string;
  /** Infiltrated areas shown, with their fade. */
  infiltrated: { d: string; opacity: number }[];
  /**
   * Rank-1 places; `endEn`/`endKo`: the label goes left of the dot (it would leave the picture on
   * the right, or cover a label or dot placed before it); `hideEn`/`hideKo`: no side has room,
   * the dot is drawn alone (`placeLabels`).
   */
  places: { id: string; x: number; y: number; name_en: string; name_ko: string; endEn: boolean; endKo: boolean; hideEn: boolean; hideKo: boolean }[];
}

/** Label font size and gap from the dot, in SVG user units (the renderers use these). */
export const LABEL = { size: 12, gap: 5 } as const;

/**
 * A generous estimate of a label's width at LABEL.size: Latin letters about 0.62 em (wider
 * than most sans-serif averages, so a label judged to fit does), Hangul and other wide
 * characters 1 em.
 */
export function labelWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.62;
  return em * LABEL.size;
}

/** True if a label right of a dot at `x` would cross the picture's right edge (`width`). */
export function labelGoesLeft(text: string, x: number, width: number): boolean {
  return x + LABEL.gap + labelWidth(text) > width - 1;
}

type Box = { left: number; top: number; right: number; bottom: number };

/** A label's box beside a dot at (x, y): drawn with its baseline at y + 4, LABEL.size tall with its halo, the gap from the dot. */
function labelBox(text: string, x: number, y: number, left: boolean): Box {
  const w = labelWidth(text);
  const [l, r] = left ? [x - LABEL.gap - w, x - LABEL.gap] : [x + LABEL.gap, x + LABEL.gap + w];
  return { left: l, top: y + 4 - LABEL.size, right: r, bottom: y + 4 + LABEL.size / 4 };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Each label's side, as the map's symbol placement does: right of its dot where it fits the
 * picture, else left; and where neither side is clear of the picture's edges, the other dots and
 * the labels placed before it (places earlier in `points` go first), no label (null). On a small
 * picture (a phone's) close towns such as Seoul and Incheon would otherwise write over each other.
 */
export function placeLabels(points: readonly { x: number; y: number; name: string }[], width: number, height: number): ('right' | 'left' | null)[] {
  const placed: Box[] = [];
  const dots = points.map((p) => ({ left: p.x - 4, top: p.y - 4, right: p.x + 4, bottom: p.y + 4 }));
  return points.map((p, i) => {
    const sides: ('right' | 'left')[] = labelGoesLeft(p.name, p.x, width) ? ['left', 'right'] : ['right', 'left'];
    for (const side of sides) {
      const box = labelBox(p.name, p.x, p.y, side === 'left');
      const inside = box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height;
      if (inside && !placed.some((b) => overlaps(b, box)) && !dots.some((d, j) => j !== i && overlaps(d, box))) {
        placed.push(box);
        return side;
      }
    }
    return null;
  });
}

/**
 * Where the pack's own basemap is whole: Korea's mainland, islands and rivers, and no
 * neighbouring country's coast (China's and Japan's are in surroundings.topo.json, which the SVG
 * map does not draw; the rivers stop at 39.5° N, geo/scripts/build-basemap.ts RIVER_BOX). A
 * frame widened past it would show a cut coast, or sea where land is, as a shore.
 */
export const DRAWN_AREA: Bounds = [[123, 34.8], [131.5, 39.5]];

/**
 * `bounds` widened about their middle to a box's shape (`aspect`: width ÷ height), as the WebGL
 * map shows more around the campaign in a wider or taller box: the picture then fills its box
 * instead of sitting small in a mat, and still shows all of `bounds`. Widened no further than
 * `limit` allows on both sides (the rest of the box is then left blank, the picture centred).
 */
export function frameFor(bounds: Bounds, aspect: number, limit: Bounds = DRAWN_AREA): Bounds {
  const [[w, s], [e, n]] = bounds;
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const shape = ((e - w) * k) / (n - s);
  if (!(aspect > 0) || !Number.isFinite(aspect)) return bounds;
  if (aspect > shape) {
    const dx = Math.max(0, Math.min(((aspect * (n - s)) / k - (e - w)) / 2, w - limit[0][0], limit[1][0] - e));
    return [[w - dx, s], [e + dx, n]];
  }
  const dy = Math.max(0, Math.min((((e - w) * k) / aspect - (n - s)) / 2, s - limit[0][1], limit[1][1] - n));
  return [[w, s - dy], [e, n + dy]];
}

/** An equirectangular projection scaled by cos(latitude): close to the map's look at this size. */
export function projector(bounds: [[number, number], [number, number]], width: number): { project: (p: Position) => [number, number]; height: number } {
  const [[w, s], [e, n]] = bounds;
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const scale = width / ((e - w) * k);
  const height = Math.round((n - s) * scale);
  return { project: (p) => [round1((p[0] - w) * k * scale), round1((n - p[1]) * scale)], height };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function pathOf(rings: Position[][], project: (p: Position) => [number, number], close: boolean): string {
  return rings
    .filter((r) => r.length > 1)
    .map((r) => `M${r.map((p) => project(p).join(' ')).join('L')}${close ? 'Z' : ''}`)
    .join('');
}

type AnyGeometry = { type: string; coordinates: unknown };

function ringsOf(g: AnyGeometry | null | undefined): Position[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates as Position[][];
  if (g.type === 'MultiPolygon') return (g.coordinates as Position[][][]).flat();
  if (g.type === 'LineString') return [g.coordinates as Position[]];
  if (g.type === 'MultiLineString') return g.coordinates as Position[][];
  return [];
}

function collectionRings(fc: { features: { geometry: AnyGeometry | null }[] }): Position[][] {
  return fc.features.flatMap((f) => ringsOf(f.geometry as AnyGeometry | null));
}

/** The basemap part, which does not depend on the date: compute once per size; `bounds`: the area drawn (default: the campaign's camera bounds). */
export function drawBasemap(pack: Pack, width: number, bounds: Bounds = pack.manifest.camera.bounds): Omit<SvgDrawing, 'north' | 'front' | 'noMansLand' | 'forward' | 'infiltrated'> {
  const { project, height } = projector(bounds, width);
  return {
    bounds,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    mainland: pathOf(ringsOf(pack.basemap.mainland.geometry), project, true),
    land: pathOf(collectionRings(pack.basemap.land as never), project, true),
    rivers: pathOf(collectionRings(pack.basemap.rivers as never), project, false),
    places: placesOf(pack, project, width, height),
  };
}

function placesOf(pack: Pack, project: (p: Position) => [number, number], width: number, height: number): SvgDrawing['places'] {
  const places = pack.places.features
    .filter((f) => f.properties.rank === 1 && f.properties.kind !== 'feature')
    .map((f) => {
      const [x, y] = project(f.geometry.coordinates);
      return { x, y, ...f.properties };
    });
  // A first view's places are named in its page's language only (first-view-read.ts): the other is drawn from nothing.
  const en = placeLabels(places.map((p) => ({ x: p.x, y: p.y, name: p.name_en ?? '' })), width, height);
  const ko = placeLabels(places.map((p) => ({ x: p.x, y: p.y, name: p.name_ko ?? '' })), width, height);
  return places.map(({ id, x, y, name_en, name_ko }, i) => ({ id, x, y, name_en, name_ko, endEn: en[i] === 'left', endKo: ko[i] === 'left', hideEn: en[i] === null, hideKo: ko[i] === null }));
}

/** The whole drawing at `view`'s date. */
export function drawView(pack: Pack, view: CampaignView, width: number, base = drawBasemap(pack, width)): SvgDrawing {
  const { project } = projector(base.bounds, width);
  const front: Record<1 | 2 | 3, string> = { 1: '', 2: '', 3: '' };
  for (const run of view.frontRuns.features) front[run.properties.certainty] += pathOf([run.geometry.coordinates], project, false);
  return {
    ...base,
    north: pathOf(view.north.geometry.coordinates, project, true),
    front,
    noMansLand: pathOf(collectionRings(view.zones.noMansLand), project, true),
    forward: pathOf(collectionRings(view.zones.forwardRuns), project, false),
    infiltrated: view.zones.infiltrated.features.map((f) => ({ d: pathOf(f.geometry.coordinates, project, true), opacity: f.properties.opacity })),
  };
}

/**
 * Compare's changed ground (lib/areas.ts GroundChange.shapes, whose features say the zone
 * each piece went `to`) as one path per zone that got ground, in the order PVA/KPA, UN,
 * no-man's land; zones that got none are left out.
 */
export function drawChanges(pack: Pack, changes: FeatureCollection, width: number, bounds: Bounds = pack.manifest.camera.bounds): { to: Zone; d: string }[] {
  const { project } = projector(bounds, width);
  return ZONES
    .map((to) => ({ to, d: pathOf(changes.features.filter((f) => f.properties?.to === to).flatMap((f) => ringsOf(f.geometry as AnyGeometry | null)), project, true) }))
    .filter((c) => c.d !== '');
}
