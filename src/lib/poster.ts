/**
 * The poster: a still picture of the map at one date, in the map's own projection (Web
 * Mercator) and framing, shown from the first paint that has the data until the live map has
 * drawn its first complete frame (issue 14 #4). Pure: the camera the map opens with for a box
 * of a given size, and the drawing's path data in that box's CSS pixels.
 */
import type { Position } from 'geojson';
import type { Pack } from './campaign.ts';
import type { CampaignView } from './view.ts';
import { mercator } from './morph-pairs.ts';

type Bounds = [[number, number], [number, number]];

/** How the map opens (campaign-map.ts): the options its camera is fitted with. */
export interface CameraOptions {
  /** fitBounds padding, CSS px. */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** The map's maxBounds. */
  maxBounds: Bounds;
}

/** The map's first camera in a box: its zoom and the world pixel (at that zoom) of the box's top left. */
export interface Frame {
  width: number;
  height: number;
  zoom: number;
  /** World pixels at `zoom` (512 × 2^zoom across the world) of the box's top-left corner. */
  left: number;
  top: number;
}

const TILE = 512;

/**
 * The camera MapLibre opens with for `bounds` fitted into a `width` × `height` box: as its
 * cameraForBounds (the box's largest zoom that fits the bounds inside the padding, centred on
 * the bounds' projected middle), then its zoom range and its maxBounds constraint (zoom in
 * until the box fits inside maxBounds, then pan inside them: MercatorTransform.defaultConstrain).
 */
export function openingFrame(bounds: Bounds, width: number, height: number, o: CameraOptions): Frame {
  const [[w, s], [e, n]] = bounds;
  const nw = mercator([w, n]);
  const se = mercator([e, s]);
  const scale = Math.min((width - 2 * o.padding) / ((se[0] - nw[0]) * TILE), (height - 2 * o.padding) / ((se[1] - nw[1]) * TILE));
  let zoom = Math.min(Math.max(Math.log2(scale), o.minZoom), o.maxZoom);
  let cx = (nw[0] + se[0]) / 2;
  let cy = (nw[1] + se[1]) / 2;
  // maxBounds: in world units of [0, 1].
  const [[bw, bs], [be, bn]] = o.maxBounds;
  const [minX, minY] = mercator([bw, bn]);
  const [maxX, maxY] = mercator([be, bs]);
  const world = () => TILE * 2 ** zoom;
  const zoomIn = Math.max(width / ((maxX - minX) * world()), height / ((maxY - minY) * world()));
  if (zoomIn > 1) {
    if (width / ((maxX - minX) * world()) > 1) cx = (minX + maxX) / 2;
    if (height / ((maxY - minY) * world()) > 1) cy = (minY + maxY) / 2;
    zoom += Math.log2(zoomIn);
  } else {
    const hw = width / 2 / world();
    const hh = height / 2 / world();
    if (cx - hw < minX) cx = minX + hw;
    if (cx + hw > maxX) cx = maxX - hw;
    if (cy - hh < minY) cy = minY + hh;
    if (cy + hh > maxY) cy = maxY - hh;
  }
  return { width, height, zoom, left: cx * world() - width / 2, top: cy * world() - height / 2 };
}

/** [lon, lat] to CSS pixels in the frame's box. */
export function frameProjector(f: Frame): (p: Position) => [number, number] {
  const world = TILE * 2 ** f.zoom;
  return (p) => {
    const [x, y] = mercator(p);
    return [Math.round((x * world - f.left) * 10) / 10, Math.round((y * world - f.top) * 10) / 10];
  };
}

type AnyGeometry = { type: string; coordinates: unknown } | null | undefined;

function ringsOf(g: AnyGeometry): Position[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates as Position[][];
  if (g.type === 'MultiPolygon') return (g.coordinates as Position[][][]).flat();
  if (g.type === 'LineString') return [g.coordinates as Position[]];
  if (g.type === 'MultiLineString') return g.coordinates as Position[][];
  return [];
}

/** SVG path data of `rings` (closed with Z for areas), dropping points under half a pixel apart. */
function pathOf(rings: readonly Position[][], project: (p: Position) => [number, number], close: boolean): string {
  let d = '';
  for (const ring of rings) {
    if (ring.length < 2) continue;
    let last: [number, number] | undefined;
    let part = '';
    ring.forEach((p, i) => {
      const q = project(p);
      if (last && i < ring.length - 1 && Math.abs(q[0] - last[0]) < 0.5 && Math.abs(q[1] - last[1]) < 0.5) return;
      part += `${last ? 'L' : 'M'}${q[0]} ${q[1]}`;
      last = q;
    });
    d += close ? `${part}Z` : part;
  }
  return d;
}

function features(fc: { features: { geometry: AnyGeometry; properties?: unknown }[] }, keep: (props: Record<string, unknown>) => boolean = () => true): Position[][] {
  return fc.features.filter((f) => keep((f.properties ?? {}) as Record<string, unknown>)).flatMap((f) => ringsOf(f.geometry));
}

/** The poster's path data, in CSS pixels of its box, by what the map draws (bottom to top). */
export interface PosterDrawing {
  frame: Frame;
  mainland: string;
  /** The PVA/KPA side, clipped to the mainland by the picture (as the sea mask does on the map). */
  north: string;
  noMansLand: string;
  infiltrated: { d: string; opacity: number }[];
  forward: string;
  front: Record<1 | 2 | 3, string>;
  land: string;
  rivers: string;
  minorRivers: string;
  parallel: string;
  places: { x: number; y: number; rank: 1 | 2 | 3 }[];
}

/** The drawing of `view` in `frame`: what the live map shows at that date, without labels, units or arrows. */
export function posterDrawing(pack: Pack, view: CampaignView, frame: Frame): PosterDrawing {
  const project = frameProjector(frame);
  const front: Record<1 | 2 | 3, string> = { 1: '', 2: '', 3: '' };
  for (const run of view.frontRuns.features) front[run.properties.certainty] += pathOf([run.geometry.coordinates], project, false);
  const named = (p: Record<string, unknown>) => Boolean(p.name_en);
  return {
    frame,
    mainland: pathOf(ringsOf(pack.basemap.mainland.geometry), project, true),
    north: pathOf(view.north.geometry.coordinates, project, true),
    noMansLand: pathOf(features(view.zones.noMansLand), project, true),
    infiltrated: view.zones.infiltrated.features.map((f) => ({ d: pathOf(f.geometry.coordinates, project, true), opacity: f.properties.opacity })),
    forward: view.zones.forward !== view.front ? pathOf(features(view.zones.forwardRuns), project, false) : '',
    front,
    land: pathOf(features(pack.basemap.land as never), project, true),
    rivers: pathOf(features(pack.basemap.rivers as never, named), project, false),
    minorRivers: pathOf(features(pack.basemap.rivers as never, (p) => !named(p)), project, false),
    parallel: pathOf(features(pack.basemap.parallel as never), project, false),
    places: pack.places.features
      .filter((f) => ['city', 'town', 'village'].includes(f.properties.kind))
      .map((f) => {
        const [x, y] = project(f.geometry.coordinates);
        return { x, y, rank: (f.properties.rank === 1 || f.properties.rank === 2 ? f.properties.rank : 3) as 1 | 2 | 3 };
      })
      .filter((p) => p.x > -10 && p.y > -10 && p.x < frame.width + 10 && p.y < frame.height + 10),
  };
}
