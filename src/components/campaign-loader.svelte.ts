/**
 * Loading a campaign for a page, as reactive state shared by the app, the embed and the
 * print view: the pack and its symbols, or the error and (if they load) the texts alone, so
 * the narrative stays readable when the map data does not. Only the language shown is
 * loaded at first; another is fetched when the reader switches to it.
 *
 * A page whose opening view is the pack's default one may draw it from the first-view file
 * (lib/first-view-read.ts: one small file in place of seven): the pack is then a first view,
 * drawn at its opening moment only (shownDay), until the page's first view is complete and
 * checkLater (or complete) loads the full files and swaps in the full pack.
 */
import { checkLater, checkManifest, loadDetail, loadGlossary, loadNarrative, loadSurroundings, loadTexts, loadUnitNotes, narrativeIn, PackError, type Basemap, type JsonReader, type LoadOptions, type Pack, type PackTexts } from '../lib/campaign.ts';
import { loadCampaign, loadErrorText } from '../lib/load-campaign.ts';
import { firstViewReader } from '../lib/first-view-read.ts';
import { dayOf } from '../lib/dates.ts';
import type { FeatureCollection } from 'geojson';
import type { Glossary, Lang, Manifest, Narrative } from '../lib/types.ts';
import type { SymbolImage } from '../map/campaign-map.ts';

/** One language's unit-card notes as a page holds them: loaded (by unit id), or why not. */
export type NotesState = { notes: Record<string, string> } | { error: string };

export class CampaignLoader {
  /** The manifest, as soon as it is read (before the rest of the pack): enough to start the map. */
  manifest = $state.raw<Manifest>();
  pack = $state.raw<Pack>();
  symbols = $state.raw<Record<string, SymbolImage>>({});
  error = $state<string>();
  texts = $state.raw<PackTexts>();
  /** Narratives by language: the one loaded with the pack, then any the reader switched to. */
  narratives = $state.raw<Partial<Record<Lang, Narrative>>>({});
  /** Languages whose narrative is only its heads so far (names and summaries: LoadOptions.narrative 'heads'). */
  #headsOnly = new Set<Lang>();
  /** Unit-card notes by language, once asked for (see useNotes): the notes, or why they could not be loaded. */
  notes = $state.raw<Partial<Record<Lang, NotesState>>>({});
  #notesLoading = new Set<Lang>();
  /** Glossaries by language, once asked for (see useGlossary). */
  glossaries = $state.raw<Partial<Record<Lang, Glossary>>>({});
  #glossaryAsked = new Set<Lang>();
  /** Land around the campaign (neighbouring countries), once loaded (see useSurroundings). */
  surroundings = $state.raw<FeatureCollection>();
  #surroundingsAsked = false;
  /** The surroundings' loading, once asked: an export waits for it, so every export draws the same land. */
  #surroundingsLoad: Promise<void> | undefined;
  /**
   * The detailed basemap of a pack loaded with the overview (parts.basemap), once loaded (see
   * useDetail); null when it could not be (the map keeps the overview).
   */
  detail = $state.raw<Basemap | null>();
  #detailLoad: Promise<void> | undefined;
  /** The manifest the detail was asked for (a retried load reads the manifest again). */
  #detailFor: Manifest | undefined;
  /**
   * The pack with its detailed basemap: the pack itself unless it holds the overview, then
   * undefined until the detail is in (or the overview's, if the detail could not be loaded).
   * For what is measured on the mainland (compare's km² figures).
   */
  readonly exact = $derived.by((): Pack | undefined => {
    const [pack, detail] = [this.pack, this.detail];
    if (!pack?.basemap.overview || detail === null) return pack;
    return detail ? { ...pack, basemap: detail } : undefined;
  });

  /**
   * `source` gives the page's manifest path and reader (read at each load: props stay live);
   * `parts` says what the page leaves out: the embed shows neither source titles nor the
   * named lines, and checks the data after its first view (see checkLater); it may
   * load the narrative's heads alone at first (see useLang).
   */
  constructor(
    private readonly source: () => { manifest: string; read: JsonReader },
    private readonly parts: Pick<LoadOptions, 'sources' | 'lines' | 'checks' | 'narrative' | 'basemap' | 'manifestCheck'> = {},
    /** Whether the page opens on the pack's default view (asked once its manifest is in): the first-view file may draw it. */
    private readonly opensAtDefault?: (manifest: Manifest) => boolean,
  ) {}

  /** The opening moment while the pack is a first view (the full files not in yet), else undefined. */
  #firstDay = $state<number>();
  /** Loading the full files in place of a first view, once asked (see complete). */
  #full: Promise<void> | undefined;
  /** The first view's reader (its files read once: the full load reads the basemap and texts from it). */
  #read: JsonReader | undefined;
  #lang: Lang = 'en';
  /** A new load makes the answers of earlier ones stale (a swap to the full pack does not). */
  #token = {};

  /** True while the pack is a first view: only its opening moment can be drawn, nothing cited. */
  get partial(): boolean {
    return this.#firstDay !== undefined;
  }

  /** The moment to draw for `day`: the opening moment while the pack is a first view (the date is kept and drawn once the full pack is in). */
  shownDay(day: number): number {
    return this.#firstDay ?? day;
  }

  /** Loads the full files in place of a first view (once), and swaps in the full pack; resolves at once for any other pack. */
  complete(): Promise<void> {
    if (this.#firstDay === undefined) return Promise.resolve();
    return (this.#full ??= this.#loadFull(this.#token));
  }

  async #loadFull(token: object): Promise<void> {
    try {
      const loaded = await loadCampaign(this.source().manifest, this.#read ?? this.source().read, this.#options(this.#lang));
      if (token !== this.#token) return;
      this.#read = undefined;
      this.symbols = loaded.symbols;
      this.pack = loaded.pack;
      this.#firstDay = undefined;
      performance.mark('campaign:full-data');
      if (this.parts.checks === 'later') this.#checkOnError();
    } catch (e) {
      if (token === this.#token) this.#refuse(e);
    }
  }

  #options(lang: Lang): LoadOptions {
    return { ...this.parts, langs: [lang], unitNotes: false, glossary: false, surroundings: false };
  }

  /**
   * Loads (or retries) with the narrative in `lang`. `onManifest` runs when the manifest is in
   * and before it is exposed, so a page can set its date and options from the URL first (the
   * map starts then); `onTexts` likewise when only the texts could be loaded.
   */
  async load(lang: Lang, onManifest: (manifest: Manifest) => void, onTexts?: (texts: PackTexts) => void): Promise<void> {
    this.error = undefined;
    this.texts = undefined;
    const token = (this.#token = {});
    this.#full = undefined;
    this.#lang = lang;
    try {
      const { manifest, read: readFile } = this.source();
      // Each file read once per load: the full files' load after a first view reuses the basemap and texts.
      const cache = new Map<string, Promise<unknown>>();
      const read: JsonReader = (path) => cache.get(path) ?? cache.set(path, readFile(path)).get(path)!;
      let first: ReturnType<typeof firstViewReader> | undefined;
      const options = this.#options(lang);
      let loaded;
      try {
        loaded = await loadCampaign(manifest, (path) => (first ? first.read(path) : read(path)), {
          ...options,
          onManifest: (m) => {
            onManifest(m);
            this.manifest = m;
            if (this.opensAtDefault?.(m)) first = firstViewReader(manifest, m, lang, read);
          },
        });
      } catch (e) {
        // A first-view file that breaks the pack: the full files instead.
        if (!(await first?.used)) throw e;
        first = undefined;
        loaded = await loadCampaign(manifest, read, options);
      }
      if (token !== this.#token) return;
      const partial = first && (await first.used);
      this.#firstDay = partial ? dayOf(loaded.pack.manifest.start) : undefined;
      this.#read = partial ? read : undefined;
      performance.mark('campaign:data-loaded');
      this.symbols = loaded.symbols;
      this.narratives = { [lang]: narrativeIn(loaded.pack, lang) };
      this.#headsOnly = new Set(this.parts.narrative === 'heads' ? [lang] : []);
      this.notes = {};
      this.#notesLoading.clear();
      this.glossaries = {};
      this.#glossaryAsked.clear();
      this.surroundings = undefined;
      this.#surroundingsAsked = false;
      this.#surroundingsLoad = undefined;
      this.pack = loaded.pack;
      if (this.parts.checks === 'later') this.#checkOnError();
    } catch (e) {
      this.error = loadErrorText(e);
      const { manifest, read } = this.source();
      const texts = await loadTexts(manifest, read).catch(() => undefined);
      if (texts) onTexts?.(texts);
      this.texts = texts;
    }
  }

  /**
   * Runs the checks a pack loaded with `checks: 'later'` left out (LoadOptions.checks): data
   * that fails them is reported as a load error, as it would have been before the first view
   * (the map drawn meanwhile gives way to the message and its Retry). Code that cannot be
   * fetched (offline, before the page was cached) only logs: the map stays.
   */
  async checkLater(): Promise<void> {
    // A first view is checked as the full pack, once that is in.
    await this.complete();
    const pack = this.pack;
    this.#stopCheckOnError?.();
    try {
      if (pack) await checkLater(pack);
    } catch (e) {
      if (this.pack !== pack) return;
      if (e instanceof PackError) this.#refuse(e);
      else console.warn(`The data could not be checked: ${loadErrorText(e)}`);
    }
  }

  /**
   * Until the data is checked, an error thrown anywhere in the page (drawing unchecked data
   * that is malformed, say) runs the checks at once: such data ends in their load error, with
   * its Retry, rather than in a half-drawn page. Valid data leaves the page as it is.
   */
  #checkOnError(): void {
    const pack = this.pack;
    const onError = () => {
      stop();
      if (this.pack === pack) void this.checkLater();
    };
    const stop = () => {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    };
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    this.#stopCheckOnError?.();
    this.#stopCheckOnError = stop;
  }
  #stopCheckOnError: (() => void) | undefined;

  /**
   * The page could not show the pack (`e` was thrown while drawing it, or the map from the
   * manifest, before their checks ran): the load error says what the checks find wrong with the
   * data, or else what `e` says, so the reader gets a message and its Retry rather than a
   * broken page.
   */
  async failedToShow(e: unknown): Promise<void> {
    await this.complete();
    const pack = this.pack;
    this.#stopCheckOnError?.();
    // Before the pack is in, the map may already be drawing from the manifest (checked with the rest, later).
    const manifest = this.manifest;
    const checking = pack ? checkLater(pack) : manifest ? checkManifest(this.source().manifest, manifest) : Promise.resolve();
    const found = await checking.then(() => e, (problem: unknown) => (problem instanceof PackError ? problem : e));
    if (this.pack === pack) this.#refuse(found);
  }

  /** Drops the pack shown (data refused after its first view): the page shows the error instead, until a Retry loads anew. */
  #refuse(e: unknown): void {
    this.pack = undefined;
    this.error = loadErrorText(e);
  }

  /**
   * Makes sure the whole narrative in `lang` is loaded (also where only its heads are).
   * Resolves with an error text when it could not be (the page then stays in the language it
   * had, or with the heads alone), or undefined when it is there.
   */
  async useLang(lang: Lang): Promise<string | undefined> {
    const [pack, token] = [this.pack, this.#token];
    if (!pack || (this.narratives[lang] && !this.#headsOnly.has(lang))) return undefined;
    try {
      const { manifest, read } = this.source();
      const narrative = await loadNarrative(manifest, pack.manifest, lang, read, pack.sources);
      if (this.#token !== token) return undefined;
      this.#headsOnly.delete(lang);
      this.narratives = { ...this.narratives, [lang]: narrative };
      return undefined;
    } catch (e) {
      return loadErrorText(e);
    }
  }

  /**
   * Loads the unit-card notes in `lang` unless they are in or on their way; a failure is kept
   * (the card says so) and the next call tries again.
   */
  async useNotes(lang: Lang): Promise<void> {
    // Checked against the units: the full pack's.
    await this.complete();
    const pack = this.pack;
    const have = this.notes[lang];
    if (!pack || (have && 'notes' in have) || this.#notesLoading.has(lang)) return;
    this.#notesLoading.add(lang);
    // A retry shows the card as loading again, not the old failure.
    if (have) this.notes = { ...this.notes, [lang]: undefined };
    try {
      const { manifest, read } = this.source();
      const notes = await loadUnitNotes(manifest, pack, lang, read);
      if (this.pack === pack) this.notes = { ...this.notes, [lang]: { notes } };
    } catch (e) {
      if (this.pack === pack) this.notes = { ...this.notes, [lang]: { error: loadErrorText(e) } };
    } finally {
      this.#notesLoading.delete(lang);
    }
  }

  /**
   * Loads the glossary in `lang` once. A failure leaves the narrative without pop-ups (its
   * text is whole without them) and is logged.
   */
  async useGlossary(lang: Lang): Promise<void> {
    const [pack, token] = [this.pack, this.#token];
    if (!pack || this.#glossaryAsked.has(lang)) return;
    this.#glossaryAsked.add(lang);
    try {
      const { manifest, read } = this.source();
      const glossary = await loadGlossary(manifest, pack.manifest, lang, read);
      if (glossary && this.#token === token) this.glossaries = { ...this.glossaries, [lang]: glossary };
    } catch (e) {
      console.warn(`The glossary could not be loaded: ${loadErrorText(e)}`);
    }
  }

  /**
   * Loads the detailed basemap once, when the map asks for it (its view goes deeper than the
   * overview is drawn for) or compare opens: only for a page that loads the overview first,
   * whose manifest names one. Needs only the manifest, so a map opening deep asks before the
   * pack is in. A failure leaves the overview (null) and is logged.
   */
  useDetail(): Promise<void> {
    const manifest = this.manifest;
    if (this.parts.basemap !== 'overview' || !manifest?.files.basemapOverview) return Promise.resolve();
    if (this.#detailFor !== manifest || !this.#detailLoad) {
      this.#detailFor = manifest;
      this.detail = undefined;
      this.#detailLoad = this.#loadDetail(manifest);
    }
    return this.#detailLoad;
  }

  async #loadDetail(m: Manifest): Promise<void> {
    try {
      const { manifest, read } = this.source();
      const detail = await loadDetail(manifest, m, read);
      if (this.manifest === m) this.detail = detail;
    } catch (e) {
      console.warn(`The detailed coast could not be loaded: ${loadErrorText(e)}`);
      if (this.manifest === m) this.detail = null;
    }
  }

  /**
   * Loads the surroundings once, for a map whose first view is complete: they lie outside that
   * view (at the usual shapes of the map; a tall phone-shaped map may show a sliver of them
   * appear at its edge), so they never hold it up. A failure leaves the map without them (it is
   * context only) and is logged.
   */
  useSurroundings(): Promise<void> {
    const pack = this.pack;
    if (!pack) return Promise.resolve();
    if (this.#surroundingsAsked && this.#surroundingsLoad) return this.#surroundingsLoad;
    this.#surroundingsAsked = true;
    return (this.#surroundingsLoad = this.#loadSurroundings(pack, this.#token));
  }

  /** Loads the surroundings of `pack` (see useSurroundings); resolves once they are in or have failed. */
  async #loadSurroundings(pack: Pack, token: object): Promise<void> {
    try {
      const { manifest, read } = this.source();
      const land = await loadSurroundings(manifest, pack.manifest, read);
      if (this.#token === token) this.surroundings = land;
    } catch (e) {
      console.warn(`The land around the campaign was not drawn: ${loadErrorText(e)}`);
    }
  }
}
