import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { LABEL, drawBasemap, labelGoesLeft, labelWidth } from '../../src/lib/svg-map.ts';

const pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);

describe('SVG map place labels', () => {
  it('estimates Hangul wider than Latin letters', () => {
    expect(labelWidth('삼척')).toBe(2 * LABEL.size);
    expect(labelWidth('Samcheok')).toBeCloseTo(8 * 0.62 * LABEL.size);
  });

  it('puts a label left of its dot only where the right side would leave the picture', () => {
    expect(labelGoesLeft('Samcheok', 360, 370)).toBe(true);
    expect(labelGoesLeft('Samcheok', 100, 370)).toBe(false);
  });

  // The print handout's cards, the SVG fallback and the noscript pictures: every label's estimated box inside the picture.
  for (const width of [360, 420, 800, 1000]) {
    it(`keeps every rank-1 label inside a ${width}-unit-wide picture, in both languages`, () => {
      const d = drawBasemap(pack, width);
      expect(d.places.length).toBeGreaterThan(5);
      for (const p of d.places) {
        for (const [name, end] of [[p.name_en, p.endEn], [p.name_ko, p.endKo]] as const) {
          const w = labelWidth(name);
          const [left, right] = end ? [p.x - LABEL.gap - w, p.x - LABEL.gap] : [p.x + LABEL.gap, p.x + LABEL.gap + w];
          expect(left, `${name} at ${width}`).toBeGreaterThanOrEqual(0);
          expect(right, `${name} at ${width}`).toBeLessThanOrEqual(width);
        }
      }
      // The handout's 420-wide card is where "Samcheok" was cut.
      if (width <= 420) expect(d.places.find((p) => p.id === 'samcheok')?.endEn).toBe(true);
    });
  }
});
