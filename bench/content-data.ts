/**
 * The content baseline's data (bench/content.html): what the app draws on its opening date, as
 * static GeoJSON computed here in Node by the app's pure functions (src/lib), so the page itself
 * runs no app code. Written to bench/.content/opening.json before a benchmark build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { loadPack } from '../src/lib/campaign.ts';
import { fsJsonReader } from '../src/lib/fs-json.ts';
import { viewAt } from '../src/lib/view.ts';
import { seaMask } from '../src/lib/territory.ts';
import { unitOpacity } from '../src/lib/forces.ts';

export const CONTENT_FILE = 'bench/.content/opening.json';

/** Writes the opening date's content (the embed opens on the pack's first day). */
export async function writeContentData(): Promise<void> {
  const pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader, { surroundings: false });
  const view = viewAt(pack, pack.startDay);
  const ring = pack.basemap.mainland.geometry.coordinates[0] as Position[];
  const collection = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
  const data = {
    day: view.iso,
    mask: collection([seaMask(ring, [110, 25, 145, 50])]),
    territory: collection([view.north]),
    band: view.zones.noMansLand,
    forward: view.zones.forwardRuns,
    infiltrated: view.zones.infiltrated,
    front: view.frontRuns,
    arrows: view.arrows,
    units: collection(view.units.features.map((f) => ({ ...f, properties: { unit: f.properties.unit, name_en: f.properties.name_en, opacity: unitOpacity(f.properties.moving, f.properties.certainty) } }))),
    places: pack.places,
  };
  mkdirSync('bench/.content', { recursive: true });
  writeFileSync(CONTENT_FILE, JSON.stringify(data));
}
