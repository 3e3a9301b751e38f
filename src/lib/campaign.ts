/**
 * Loading a campaign pack: the manifest, then every file it names, each validated.
 * The reader is injected so the browser (fetch) and Node (fs) share this code.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { ArrowProps, Fronts, Glossary, Lang, Manifest, Narrative, Places, RefLineProps, SourceIndex, Unit, UnitNotes, UnitPositionProps } from './types.ts';
import { prepareArrows, prepareTracks, type PreparedArrow, type UnitTrack } from './forces.ts';
import { LANGS } from './types.ts';
import { dayOf } from './dates.ts';
import { prepareFronts, type PreparedFront } from './morph.ts';
import { noZones, prepareZones, type PreparedZones, type ZonesFile } from './zones.ts';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { BASEMAP_LAYERS, formatProblem, noMainland, validateTopology, type Problem } from './validate-base.ts';
import type { GeometryChecks, PackContext } from './validate.ts';
import type { PackFiles } from './pack-checks.ts';

/** Reads and parses one JSON file; rejects with a message naming the path on failure. */
export type JsonReader = (path: string) => Promise<unknown>;

/** Everything the app needs, loaded and checked. */
export interface Pack {
  manifest: Manifest;
  startDay: number;
  endDay: number;
  phaseDays: number[];
  fronts: Fronts;
  prepared: PreparedFront[];
  places: Places;
  lines: FeatureCollection<LineString, RefLineProps>;
  units: Record<string, Unit>;
  tracks: UnitTrack[];
  arrows: PreparedArrow[];
  /** No-man's land (forward lines aligned with the fronts) and infiltration areas (zones.geojson). */
  zones: PreparedZones;
  /** The narratives loaded with the pack (see LoadOptions.langs; loadNarrative adds others). */
  narratives: Partial<Record<Lang, Narrative>>;
  /** The unit-card notes loaded with the pack, by language then unit id (see LoadOptions.unitNotes). */
  unitNotes: Partial<Record<Lang, Record<string, string>>>;
  /** The glossaries loaded with the pack, by language (see LoadOptions.glossary). */
  glossaries: Partial<Record<Lang, Glossary>>;
  /** The source index, unless loaded without it (see LoadOptions.sources). */
  sources?: SourceIndex;
  basemap: Basemap;
}

/** The basemap's layers, at one level of detail. */
export interface Basemap {
  mainland: Feature<Polygon>;
  /** Other land: islands, and the surroundings when loaded with them (LoadOptions.surroundings). */
  land: FeatureCollection;
  rivers: FeatureCollection;
  parallel: FeatureCollection;
  /**
   * True for the overview (manifest `files.basemapOverview`, LoadOptions.basemap): drawn for
   * views no deeper than OVERVIEW_MAX_ZOOM (lib/basemap-level.ts); loadDetail gives the rest.
   */
  overview?: true;
}

/** Thrown when a pack's files fail validation; carries every problem found. */
export class PackError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'PackError';
  }
}

/** Resolves `rel` against the directory of `base` (both slash-separated paths or URLs). */
export function joinPath(base: string, rel: string): string {
  const dir = base.slice(0, base.lastIndexOf('/') + 1);
  const parts = (dir + rel).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

/** A FeatureCollection with no features. */
const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Options for loadPack. */
export interface LoadOptions {
  /** SIDC check for units (Node tools pass milsymbol's; the browser trusts the build's check). */
  isValidSidc?: (sidc: string) => boolean;
  /** Narrative languages to load (default: all). A page loads the one it shows, others on demand. */
  langs?: readonly Lang[];
  /**
   * Whether to load the source index (default: true). Without it citation keys are not looked
   * up at load (the build and `npm run geo:check` do that); the embed never shows titles.
   */
  sources?: boolean;
  /** Whether to load the named reference lines (default: true); the embed never shows them. */
  lines?: boolean;
  /**
   * Whether to load the unit-card notes in `langs` (default: true). Pages load them with
   * loadUnitNotes when a card is first shown; the embed shows no cards.
   */
  unitNotes?: boolean;
  /**
   * Whether to load the glossaries in `langs` (default: true). Pages load one with
   * loadGlossary once the narrative is shown; the embed shows none.
   */
  glossary?: boolean;
  /**
   * Whether to load the surroundings (neighbouring countries) with the basemap (default:
   * true). Pages with a map load them once its first view is complete (see loadSurroundings).
   */
  surroundings?: boolean;
  /** Called with the manifest once it is read and valid, before the other files load (a page starts its map then). */
  onManifest?: (manifest: Manifest) => void;
  /**
   * The manifest's check, for a page that has it in its first script (the app): the manifest is
   * then checked and given to onManifest without waiting for the check's chunk, so what the page
   * draws from the manifest (the app's header tools) is there at its first paint, with no layout
   * shift when the chunk comes after it. Without it the check is loaded as a chunk of its own.
   */
  manifestCheck?: (typeof import('./validate-manifest.ts'))['validateManifest'];
  /**
   * When the files are checked (default 'now'; the manifest always is, before anything else).
   * With 'later' the pack is built from the files as read and returned unchecked, and
   * checkLater(pack) runs every check (schema and geometry): the embed does so once its first
   * view is complete, so the checks' code (and turf's) is not loaded before it. Files that
   * break the building of the pack are checked at once, so they end in the same error.
   */
  checks?: 'now' | 'later';
  /**
   * The narratives to load (default 'whole'). With 'heads' only each phase's name and summary
   * are loaded (the heads file the build makes beside each narrative, see narrativeHeadsPath),
   * their paragraphs empty: the embed's first view shows no paragraph, and it loads the whole
   * narrative (loadNarrative) once that view is complete.
   */
  narrative?: 'whole' | 'heads';
  /**
   * Which basemap to load (default 'detail'). With 'overview' the manifest's
   * `files.basemapOverview` is loaded instead, where it names one (the pack's basemap then says
   * `overview: true`): the embed's first view is drawn with it, and its map loads the detail
   * (loadDetail) once its view goes deeper than the overview is drawn for.
   */
  basemap?: 'detail' | 'overview';
}

/** The heads file of the narrative at `path`: `narrative.en.json` → `narrative.en.heads.json`. */
export function narrativeHeadsPath(path: string): string {
  return path.replace(/(\.json)?$/, '.heads.json');
}

/** A narrative's heads: its title and each phase's name and summary, without paragraphs (published as a heads file). */
export function narrativeHeads(n: Narrative): { lang: Lang; title: string; phases: Record<string, { name: string; summary: string }> } {
  return { lang: n.lang, title: n.title, phases: Object.fromEntries(Object.entries(n.phases).map(([id, p]) => [id, { name: p.name, summary: p.summary }])) };
}

/** A narrative from its heads file (checked): each phase with no paragraphs. */
function fromHeads(data: unknown): Narrative {
  const heads = data as Narrative;
  return { ...heads, phases: Object.fromEntries(Object.entries(heads.phases).map(([id, p]) => [id, { ...p, paragraphs: [] }])) };
}

/**
 * The checks left out of the packs loaded with `checks: 'later'`, by pack: kept beside the
 * pack, not in it, so a pack stays plain data (compare posts it to a worker).
 */
const laterChecks = new WeakMap<Pack, () => Promise<void>>();

/**
 * Runs the checks left out of a pack loaded with `checks: 'later'` (loading their code),
 * rejecting with a PackError when the data fails them; resolves at once for any other pack.
 */
export function checkLater(pack: Pack): Promise<void> {
  return laterChecks.get(pack)?.() ?? Promise.resolve();
}

/**
 * Every problem of a pack's files: the checks' code and their geometric predicates (turf's)
 * are chunks of their own in the pages, loaded on first use.
 */
const problemsOf = async (files: PackFiles): Promise<Problem[]> => {
  const [{ packProblems }, geometry] = await Promise.all([import('./pack-checks.ts'), loadGeometryChecks()]);
  return packProblems(files, geometry);
};
const loadGeometryChecks = (): Promise<GeometryChecks> => import('./validate-geometry.ts').then((m) => m.geometryChecks);

/** Throws a PackError with the problems found, if any. */
function refuse(found: Problem[]): void {
  if (found.length) throw new PackError(found);
}

/** The manifest's problems (its check is a chunk of its own in the pages, loaded when it runs). */
const manifestProblems = (path: string, data: unknown): Promise<Problem[]> => import('./validate-manifest.ts').then((m) => m.validateManifest(path, data));

/** Checks a manifest on its own (loading its check), rejecting with a PackError when it fails. */
export async function checkManifest(path: string, data: unknown): Promise<void> {
  refuse(await manifestProblems(path, data));
}

/** Loads the pack whose manifest is at `manifestPath`, validating every file. */
export async function loadPack(manifestPath: string, read: JsonReader, options: LoadOptions = {}): Promise<Pack> {
  const later = options.checks === 'later';
  // The checks' code is loaded beside the manifest and the data files, not after them.
  const manifestCheck = later ? undefined : options.manifestCheck ? { validateManifest: options.manifestCheck } : import('./validate-manifest.ts');
  const checks = later ? undefined : Promise.all([import('./pack-checks.ts'), loadGeometryChecks()]);
  // Not left unhandled if the manifest fails first: the data's problems are what is reported.
  checks?.catch(() => undefined);
  const manifest = await read(manifestPath);
  if (manifestCheck) refuse((await manifestCheck).validateManifest(manifestPath, manifest));
  try {
    return await readPack(manifestPath, manifest as Manifest, read, options, checks);
  } catch (e) {
    // Unchecked (checks 'later'), a malformed manifest may break reading the other files: its check says what is wrong.
    if (later && !(e instanceof PackError)) refuse(await manifestProblems(manifestPath, manifest));
    throw e;
  }
}

/** Reads the files of the pack whose manifest `m` (at `manifestPath`) names, checks them (now, or later: see LoadOptions.checks) and builds the pack. */
async function readPack(
  manifestPath: string,
  m: Manifest,
  read: JsonReader,
  options: LoadOptions,
  checks: Promise<[typeof import('./pack-checks.ts'), GeometryChecks]> | undefined,
): Promise<Pack> {
  options.onManifest?.(m);
  const at = (rel: string) => joinPath(manifestPath, rel);
  const optional = (rel: string | undefined, fallback: unknown) => (rel ? read(at(rel)) : Promise.resolve(fallback));
  const langs = options.langs ?? LANGS;
  const heads = options.narrative === 'heads';
  const narrativeFile = (l: Lang) => (heads ? narrativeHeadsPath(at(m.files.narrative[l])) : at(m.files.narrative[l]));
  const withSources = options.sources ?? true;
  const withLines = options.lines !== false;
  const noteFiles = options.unitNotes === false || !m.files.unitNotes ? [] : langs.map((l) => at(m.files.unitNotes![l]));
  const glossaryFiles = options.glossary === false || !m.files.glossary ? [] : langs.map((l) => at(m.files.glossary![l]));
  const overview = options.basemap === 'overview' && m.files.basemapOverview !== undefined;
  const [sources, fronts, places, lines, units, positions, arrows, zones, basemap, notes, glossaries, surroundings, ...texts] = await Promise.all([
    withSources ? read(at(m.files.sources)) : Promise.resolve(undefined),
    read(at(m.files.fronts)),
    read(at(m.files.places)),
    optional(withLines ? m.files.lines : undefined, empty()),
    optional(m.files.units, {}),
    optional(m.files.unitPositions, empty()),
    optional(m.files.arrows, empty()),
    optional(m.files.zones, noZones()),
    readBasemap(overview ? m.files.basemapOverview! : m.files.basemap, at, read),
    Promise.all(noteFiles.map(read)),
    Promise.all(glossaryFiles.map(read)),
    options.surroundings === false || !m.files.surroundings ? undefined : readSurroundings(at(m.files.surroundings), read),
    ...langs.map((l) => read(narrativeFile(l))),
  ]);
  const { mainland, land, rivers, parallel } = basemap.layers;
  const mainlandFeature = firstPolygon(mainland);
  const ctx: PackContext = {
    ...manifestContext(m, withSources ? ((sources ?? {}) as Record<string, unknown>) : undefined),
    mainland: mainlandFeature,
    unitIds: new Set(units && typeof units === 'object' ? Object.keys(units) : []),
    isValidSidc: options.isValidSidc,
  };
  const files: PackFiles = {
    manifestPath, manifest: m, at, ctx,
    decoding: [...basemap.problems, ...(surroundings?.problems ?? [])],
    mainlandFile: basemap.mainlandFile,
    noMainland: !mainlandFeature && !basemap.problems.length,
    sources: withSources ? sources : undefined,
    fronts, places, lines: withLines ? lines : undefined, units, positions, arrows, zones,
    narratives: langs.map((lang, i) => ({ lang, file: narrativeFile(lang), data: texts[i] })),
    heads,
    notes: noteFiles.map((file, i) => ({ lang: langs[i], file, data: notes[i] })),
    glossaries: glossaryFiles.map((file, i) => ({ lang: langs[i], file, data: glossaries[i] })),
  };
  const build = (): Pack => {
    const f = fronts as Fronts;
    return {
      manifest: m,
      startDay: ctx.start,
      endDay: ctx.end,
      phaseDays: m.phases.map((p) => dayOf(p.start)),
      fronts: f,
      prepared: prepareFronts(f.features),
      places: places as Places,
      lines: lines as FeatureCollection<LineString, RefLineProps>,
      units: units as Record<string, Unit>,
      tracks: prepareTracks((positions as FeatureCollection<Point, UnitPositionProps>).features, units as Record<string, Unit>),
      arrows: prepareArrows((arrows as FeatureCollection<LineString, ArrowProps>).features),
      zones: prepareZones(f.features, zones as ZonesFile),
      narratives: Object.fromEntries(langs.map((l, i) => [l, heads ? fromHeads(texts[i]) : (texts[i] as Narrative)])),
      unitNotes: Object.fromEntries(noteFiles.map((_, i) => [langs[i], (notes[i] as UnitNotes).notes])),
      glossaries: Object.fromEntries(glossaryFiles.map((_, i) => [langs[i], glossaries[i] as Glossary])),
      sources: withSources ? (sources as SourceIndex) : undefined,
      basemap: {
        mainland: mainlandFeature as Feature<Polygon>,
        land: withLand(land as FeatureCollection, surroundings?.land),
        rivers: rivers as FeatureCollection,
        parallel: parallel as FeatureCollection,
        ...(overview ? { overview: true as const } : {}),
      },
    };
  };
  if (checks) {
    const [{ packProblems }, geometry] = await checks;
    refuse(packProblems(files, geometry));
    return build();
  }
  let pack: Pack;
  try {
    pack = build();
  } catch (e) {
    // Data the checks refuse may break the building first: they say what is wrong.
    refuse(await problemsOf(files));
    throw e;
  }
  laterChecks.set(pack, async () => refuse(await problemsOf(files)));
  return pack;
}

/** Loads and checks one more language's narrative for a loaded pack. */
export async function loadNarrative(manifestPath: string, manifest: Manifest, lang: Lang, read: JsonReader, sources?: SourceIndex): Promise<Narrative> {
  const file = joinPath(manifestPath, manifest.files.narrative[lang]);
  const [data, { validateNarrative }] = await Promise.all([read(file), import('./validate.ts')]);
  const problems = validateNarrative(file, data, lang, manifestContext(manifest, sources));
  if (problems.length) throw new PackError(problems);
  return data as Narrative;
}

/**
 * Loads and checks one language's unit-card notes for a loaded pack: by unit id, or an empty
 * record when the pack has no notes.
 */
export async function loadUnitNotes(manifestPath: string, pack: Pick<Pack, 'manifest' | 'units'>, lang: Lang, read: JsonReader): Promise<Record<string, string>> {
  const rel = pack.manifest.files.unitNotes?.[lang];
  if (!rel) return {};
  const file = joinPath(manifestPath, rel);
  const [data, { validateUnitNotes }] = await Promise.all([read(file), import('./validate.ts')]);
  const problems = validateUnitNotes(file, data, lang, new Set(Object.keys(pack.units)));
  if (problems.length) throw new PackError(problems);
  return (data as UnitNotes).notes;
}

/** Loads and checks one language's glossary for a loaded pack, or undefined when the pack has none. */
export async function loadGlossary(manifestPath: string, manifest: Manifest, lang: Lang, read: JsonReader): Promise<Glossary | undefined> {
  const rel = manifest.files.glossary?.[lang];
  if (!rel) return undefined;
  const file = joinPath(manifestPath, rel);
  const [data, { validateGlossary }] = await Promise.all([read(file), import('./validate.ts')]);
  const problems = validateGlossary(file, data, lang);
  if (problems.length) throw new PackError(problems);
  return data as Glossary;
}

/** What every check needs from the manifest: its phases and date range, and the source index if loaded. */
function manifestContext(m: Manifest, sources: PackContext['sources']): PackContext {
  return { sources, phaseIds: new Set(m.phases.map((p) => p.id)), start: dayOf(m.start), end: dayOf(m.end) };
}

/** A narrative the pack was loaded with; throws (a caller's mistake) when it was not. */
export function narrativeIn(pack: Pack, lang: Lang): Narrative {
  const n = pack.narratives[lang];
  if (!n) throw new Error(`the ${lang} narrative was not loaded with this pack`);
  return n;
}

/** Decimal places basemap coordinates are published with (TopoJSON decoding is rounded back to them). */
const BASEMAP_DECIMALS = 4;

function roundPositions(coords: unknown): unknown {
  if (!Array.isArray(coords)) return coords;
  if (typeof coords[0] === 'number') {
    const f = 10 ** BASEMAP_DECIMALS;
    return coords.map((x: number) => Math.round(x * f) / f);
  }
  return coords.map(roundPositions);
}

/** `land` with the features of `more` added after its own (a new collection). */
export function withLand(land: FeatureCollection, more: FeatureCollection | undefined): FeatureCollection {
  return more?.features.length ? { ...land, features: [...land.features, ...more.features] } : land;
}

/**
 * Decodes the objects `layers` of a TopoJSON file into FeatureCollections, coordinates rounded
 * back to the published precision; or the problems that stop it (each layer then empty).
 */
function decodeTopology<K extends string>(file: string, data: unknown, layers: readonly K[]): { layers: Record<K, FeatureCollection>; problems: Problem[] } {
  const none = () => Object.fromEntries(layers.map((k) => [k, empty()])) as Record<K, FeatureCollection>;
  const problems = validateTopology(file, data, layers);
  if (problems.length) return { layers: none(), problems };
  const topology = data as Topology;
  try {
    const decode = (k: K) => {
      const fc = feature(topology, topology.objects[k]) as FeatureCollection;
      for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) f.geometry.coordinates = roundPositions(f.geometry.coordinates) as never;
      return fc;
    };
    return { layers: Object.fromEntries(layers.map((k) => [k, decode(k)])) as Record<K, FeatureCollection>, problems: [] };
  } catch (e) {
    return { layers: none(), problems: [{ file, message: `could not be decoded (${e instanceof Error ? e.message : String(e)})` }] };
  }
}

/**
 * Reads the basemap's four layers: from one TopoJSON file (quantised, shared borders stored
 * once: about 40% of the GeoJSON's compressed size) or from four GeoJSON files.
 */
async function readBasemap(
  files: Manifest['files']['basemap'],
  at: (rel: string) => string,
  read: JsonReader,
): Promise<{ layers: Record<(typeof BASEMAP_LAYERS)[number], unknown>; problems: Problem[]; mainlandFile: string }> {
  if (typeof files !== 'string') {
    const [mainland, land, rivers, parallel] = await Promise.all(BASEMAP_LAYERS.map((k) => read(at(files[k]))));
    return { layers: { mainland, land, rivers, parallel }, problems: [], mainlandFile: at(files.mainland) };
  }
  const file = at(files);
  return { ...decodeTopology(file, await read(file), BASEMAP_LAYERS), mainlandFile: file };
}

/**
 * Loads and checks the detailed basemap of a pack loaded with its overview (LoadOptions.basemap):
 * its four layers (the islands without the surroundings, which a page adds itself).
 */
export async function loadDetail(manifestPath: string, manifest: Manifest, read: JsonReader): Promise<Basemap> {
  const basemap = await readBasemap(manifest.files.basemap, (rel) => joinPath(manifestPath, rel), read);
  const mainland = firstPolygon(basemap.layers.mainland);
  const problems = [...basemap.problems, ...(mainland || basemap.problems.length ? [] : [noMainland(basemap.mainlandFile)])];
  if (problems.length || !mainland) throw new PackError(problems);
  const { land, rivers, parallel } = basemap.layers as Record<(typeof BASEMAP_LAYERS)[number], FeatureCollection>;
  return { mainland, land, rivers, parallel };
}

/** Reads the surroundings file (TopoJSON, object `land`). */
async function readSurroundings(file: string, read: JsonReader): Promise<{ land: FeatureCollection; problems: Problem[] }> {
  const { layers, problems } = decodeTopology(file, await read(file), ['land'] as const);
  return { land: layers.land, problems };
}

/**
 * Loads and checks the surroundings of a pack loaded without them (LoadOptions.surroundings):
 * land to draw with the basemap's, or none when the manifest names no file.
 */
export async function loadSurroundings(manifestPath: string, manifest: Manifest, read: JsonReader): Promise<FeatureCollection> {
  if (!manifest.files.surroundings) return empty();
  const { land, problems } = await readSurroundings(joinPath(manifestPath, manifest.files.surroundings), read);
  if (problems.length) throw new PackError(problems);
  return land;
}

/** The first Polygon feature of a GeoJSON object, or undefined. */
function firstPolygon(data: unknown): Feature<Polygon> | undefined {
  const d = data as { type?: string; features?: Feature[]; geometry?: { type?: string } } | null;
  const features = d?.type === 'FeatureCollection' ? d.features ?? [] : d?.type === 'Feature' ? [d as Feature] : [];
  return features.find((f) => f?.geometry?.type === 'Polygon') as Feature<Polygon> | undefined;
}

/** The texts of a pack: enough to read the narrative when the map data cannot be loaded. */
export interface PackTexts {
  manifest: Manifest;
  phaseDays: number[];
  narratives: Record<Lang, Narrative>;
  sources: SourceIndex;
}

/** Loads and checks only the manifest, the narratives and the sources. */
export async function loadTexts(manifestPath: string, read: JsonReader): Promise<PackTexts> {
  const [manifest, problems] = await Promise.all([read(manifestPath), import('./validate-manifest.ts')]).then(([data, m]) => [data, m.validateManifest(manifestPath, data)] as const);
  refuse(problems);
  const m = manifest as Manifest;
  const at = (rel: string) => joinPath(manifestPath, rel);
  const [{ validateNarrative, validateSources }, sources, ...texts] = await Promise.all([
    import('./validate.ts'),
    read(at(m.files.sources)),
    ...LANGS.map((l) => read(at(m.files.narrative[l]))),
  ]);
  const ctx = manifestContext(m, (sources ?? {}) as Record<string, unknown>);
  const all = [...validateSources(at(m.files.sources), sources), ...LANGS.flatMap((l, i) => validateNarrative(at(m.files.narrative[l]), texts[i], l, ctx))];
  if (all.length) throw new PackError(all);
  return {
    manifest: m,
    phaseDays: m.phases.map((p) => dayOf(p.start)),
    narratives: Object.fromEntries(LANGS.map((l, i) => [l, texts[i] as Narrative])) as Record<Lang, Narrative>,
    sources: sources as SourceIndex,
  };
}
