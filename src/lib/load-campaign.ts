/**
 * Loads a pack and its pre-rendered unit symbols, for the pages (app, embed, print).
 */
import { joinPath, loadPack, PackError, type JsonReader, type LoadOptions, type Pack } from './campaign.ts';
import type { SymbolImage } from '../map/campaign-map.ts';

/** What a page needs to draw a campaign. */
export interface Loaded {
  pack: Pack;
  symbols: Record<string, SymbolImage>;
}

/** Loads the pack at `manifest`. Symbols are optional: without them units stay hidden. */
export async function loadCampaign(manifest: string, read: JsonReader, options: LoadOptions = {}): Promise<Loaded> {
  // Asked for once the manifest is in, beside the data files (a first view answers for it too: see first-view-read.ts).
  let symbols: Promise<unknown> = Promise.resolve({});
  const pack = await loadPack(manifest, read, {
    ...options,
    onManifest: (m) => {
      options.onManifest?.(m);
      symbols = read(joinPath(manifest, 'unit-symbols.json')).catch(() => ({}));
    },
  });
  return { pack, symbols: (await symbols) as Record<string, SymbolImage> };
}

/** A load error as text for the error panel. */
export function loadErrorText(e: unknown): string {
  return e instanceof PackError ? e.message : e instanceof Error ? e.message : String(e);
}
