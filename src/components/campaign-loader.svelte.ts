/**
 * Loading a campaign for a page, as reactive state shared by the app, the embed and the
 * print view: the pack and its symbols, or the error and (if they load) the texts alone, so
 * the narrative stays readable when the map data does not.
 */
import { loadTexts, type JsonReader, type Pack, type PackTexts } from '../lib/campaign.ts';
import { loadCampaign, loadErrorText } from '../lib/load-campaign.ts';
import type { SymbolImage } from '../map/campaign-map.ts';

export class CampaignLoader {
  pack = $state.raw<Pack>();
  symbols = $state.raw<Record<string, SymbolImage>>({});
  error = $state<string>();
  texts = $state.raw<PackTexts>();

  /** `source` gives the page's manifest path and reader (read at each load: props stay live). */
  constructor(private readonly source: () => { manifest: string; read: JsonReader }) {}

  /**
   * Loads (or retries). `onPack` runs before the pack is exposed, so a page can set its date
   * and language from the URL first; `onTexts` likewise when only the texts could be loaded.
   */
  async load(onPack: (pack: Pack) => void, onTexts?: (texts: PackTexts) => void): Promise<void> {
    this.error = undefined;
    this.texts = undefined;
    try {
      const { manifest, read } = this.source();
      const loaded = await loadCampaign(manifest, read);
      performance.mark('campaign:data-loaded');
      onPack(loaded.pack);
      this.symbols = loaded.symbols;
      this.pack = loaded.pack;
    } catch (e) {
      this.error = loadErrorText(e);
      const { manifest, read } = this.source();
      const texts = await loadTexts(manifest, read).catch(() => undefined);
      if (texts) onTexts?.(texts);
      this.texts = texts;
    }
  }
}
