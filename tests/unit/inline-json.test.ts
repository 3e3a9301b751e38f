import { describe, expect, it } from 'vitest';
import { inlineFirst, inlineJsonFiles } from '../../src/lib/inline-json.ts';

const BASE = 'https://school.example/maps/embed.html?date=1951-01-04';

/** A stand-in for a document holding inline JSON blocks. */
const doc = (blocks: Record<string, string>) => ({
  querySelectorAll: () => Object.entries(blocks).map(([path, text]) => ({ dataset: { path }, textContent: text })),
}) as unknown as Document;

describe('inline JSON files', () => {
  it('answers an inlined file without a request, by its URL, and fetches the others', async () => {
    const asked: string[] = [];
    const read = inlineFirst(inlineJsonFiles(doc({ 'data/p/manifest.json': '{"id":"p"}' }), BASE), BASE, async (path) => {
      asked.push(path);
      return { fetched: path };
    });
    expect(await read('data/p/manifest.json')).toEqual({ id: 'p' });
    expect(await read('./data/p/../p/manifest.json')).toEqual({ id: 'p' });
    expect(await read('data/p/fronts.geojson')).toEqual({ fetched: 'data/p/fronts.geojson' });
    expect(asked).toEqual(['data/p/fronts.geojson']);
  });

  it('gives each read its own copy, and names the file when the inline text is not JSON', async () => {
    const read = inlineFirst(inlineJsonFiles(doc({ 'a.json': '{"x":[1]}', 'b.json': '{"x":' }), BASE), BASE, async () => undefined);
    const first = (await read('a.json')) as { x: number[] };
    first.x.push(2);
    expect(await read('a.json')).toEqual({ x: [1] });
    await expect(read('b.json')).rejects.toThrow(/^b\.json: is not valid JSON/);
  });
});
