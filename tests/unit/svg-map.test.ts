import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { DRAWN_AREA, LABEL, drawBasemap, drawChanges, frameFor, labelGoesLeft, labelWidth, placeLabels, projector } from '../../src/lib/svg-map.ts';

const pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);

describe('SVG map place labels', () => {
  it('estimates Hangul wider than Latin letters', () => {
    expect(labelWidth('삼척')).toBe(2 * LABEL.size);
    expect(labelWidth('Samcheok')).toBeCloseTo(8 * 0.62 * LABEL.size);
  });

  it('draws the places of a pack named in one language only (an embed’s first view)', () => {
    const oneLang = { ...pack, places: { ...pack.places, features: pack.places.features.map((f) => ({ ...f, properties: { ...f.properties, name_ko: undefined as unknown as string } })) } };
    const d = drawBasemap(oneLang, 600);
    expect(d.places.find((p) => p.id === 'seoul')).toMatchObject({ name_en: 'Seoul', hideEn: false });
  });

  it('puts a label left of its dot only where the right side would leave the picture', () => {
    expect(labelGoesLeft('Samcheok', 360, 370)).toBe(true);
    expect(labelGoesLeft('Samcheok', 100, 370)).toBe(false);
  });

  // The print handout's cards, the noscript pictures and the SVG fallback (drawn in its box's
  // pixels and shape: a phone's 370 × 170, a desktop's 1004 × 482): every label shown has its
  // estimated box inside the picture, clear of the other labels.
  const frames: [number, number | undefined][] = [[360, undefined], [420, undefined], [800, undefined], [1000, undefined], [370, 170], [370, 229], [1004, 482]];
  for (const [width, height] of frames) {
    it(`keeps every rank-1 label shown inside a ${width}-unit-wide${height ? ` ${width} × ${height}` : ''} picture, clear of the others, in both languages`, () => {
      const d = drawBasemap(pack, width, height ? frameFor(pack.manifest.camera.bounds, width / height) : undefined);
      expect(d.places.length).toBeGreaterThan(5);
      for (const lang of ['en', 'ko'] as const) {
        const shown = d.places.filter((p) => !(lang === 'en' ? p.hideEn : p.hideKo));
        // Seoul, first in the pack, always has its label; few give way.
        expect(shown.map((p) => p.id)).toContain('seoul');
        expect(shown.length).toBeGreaterThanOrEqual(d.places.length - 2);
        const boxes = shown.map((p) => {
          const [name, end] = lang === 'en' ? [p.name_en, p.endEn] : [p.name_ko, p.endKo];
          const w = labelWidth(name);
          const [left, right] = end ? [p.x - LABEL.gap - w, p.x - LABEL.gap] : [p.x + LABEL.gap, p.x + LABEL.gap + w];
          expect(left, `${name} at ${width}`).toBeGreaterThanOrEqual(0);
          expect(right, `${name} at ${width}`).toBeLessThanOrEqual(width);
          return { name, left, right, top: p.y + 4 - LABEL.size, bottom: p.y + 4 };
        });
        for (const a of boxes)
          for (const b of boxes)
            if (a !== b) expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `${a.name} covers ${b.name} at ${width}`).toBe(false);
      }
      // The handout's 420-wide card is where "Samcheok" was cut.
      if (width <= 420 && !height) expect(d.places.find((p) => p.id === 'samcheok')?.endEn).toBe(true);
    });
  }

  it('gives a label the other side of its dot, or none, where it would cover a label placed before it', () => {
    // "Incheon" right of its dot would run into Seoul's dot and label just north-east of it.
    const points = [{ x: 100, y: 100, name: 'Seoul' }, { x: 75, y: 108, name: 'Incheon' }, { x: 100, y: 112, name: 'Suwon' }];
    expect(placeLabels(points, 300, 200)).toEqual(['right', 'left', null]);
    // Room enough: every label right of its dot.
    expect(placeLabels(points.map((p, i) => ({ ...p, y: 40 + 40 * i })), 300, 200)).toEqual(['right', 'right', 'right']);
  });
});

describe('the SVG map\'s frame, widened to its box\'s shape', () => {
  const bounds = pack.manifest.camera.bounds;
  const shape = (b: [[number, number], [number, number]]) => {
    const { height } = projector(b, 1000);
    return 1000 / height;
  };

  it('keeps all of the campaign\'s bounds, centred, and takes the box\'s shape: wider east and west, or taller north and south', () => {
    for (const aspect of [2.2, 1.2]) {
      const f = frameFor(bounds, aspect);
      expect(f[0][0]).toBeLessThanOrEqual(bounds[0][0]);
      expect(f[0][1]).toBeLessThanOrEqual(bounds[0][1]);
      expect(f[1][0]).toBeGreaterThanOrEqual(bounds[1][0]);
      expect(f[1][1]).toBeGreaterThanOrEqual(bounds[1][1]);
      expect((f[0][0] + f[1][0]) / 2).toBeCloseTo((bounds[0][0] + bounds[1][0]) / 2, 9);
      expect((f[0][1] + f[1][1]) / 2).toBeCloseTo((bounds[0][1] + bounds[1][1]) / 2, 9);
      expect(shape(f)).toBeCloseTo(aspect, 2);
    }
    // A box of the bounds' own shape (to the pixel): the bounds, all but unchanged.
    expect(frameFor(bounds, shape(bounds))[0][0]).toBeCloseTo(bounds[0][0], 2);
  });

  it('widens no further than the area the pack\'s basemap is whole in, on both sides alike', () => {
    const wide = frameFor(bounds, 6);
    expect(wide[1][0]).toBeCloseTo(DRAWN_AREA[1][0], 9);
    expect(bounds[0][0] - wide[0][0]).toBeCloseTo(wide[1][0] - bounds[1][0], 9);
    const tall = frameFor(bounds, 0.3);
    expect(tall[1][1]).toBeCloseTo(DRAWN_AREA[1][1], 9);
    expect(bounds[0][1] - tall[0][1]).toBeCloseTo(tall[1][1] - bounds[1][1], 9);
    expect(frameFor(bounds, Number.NaN)).toEqual(bounds);
  });
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
