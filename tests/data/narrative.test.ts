/**
 * The narrative as the issues ask for it: length per phase, a one-line summary, a source on
 * every paragraph (checked by the validator), and none of the fact sheet's §5 misstatements.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Narrative } from '../../src/lib/types.ts';

const read = (lang: string) => JSON.parse(readFileSync(`geo/korea-1951-01/narrative.${lang}.json`, 'utf8')) as Narrative;
const en = read('en');
const ko = read('ko');
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const sentences = (n: Narrative) => Object.values(n.phases).flatMap((p) => [p.summary, ...p.paragraphs.map((x) => x.text)]).flatMap((t) => t.split(/(?<=[.!?])\s+/));

describe('English narrative', () => {
  it.each(Object.entries(en.phases))('%s has 120–300 words and a one-line summary', (_id, phase) => {
    const total = phase.paragraphs.reduce((n, p) => n + words(p.text), 0);
    expect(total).toBeGreaterThanOrEqual(120);
    expect(total).toBeLessThanOrEqual(300);
    expect(words(phase.summary)).toBeLessThanOrEqual(30);
    expect(phase.summary).not.toMatch(/\n/);
  });

  it('dates the counter-offensive to 25 January, never to March (§5)', () => {
    for (const s of sentences(en)) {
      if (/counter-?offensive (began|started|opened)/i.test(s)) expect(s).toMatch(/25 January/);
      if (/\bMarch\b/.test(s)) expect(s).toMatch(/RIPPER|Ripper/);
    }
  });

  it('does not call the late-November offensive the New Year’s offensive (§5)', () => {
    expect(sentences(en).length).toBeGreaterThan(50);
    for (const s of sentences(en)) if (/November/.test(s) && /New Year/i.test(s)) expect(s).toMatch(/Second Phase/);
  });
});

describe('Korean narrative', () => {
  it.each(Object.entries(ko.phases))('%s has a one-line summary and substantial text', (_id, phase) => {
    const chars = phase.paragraphs.reduce((n, p) => n + p.text.length, 0);
    expect(chars).toBeGreaterThanOrEqual(300);
    expect(phase.summary).not.toMatch(/\n/);
  });

  it('dates the counter-offensive to 25 January and Seoul’s recapture to March only with Ripper (§5)', () => {
    for (const s of sentences(ko)) {
      // "not in March" or "a common error" is the correction itself; otherwise March belongs only to Ripper.
      if (/반격.*(시작|개시)/.test(s) && /3월/.test(s)) expect(s).toMatch(/리퍼|3월이 아니라|오류/);
    }
    expect(JSON.stringify(ko)).toMatch(/1월 25일/);
  });
});
