/**
 * Compare mode's colours and patterns: the ground that changed hands between dates A and B,
 * shaded by the zone that got it (pattern and colour both differ), and A's front as a second
 * line. Shared by the overlay's layers, the SVG maps and the legend. No imports: loaded only
 * with compare.
 */

/** The zone a piece of ground passed to (lib/areas.ts Zone). */
export type ChangeTo = 'PVA/KPA' | 'UN' | 'noMansLand';

/** Ground colour, mark colour and mark shape of each kind of change. */
export const CHANGE_STYLE: Record<ChangeTo, { ground: string; mark: string; shape: 'diagonal' | 'grid' | 'cross' }> = {
  /**
   * Gained by the PVA/KPA side: thick dark red stripes, leaning the other way from the
   * territory's hatch, on a stronger pink than its tint, so the two read apart.
   */
  'PVA/KPA': { ground: '#eba79d', mark: '#7a1410', shape: 'diagonal' },
  /** Gained by the UN side: dark blue grid on a mid blue (told apart from the sea's grey-blue). */
  UN: { ground: '#9fb4e8', mark: '#1a3a7a', shape: 'grid' },
  /** Became no-man's land: grey crosses on the no-man's-land khaki. */
  noMansLand: { ground: '#ebe5c8', mark: '#4b4e52', shape: 'cross' },
};

/** Opacity of the changed ground over B's territory (its hatch still shows faintly beneath). */
export const CHANGE_OPACITY = 0.88;

/** A's front: a dark blue dashed line with a white casing, told apart from B's red front. */
export const FRONT_A = { color: '#17375e', casing: '#ffffff', width: 2.5, dash: [2, 1.4] } as const;

/** Pattern size in CSS pixels (drawn at PATTERN_RATIO texels each). */
export const CHANGE_PATTERN_SIZE = 8;
export const CHANGE_PATTERN_RATIO = 2;

/** Whether texel (x, y) of a `size` texel tile is on a mark of `shape`. */
function marked(shape: 'diagonal' | 'grid' | 'cross', x: number, y: number, size: number): boolean {
  const w = CHANGE_PATTERN_RATIO * 1.5;
  if (shape === 'diagonal') return (x - y + size) % size < w + 1;
  if (shape === 'grid') return x % size < w - 1 || y % size < w - 1;
  const c = size / 2;
  const [dx, dy] = [x + 0.5 - c, y + 0.5 - c];
  return Math.abs(Math.abs(dx) - Math.abs(dy)) < 1.2 && Math.abs(dx) < size / 4 + 0.5;
}

/** The pattern of a kind of change as straight RGBA pixels (for map.addImage). */
export function changePattern(to: ChangeTo): { width: number; height: number; data: Uint8Array } {
  const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const { ground, mark, shape } = CHANGE_STYLE[to];
  const [g, m] = [hex(ground), hex(mark)];
  const size = CHANGE_PATTERN_SIZE * CHANGE_PATTERN_RATIO;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) data.set([...(marked(shape, x, y, size) ? m : g), 255], (y * size + x) * 4);
  }
  return { width: size, height: size, data };
}
