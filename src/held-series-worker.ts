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
    const pack = await loadPack(manifest, fetchJsonReader(manifest), { langs: [], sources: false, lines: false, unitNotes: false, glossary: false, surroundings: false });
    self.postMessage({ series: heldSeries(pack, landIndexOf(pack)) });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
