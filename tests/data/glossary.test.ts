/**
 * Readable for a 14-year-old (issue 13, item 8): the glossary explains the military words the
 * narrative uses, in both languages, and a place gives its 1951 spelling once, not every time.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { markPassage, termMatcher } from '../../src/lib/glossary.ts';
import { validateGlossary } from '../../src/lib/validate.ts';
import type { Glossary, Narrative, PlaceProps } from '../../src/lib/types.ts';

const DIR = 'geo/korea-1951-01';
const read = <T>(file: string): T => JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as T;
const manifest = read<{ phases: { id: string }[]; files: { glossary: Record<string, string> } }>('manifest.json');
const LANGS = ['en', 'ko'] as const;

describe('glossary', () => {
  it.each(LANGS)('%s is listed in the manifest and valid', (lang) => {
    expect(manifest.files.glossary[lang]).toBe(`glossary.${lang}.json`);
    expect(validateGlossary(`glossary.${lang}.json`, read(`glossary.${lang}.json`), lang)).toEqual([]);
  });

  it('explains, in both languages, the words issue 13 names', () => {
    for (const lang of LANGS) {
      const g = read<Glossary>(`glossary.${lang}.json`);
      for (const id of ['salient', 'feint', 'reconnaissance-in-force', 'corps', 'division', 'brigade']) expect(g.terms[id], `${lang} ${id}`).toBeDefined();
    }
  });

  it.each(LANGS)('every %s term is used in the narrative, and gets its pop-up there', (lang) => {
    const g = read<Glossary>(`glossary.${lang}.json`);
    const n = read<Narrative>(`narrative.${lang}.json`);
    const matcher = termMatcher(g);
    const explained = new Set<string>();
    for (const { id } of manifest.phases) {
      for (const parts of markPassage(n.phases[id].paragraphs.map((p) => p.text), matcher)) for (const p of parts) if (p.term) explained.add(p.term);
    }
    expect([...explained].sort()).toEqual(Object.keys(g.terms).sort());
  });
});

describe('1951 spellings', () => {
  it('a place gives its 1951 spelling in brackets once in the English narrative, not every time', () => {
    const places = read<FeatureCollection<Point, PlaceProps>>('places.geojson').features.map((f) => f.properties);
    const text = manifest.phases.flatMap(({ id }) => read<Narrative>('narrative.en.json').phases[id].paragraphs.map((p) => p.text)).join('\n');
    const counts: Record<string, number> = {};
    for (const m of text.matchAll(/([A-Z][\w-]+) \(([^)]+)\)/g)) {
      if (places.some((p) => p.name_en === m[1])) counts[m[0]] = (counts[m[0]] ?? 0) + 1;
    }
    expect(Object.keys(counts).length).toBeGreaterThan(20);
    expect(Object.entries(counts).filter(([, n]) => n > 1)).toEqual([]);
  });
});
