/**
 * The first-view file of a pack under geo/ (see src/lib/first-view.ts): written by the build
 * beside each manifest it publishes, from the published data (notes already dropped), and
 * checked to draw the same opening view as the full data (the build and `npm run geo:check`).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadPack, type Pack } from '../lib/campaign.ts';
import { fsJsonReader } from '../lib/fs-json.ts';
import { firstViewOf, firstViewProblems, type FullFiles } from '../lib/first-view.ts';
import { firstViewFile, firstViewReader } from '../lib/first-view-read.ts';
import { LANGS } from '../lib/types.ts';
import type { Lang, Manifest, Unit } from '../lib/types.ts';
import { publishedJson } from './publish.ts';
import { renderSymbols } from './unit-symbols.ts';

/** The first-view file's JSON in `lang` for the pack at `manifestPath` (a file-system path). */
export async function firstViewJson(manifestPath: string, lang: Lang): Promise<string> {
  const m = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  const at = (rel: string | undefined): Promise<never> => (rel ? readFile(join(dirname(manifestPath), rel), 'utf8').then((t) => JSON.parse(publishedJson(t)) as never) : Promise.resolve(undefined as never));
  const [fronts, places, units, positions, arrows, zones] = await Promise.all([
    at(m.files.fronts), at(m.files.places), at(m.files.units), at(m.files.unitPositions), at(m.files.arrows), at(m.files.zones),
  ]);
  const files: FullFiles = { fronts, places, units, positions, arrows, zones, symbols: units ? renderSymbols(units as Record<string, Unit>) : undefined };
  return JSON.stringify(firstViewOf(m, files, lang));
}

/**
 * What differs between the opening view drawn from the first-view file `json` and from the
 * full data of the pack at `manifestPath` (`full`, loaded): none when they draw the same.
 */
export async function checkFirstView(manifestPath: string, full: Pack, lang: Lang, json: string): Promise<string[]> {
  const m = full.manifest;
  const fv = firstViewReader(manifestPath, m, lang, (path) => (path.endsWith(firstViewFile(lang)) ? Promise.resolve(JSON.parse(json) as unknown) : fsJsonReader(path)));
  if (!(await fv.used)) return [`the first-view file in ${lang} does not hold every file the first view needs`];
  const first = await loadPack(manifestPath, fv.read, { sources: false, checks: 'later' });
  return firstViewProblems(full, first, lang);
}

/** Every first-view file of the pack at `manifestPath` (by file name) and what is wrong with any of them, given the full pack. */
export async function allFirstViews(manifestPath: string, full?: Pack): Promise<{ files: Map<string, string>; problems: string[] }> {
  const files = new Map<string, string>();
  const problems: string[] = [];
  for (const lang of LANGS) {
    const json = await firstViewJson(manifestPath, lang);
    files.set(firstViewFile(lang), json);
    if (full) problems.push(...(await checkFirstView(manifestPath, full, lang, json)));
  }
  return { files, problems };
}
