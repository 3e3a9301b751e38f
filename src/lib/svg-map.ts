/**
 * A static SVG drawing of the campaign at one date: the fallback when WebGL is missing, the
 * picture inside <noscript>, and the print view's small multiples. Pure: returns path data and
 * positions, never markup, so it can be rendered safely by Svelte or serialised at build time.
 */
import type { Position } from 'geojson';
import type { Pack } from './campaign.ts';
import type { CampaignView } from './view.ts';

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
  places: { id: string; x: number; y: number; name_en: string; name_ko: string }[];
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
  return fc.features.flatMap((f) => ringsOf(f.geometry));
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
        return { id: f.properties.id, x, y, name_en: f.properties.name_en, name_ko: f.properties.name_ko };
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
