/**
 * The checks of a pack's files once they are read (the manifest's again: it runs first, unless every check comes later):
 * a module of their own, so a page that runs them after its first view (LoadOptions.checks
 * 'later', the embed) does not load their code before it.
 */
import type { Manifest, Lang } from './types.ts';
import type { GeometryChecks, PackContext, Problem } from './validate.ts';
import {
  validateArrows, validateEvents, validateFronts, validateGlossary, validateLines, validateNarrative, validatePlaces, validateSources, validateUnitNotes,
  validateUnitPositions, validateUnits,
} from './validate.ts';
import { validateZones } from './validate-zones.ts';
import { validateManifest } from './validate-manifest.ts';
import { noMainland } from './validate-base.ts';

/** A pack's files as read (parsed JSON, not yet checked), with what the checks need to name them. */
export interface PackFiles {
  manifestPath: string;
  manifest: Manifest;
  /** Resolves a path of the manifest against its folder. */
  at: (rel: string) => string;
  /** What the feature checks share (without the geometric predicates, passed to packProblems). */
  ctx: PackContext;
  /** Problems found while decoding the basemap and the surroundings. */
  decoding: Problem[];
  /** The basemap file, and whether it decoded but held no mainland polygon. */
  mainlandFile: string;
  noMainland: boolean;
  sources?: unknown;
  fronts: unknown;
  places: unknown;
  /** The named lines, unless they were not loaded. */
  lines?: unknown;
  units: unknown;
  positions: unknown;
  arrows: unknown;
  zones: unknown;
  /** The narratives read (heads files when `heads`), by language. */
  narratives: { lang: Lang; file: string; data: unknown }[];
  heads: boolean;
  notes: { lang: Lang; file: string; data: unknown }[];
  glossaries: { lang: Lang; file: string; data: unknown }[];
}

/** Every problem of the files; the geometric checks run when their predicates are given. */
export function packProblems(f: PackFiles, geometry: GeometryChecks | undefined): Problem[] {
  const { manifest: m, at } = f;
  const c = { ...f.ctx, geometry };
  const files = m.files;
  const all = [
    // Checked before the other files were read, unless every check comes later.
    ...validateManifest(f.manifestPath, f.manifest),
    ...f.decoding,
    ...(f.sources !== undefined ? validateSources(at(files.sources), f.sources) : []),
    ...validateEvents(f.manifestPath, m.events, c),
    ...validateFronts(at(files.fronts), f.fronts, c),
    ...validatePlaces(at(files.places), f.places, c),
    ...(files.lines && f.lines !== undefined ? validateLines(at(files.lines), f.lines, c) : []),
    ...(files.units ? validateUnits(at(files.units), f.units, c) : []),
    ...(files.unitPositions ? validateUnitPositions(at(files.unitPositions), f.positions, c) : []),
    ...(files.arrows ? validateArrows(at(files.arrows), f.arrows, c) : []),
    ...(files.zones ? validateZones(at(files.zones), f.zones, f.fronts, m.northClosure, c) : []),
    ...f.narratives.flatMap((n) => validateNarrative(n.file, n.data, n.lang, c, f.heads)),
    ...f.notes.flatMap((n) => validateUnitNotes(n.file, n.data, n.lang, f.ctx.unitIds!)),
    ...f.glossaries.flatMap((g) => validateGlossary(g.file, g.data, g.lang)),
  ];
  if (f.noMainland) all.push(noMainland(f.mainlandFile));
  return all;
}
