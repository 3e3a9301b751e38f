/**
 * What a data file under geo/ looks like when published at data/ (built and dev-served alike):
 * without the indentation kept for people editing the files, and without the editors' notes on
 * GeoJSON features (`properties.note`: how a line or position was digitised and what is
 * uncertain about it). The app never shows those notes; they stay in geo/ beside the data they
 * explain, and every reader still gets the certainty grades and source keys.
 */

/** The published text of the data file `text` (JSON or GeoJSON). Throws on malformed JSON. */
export function publishedJson(text: string): string {
  const data: unknown = JSON.parse(text);
  return JSON.stringify(isFeatureCollection(data) ? { ...data, features: data.features.map(withoutNote) } : data);
}

interface Collection {
  type: 'FeatureCollection';
  features: unknown[];
}

function isFeatureCollection(data: unknown): data is Collection {
  return typeof data === 'object' && data !== null && (data as Collection).type === 'FeatureCollection' && Array.isArray((data as Collection).features);
}

function withoutNote(feature: unknown): unknown {
  const f = feature as { properties?: unknown } | null;
  if (typeof f !== 'object' || f === null || typeof f.properties !== 'object' || f.properties === null || !('note' in f.properties)) return feature;
  const { note: _note, ...properties } = f.properties as Record<string, unknown>;
  return { ...f, properties };
}

/**
 * `html` with `mark` replaced by the JSON text `json` as an inline block for the file at `path`
 * (read by src/lib/inline-json.ts). `<` is escaped (as \u003c, the same JSON) so no text in the
 * data can close the element, and the replacement is literal: `$` patterns in the data are
 * not expanded.
 */
export function withInlineJson(html: string, mark: string, path: string, json: string): string {
  const block = `<script type="application/json" data-path="${path.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">${json.replace(/</g, '\\u003c')}</script>`;
  return html.replace(mark, () => block);
}
