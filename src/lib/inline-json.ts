/**
 * JSON files a page carries inline, so reading them costs no request: the build writes the
 * pack's manifest into each page as `<script type="application/json" data-path="…">` (see
 * src/build/geo-data-plugin.ts), and the map starts from it before any data is fetched.
 */
import type { JsonReader } from './campaign.ts';

/** The inline JSON files of `doc`, by URL resolved against `base`. */
export function inlineJsonFiles(doc: Pick<Document, 'querySelectorAll'>, base: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const el of doc.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-path]')) {
    files.set(new URL(el.dataset.path ?? '', base).href, el.textContent ?? '');
  }
  return files;
}

/**
 * A JsonReader that answers the files in `inline` (by URL, resolved against `base`) from their
 * text, with the same errors as a fetched file, and passes every other path to `fallback`.
 */
export function inlineFirst(inline: ReadonlyMap<string, string>, base: string, fallback: JsonReader): JsonReader {
  return async (path) => {
    const text = inline.get(new URL(path, base).href);
    if (text === undefined) return fallback(path);
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new Error(`${path}: is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  };
}
