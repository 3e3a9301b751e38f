/**
 * A JsonReader over fetch: checks the status, parses, and names the file in every error.
 */
import type { JsonReader } from './campaign.ts';

/** Reads JSON files relative to `base` with fetch. */
export function fetchJsonReader(base: string, fetchImpl: typeof fetch = fetch): JsonReader {
  return async (path) => {
    const url = new URL(path, base).href;
    let res: Response;
    try {
      res = await fetchImpl(url);
    } catch (e) {
      throw new Error(`${path}: could not be fetched (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    const text = await res.text();
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new Error(`${path}: is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  };
}
