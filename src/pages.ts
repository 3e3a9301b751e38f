/**
 * What every page shares: the pack it shows and how it reads data.
 */
import { fetchJsonReader } from './lib/fetch-json.ts';
import { inlineFirst, inlineJsonFiles } from './lib/inline-json.ts';
import { registerPageFonts } from './map/fonts.ts';
import { warmUpMap } from './map/campaign-map.ts';

/** The pack the pages show; data/ mirrors geo/ (see vite.config.ts). */
export const MANIFEST = 'data/korea-1951-01/manifest.json';

/** Reads data files relative to the page: the manifest from the page itself, the rest by fetch. */
export const read = inlineFirst(inlineJsonFiles(document, document.baseURI), document.baseURI, fetchJsonReader(document.baseURI));

registerPageFonts(document.baseURI);
// The map's worker loads while the page fetches its data.
warmUpMap();

/** The element a page mounts into, emptied of its no-JavaScript content. */
export function mountTarget(): HTMLElement | undefined {
  const target = document.getElementById('app');
  if (!target) return undefined;
  target.textContent = '';
  return target;
}
