/**
 * A worker that derives the ground-held series of a pack (issue 15 #3, #6): loading the pack
 * and clipping the land for every day takes a second or more of CPU, which must not block a
 * frame of the page. It answers one message, `{ manifest }` (an absolute URL), with
 * `{ series }` or `{ error }`.
 */
import { loadPack } from './lib/campaign.ts';
import { fetchJsonReader } from './lib/fetch-json.ts';
import { heldSeries, landIndexOf } from './lib/compare.ts';

self.onmessage = async (e: MessageEvent<{ manifest: string }>) => {
  try {
    const manifest = e.data.manifest;
    // Only what the areas need: no narratives, sources, named lines, notes or surroundings.
    // The page has read these files already (the basemap is the largest): take them from the
    // HTTP cache, fresh or not, with no second request, and so the very files the page drew.
    const read = fetchJsonReader(manifest, (url) => fetch(url, { cache: 'force-cache' }));
    const pack = await loadPack(manifest, read, { langs: [], sources: false, lines: false, unitNotes: false, glossary: false, surroundings: false });
    self.postMessage({ series: heldSeries(pack, landIndexOf(pack)) });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
