import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { publishedJson, withInlineJson } from '../../src/build/publish.ts';

describe('publishedJson', () => {
  it('drops the editors\' notes of GeoJSON features and keeps everything else', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'a', certainty: 2, sources: ['X'], note: 'digitised from…' }, geometry: { type: 'Point', coordinates: [127, 37] } },
        { type: 'Feature', properties: { id: 'b' }, geometry: null },
      ],
    }, null, 2);
    expect(JSON.parse(publishedJson(text))).toEqual({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'a', certainty: 2, sources: ['X'] }, geometry: { type: 'Point', coordinates: [127, 37] } },
        { type: 'Feature', properties: { id: 'b' }, geometry: null },
      ],
    });
  });

  it('minifies other JSON without changing it, notes included', () => {
    const sources = { KFG: { author: 'A', title: 'T', year: 2000, licence: 'c', note: 'kept' } };
    expect(publishedJson(JSON.stringify(sources, null, 2))).toBe(JSON.stringify(sources));
  });

  it('leaves odd features alone and rejects malformed JSON', () => {
    const odd = { type: 'FeatureCollection', features: [null, 3, { properties: null }] };
    expect(JSON.parse(publishedJson(JSON.stringify(odd)))).toEqual(odd);
    expect(() => publishedJson('{"type":')).toThrow();
  });

  it('the published fronts keep their geometry, dates, certainty and sources', () => {
    const text = readFileSync('geo/korea-1951-01/fronts.geojson', 'utf8');
    const raw = JSON.parse(text);
    const out = JSON.parse(publishedJson(text));
    expect(raw.features.some((f: { properties: { note?: string } }) => f.properties.note)).toBe(true);
    expect(out.features).toHaveLength(raw.features.length);
    out.features.forEach((f: { properties: Record<string, unknown>; geometry: unknown }, i: number) => {
      const { note: _n, ...props } = raw.features[i].properties;
      expect(f.properties).toEqual(props);
      expect(f.geometry).toEqual(raw.features[i].geometry);
    });
  });

  it('inlines JSON into a page literally: no `$` expansion, nothing that can close the element', () => {
    const data = { title: { en: "Costs $' and $& and $$, </script><script>alert(1)</script> <!-- x" } };
    const html = '<head>\n<!-- mark -->\n</head><body>after</body>';
    const out = withInlineJson(html, '<!-- mark -->', 'data/p/manifest.json', JSON.stringify(data));
    const m = /^<head>\n<script type="application\/json" data-path="data\/p\/manifest\.json">([^<]*)<\/script>\n<\/head><body>after<\/body>$/.exec(out);
    expect(m).not.toBeNull();
    expect(JSON.parse(m![1])).toEqual(data);
    expect(out.match(/<\/script>/g)).toHaveLength(1);
  });
});
