/**
 * A JsonReader over the file system, for Node tools (geo:check, geo:query, the build).
 */
import { readFile } from 'node:fs/promises';
import type { JsonReader } from './campaign.ts';

/** Reads JSON files; paths are file-system paths. Errors name the file. */
export const fsJsonReader: JsonReader = async (path) => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${path}: is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
};
