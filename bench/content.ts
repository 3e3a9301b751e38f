/**
 * The content baseline: bare MapLibre (no Svelte, no app code) drawing what the app draws on
 * its opening date — the same basemap, the PVA/KPA territory, no-man's land, the front,
 * arrows, unit symbols, places and labels — as plain style layers over static GeoJSON (made in
 * Node by bench/content-data.ts) and the app's unit symbol pictures. Built like the baseline
 * (bench/baseline.ts): the map is created at once, the data set when it arrives, the ready
 * marker set at the first idle; its map is as large as the embed's (content.css). So `npm run
 * bench` can tell what the content costs on this GPU from what the app adds. Colours and patterns come from src/map/colors.ts (constants).
 *
 * `?play` (bench/content-play.ts): the same map at the app page's map size, with what playback
 * changes beside it — see there.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import openingUrl from './.content/opening.json?url';
import { playPage } from './content-play.ts';
import { COLORS, DASHES, FRONT_STYLE, infiltratedPattern, noMansLandPattern, placeDot, territoryPattern } from '../src/map/colors.ts';

maplibregl.setWorkerUrl(workerUrl);
// Before the map exists: play mode sizes the map as the app page's (content.css).
const playMode = new URLSearchParams(location.search).has('play') ? playPage(document.getElementById('map')!) : undefined;
performance.mark('campaign:map-created');
const BASEMAP = ['mainland', 'land', 'rivers', 'parallel'] as const;
const CONTENT = ['mask', 'territory', 'band', 'forward', 'infiltrated', 'front', 'arrows', 'units', 'places'] as const;
const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const FONT = 'Noto Sans KR';
const width = ([at5, at9]: readonly [number, number]): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 5, at5, 9, at9];
const line = (id: string, source: string, paint: Record<string, unknown>, extra: Partial<LayerSpecification> = {}) => ({ id, type: 'line', source, paint, ...extra }) as LayerSpecification;
const certainty = (c: number): ExpressionSpecification => ['==', ['get', 'certainty'], c];
const label = (id: string, source: string, layout: Record<string, unknown>, color: string | ExpressionSpecification, halo: number, extra: Partial<LayerSpecification> = {}) =>
  ({ id, type: 'symbol', source, layout: { 'text-field': ['get', 'name_en'], 'text-font': [FONT], ...layout }, paint: { 'text-color': color, 'text-halo-color': COLORS.labelHalo, 'text-halo-width': halo }, ...extra }) as LayerSpecification;
const arrowColor: ExpressionSpecification = ['match', ['get', 'side'], 'UN', COLORS.arrowUN, COLORS.arrowPVA];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const named: ExpressionSpecification = ['to-boolean', ['get', 'name_en']];
const F = FRONT_STYLE;

const map = new maplibregl.Map({
  container: 'map',
  bounds: [[125.6, 36.4], [129.6, 38.4]],
  fitBoundsOptions: { padding: 10 },
  attributionControl: false,
  fadeDuration: 0,
  style: {
    version: 8,
    sources: Object.fromEntries([...BASEMAP, ...CONTENT].map((id) => [id, { type: 'geojson' as const, data: empty }])),
    'font-faces': { [FONT]: [{ url: new URL('../fonts/noto-sans-kr-hangul.woff2', document.baseURI).href, 'unicode-range': ['U+1100-11FF', 'U+3000-303F', 'U+3130-318F', 'U+AC00-D7A3', 'U+FF00-FFEF', 'U+00B7'] }] },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      { id: 'mainland', type: 'fill', source: 'mainland', paint: { 'fill-color': COLORS.land } },
      { id: 'territory', type: 'fill', source: 'territory', paint: { 'fill-pattern': 'territory' } },
      { id: 'band', type: 'fill', source: 'band', paint: { 'fill-pattern': 'band' } },
      { id: 'infiltrated', type: 'fill', source: 'infiltrated', paint: { 'fill-pattern': 'infiltrated' } },
      line('infiltrated-outline', 'infiltrated', { 'line-color': COLORS.infiltrated, 'line-opacity': F.outlineOpacity, 'line-width': F.outlineWidth, 'line-dasharray': F.outlineDash }),
      line('forward', 'forward', { 'line-color': COLORS.front, 'line-opacity': F.forwardOpacity, 'line-width': width(F.forwardWidth), 'line-dasharray': [0, F.forwardDotPeriod] }, { layout: { 'line-cap': 'round' } }),
      line('front-casing', 'front', { 'line-color': COLORS.frontCasing, 'line-opacity': F.casingOpacity, 'line-width': width(F.casingWidth) }, { layout: { 'line-cap': 'round', 'line-join': 'round' } }),
      line('front-solid', 'front', { 'line-color': COLORS.front, 'line-width': width(F.width) }, { filter: certainty(1), layout: { 'line-cap': 'round', 'line-join': 'round' } }),
      line('front-dashed', 'front', { 'line-color': COLORS.front, 'line-width': width(F.width), 'line-dasharray': DASHES[2] }, { filter: certainty(2) }),
      line('front-dotted', 'front', { 'line-color': COLORS.front, 'line-width': width(F.width), 'line-dasharray': DASHES[3] }, { filter: certainty(3), layout: { 'line-cap': 'round' } }),
      { id: 'mask', type: 'fill', source: 'mask', paint: { 'fill-color': COLORS.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': COLORS.neighbourLand } },
      line('land-coast', 'land', { 'line-color': COLORS.coast, 'line-width': 0.6 }),
      line('mainland-coast', 'mainland', { 'line-color': COLORS.coast, 'line-width': 0.8 }),
      line('rivers-minor', 'rivers', { 'line-color': COLORS.river, 'line-width': width([0.5, 1]) }, { filter: ['!', named], layout: { 'line-join': 'round', 'line-cap': 'round' } }),
      line('rivers', 'rivers', { 'line-color': COLORS.river, 'line-width': width([1.2, 2.4]) }, { filter: named, layout: { 'line-join': 'round', 'line-cap': 'round' } }),
      line('parallel', 'parallel', { 'line-color': COLORS.parallel, 'line-width': 1.2, 'line-dasharray': [6, 3, 1, 3] }),
      label('parallel-label', 'parallel', { 'symbol-placement': 'line', 'text-size': 11, 'text-offset': [0, -0.7] }, COLORS.parallel, 1.5),
      label('river-labels', 'rivers', { 'symbol-placement': 'line', 'text-size': 11, 'symbol-spacing': 400 }, COLORS.river, 1.5, { filter: named }),
      line('arrows-solid', 'arrows', { 'line-color': arrowColor, 'line-opacity': ['get', 'opacity'], 'line-width': width([2.5, 5]) }, { filter: ['all', isLine, ['in', ['get', 'kind'], ['literal', ['attack', 'withdrawal']]]], layout: { 'line-join': 'round' } }),
      line('arrows-dashed', 'arrows', { 'line-color': arrowColor, 'line-opacity': ['get', 'opacity'], 'line-width': width([2.5, 5]), 'line-dasharray': [2, 1.2] }, { filter: ['all', isLine, ['in', ['get', 'kind'], ['literal', ['raid', 'infiltration']]]], layout: { 'line-join': 'round' } }),
      { id: 'arrow-heads', type: 'fill', source: 'arrows', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': arrowColor, 'fill-opacity': ['get', 'opacity'] } },
      label('arrow-labels', 'arrows', { 'symbol-placement': 'line-center', 'text-field': ['get', 'label_en'], 'text-size': 11, 'text-offset': [0, -0.9] }, arrowColor, 1.6, { filter: isLine }),
      {
        id: 'units',
        type: 'symbol',
        source: 'units',
        layout: {
          'icon-image': ['get', 'unit'],
          'icon-size': ['interpolate', ['linear'], ['zoom'], 5, 0.7, 8, 1, 10, 1.2],
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
          'text-field': ['step', ['zoom'], '', 7.8, ['get', 'name_en']],
          'text-font': [FONT],
          'text-size': 10,
          'text-anchor': 'top',
          'text-offset': [0, 1.6],
        },
        paint: { 'icon-opacity': ['get', 'opacity'], 'text-color': COLORS.label, 'text-halo-color': COLORS.labelHalo, 'text-halo-width': 1.5 },
      },
      {
        id: 'place-dots',
        type: 'symbol',
        source: 'places',
        filter: ['match', ['get', 'kind'], ['city', 'town', 'village'], true, false],
        layout: { 'icon-image': ['match', ['get', 'rank'], 1, 'dot-1', 2, 'dot-2', 'dot-3'], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
      },
      label('place-labels', 'places', {
        'text-size': ['match', ['get', 'rank'], 1, 14, 2, 12, 11],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
        'symbol-sort-key': ['get', 'rank'],
      }, COLORS.label, 1.6),
    ],
  },
});

interface SymbolImage { svg: string; width: number; height: number; anchor: { x: number; y: number } }
/** A unit symbol as the app draws it: at twice its size, padded so its anchor is the centre. */
async function bitmap(s: SymbolImage): Promise<ImageData> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.svg)}`;
  await img.decode();
  const halfW = Math.max(s.anchor.x, s.width - s.anchor.x);
  const halfH = Math.max(s.anchor.y, s.height - s.anchor.y);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(4 * halfW);
  canvas.height = Math.ceil(4 * halfH);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(img, (halfW - s.anchor.x) * 2, (halfH - s.anchor.y) * 2, s.width * 2, s.height * 2);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

const json = <T>(url: string) => fetch(new URL(url, document.baseURI)).then((r) => r.json() as Promise<T>);
const topology = json<Topology>('../data/basemap/basemap.topo.json');
const opening = json<Record<(typeof CONTENT)[number], GeoJSON.FeatureCollection>>(openingUrl);
const symbols = json<Record<string, SymbolImage>>('../data/korea-1951-01/unit-symbols.json').then(async (all) => {
  const decoded = new Map<string, Promise<ImageData>>();
  return Promise.all(Object.entries(all).map(async ([id, s]) => {
    const key = s.svg;
    if (!decoded.has(key)) decoded.set(key, bitmap(s));
    return [id, await decoded.get(key)!] as const;
  }));
});

map.once('load', async () => {
  performance.mark('campaign:style-loaded');
  const [t, content, images] = await Promise.all([topology, opening, symbols]);
  performance.mark('campaign:data-loaded');
  for (const [id, pattern] of [['territory', territoryPattern()], ['band', noMansLandPattern()], ['infiltrated', infiltratedPattern()]] as const) map.addImage(id, pattern, { pixelRatio: 2 });
  for (const rank of [1, 2, 3] as const) map.addImage(`dot-${rank}`, placeDot(rank), { pixelRatio: 2 });
  for (const [id, data] of images) map.addImage(id, data, { pixelRatio: 2 });
  for (const id of BASEMAP) map.getSource<maplibregl.GeoJSONSource>(id)?.setData(feature(t, t.objects[id]));
  for (const id of CONTENT) map.getSource<maplibregl.GeoJSONSource>(id)?.setData(content[id]);
  playMode?.start(map, content.territory);
  const onRender = () => {
    if (![...BASEMAP, ...CONTENT].every((id) => map.isSourceLoaded(id))) return;
    map.off('render', onRender);
    performance.mark('campaign:front-shown');
  };
  map.on('render', onRender);
  map.once('idle', () => {
    performance.mark('campaign:complete');
    document.body.dataset.ready = 'true';
  });
});
