import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { LABEL, drawBasemap, drawChanges, labelGoesLeft, labelWidth, projector } from '../../src/lib/svg-map.ts';

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

describe('compare\'s changed ground on the SVG map', () => {
  const square = (w: number, s: number, e: number, n: number) => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
  const piece = (from: string, to: string, coordinates: number[][][][]) => ({
    type: 'Feature' as const,
    properties: { from, to, km2: 1 },
    geometry: { type: 'MultiPolygon' as const, coordinates },
  });

  it('draws one path per zone that got ground, PVA/KPA, UN, then no-man\'s land, projected as the map is', () => {
    const changes = {
      type: 'FeatureCollection' as const,
      features: [
        piece('UN', 'noMansLand', [square(127, 37, 127.5, 37.5)]),
        piece('UN', 'PVA/KPA', [square(126, 37, 126.5, 37.5)]),
        piece('noMansLand', 'PVA/KPA', [square(128, 37, 128.2, 37.2), square(128.5, 37, 128.7, 37.2)]),
      ],
    };
    const drawn = drawChanges(pack, changes, 800);
    expect(drawn.map((c) => c.to)).toEqual(['PVA/KPA', 'noMansLand']);
    // Both PVA/KPA pieces (three rings) in one path, each ring closed.
    expect(drawn[0].d.match(/M/g)).toHaveLength(3);
    expect(drawn[0].d.match(/Z/g)).toHaveLength(3);
    const { project } = projector(pack.manifest.camera.bounds, 800);
    expect(drawn[1].d.startsWith(`M${project([127, 37]).join(' ')}L`)).toBe(true);
  });

  it('draws nothing when nothing changed hands', () => {
    expect(drawChanges(pack, { type: 'FeatureCollection', features: [] }, 800)).toEqual([]);
  });
});
