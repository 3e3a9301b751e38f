import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { SourceIndex } from '../../src/lib/types.ts';
import { citeLabel, fromRoman, shortAuthor, shortTitle, sourceAnchor } from '../../src/lib/cite.ts';
import { loadMessages } from '../../src/lib/i18n.ts';

const sources = JSON.parse(readFileSync('geo/sources.json', 'utf8')) as SourceIndex;
beforeAll(() => loadMessages('ko'));

describe('readable citations', () => {
  it('names the issue\'s example as the issue writes it', () => {
    expect(citeLabel('en', 'EF11', sources)).toBe('Mossman, Ebb and Flow, ch. 11');
    expect(citeLabel('ko', 'EF11', sources)).toBe('Mossman, Ebb and Flow, 11장');
  });

  it('reads Roman chapter numbers', () => {
    expect([fromRoman('IX'), fromRoman('XIII'), fromRoman('XVII'), fromRoman('XL'), fromRoman('Mossman')]).toEqual([9, 13, 17, 40, undefined]);
  });

  it('shortens authors: surnames of people, bodies as named, unknown authors left out', () => {
    expect(shortAuthor('Billy C. Mossman')).toBe('Mossman');
    expect(shortAuthor('D. Lister')).toBe('Lister');
    expect(shortAuthor('Lynn Montross, Hubard D. Kuokka and Norman W. Hicks')).toBe('Montross et al.');
    expect(shortAuthor('Wikipedia contributors')).toBe('Wikipedia');
    expect(shortAuthor('Unknown (not recorded in the fact sheet)')).toBeUndefined();
    expect(shortAuthor('U.S. Department of State, Office of the Historian')).toBe('U.S. Department of State');
    expect(shortAuthor('Time (unsigned article)')).toBe('Time');
  });

  it('cuts titles at their subtitle', () => {
    expect(shortTitle('Ebb and Flow, November 1950 – July 1951')).toBe('Ebb and Flow');
    expect(shortTitle('Third Battle of Seoul')).toBe('Third Battle of Seoul');
    // A comma inside brackets does not cut the title (no bracket left open).
    expect(shortTitle('Summary of 『한국전쟁(중)』 (Institute for Military History Compilation, 1996), pp. 394–395')).toBe('Summary of 『한국전쟁(중)』 (Institute for Military History Compilation, 1996)');
  });

  it('gives every source of the pack a name that is not its key, and distinct keys distinct names where the works differ', () => {
    for (const key of Object.keys(sources)) {
      const label = citeLabel('en', key, sources);
      expect(label, key).not.toBe(key);
      expect(label.length, key).toBeGreaterThan(3);
      expect(label, key).not.toMatch(/,\s*,|^,|,$/);
    }
    const ebb = ['EF9', 'EF10', 'EF11', 'EF12', 'EF13', 'EF17'].map((k) => citeLabel('en', k, sources));
    expect(new Set(ebb).size).toBe(ebb.length);
  });

  it('falls back to the key for an unknown source and makes safe anchors', () => {
    expect(citeLabel('en', 'NOPE', sources)).toBe('NOPE');
    expect(sourceAnchor('TIME-1951-01-15')).toBe('source-TIME-1951-01-15');
    expect(sourceAnchor('a b"<')).toBe('source-a_b__');
  });
});
