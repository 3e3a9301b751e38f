/**
 * A static SVG drawing of the campaign at one date: the fallback when WebGL is missing, the
 * picture inside <noscript>, and the print view's small multiples. Pure: returns path data and
 * positions, never markup, so it can be rendered safely by Svelte or serialised at build time.
 */
import type { FeatureCollection, Position } from 'geojson';
import type { Pack } from './campaign.ts';
import type { CampaignView } from './view.ts';
import { ZONES, type Zone } from './zone-list.ts';

/** Projected drawing, in SVG user units. */
export interface SvgDrawing {
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
  /** Rank-1 places; `endEn`/`endKo`: the label goes left of the dot (it would leave the picture on the right). */
  places: { id: string; x: number; y: number; name_en: string; name_ko: string; endEn: boolean; endKo: boolean }[];
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

/** The basemap part, which does not depend on the date: compute once per size. */
export function drawBasemap(pack: Pack, width: number): Omit<SvgDrawing, 'north' | 'front' | 'noMansLand' | 'forward' | 'infiltrated'> {
  const bounds = pack.manifest.camera.bounds;
  const { project, height } = projector(bounds, width);
  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    mainland: pathOf(ringsOf(pack.basemap.mainland.geometry), project, true),
    land: pathOf(collectionRings(pack.basemap.land as never), project, true),
    rivers: pathOf(collectionRings(pack.basemap.rivers as never), project, false),
    places: pack.places.features
      .filter((f) => f.properties.rank === 1 && f.properties.kind !== 'feature')
      .map((f) => {
        const [x, y] = project(f.geometry.coordinates);
        const { id, name_en, name_ko } = f.properties;
        return { id, x, y, name_en, name_ko, endEn: labelGoesLeft(name_en, x, width), endKo: labelGoesLeft(name_ko, x, width) };
      }),
  };
}

/** The whole drawing at `view`'s date. */
export function drawView(pack: Pack, view: CampaignView, width: number, base = drawBasemap(pack, width)): SvgDrawing {
  const { project } = projector(pack.manifest.camera.bounds, width);
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
export function drawChanges(pack: Pack, changes: FeatureCollection, width: number): { to: Zone; d: string }[] {
  const { project } = projector(pack.manifest.camera.bounds, width);
  return ZONES
    .map((to) => ({ to, d: pathOf(changes.features.filter((f) => f.properties?.to === to).flatMap((f) => ringsOf(f.geometry as AnyGeometry | null)), project, true) }))
    .filter((c) => c.d !== '');
}
