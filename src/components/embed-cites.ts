/**
 * What the embed needs to name its citations (issue 12 #6), loaded when its narrative is first
 * read after the first view: the source index and the component that writes readable names.
 */
import Cites from './Cites.svelte';
import { loadSources } from '../lib/load-sources.ts';
import type { JsonReader } from '../lib/campaign.ts';
import type { Manifest } from '../lib/types.ts';

/** The citations' component with the source index of the pack whose manifest is at `manifestPath`. */
export async function citesFor(manifestPath: string, manifest: Manifest, read: JsonReader) {
  return { Cites, sources: await loadSources(manifestPath, manifest, read) };
}
