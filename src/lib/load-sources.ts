/**
 * Loads a pack's source index on its own, for a page that loaded the pack without it (the
 * embed fetches it only once its narrative is read, to name its citations).
 */
import { joinPath, PackError, type JsonReader } from './campaign.ts';
import type { Manifest, SourceIndex } from './types.ts';
import { validateSources } from './validate.ts';

/** Loads and checks the source index of the pack whose manifest is at `manifestPath`. */
export async function loadSources(manifestPath: string, manifest: Manifest, read: JsonReader): Promise<SourceIndex> {
  const file = joinPath(manifestPath, manifest.files.sources);
  const data = await read(file);
  const problems = validateSources(file, data);
  if (problems.length) throw new PackError(problems);
  return data as SourceIndex;
}
