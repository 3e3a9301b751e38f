/**
 * The benchmark floor: MapLibre alone drawing the same basemap (no app, no data but the
 * basemap). `?repaint=1` forces a repaint every frame without changing anything.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);
const data = (name: string) => new URL(`../data/basemap/${name}`, document.baseURI).href;
const map = new maplibregl.Map({
  container: 'map',
  bounds: [[125.6, 36.4], [129.6, 38.4]],
  attributionControl: false,
  style: {
    version: 8,
    sources: {
      korea: { type: 'geojson', data: data('korea.geojson') },
      land: { type: 'geojson', data: data('land.geojson') },
      rivers: { type: 'geojson', data: data('rivers.geojson') },
      parallel: { type: 'geojson', data: data('parallel38.geojson') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cfdfe8' } },
      { id: 'korea', type: 'fill', source: 'korea', paint: { 'fill-color': '#f3efe4' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#e6e2d8' } },
      { id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': '#5b8db0' } },
      { id: 'parallel', type: 'line', source: 'parallel', paint: { 'line-color': '#4a4a4a' } },
    ],
  },
});
map.once('idle', () => {
  document.body.dataset.ready = 'true';
  if (new URLSearchParams(location.search).has('repaint')) {
    const loop = () => {
      map.triggerRepaint();
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }
});
