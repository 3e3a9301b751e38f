/**
 * The label font: Noto Sans KR cut at build time to the characters the campaign uses (see
 * src/build/fonts-plugin.ts), in a Latin and a Hangul file. The same files serve the page
 * (registered with the FontFace API) and MapLibre (its `font-faces` style property), so no
 * glyph server is needed and each file is fetched once, only when its script is drawn.
 */

/** The font name map layers ask for in `text-font`, and the page's CSS family. */
export const LABEL_FONT = 'Noto Sans KR';

/** Published files (kept in sync with FONT_FILES in the build plugin) and their ranges. */
const FILES = [
  { path: 'fonts/noto-sans-kr-latin.woff2', ranges: ['U+0000-024F', 'U+2000-206F', 'U+2190-21FF', 'U+2212'] },
  { path: 'fonts/noto-sans-kr-hangul.woff2', ranges: ['U+1100-11FF', 'U+3000-303F', 'U+3130-318F', 'U+AC00-D7A3', 'U+FF00-FFEF', 'U+00B7'] },
] as const;

/** One font-faces entry. */
export interface FontFace {
  url: string;
  'unicode-range': string[];
}

/** The style's `font-faces` entries for LABEL_FONT, with absolute URLs based on `base`. */
export function labelFontFaces(base: string): FontFace[] {
  return FILES.map((f) => ({ url: new URL(f.path, base).href, 'unicode-range': [...f.ranges] }));
}

/** Registers the same files as the page's Noto Sans KR (used for Korean text). */
export function registerPageFonts(base: string): void {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  for (const f of labelFontFaces(base)) {
    const face = new window.FontFace(LABEL_FONT, `url(${f.url}) format('woff2')`, { unicodeRange: f['unicode-range'].join(','), display: 'swap' });
    document.fonts.add(face);
  }
}
