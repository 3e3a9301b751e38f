/**
 * Compare's overlay on the map: the ground that changed hands from A to B, shaded by the zone
 * that got it (a pattern per kind), A's front as a second, dashed blue line, and B's front
 * drawn again above the shading. GeoJSON layers: their data is set once per pair of dates
 * (nothing moves while compare is open). Loaded with the overlay only.
 */
import type { FeatureCollection, GeoJSON } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { CampaignView } from '../lib/view.ts';
import { COLORS, DASHES } from './colors.ts';
import { CHANGE_OPACITY, CHANGE_PATTERN_RATIO, CHANGE_STYLE, FRONT_A, changePattern, type ChangeTo } from './compare-colors.ts';

/** The kinds of change in drawing order, as CHANGE_STYLE lists them (lib/zone-list.ts ZONES). */
const KINDS = Object.keys(CHANGE_STYLE) as ChangeTo[];
const SOURCES = { changes: 'compare-changes', a: 'compare-front-a', b: 'compare-front-b' } as const;
const image = (to: ChangeTo) => `compare-${to === 'PVA/KPA' ? 'pva' : to === 'UN' ? 'un' : 'nml'}`;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The overlay's layers, bottom to top. */
function layers(): LayerSpecification[] {
  const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 5, 2.5, 9, 4.5];
  const casing: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 5, 5, 9, 8];
  return [
    ...KINDS.map((to): LayerSpecification => ({
      id: `${SOURCES.changes}-${image(to)}`,
      type: 'fill',
      source: SOURCES.changes,
      filter: ['==', ['get', 'to'], to],
      paint: { 'fill-pattern': image(to), 'fill-opacity': CHANGE_OPACITY },
    })),
    { id: `${SOURCES.a}-casing`, type: 'line', source: SOURCES.a, paint: { 'line-color': FRONT_A.casing, 'line-width': casing, 'line-opacity': 0.85 } },
    { id: SOURCES.a, type: 'line', source: SOURCES.a, paint: { 'line-color': FRONT_A.color, 'line-width': FRONT_A.width, 'line-dasharray': [...FRONT_A.dash] } },
    { id: `${SOURCES.b}-casing`, type: 'line', source: SOURCES.b, paint: { 'line-color': COLORS.frontCasing, 'line-width': casing, 'line-opacity': 0.85 } },
    ...([1, 2, 3] as const).map((grade): LayerSpecification => ({
      id: `${SOURCES.b}-${grade}`,
      type: 'line',
      source: SOURCES.b,
      filter: ['==', ['get', 'certainty'], grade],
      layout: grade === 3 ? { 'line-cap': 'round' } : {},
      paint: { 'line-color': COLORS.front, 'line-width': width, ...(DASHES[grade] ? { 'line-dasharray': DASHES[grade] } : {}) },
    })),
  ];
}

/** What is on the map, so a new date or pair re-sends only what changed. */
const drawn = new WeakMap<MapLibreMap, { a?: string; b?: string; changes?: FeatureCollection }>();

function setData(map: MapLibreMap, id: string, data: GeoJSON): void {
  map.getSource<GeoJSONSource>(id)?.setData(data);
}

/** Shows (or updates) the overlay for A → B, its layers under `beforeId`. */
export function showOverlay(map: MapLibreMap, o: { a: CampaignView; b: CampaignView; changes?: FeatureCollection }, beforeId: string): void {
  // After a lost context the style is new: its sources are gone, and so is what was drawn.
  if (!map.getSource(SOURCES.changes)) {
    drawn.delete(map);
    for (const to of KINDS) if (!map.hasImage(image(to))) map.addImage(image(to), changePattern(to), { pixelRatio: CHANGE_PATTERN_RATIO });
    for (const id of Object.values(SOURCES)) map.addSource(id, { type: 'geojson', data: EMPTY });
    for (const layer of layers()) map.addLayer(layer, beforeId);
  }
  const was = drawn.get(map) ?? {};
  if (was.a !== o.a.iso) setData(map, SOURCES.a, o.a.frontRuns);
  if (was.b !== o.b.iso) setData(map, SOURCES.b, o.b.frontRuns);
  if (was.changes !== o.changes) setData(map, SOURCES.changes, o.changes ?? EMPTY);
  drawn.set(map, { a: o.a.iso, b: o.b.iso, changes: o.changes });
  for (const layer of layers()) map.setLayoutProperty(layer.id, 'visibility', 'visible');
}

/** Hides the overlay (its layers and sources stay for the next time). */
export function hideOverlay(map: MapLibreMap): void {
  if (!map.getSource(SOURCES.changes)) return;
  for (const layer of layers()) map.setLayoutProperty(layer.id, 'visibility', 'none');
}
