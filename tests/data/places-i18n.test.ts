/**
 * Place labels follow the language: every place has a Hangul label in Korean.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Places } from '../../src/lib/types.ts';

const places = JSON.parse(readFileSync('geo/korea-1951-01/places.geojson', 'utf8')) as Places;

describe('place names', () => {
  it('every Korean label is written in Hangul', () => {
    const latinOnly = places.features.filter((f) => !/[\uac00-\ud7a3]/.test(f.properties.name_ko)).map((f) => f.properties.id);
    expect(latinOnly).toEqual([]);
  });

  it('1951 spellings are given only where they differ from the modern one', () => {
    for (const f of places.features) if (f.properties.name_1951) expect(f.properties.name_1951).not.toBe(f.properties.name_en);
  });
});
