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

/** Dash pattern per certainty grade: solid, dashed, dotted. */
export const DASHES: Record<1 | 2 | 3, number[] | undefined> = { 1: undefined, 2: [3, 2], 3: [0.8, 1.6] };
