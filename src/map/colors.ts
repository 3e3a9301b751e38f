/**
 * Map colours and line patterns, shared by the WebGL style, the SVG fallback and the legend.
 * No imports: build-time code reads it too.
 */

/** Colours, chosen for contrast on the pale basemap and for colour-vision deficiencies. */
export const COLORS = {
  sea: '#cfdfe8',
  land: '#f3efe4',
  neighbourLand: '#e6e2d8',
  coast: '#7d8f99',
  river: '#5b8db0',
  parallel: '#4a4a4a',
  north: '#c0392b',
  front: '#6b0f1a',
  frontCasing: '#ffffff',
  label: '#1f2328',
  labelHalo: '#ffffff',
  refLine: '#3d4f7a',
  arrowUN: '#1f4e79',
  arrowPVA: '#8c1c14',
} as const;

/** The PVA/KPA side: a tint of COLORS.north with hatch lines over it (see territoryPattern). */
export const TERRITORY = { tintOpacity: 0.22, hatch: '#8c1c14', hatchOpacity: 0.55 } as const;

/** Dash pattern per certainty grade: solid, dashed, dotted. */
export const DASHES: Record<1 | 2 | 3, number[] | undefined> = { 1: undefined, 2: [3, 2], 3: [0.8, 1.6] };

/**
 * The PVA/KPA side's fill: the red tint with a diagonal hatch composited over it, so the side
 * is told apart by pattern as well as colour. Pixels are straight (not premultiplied) RGBA.
 */
export function territoryPattern(size = 10): { width: number; height: number; data: Uint8Array } {
  const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const tint = hex(COLORS.north);
  const hatch = hex(TERRITORY.hatch);
  const a1 = TERRITORY.tintOpacity;
  const a2 = TERRITORY.hatchOpacity;
  // Hatch over tint ("over" compositing): the alpha and colour of a hatch pixel.
  const aBoth = a2 + a1 * (1 - a2);
  const both = hatch.map((h, i) => Math.round((h * a2 + tint[i] * a1 * (1 - a2)) / aBoth));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size === 0 || (x + y + 1) % size === 0;
      data.set(on ? [...both, Math.round(aBoth * 255)] : [...tint, Math.round(a1 * 255)], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
