/**
 * Pack validation: the synthetic pack loads and plays; every invalid fixture is refused with
 * a message that names the file, the feature and the problem.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { checkLater, loadNarrative, loadPack, loadSurroundings, loadUnitNotes, narrativeHeads, narrativeHeadsPath, narrativeIn, PackError, type JsonReader } from '../../src/lib/campaign.ts';
import type { Narrative } from '../../src/lib/types.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { viewAt } from '../../src/lib/view.ts';
import { holderAt } from '../../src/lib/holder.ts';
import { dayOf, periodStart } from '../../src/lib/dates.ts';
import { isValidSidc } from '../../src/build/unit-symbols.ts';
import { unitsAt } from '../../src/lib/forces.ts';
import { topology } from 'topojson-server';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import { DRAWN_AREA } from '../../src/lib/svg-map.ts';

const SYNTHETIC = 'tests/fixtures/packs/synthetic/manifest.json';

describe('loading only what a page shows', () => {
  /** A reader that records the files it was asked for. */
  const recording = () => {
    const asked: string[] = [];
    const read: JsonReader = (path) => {
      asked.push(path.split('/').pop() ?? path);
      return fsJsonReader(path);
    };
    return { asked, read };
  };

  it('loads one language and no source index when asked, and the other language later', async () => {
    const { asked, read } = recording();
    const pack = await loadPack('geo/korea-1951-01/manifest.json', read, { langs: ['en'], sources: false, lines: false });
    expect(asked).not.toContain('sources.json');
    expect(asked).not.toContain('lines.geojson');
    expect(pack.lines.features).toEqual([]);
    expect(asked).not.toContain('narrative.ko.json');
    expect(Object.keys(pack.narratives)).toEqual(['en']);
    expect(pack.sources).toBeUndefined();
    const ko = await loadNarrative('geo/korea-1951-01/manifest.json', pack.manifest, 'ko', read);
    expect(ko.lang).toBe('ko');
    expect(asked).toContain('narrative.ko.json');
  });

  it('loads the narrative heads alone when asked (names and summaries), as the build publishes them', async () => {
    const asked: string[] = [];
    // Node reads geo/, which has no heads files: made here as the build makes them.
    const read: JsonReader = async (path) => {
      asked.push(path.split('/').pop() ?? path);
      return path.endsWith('.heads.json') ? narrativeHeads((await fsJsonReader(path.replace(/\.heads\.json$/, '.json'))) as Narrative) : fsJsonReader(path);
    };
    const manifest = 'geo/korea-1951-01/manifest.json';
    const pack = await loadPack(manifest, read, { langs: ['ko'], narrative: 'heads' });
    expect(asked).toContain('narrative.ko.heads.json');
    expect(asked.filter((f) => f.startsWith('narrative.'))).toEqual(['narrative.ko.heads.json']);
    const whole = await loadNarrative(manifest, pack.manifest, 'ko', fsJsonReader);
    const heads = narrativeIn(pack, 'ko');
    expect(Object.keys(heads.phases)).toEqual(Object.keys(whole.phases));
    for (const [id, p] of Object.entries(heads.phases)) expect(p).toEqual({ name: whole.phases[id].name, summary: whole.phases[id].summary, paragraphs: [] });
    expect(narrativeHeadsPath('data/x/narrative.en.json')).toBe('data/x/narrative.en.heads.json');
    // A heads file that lacks a phase's summary is refused like a narrative would be.
    const broken: JsonReader = async (path) => {
      const data = await read(path);
      if (path.endsWith('.heads.json')) delete (data as { phases: Record<string, { summary?: string }> }).phases.offensive.summary;
      return data;
    };
    await expect(loadPack(manifest, broken, { langs: ['ko'], narrative: 'heads' })).rejects.toThrow(/narrative\.ko\.heads\.json: offensive: needs `name` and `summary`/);
  });

  it('loads unit-card notes only when asked: with the pack by default, otherwise one language on demand', async () => {
    const all = await loadPack(SYNTHETIC, fsJsonReader);
    expect(all.unitNotes).toEqual({ en: { 'blue-div': 'A test unit.', 'red-corps': 'A test unit.' }, ko: { 'blue-div': '시험용 부대.', 'red-corps': '시험용 부대.' } });
    const { asked, read } = recording();
    const pack = await loadPack('geo/korea-1951-01/manifest.json', read, { langs: ['ko'], unitNotes: false });
    expect(pack.unitNotes).toEqual({});
    expect(asked.filter((f) => f.startsWith('unit-notes'))).toEqual([]);
    expect(Object.values(pack.units).some((u) => 'note_en' in u || 'note_ko' in u)).toBe(false);
    const ko = await loadUnitNotes('geo/korea-1951-01/manifest.json', pack, 'ko', read);
    expect(asked.filter((f) => f.startsWith('unit-notes'))).toEqual(['unit-notes.ko.json']);
    expect(Object.keys(ko).sort()).toEqual(Object.keys(pack.units).sort());
    expect(ko['pva-39-army']).toMatch(/임진강/);
  });

  it('refuses unit notes that miss a unit or name one that does not exist, naming the file', async () => {
    const pack = await loadPack(SYNTHETIC, fsJsonReader, { unitNotes: false });
    const broken: JsonReader = async (path) => (path.endsWith('unit-notes.en.json') ? { lang: 'en', notes: { 'blue-div': ' ', ghost: 'x' } } : fsJsonReader(path));
    const error = await loadUnitNotes(SYNTHETIC, pack, 'en', broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect(String(error)).toMatch(/unit-notes\.en\.json: blue-div: has no note for this unit/);
    expect(String(error)).toMatch(/unit-notes\.en\.json: red-corps: has no note for this unit/);
    expect(String(error)).toMatch(/unit-notes\.en\.json: ghost: is not in units\.json/);
    const wrongLang = await loadUnitNotes(SYNTHETIC, pack, 'ko', async (path) => (path.endsWith('unit-notes.ko.json') ? { lang: 'en', notes: {} } : fsJsonReader(path))).catch((e: unknown) => e);
    expect(String(wrongLang)).toMatch(/unit-notes\.ko\.json: must be an object with lang "ko" and notes/);
  });

  it('refuses a manifest whose unit notes lack a language or have no units', async () => {
    const withFiles = (files: Record<string, unknown>): JsonReader => async (path) => {
      const data = await fsJsonReader(path);
      if (!path.endsWith('/manifest.json')) return data;
      const m = data as { files: Record<string, unknown> };
      return { ...m, files: { ...m.files, ...files } };
    };
    await expect(loadPack(SYNTHETIC, withFiles({ unitNotes: { en: 'unit-notes.en.json' } }))).rejects.toThrow(/manifest\.json: `files\.unitNotes` needs a path per language \(en, ko\)/);
    await expect(loadPack(SYNTHETIC, withFiles({ units: undefined }))).rejects.toThrow(/`files\.unitNotes` needs `files\.units`/);
  });

  it('still refuses a malformed narrative loaded on demand, naming the file', async () => {
    const pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader, { langs: ['en'] });
    const broken: JsonReader = async (path) => (path.endsWith('narrative.ko.json') ? { lang: 'ko', phases: 'none' } : fsJsonReader(path));
    const error = await loadNarrative('geo/korea-1951-01/manifest.json', pack.manifest, 'ko', broken, pack.sources).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect(String(error)).toMatch(/narrative\.ko\.json/);
  });

  it('without the source index still requires every citation list to be non-empty', async () => {
    const read: JsonReader = async (path) => {
      const data = await fsJsonReader(path);
      if (!path.endsWith('fronts.geojson')) return data;
      const fc = structuredClone(data) as { features: { properties: { sources: string[] } }[] };
      fc.features[0].properties.sources = [];
      return fc;
    };
    await expect(loadPack('geo/korea-1951-01/manifest.json', read, { langs: ['en'], sources: false })).rejects.toThrow(/has no `sources`/);
  });
});

describe('TopoJSON basemap', () => {
  /** The synthetic pack with its four GeoJSON basemap files swapped for one topology (or `data`). */
  const asTopology = (data?: unknown): JsonReader => async (path) => {
    if (path.endsWith('/manifest.json')) {
      const m = (await fsJsonReader(path)) as { files: Record<string, unknown> };
      return { ...m, files: { ...m.files, basemap: 'basemap.topo.json' } };
    }
    if (!path.endsWith('/basemap.topo.json')) return fsJsonReader(path);
    if (data !== undefined) return data;
    const dir = path.replace(/basemap\.topo\.json$/, '');
    const layer = (f: string) => fsJsonReader(dir + f) as Promise<never>;
    return topology({ mainland: await layer('mainland.geojson'), land: await layer('empty.geojson'), rivers: await layer('empty.geojson'), parallel: await layer('empty.geojson') }, 1e6);
  };

  it('decodes to the same basemap as the GeoJSON files', async () => {
    const fromGeoJson = await loadPack(SYNTHETIC, fsJsonReader);
    const fromTopology = await loadPack(SYNTHETIC, asTopology());
    const points = (coords: number[][][]) => new Set(coords.flat().map((p) => p.join(',')));
    expect(points(fromTopology.basemap.mainland.geometry.coordinates)).toEqual(points(fromGeoJson.basemap.mainland.geometry.coordinates));
    expect(fromTopology.basemap.land.features).toEqual([]);
    // The pack built on it behaves the same.
    expect(holderAt(fromTopology, dayOf('1900-01-06'), [127.5, 37.5]).side).toBe('PVA/KPA');
  });

  it('refuses a topology without the four layers, or one that cannot be decoded, naming the file', async () => {
    const missing = await loadPack(SYNTHETIC, asTopology({ type: 'Topology', arcs: [], objects: { mainland: { type: 'GeometryCollection', geometries: [] } } })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PackError);
    expect(String(missing)).toMatch(/basemap\.topo\.json: land: is missing or not a GeometryCollection/);
    const polygon = { type: 'Polygon', arcs: [[7]] };
    const broken = { type: 'Topology', arcs: [], objects: Object.fromEntries(['mainland', 'land', 'rivers', 'parallel'].map((k) => [k, { type: 'GeometryCollection', geometries: [polygon] }])) };
    const error = await loadPack(SYNTHETIC, asTopology(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect(String(error)).toMatch(/basemap\.topo\.json: could not be decoded/);
    const notTopology = await loadPack(SYNTHETIC, asTopology([1, 2, 3])).catch((e: unknown) => e);
    expect(String(notTopology)).toMatch(/basemap\.topo\.json: must be a TopoJSON Topology/);
  });
});

describe('surroundings (neighbouring countries)', () => {
  const KOREA = 'geo/korea-1951-01/manifest.json';
  const kinds = (fc: { features: { properties: unknown }[] }) => [...new Set(fc.features.map((f) => (f.properties as { kind: string }).kind))].sort();

  it('come with the basemap by default, or later on their own, and are drawn as land', async () => {
    const all = await loadPack(KOREA, fsJsonReader, { langs: ['en'] });
    expect(kinds(all.basemap.land)).toEqual(['korea-island', 'neighbour']);
    const asked: string[] = [];
    const read: JsonReader = (path) => (asked.push(path.split('/').pop()!), fsJsonReader(path));
    const first = await loadPack(KOREA, read, { langs: ['en'], surroundings: false });
    expect(asked).not.toContain('surroundings.topo.json');
    expect(kinds(first.basemap.land)).toEqual(['korea-island']);
    const later = await loadSurroundings(KOREA, first.manifest, read);
    expect(kinds(later)).toEqual(['neighbour']);
    expect(first.basemap.land.features.length + later.features.length).toBe(all.basemap.land.features.length);
    // Coordinates come back at the published precision, as the basemap's do.
    const decimals = later.features.flatMap((f) => (f.geometry as { coordinates: number[][][] }).coordinates.flat(2)).map((x) => String(x).split('.')[1]?.length ?? 0);
    expect(Math.max(...decimals)).toBeLessThanOrEqual(4);
    // None of it lies in the first view: that is why it may come after the first frame.
    const [[w, s], [e, n]] = first.manifest.camera.bounds;
    const inView = later.features.flatMap((f) => (f.geometry as { coordinates: number[][][] }).coordinates.flat(1)).filter(([x, y]) => x > w && x < e && y > s && y < n);
    expect(inView).toEqual([]);
  });

  it('lie outside the area the SVG map may widen its frame to (svg-map.ts DRAWN_AREA): it draws without them, and no coast of theirs goes missing there', async () => {
    const first = await loadPack(KOREA, fsJsonReader, { langs: ['en'], surroundings: false });
    const later = await loadSurroundings(KOREA, first.manifest, fsJsonReader);
    const [[w, s], [e, n]] = DRAWN_AREA;
    const area = bboxPolygon([w, s, e, n]);
    expect(later.features.length).toBeGreaterThan(0);
    expect(later.features.filter((f) => booleanIntersects(f, area)).map((f) => f.properties)).toEqual([]);
  });

  it('a pack without them loads none; a malformed file is refused, naming it', async () => {
    const pack = await loadPack(SYNTHETIC, fsJsonReader);
    expect(await loadSurroundings(SYNTHETIC, pack.manifest, fsJsonReader)).toEqual({ type: 'FeatureCollection', features: [] });
    const korea = await loadPack(KOREA, fsJsonReader, { langs: ['en'], surroundings: false });
    const broken: JsonReader = async (path) => (path.endsWith('surroundings.topo.json') ? { type: 'Topology', arcs: [], objects: {} } : fsJsonReader(path));
    const error = await loadSurroundings(KOREA, korea.manifest, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect(String(error)).toMatch(/surroundings\.topo\.json: land: is missing or not a GeometryCollection/);
    await expect(loadPack(KOREA, broken, { langs: ['en'] })).rejects.toThrow(/surroundings\.topo\.json: land/);
  });
});

describe('synthetic pack', () => {
  it('loads, and its view and query follow the date', async () => {
    const pack = await loadPack(SYNTHETIC, fsJsonReader);
    expect(pack.prepared).toHaveLength(3);
    const alpha: [number, number] = [127.5, 37.5];
    expect(holderAt(pack, dayOf('1900-01-01'), alpha).side).toBe('UN');
    expect(holderAt(pack, dayOf('1900-01-06'), alpha).side).toBe('PVA/KPA');
    const mid = viewAt(pack, dayOf('1900-01-03') + 0.5);
    expect(mid.front.interpolated).toBe(true);
    expect(mid.phase.id).toBe('north');
    expect(viewAt(pack, dayOf('1900-01-08')).front.interpolated).toBe(false);
  });

  it('shows units only where their position is known, moving in between', async () => {
    const pack = await loadPack(SYNTHETIC, fsJsonReader, { isValidSidc });
    const at = (iso: string) => unitsAt(pack.tracks, dayOf(iso)).features.map((f) => [f.properties.unit, f.properties.moving]);
    const atNoon = (iso: string) => unitsAt(pack.tracks, periodStart(iso) + 0.5).features.map((f) => [f.properties.unit, f.properties.moving]);
    expect(at('1900-01-01')).toEqual([['blue-div', false]]);
    // Known on 1–2 Jan: still in place at midday on the 2nd, moving from the 3rd.
    expect(atNoon('1900-01-02')).toEqual([['blue-div', false]]);
    expect(atNoon('1900-01-03')).toEqual([['blue-div', true], ['red-corps', false]]);
    expect(atNoon('1900-01-04')).toEqual([['blue-div', true]]);
    expect(at('1900-01-08')).toEqual([['blue-div', false]]);
    expect(atNoon('1900-01-09')).toEqual([]);
    expect(viewAt(pack, dayOf('1900-01-03')).arrows.features.length).toBe(2);
    expect(viewAt(pack, dayOf('1900-01-06')).arrows.features.length).toBe(0);
  });
});

const cases: [string, RegExp][] = [
  ['unknown-source', /fronts\.geojson: f2: cites unknown source key "NOPE"/],
  ['self-intersection', /fronts\.geojson: f2: intersects itself/],
  ['outside-region', /fronts\.geojson: f1: vertex 1 \[150, 10\] lies outside the region/],
  ['starts-on-land', /fronts\.geojson: f3: must start at sea/],
  ['dates-out-of-order', /fronts\.geojson: f2: fronts must be in date order/],
  ['bad-time', /fronts\.geojson: f2: `date` is not an ISO date \(YYYY-MM-DD\) or local time \(YYYY-MM-DDTHH:MM, 00:00–24:00\)/],
  ['zone-forward-south', /zones\.geojson: fw1: vertex 1 \[127, 36\.5\] lies south of the UN front[^]*zones\.geojson: fw2: `date` "1900-01-07" is not the date of a front keyframe[^]*zones\.geojson: z3: `kind` must be "forward"[^]*zones\.geojson: inf1: `from` and `to` must be ISO dates or local times/],
  ['bad-certainty', /fronts\.geojson: f1: `certainty` must be 1, 2 or 3/],
  ['bad-json', /fronts\.geojson: is not valid JSON/],
  ['missing-phase-text', /narrative\.ko\.json: south: has no text for this phase/],
  ['bad-phase-date', /manifest\.json: south: phase `start` is not an ISO date/],
  ['event-bad', /manifest\.json: e1: `date` is not an ISO date[^]*manifest\.json: e2: `date` lies outside the pack range[^]*manifest\.json: e3: `label` needs en, ko[^]*manifest\.json: e3: cites unknown source key "NOPE"/],
  ['unit-wrong-affiliation', /units\.json: blue-div: `sidc` affiliation must be F \(friendly\) for UN/],
  ['unit-invalid-sidc', /units\.json: red-corps: `sidc` "SHGPXXXXXXXJ---" is not a valid symbol code/],
  ['position-unknown-unit', /unit-positions\.geojson: p3: `unit` "ghost" is not in units\.json/],
  ['arrow-bad-kind', /arrows\.geojson: a1: `kind` must be one of/],
  ['unit-note-missing', /unit-notes\.ko\.json: red-corps: has no note for this unit[^]*unit-notes\.ko\.json: ghost: is not in units\.json/],
];

describe('invalid fixtures', () => {
  it.each(cases)('%s is refused with a precise message', async (reason, message) => {
    const path = `tests/fixtures/invalid/${reason}/manifest.json`;
    const error = await loadPack(path, fsJsonReader, { isValidSidc }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    if (reason !== 'bad-json') expect(error).toBeInstanceOf(PackError);
  });

  // The embed checks its data after its first view (LoadOptions.checks 'later'): the same
  // data ends in the same message, from loadPack when it breaks the building of the pack,
  // from checkLater otherwise.
  it.each(cases)('%s is refused with the same message when checked later', async (reason, message) => {
    const path = `tests/fixtures/invalid/${reason}/manifest.json`;
    const now = await loadPack(path, fsJsonReader, { isValidSidc }).then(() => undefined, (e: unknown) => e);
    const later = await loadPack(path, fsJsonReader, { isValidSidc, checks: 'later' }).then((pack) => checkLater(pack)).then(() => undefined, (e: unknown) => e);
    expect((later as Error).message).toMatch(message);
    expect((later as Error).message).toBe((now as Error).message);
  });

  // The embed runs these after its first view (LoadOptions.geometry 'later'): the pack loads,
  // and its checkLater then refuses the data with the same message.
  it.each([
    ['a front that crosses itself', 'f2', [[125.5, 37.6], [128, 36.6], [127, 37.5], [127.2, 36.2], [129.5, 37]]],
    ['a front that starts on land', 'f3', [[127, 37.2], [128, 36.6], [129.5, 37]]],
  ])('%s: with the geometric checks later, the pack loads and checkLater refuses it', async (_, id, coordinates) => {
    const read: JsonReader = async (path) => {
      const data = await fsJsonReader(path);
      if (!path.endsWith('fronts.geojson')) return data;
      const fronts = data as { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] };
      for (const f of fronts.features) {
        if (f.properties.id !== id) continue;
        f.geometry.coordinates = coordinates;
        delete f.properties.segmentCertainty;
      }
      return fronts;
    };
    const now = await loadPack(SYNTHETIC, read).then(() => undefined, (e: unknown) => e);
    expect(now).toBeInstanceOf(PackError);
    const pack = await loadPack(SYNTHETIC, read, { checks: 'later' });
    const later = await checkLater(pack).then(() => undefined, (e: unknown) => e);
    expect(later).toBeInstanceOf(PackError);
    expect((later as Error).message).toBe((now as Error).message);
    expect((later as Error).message).toMatch(/f[23]: (intersects itself|must start at sea)/);
  });

  it('a valid pack loaded with the geometric checks later passes them', async () => {
    const pack = await loadPack(SYNTHETIC, fsJsonReader, { checks: 'later' });
    await expect(checkLater(pack)).resolves.toBeUndefined();
    // A pack loaded with them is plain data (compare posts it to a worker): nothing to run later.
    expect(() => structuredClone(pack)).not.toThrow();
    await expect(checkLater(await loadPack(SYNTHETIC, fsJsonReader))).resolves.toBeUndefined();
  });

  it('geo:check exits 1 and prints the problem', () => {
    let out = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'src/cli/geo-check.ts', 'tests/fixtures/invalid/unknown-source/manifest.json', SYNTHETIC], { encoding: 'utf8' });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status;
      out = err.stdout;
    }
    expect(status).toBe(1);
    expect(out).toMatch(/^error .*unknown-source\/fronts\.geojson: f2: cites unknown source key "NOPE"$/m);
    expect(out).toMatch(/^ok tests\/fixtures\/packs\/synthetic\/manifest\.json/m);
    // Spawns a process through npx: generous on a loaded machine (not a speed assertion).
  }, 120_000);
});

describe('basemap extent', () => {
  it('the neighbours\' land reaches every side of the area the map may show, so no straight land edge is ever on screen', async () => {
    const { MAX_BOUNDS } = await import('../../src/map/style.ts');
    const pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader, { langs: ['en'] });
    const xs: number[] = [];
    const ys: number[] = [];
    for (const f of pack.basemap.land.features) for (const [x, y] of (f.geometry as { coordinates: number[][][] }).coordinates.flat()) (xs.push(x), ys.push(y));
    const [[w, s], [e, n]] = MAX_BOUNDS;
    expect(Math.min(...xs)).toBeLessThan(w);
    expect(Math.max(...xs)).toBeGreaterThan(e);
    expect(Math.min(...ys)).toBeLessThan(s);
    expect(Math.max(...ys)).toBeGreaterThan(n);
  });
});
