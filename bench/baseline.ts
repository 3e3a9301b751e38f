/**
 * The benchmark floor: MapLibre alone drawing the same basemap (no app, no data but the
 * basemap, decoded from the same TopoJSON files the app loads). The map is created at once and
 * the basemap set when it arrives, as the app does; the surroundings (neighbouring countries,
 * outside the first view) are added once the first view is complete, as the app does.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

maplibregl.setWorkerUrl(workerUrl);
// The same start-up marks as the app's (campaign:*), for the bench's breakdown.
performance.mark('campaign:map-created');
const LAYERS = ['mainland', 'land', 'rivers', 'parallel'] as const;
const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const map = new maplibregl.Map({
  container: 'map',
  bounds: [[125.6, 36.4], [129.6, 38.4]],
  attributionControl: false,
  style: {
    version: 8,
    sources: Object.fromEntries(LAYERS.map((id) => [id, { type: 'geojson' as const, data: empty }])),
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cfdfe8' } },
      { id: 'mainland', type: 'fill', source: 'mainland', paint: { 'fill-color': '#f3efe4' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#e6e2d8' } },
      { id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': '#5b8db0' } },
      { id: 'parallel', type: 'line', source: 'parallel', paint: { 'line-color': '#4a4a4a' } },
    ],
  },
});
const topology = fetch(new URL('../data/basemap/basemap.topo.json', document.baseURI)).then((r) => r.json() as Promise<Topology>);
map.once('load', async () => {
  performance.mark('campaign:style-loaded');
  const t = await topology;
  performance.mark('campaign:data-loaded');
  for (const id of LAYERS) map.getSource<maplibregl.GeoJSONSource>(id)?.setData(feature(t, t.objects[id]));
  // Its first frame with the basemap on it (the app's counterpart: campaign:front-shown).
  const onRender = () => {
    if (!LAYERS.every((id) => map.isSourceLoaded(id))) return;
    map.off('render', onRender);
    performance.mark('campaign:basemap-shown');
  };
  map.on('render', onRender);
  map.once('idle', async () => {
    performance.mark('campaign:complete');
    document.body.dataset.ready = 'true';
    const around = await fetch(new URL('../data/basemap/surroundings.topo.json', document.baseURI)).then((r) => r.json() as Promise<Topology>);
    const land = feature(t, t.objects.land) as GeoJSON.FeatureCollection;
    const more = feature(around, around.objects.land) as GeoJSON.FeatureCollection;
    map.getSource<maplibregl.GeoJSONSource>('land')?.setData({ ...land, features: [...land.features, ...more.features] });
  });
});
