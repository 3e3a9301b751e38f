import { describe, expect, it } from 'vitest';
import { markTerms, termMatcher } from '../../src/lib/glossary.ts';
import type { Glossary } from '../../src/lib/types.ts';

const en: Glossary = {
  lang: 'en',
  terms: {
    corps: { term: 'corps', forms: ['corps'], definition: 'd1' },
    rif: { term: 'reconnaissance in force', forms: ['reconnaissance in force', 'reconnoitre in force'], definition: 'd2' },
    division: { term: 'division', forms: ['division', 'divisions'], definition: 'd3' },
  },
};
const ko: Glossary = { lang: 'ko', terms: { corps: { term: '군단', forms: ['군단'], definition: 'd' } } };

describe('glossary terms in a text', () => {
  it('marks the first occurrence of each term, whatever its case, and keeps every character', () => {
    const text = 'I Corps and IX Corps made a reconnaissance in force with two divisions; the division held.';
    const parts = markTerms(text, termMatcher(en), new Set());
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.term).map((p) => [p.term, p.text])).toEqual([['corps', 'Corps'], ['rif', 'reconnaissance in force'], ['division', 'divisions']]);
  });

  it('matches whole words only in Latin script', () => {
    expect(markTerms('The corpsman and the subdivision.', termMatcher(en), new Set()).some((p) => p.term)).toBe(false);
  });

  it('does not mark a term again once seen in the same passage', () => {
    const seen = new Set<string>();
    markTerms('One corps.', termMatcher(en), seen);
    expect(markTerms('Another corps.', termMatcher(en), seen)).toEqual([{ text: 'Another corps.' }]);
  });

  it('finds Hangul terms inside a unit name (제1군단)', () => {
    const parts = markTerms('미 제1군단과 제9군단', termMatcher(ko), new Set());
    expect(parts).toEqual([{ text: '미 제1' }, { text: '군단', term: 'corps' }, { text: '과 제9군단' }]);
  });
});
