/**
 * The style as data: the layers share as few shader programs as MapLibre allows (each one is
 * compiled before the first frame that uses it), and the place-dot images are what they claim.
 */
import { describe, expect, it } from 'vitest';
import { layers, perFeature } from '../../src/map/style.ts';
import { COLORS, PLACE_DOT, placeDot } from '../../src/map/colors.ts';

/** True if a paint value depends on the feature (MapLibre then binds it as a vertex attribute). */
function perFeatureValue(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  if (value[0] === 'get' || value[0] === 'has' || value[0] === 'properties' || value[0] === 'geometry-type' || value[0] === 'feature-state') return true;
  return value.some(perFeatureValue);
}

/** Which MapLibre program draws a layer, and which of its paint properties are per feature. */
function programOf(layer: ReturnType<typeof layers>[number]): string {
  const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
  const layout = ('layout' in layer ? layer.layout : {}) as Record<string, unknown>;
  const perFeatureProps = Object.keys(paint).filter((k) => perFeatureValue(paint[k])).sort();
  const kinds: string[] = [];
  if (layer.type === 'fill') kinds.push(paint['fill-pattern'] ? 'fillPattern' : 'fill');
  else if (layer.type === 'line') kinds.push(paint['line-dasharray'] ? 'lineSDF' : 'line');
  else if (layer.type === 'symbol') {
    if (layout['text-field']) kinds.push('symbolSDF');
    if (layout['icon-image']) kinds.push('symbolIcon');
  } else kinds.push(layer.type);
  return kinds.map((k) => `${k}[${perFeatureProps.filter((p) => p.startsWith(k.startsWith('symbolSDF') ? 'text-' : k.startsWith('symbolIcon') ? 'icon-' : '')).join(',')}]`).join(' ');
}

describe('map style', () => {
  // The territory's pattern fill is gone from the style: the front layer draws it (front-layer.ts).
  it('draws with one program per kind of drawing: per-feature paint is declared alike in every layer of a kind', () => {
    for (const lang of ['en', 'ko'] as const) {
      const programs = new Set(layers(lang).flatMap((l) => programOf(l).split(' ')));
      expect([...programs].sort()).toEqual([
        'background[]',
        'fill[fill-color,fill-opacity]',
        'line[line-color,line-opacity]',
        'lineSDF[line-color,line-opacity]',
        'symbolIcon[icon-opacity]',
        'symbolSDF[text-color,text-opacity]',
      ].sort());
    }
  });

  it('perFeature keeps the constant as the value of every feature', () => {
    expect(perFeature(COLORS.sea)).toEqual(['coalesce', ['get', 'style:constant'], COLORS.sea]);
  });

  it('place dots: a label-coloured disc in a white ring, sized by rank, transparent corners', () => {
    for (const rank of [1, 2, 3] as const) {
      const img = placeDot(rank, 2);
      const at = (x: number, y: number) => Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));
      const c = img.width / 2;
      expect(img.width).toBe(Math.ceil((PLACE_DOT.radius[rank] + PLACE_DOT.ring) * 2) * 2 + 2);
      expect(at(c, c)).toEqual([0x1f, 0x23, 0x28, 255]);
      // In the ring, between the disc's and the dot's edge: white, opaque.
      const ringX = Math.round(c + (PLACE_DOT.radius[rank] + PLACE_DOT.ring / 2) * 2);
      expect(at(ringX, c)).toEqual([255, 255, 255, 255]);
      expect(at(0, 0)[3]).toBe(0);
    }
    expect(placeDot(1).width).toBeGreaterThan(placeDot(3).width);
  });
});
