import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPack, type JsonReader, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { drawnIn, firstViewOf, firstViewProblems, openingDay } from '../../src/lib/first-view.ts';
import { firstViewFile, firstViewFiles, firstViewReader } from '../../src/lib/first-view-read.ts';
import { firstViewJson } from '../../src/build/first-view-file.ts';
import { renderSymbols } from '../../src/build/unit-symbols.ts';
import { viewAt } from '../../src/lib/view.ts';
import { isoOf } from '../../src/lib/dates.ts';
import { LANGS, type Lang, type Manifest } from '../../src/lib/types.ts';

const MANIFEST = join('geo', 'korea-1951-01', 'manifest.json');
const fileJson = await firstViewJson(MANIFEST, 'en');
const full = await loadPack(MANIFEST, fsJsonReader);

/** A reader over geo/ with the manifest's start set to `start`, and the first-view file `json`. */
function readerWith(start: string, json?: string): JsonReader {
  return async (path) => {
    if (path === MANIFEST) return { ...((await fsJsonReader(path)) as Manifest), start };
    if (/first-view\.\w+\.json$/.test(path)) return json === undefined ? fsJsonReader(path) : (JSON.parse(json) as unknown);
    return fsJsonReader(path);
  };
}

/** The full pack and the pack drawn from its first-view file, for a pack opening at `start`. */
async function packsAt(start: string, lang: Lang): Promise<{ full: Pack; first: Pack; used: boolean }> {
  const read = readerWith(start);
  const full = await loadPack(MANIFEST, read, { checks: 'later' });
  const m = full.manifest;
  const files = {
    fronts: full.fronts, places: full.places, units: full.units,
    positions: await read(join('geo', 'korea-1951-01', m.files.unitPositions!)),
    arrows: await read(join('geo', 'korea-1951-01', m.files.arrows!)),
    zones: await read(join('geo', 'korea-1951-01', m.files.zones!)),
    symbols: Object.fromEntries(Object.keys(full.units).map((id) => [id, { svg: id }])),
  } as Parameters<typeof firstViewOf>[1];
  const json = JSON.stringify(firstViewOf(m, JSON.parse(JSON.stringify(files)) as typeof files, lang));
  const fv = firstViewReader(MANIFEST, m, lang, readerWith(start, json));
  const first = await loadPack(MANIFEST, fv.read, { sources: false, checks: 'later' });
  return { full, first, used: await fv.used };
}


describe('the first-view file', () => {
  it.each(LANGS)('in %s draws the same opening view as the full data (fronts, territory, units, arrows, zones, labels)', async (lang) => {
    const json = await firstViewJson(MANIFEST, lang);
    const fv = firstViewReader(MANIFEST, full.manifest, lang, readerWith(full.manifest.start, json));
    expect(await fv.used).toBe(true);
    const first = await loadPack(MANIFEST, fv.read, { sources: false, checks: 'later' });
    const day = openingDay(full.manifest);
    expect(drawnIn(viewAt(first, day), lang)).toEqual(drawnIn(viewAt(full, day), lang));
    expect(firstViewProblems(full, first, lang)).toEqual([]);
    // Every place is labelled, with the name in the language shown and the kind and rank the map draws.
    const name = lang === 'en' ? 'name_en' : 'name_ko';
    expect(first.places.features.map((f) => f.properties)).toEqual(
      full.places.features.map(({ properties: p }) => ({ id: p.id, [name]: p[name], rank: p.rank, kind: p.kind, sources: [] })),
    );
    // A label in the other language is not drawn from it.
    expect(json).not.toMatch(lang === 'en' ? /_ko"/ : /_en"/);
  });

  it('holds only the keyframes around the opening moment and what the map draws: no sources, no notes', () => {
    const fv = JSON.parse(fileJson) as { date: string; files: Record<string, { features?: unknown[] }> };
    expect(fv.date).toBe(full.manifest.start);
    expect(fileJson).not.toMatch(/"sources"|"note"|"coordSrc"|"sidc"|"commander_en"/);
    expect(fv.files['fronts.geojson'].features!.length).toBeLessThanOrEqual(2);
    expect(fv.files['unit-positions.geojson'].features!.length).toBeLessThan(full.tracks.flatMap((t) => t.stops).length);
    // The symbols of the units shown, and the widest (it sets how far a city's name moves clear of them).
    const symbols = fv.files['unit-symbols.json'] as unknown as Record<string, { width: number; anchor: { x: number } }>;
    const right = (o: Record<string, { width: number; anchor: { x: number } }>) => Math.max(...Object.values(o).map((s) => s.width - s.anchor.x));
    expect(Object.keys(fv.files['units.json']).every((id) => id in symbols)).toBe(true);
    expect(Object.keys(symbols).length).toBeLessThanOrEqual(Object.keys(fv.files['units.json']).length + 1);
    expect(right(symbols)).toBe(right(renderSymbols(full.units) as never));
  });

  // Any opening date, between keyframes too (fronts and forward lines interpolated, units moving, arrows fading).
  it('draws the same view as the full data for a pack opening on any date of its range', async () => {
    for (let d = full.startDay; d <= full.endDay; d++) {
      const lang = LANGS[d % LANGS.length];
      const { full: a, first: b, used } = await packsAt(isoOf(d), lang);
      expect(used).toBe(true);
      expect(drawnIn(viewAt(b, d), lang), isoOf(d)).toEqual(drawnIn(viewAt(a, d), lang));
    }
  }, 60_000);

  it('is not used when it is for another date, lacks a file or is malformed: the full files are read', async () => {
    const m = full.manifest;
    const good = JSON.parse(fileJson) as { date: string; files: Record<string, unknown> };
    expect(firstViewFiles(MANIFEST, m, good)).toBeDefined();
    expect(firstViewFiles(MANIFEST, m, { ...good, date: '1951-01-04' })).toBeUndefined();
    const { ['units.json']: _units, ...lacking } = good.files;
    expect(firstViewFiles(MANIFEST, m, { ...good, files: lacking })).toBeUndefined();
    expect(firstViewFiles(MANIFEST, m, { ...good, files: { ...good.files, 'fronts.geojson': { features: 3 } } })).toBeUndefined();
    for (const bad of [null, 'x', [], { date: m.start }]) expect(firstViewFiles(MANIFEST, m, bad)).toBeUndefined();
    // A file that cannot be read or parsed: the reader reads the full files.
    const failing: JsonReader = (path) => (path.endsWith(firstViewFile('en')) ? Promise.reject(new Error('not valid JSON')) : fsJsonReader(path));
    const fv = firstViewReader(MANIFEST, m, 'en', failing);
    expect(await fv.used).toBe(false);
    expect(await fv.read(join('geo', 'korea-1951-01', m.files.fronts))).toEqual(await fsJsonReader(join('geo', 'korea-1951-01', m.files.fronts)));
  });
});
