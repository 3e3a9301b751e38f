/**
 * Reading a pack from its first-view file (see first-view.ts, which the build writes it with):
 * a JsonReader that answers the pack's data files from that one file, so the first view costs
 * one small request. Anything wrong with the file (missing, malformed, for another date)
 * makes the reader read the full files instead: a page never depends on it.
 */
import { joinPath, type JsonReader } from './campaign.ts';
import type { Lang, Manifest } from './types.ts';

/** The first-view file: the opening date it draws and its files by manifest-relative path. */
export interface FirstViewFile {
  date: string;
  files: Record<string, unknown>;
}

/** Its name, beside each manifest: one per language, with the names and labels in that language only. */
export const firstViewFile = (lang: Lang): string => `first-view.${lang}.json`;

/** The manifest-relative paths a first view answers for (unit-symbols.json: see load-campaign.ts). */
export function firstViewPaths(m: Manifest): string[] {
  const f = m.files;
  return [f.fronts, f.places, f.units, f.unitPositions, f.arrows, f.zones, f.units && 'unit-symbols.json'].filter((p): p is string => !!p);
}

/**
 * Its files by full path when `data` is a first-view file for `m` holding every file it
 * answers for; undefined otherwise. The trimmed-away `sources` come back empty (nothing is
 * cited from a first view), so the pack keeps its shape.
 */
export function firstViewFiles(manifestPath: string, m: Manifest, data: unknown): Map<string, unknown> | undefined {
  const fv = data as FirstViewFile | null;
  if (fv?.date !== m.start || typeof fv.files !== 'object' || !fv.files) return undefined;
  const out = new Map<string, unknown>();
  for (const rel of firstViewPaths(m)) {
    const file = fv.files[rel] as { features?: { properties?: object }[] } | null;
    if (typeof file !== 'object' || !file) return undefined;
    if (rel !== 'unit-symbols.json') {
      const items = file.features ?? Object.values(file);
      if (!Array.isArray(items)) return undefined;
      for (const x of items as Record<string, unknown>[]) {
        const p = (x?.properties ?? x) as { sources?: string[] } | null;
        if (typeof p !== 'object' || !p) return undefined;
        p.sources ??= [];
      }
    }
    out.set(joinPath(manifestPath, rel), file);
  }
  return out;
}

/**
 * A reader that answers the pack's data files from its first-view file in `lang`, read once, and every
 * other path (and all of them when the file is unusable) with `read`. `used` says, once the
 * file has been tried, whether it answers.
 */
export function firstViewReader(manifestPath: string, m: Manifest, lang: Lang, read: JsonReader): { read: JsonReader; used: Promise<boolean> } {
  const files = read(joinPath(manifestPath, firstViewFile(lang))).then(
    (data) => firstViewFiles(manifestPath, m, data),
    () => undefined,
  );
  const paths = new Set(firstViewPaths(m).map((rel) => joinPath(manifestPath, rel)));
  return {
    read: async (path) => {
      if (!paths.has(path)) return read(path);
      const fv = await files;
      return fv ? fv.get(path) : read(path);
    },
    used: files.then((f) => f !== undefined),
  };
}
