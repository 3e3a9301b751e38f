/**
 * Loading a campaign pack: the manifest, then every file it names, each validated.
 * The reader is injected so the browser (fetch) and Node (fs) share this code.
 */
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import type { Fronts, Lang, Manifest, Narrative, Places, RefLineProps, SourceIndex } from './types.ts';
import { LANGS } from './types.ts';
import { dayOf } from './dates.ts';
import { prepareFronts, type PreparedFront } from './morph.ts';
import {
  formatProblem, validateFronts, validateLines, validateManifest, validateNarrative, validatePlaces,
  validateSources, type PackContext, type Problem,
} from './validate.ts';

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
  narratives: Record<Lang, Narrative>;
  sources: SourceIndex;
  basemap: {
    mainland: Feature<Polygon>;
    land: FeatureCollection;
    rivers: FeatureCollection;
    parallel: FeatureCollection;
  };
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

const emptyCollection = (): FeatureCollection<LineString, RefLineProps> => ({ type: 'FeatureCollection', features: [] });

/** Loads the pack whose manifest is at `manifestPath`, validating every file. */
export async function loadPack(manifestPath: string, read: JsonReader): Promise<Pack> {
  const manifest = await read(manifestPath);
  const problems = validateManifest(manifestPath, manifest);
  if (problems.length) throw new PackError(problems);
  const m = manifest as Manifest;
  const at = (rel: string) => joinPath(manifestPath, rel);
  const [sources, fronts, places, lines, mainland, land, rivers, parallel, ...texts] = await Promise.all([
    read(at(m.files.sources)),
    read(at(m.files.fronts)),
    read(at(m.files.places)),
    m.files.lines ? read(at(m.files.lines)) : Promise.resolve(emptyCollection()),
    read(at(m.files.basemap.mainland)),
    read(at(m.files.basemap.land)),
    read(at(m.files.basemap.rivers)),
    read(at(m.files.basemap.parallel)),
    ...LANGS.map((l) => read(at(m.files.narrative[l]))),
  ]);
  const mainlandFeature = firstPolygon(mainland);
  const ctx: PackContext = {
    sources: (sources ?? {}) as Record<string, unknown>,
    phaseIds: new Set(m.phases.map((p) => p.id)),
    start: dayOf(m.start),
    end: dayOf(m.end),
    mainland: mainlandFeature,
  };
  const all = [
    ...validateSources(at(m.files.sources), sources),
    ...validateFronts(at(m.files.fronts), fronts, ctx),
    ...validatePlaces(at(m.files.places), places, ctx),
    ...(m.files.lines ? validateLines(at(m.files.lines), lines, ctx) : []),
    ...LANGS.flatMap((l, i) => validateNarrative(at(m.files.narrative[l]), texts[i], l, ctx)),
  ];
  if (!mainlandFeature) all.push({ file: at(m.files.basemap.mainland), message: 'must hold a Polygon feature (the mainland)' });
  if (all.length) throw new PackError(all);
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
    narratives: Object.fromEntries(LANGS.map((l, i) => [l, texts[i] as Narrative])) as Record<Lang, Narrative>,
    sources: sources as SourceIndex,
    basemap: {
      mainland: mainlandFeature as Feature<Polygon>,
      land: land as FeatureCollection,
      rivers: rivers as FeatureCollection,
      parallel: parallel as FeatureCollection,
    },
  };
}

/** The first Polygon feature of a GeoJSON object, or undefined. */
function firstPolygon(data: unknown): Feature<Polygon> | undefined {
  const d = data as { type?: string; features?: Feature[]; geometry?: { type?: string } } | null;
  const features = d?.type === 'FeatureCollection' ? d.features ?? [] : d?.type === 'Feature' ? [d as Feature] : [];
  return features.find((f) => f?.geometry?.type === 'Polygon') as Feature<Polygon> | undefined;
}
