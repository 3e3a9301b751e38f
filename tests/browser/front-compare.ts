/**
 * Test page (built only for the browser tests): the same front drawn twice, side by side, on
 * a plain land background — left by the GPU front layer (a pair and a weight), right by the
 * GeoJSON line and fill layers the map used before it, fed with the CPU blend (`viewAt`).
 * A test reads both canvases and compares their pixels. The one place outside src/map/ that
 * imports MapLibre: the reference rendering is not part of the app.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { loadCampaign } from '../../src/lib/load-campaign.ts';
import { fetchJsonReader } from '../../src/lib/fetch-json.ts';
import { viewAt } from '../../src/lib/view.ts';
import { morphPairs } from '../../src/lib/morph-pairs.ts';
import { createFrontLayer } from '../../src/map/front-layer.ts';
import { COLORS, infiltratedPattern, noMansLandPattern, territoryPattern } from '../../src/map/colors.ts';
import { referenceLayers } from './reference-front.ts';

maplibregl.setWorkerUrl(workerUrl);
const { pack } = await loadCampaign('data/korea-1951-01/manifest.json', fetchJsonReader(document.baseURI));
const pairs = morphPairs(pack.prepared);
const forward = morphPairs(pack.zones.forward);
const empty = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;

function create(id: string, layers: maplibregl.LayerSpecification[]): Promise<maplibregl.Map> {
  // Sized from script: the built pages' CSP refuses inline styles.
  const container = document.getElementById(id)!;
  Object.assign(container.style, { width: '640px', height: '480px', display: 'inline-block', position: 'relative' });
  const map = new maplibregl.Map({
    container: id,
    style: { version: 8, sources: Object.fromEntries(['north', 'front', 'no-mans-land', 'infiltrated', 'forward'].map((id) => [id, { type: 'geojson', data: empty }])), layers: [{ id: 'bg', type: 'background', paint: { 'background-color': COLORS.land } }, ...layers] },
    bounds: pack.manifest.camera.bounds,
    fitBoundsOptions: { padding: 10 },
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  return new Promise((resolve) => map.on('load', () => resolve(map)));
}

const gpuMap = await create('gpu', []);
const layer = createFrontLayer(pairs, pack.manifest.northClosure, { forward, areas: pack.zones.infiltrations.map((a) => a.ring) });
gpuMap.addLayer(layer);
const refMap = await create('geojson', referenceLayers());
refMap.addImage('territory', territoryPattern(), { pixelRatio: 2 });
refMap.addImage('no-mans-land', noMansLandPattern(), { pixelRatio: 2 });
refMap.addImage('infiltrated', infiltratedPattern(), { pixelRatio: 2 });

function idle(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * Draws fractional day `day` in both maps; resolves with both canvases as PNG data URLs and
 * the device-pixel box of the infiltrated areas shown (for the zone comparison).
 */
async function compare(day: number): Promise<{ gpu: string; geojson: string; areaBox?: [number, number, number, number] }> {
  const view = viewAt(pack, day);
  const { index, weight } = pairs.pairOf(view.front);
  layer.show(index, weight);
  // As the map module does: no band where the view's forward line is the front itself.
  const band = view.zones.forward !== view.front ? forward.pairOf(view.zones.forward) : undefined;
  const fades = new Map(view.zones.infiltrated.features.map((f) => [f.properties.id, f.properties.opacity]));
  layer.showZones(band?.index ?? -1, band?.weight ?? 0, pack.zones.infiltrations.map((a) => fades.get(a.props.id) ?? 0));
  refMap.getSource<maplibregl.GeoJSONSource>('north')?.setData(view.north);
  refMap.getSource<maplibregl.GeoJSONSource>('front')?.setData(view.frontRuns);
  refMap.getSource<maplibregl.GeoJSONSource>('no-mans-land')?.setData(view.zones.noMansLand);
  refMap.getSource<maplibregl.GeoJSONSource>('infiltrated')?.setData(view.zones.infiltrated);
  const forwardLine: GeoJSON.Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: view.zones.forward.coords } };
  refMap.getSource<maplibregl.GeoJSONSource>('forward')?.setData(band ? { type: 'FeatureCollection', features: [forwardLine] } : empty);
  await Promise.all([idle(gpuMap), idle(refMap)]);
  const ratio = window.devicePixelRatio;
  const points = view.zones.infiltrated.features.flatMap((f) => f.geometry.coordinates[0].map((c) => refMap.project([c[0], c[1]])));
  const areaBox: [number, number, number, number] | undefined = points.length
    ? [Math.min(...points.map((p) => p.x)) * ratio, Math.min(...points.map((p) => p.y)) * ratio, Math.max(...points.map((p) => p.x)) * ratio, Math.max(...points.map((p) => p.y)) * ratio]
    : undefined;
  return { gpu: gpuMap.getCanvas().toDataURL('image/png'), geojson: refMap.getCanvas().toDataURL('image/png'), areaBox };
}

Object.assign(window, { compare });
document.body.dataset.ready = 'true';
