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
  /** No-man's land: pale khaki ground (it covers the PVA/KPA tint; told apart from the neighbouring countries' grey-beige) with grey dots. */
  noMansLand: '#ebe5c8',
  noMansLandDot: '#55585c',
  /** Infiltrated: red dots over the UN side's land, outlined by a dashed red line. */
  infiltrated: '#8c1c14',
} as const;

/** The PVA/KPA side: a tint of COLORS.north with hatch lines over it (see territoryPattern). */
export const TERRITORY = { tintOpacity: 0.22, hatch: '#8c1c14', hatchOpacity: 0.55 } as const;

/** Dash pattern per certainty grade: solid, dashed, dotted. */
export const DASHES: Record<1 | 2 | 3, number[] | undefined> = { 1: undefined, 2: [3, 2], 3: [0.8, 1.6] };

/**
 * The front layer's lines (front-layer.ts), shared with the poster (Poster.svelte): widths in
 * CSS px at zoom 5 and 9 (linear between, clamped outside, as the GeoJSON style had), opacities,
 * and the forward line's dot period and the infiltrated outline's dash, in line widths.
 */
export const FRONT_STYLE = {
  width: [2.5, 4.5] as [number, number],
  casingWidth: [5, 8] as [number, number],
  casingOpacity: 0.85,
  forwardWidth: [1.4, 2.2] as [number, number],
  forwardOpacity: 0.9,
  forwardDotPeriod: 2.6,
  outlineWidth: 1.3,
  outlineOpacity: 0.8,
  /** Dash length and period. */
  outlineDash: [4, 6.5] as [number, number],
};

/** A width that follows the zoom from z5 to z9 like the style's `interpolate`. */
export function widthAt(zoom: number, [at5, at9]: readonly [number, number]): number {
  const t = Math.min(1, Math.max(0, (zoom - 5) / 4));
  return at5 + (at9 - at5) * t;
}

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

/**
 * A dotted fill pattern: dots of `dot` on `ground` (or transparent), `size` pixels apart,
 * offset every other row so the dots read as a texture, not as stripes. Straight RGBA.
 */
export function dotPattern(ground: string | undefined, dot: string, dotAlpha: number, size = 8): { width: number; height: number; data: Uint8Array } {
  const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const g = ground ? hex(ground) : [255, 255, 255];
  const d = hex(dot);
  const data = new Uint8Array(size * size * 4);
  const half = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x === 1 || x === 2) && (y === 1 || y === 2) || (x === half + 1 || x === half + 2) && (y === half + 1 || y === half + 2);
      const px = on ? [...d, Math.round(dotAlpha * 255)] : [...g, ground ? 255 : 0];
      data.set(px, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** No-man's land: opaque pale ground with grey dots (hides the PVA/KPA hatch beneath). */
export const noMansLandPattern = () => dotPattern(COLORS.noMansLand, COLORS.noMansLandDot, 1);
/** Infiltrated ground: red dots on a transparent ground, over the UN side. */
export const infiltratedPattern = () => dotPattern(undefined, COLORS.infiltrated, 0.85);

/** Place-dot radius in CSS pixels by rank, and the width of its white ring. */
export const PLACE_DOT = { radius: { 1: 4, 2: 3, 3: 2.5 }, ring: 1.2 } as const;

/**
 * A place dot (COLORS.label with a COLORS.labelHalo ring) as an image drawn at `ratio` pixels
 * per CSS pixel, edges antialiased by pixel coverage. Straight (not premultiplied) RGBA.
 */
export function placeDot(rank: 1 | 2 | 3, ratio = 2): { width: number; height: number; data: Uint8Array } {
  const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const fill = hex(COLORS.label);
  const ring = hex(COLORS.labelHalo);
  const inner = PLACE_DOT.radius[rank] * ratio;
  const outer = (PLACE_DOT.radius[rank] + PLACE_DOT.ring) * ratio;
  const size = Math.ceil(outer) * 2 + 2;
  const c = size / 2;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const alpha = clamp(outer - d + 0.5);
      const inside = clamp(inner - d + 0.5);
      const rgb = fill.map((f, i) => Math.round(f * inside + ring[i] * (1 - inside)));
      data.set([...rgb, Math.round(alpha * 255)], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
