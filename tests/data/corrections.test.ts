/**
 * The corrections found in review (issue 13, item 7), held against the data so they cannot
 * come back: coordinates, grades, narrative wording, one Korean form per name, titles and
 * the source index's metadata from the fact sheet's citations (§6).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, Point } from 'geojson';
import { distance, point, pointToLineDistance, lineString } from '@turf/turf';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { holderAt } from '../../src/lib/holder.ts';
import { dayOf } from '../../src/lib/dates.ts';
import type { Narrative, PlaceProps, RefLineProps, Source, Unit } from '../../src/lib/types.ts';
import { ko } from '../../src/locales/ko.ts';

const DIR = 'geo/korea-1951-01';
const read = <T>(file: string): T => JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as T;
const places = read<FeatureCollection<Point, PlaceProps>>('places.geojson').features;
const lines = read<FeatureCollection<LineString, RefLineProps>>('lines.geojson').features;
const narrative = { en: read<Narrative>('narrative.en.json'), ko: read<Narrative>('narrative.ko.json') };
const manifest = read<{ title: Record<'en' | 'ko', string>; phases: { id: string }[] }>('manifest.json');
const sources = JSON.parse(readFileSync('geo/sources.json', 'utf8')) as Record<string, Source>;

const placeAt = (id: string) => places.find((f) => f.properties.id === id)!.geometry.coordinates;
const lineOf = (id: string) => lines.find((f) => f.properties.id === id)!;
/** Every paragraph of a narrative, in phase order. */
const paragraphs = (lang: 'en' | 'ko') => manifest.phases.flatMap((p) => narrative[lang].phases[p.id].paragraphs);

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack(`${DIR}/manifest.json`, fsJsonReader, { langs: ['en'] });
});

describe('places and lines', () => {
  it('the Twin Tunnels are at about 37.443 N, 127.673 E and Haengju fortress at about 37.60 N, 126.83 E', () => {
    expect(distance(point(placeAt('twin-tunnels')), point([127.673, 37.443]))).toBeLessThan(0.5);
    expect(distance(point(placeAt('haengju')), point([126.83, 37.6]))).toBeLessThan(0.5);
    // The bridgehead's west end is at Haengju, where the review put it.
    expect(distance(point(lineOf('bridgehead').geometry.coordinates[0]), point([126.83, 37.6]))).toBeLessThan(0.5);
  });

  it('Line D through Pyeongchang and Jeongseon, which no source names, is graded approximate', () => {
    const d = lineOf('line-d');
    const coords = d.geometry.coordinates;
    const grades = d.properties.segmentCertainty!;
    expect(grades).toHaveLength(coords.length - 1);
    for (const [lon, lat] of [[128.393, 37.37], [128.66, 37.38]]) {
      const i = coords.findIndex((c) => distance(point(c), point([lon, lat])) < 1);
      expect(i, `vertex at ${lon}`).toBeGreaterThan(0);
      expect(grades[i - 1]).toBe(3);
      expect(grades[i]).toBe(3);
    }
    expect(d.properties.certainty).toBe(3);
    // Pyeongtaek, Anseong and Janghowon are named: not approximate.
    expect(grades.slice(0, 3).every((g) => g < 3)).toBe(true);
  });

  it('Yangsu-ri, an anchor of Line C, lies on Line C and on the UN side while the line was held', () => {
    const yangsu = placeAt('yangsu-ri');
    expect(pointToLineDistance(point(yangsu), lineString(lineOf('line-c').geometry.coordinates))).toBeLessThan(0.3);
    for (const iso of ['1951-01-02', '1951-01-03']) expect(holderAt(pack, dayOf(iso), yangsu as [number, number]).side, iso).toBe('UN');
  });
});

describe('narrative wording', () => {
  it('the English withdrawal names Suwon where the rear guard held', () => {
    const p = narrative.en.phases.withdrawal.paragraphs.find((q) => q.text.includes('14:00 on 6 January'))!;
    expect(p.text).toMatch(/Suwon[^.]*held|held[^.]*Suwon/);
  });

  it('the Twin Tunnels were held on 1 February, not "until" it', () => {
    const en = read<{ notes: Record<string, string> }>('unit-notes.en.json').notes;
    const texts = [...paragraphs('en').map((p) => p.text), en['us-3-23-inf'], en['fr-bn']].filter((t) => /Twin Tunnels/.test(t));
    for (const t of texts) expect(t).not.toMatch(/until 1 February/);
    expect(texts.some((t) => /held on 1 February|on 1 February/.test(t))).toBe(true);
    const koNotes = read<{ notes: Record<string, string> }>('unit-notes.ko.json').notes;
    expect(koNotes['us-3-23-inf']).not.toMatch(/2월 1일까지/);
  });

  it('the English text says what MacArthur proposed on 30 December, citing Schnabel', () => {
    const p = paragraphs('en').find((q) => /proposed on 30 December four measures/.test(q.text))!;
    expect(p).toBeDefined();
    for (const word of [/blockade/, /bomb/, /Nationalist Chinese troops/, /raids on the Chinese mainland/]) expect(p.text).toMatch(word);
    expect(p.sources).toContain('SCH');
  });

  it('the manifest titles match the narratives\' titles', () => {
    for (const lang of ['en', 'ko'] as const) expect(narrative[lang].title).toBe(manifest.title[lang]);
  });

  it('the Korean text introduces 제3차 서울 전투 as the English-language name and the March date as a common error', () => {
    const ps = paragraphs('ko');
    const first = ps.find((p) => p.text.includes('제3차 서울 전투'))!;
    const sentence = first.text.split(/(?<=다\.)\s/).find((s) => s.includes('제3차 서울 전투'))!;
    expect(sentence).toMatch(/영어권/);
    const march = ps.find((p) => /3월에 시작되었다/.test(p.text))!;
    expect(march.text).toMatch(/오류/);
    expect(march.text).toMatch(/3월 14~15일/);
  });
});

/** Every Korean string a reader meets: narrative, cards, unit names, labels and the interface. */
function koreanTexts(): string[] {
  const units = read<Record<string, Unit>>('units.json');
  const arrows = read<FeatureCollection<LineString, { label_ko: string }>>('arrows.geojson').features;
  const notes = read<{ notes: Record<string, string> }>('unit-notes.ko.json').notes;
  return [
    narrative.ko.title,
    ...Object.values(narrative.ko.phases).flatMap((p) => [p.name, p.summary, ...p.paragraphs.map((q) => q.text)]),
    ...Object.values(notes),
    ...Object.values(units).flatMap((u) => [u.name_ko, u.commander_ko ?? '']),
    ...arrows.map((a) => a.properties.label_ko),
    ...places.map((f) => f.properties.name_ko),
    ...lines.map((f) => f.properties.name_ko),
    ...Object.values(ko),
  ];
}

describe('one Korean form per name', () => {
  const all = koreanTexts().join('\n');

  it('Turkey is always 터키(현 튀르키예)', () => {
    expect(all).toMatch(/터키\(현 튀르키예\)/);
    expect(all.match(/터키(?!\(현 튀르키예\))/g) ?? []).toEqual([]);
    expect(all.match(/(?<!터키\(현 )튀르키예/g) ?? []).toEqual([]);
  });

  it('the Royal Ulster Rifles are always 로열 얼스터 소총연대, Australia always 호주', () => {
    expect(all).toMatch(/로열 얼스터 소총연대/);
    expect(all.match(/얼스터 (?!소총연대)/g) ?? []).toEqual([]);
    expect(all).toMatch(/호주/);
    expect(all.match(/오스트레일리아/g) ?? []).toEqual([]);
  });
});

describe('sources.json', () => {
  /** The URLs the fact sheet's citations give (§6), and the source keys that must carry them. */
  const FACT_SHEET_URLS: Record<string, string> = {
    'https://history.army.mil/books/korea/ebb/ch9.htm': 'EF9',
    'https://history.army.mil/books/korea/ebb/ch10.htm': 'EF10',
    'https://history.army.mil/books/korea/ebb/ch11.htm': 'EF11',
    'https://history.army.mil/books/korea/ebb/ch12.htm': 'EF12',
    'https://history.army.mil/books/korea/ebb/ch13.htm': 'EF13',
    'https://history.army.mil/books/korea/ebb/ch17.htm': 'EF17',
    'https://history.army.mil/books/pd-c-17.htm': 'SCH',
    'https://history.state.gov/historicaldocuments/frus1951v07p1/d31': 'FRUS',
    'https://fdocuments.in/document/operations-in-korea.html': 'USMA',
    'https://trove.nla.gov.au/newspaper/article/48146052': 'TROVE',
    'https://www.royal-irish.com/events/chaegunghyon-1-rur-in-happy-valley': 'RIR',
  };

  it('gives every source its author and title, and the URL the fact sheet cites', () => {
    for (const [key, s] of Object.entries(sources)) {
      expect(s.author.trim(), key).not.toBe('');
      expect(s.title.trim(), key).not.toBe('');
    }
    for (const [url, key] of Object.entries(FACT_SHEET_URLS)) expect(sources[key].url, key).toBe(url);
  });

  it('every Wikipedia article has its address, and dated documents their date', () => {
    for (const [key, s] of Object.entries(sources)) if (key.startsWith('WP-')) expect(s.url, key).toMatch(/^https:\/\/\w\w\.wikipedia\.org\/wiki\//);
    expect(sources['TIME-1951-01-15'].date).toBe('1951-01-15');
    expect(sources['TIME-1951-01-22'].date).toBe('1951-01-22');
    expect(sources['TIME-1951-01-29'].date).toBe('1951-01-29');
    expect(sources.TROVE.date).toBe('1951-01-12');
    expect(sources.FRUS.date).toBe('1951-01-09');
    expect(sources.OVERLORD.date).toBe('2020-05');
  });
});
