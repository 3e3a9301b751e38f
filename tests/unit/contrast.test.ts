/**
 * Map lines stand out from the basemap by at least 3:1 (WCAG 1.4.11, non-text contrast),
 * on plain land and on the shaded PVA/KPA side.
 */
import { describe, expect, it } from 'vitest';
import { COLORS, TERRITORY, territoryPattern } from '../../src/map/colors.ts';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours. */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` at `alpha` over `bottom`. */
function over(top: [number, number, number], alpha: number, bottom: [number, number, number]): [number, number, number] {
  return top.map((c, i) => Math.round(c * alpha + bottom[i] * (1 - alpha))) as [number, number, number];
}

const land = rgb(COLORS.land);
// The shaded side: the red fill at 22 % over land (the hatch lines only add more contrast).
const shaded = over(rgb(COLORS.north), TERRITORY.tintOpacity, land);

describe('map line contrast', () => {
  it.each([
    ['front', COLORS.front],
    ['38th parallel', COLORS.parallel],
    ['named lines', COLORS.refLine],
    ['UN arrows', COLORS.arrowUN],
    ['PVA/KPA arrows', COLORS.arrowPVA],
  ])('%s is at least 3:1 against land and the shaded side', (_name, color) => {
    expect(contrast(rgb(color), land)).toBeGreaterThanOrEqual(3);
    expect(contrast(rgb(color), shaded)).toBeGreaterThanOrEqual(3);
  });

  it('rivers, a background feature, are at least 3:1 against land', () => {
    expect(contrast(rgb(COLORS.river), land)).toBeGreaterThanOrEqual(3);
  });
});

describe('territory pattern', () => {
  it('is the tint with the hatch composited over it, as the two layers it replaces drew it', () => {
    const p = territoryPattern(10);
    expect(p.data.length).toBe(10 * 10 * 4);
    const px = (x: number, y: number) => [...p.data.slice((y * 10 + x) * 4, (y * 10 + x) * 4 + 4)];
    const tint = rgb(COLORS.north);
    // A plain pixel is the tint at its opacity.
    expect(px(3, 3)).toEqual([...tint, Math.round(TERRITORY.tintOpacity * 255)]);
    // A hatch pixel, drawn over land, looks like the hatch over the tint over land.
    const [r, g, b, a] = px(0, 0);
    const once = over([r, g, b], a / 255, land);
    const twice = over(rgb(TERRITORY.hatch), TERRITORY.hatchOpacity, over(tint, TERRITORY.tintOpacity, land));
    once.forEach((c, i) => expect(Math.abs(c - twice[i])).toBeLessThanOrEqual(1.5));
    // Hatch lines run diagonally: both diagonal neighbours of a hatch pixel are hatch too.
    expect(px(1, 9)).toEqual(px(0, 0));
  });
});
