/**
 * Font faces for map labels: the Noto Sans KR woff2 subsets bundled by Vite, one entry per
 * unicode-range, so MapLibre draws Latin and Hangul labels with no glyph server and fetches
 * only the subsets whose characters appear.
 */
import unicode from '@fontsource/noto-sans-kr/unicode.json';

/** The font name map layers ask for in `text-font`. */
export const LABEL_FONT = 'Noto Sans KR';

// The unicode-range subsets only: the whole-script "korean" file (540 KB) is never needed.
const files = import.meta.glob(
  [
    '/node_modules/@fontsource/noto-sans-kr/files/noto-sans-kr-*-400-normal.woff2',
    '!**/noto-sans-kr-korean-400-normal.woff2',
  ],
  {
  query: '?url',
  import: 'default',
    eager: true,
  },
) as Record<string, string>;

/** One font-faces entry. */
export interface FontFace {
  url: string;
  'unicode-range': string[];
}

/** The style's `font-faces` entries for LABEL_FONT, with absolute URLs based on `base`. */
export function labelFontFaces(base: string): FontFace[] {
  const out: FontFace[] = [];
  for (const [key, ranges] of Object.entries(unicode as Record<string, string>)) {
    const subset = key.replace(/^\[(\d+)\]$/, '$1');
    const path = Object.keys(files).find((p) => p.endsWith(`/noto-sans-kr-${subset}-400-normal.woff2`));
    if (!path) continue;
    out.push({ url: new URL(files[path], base).href, 'unicode-range': ranges.split(',').map((r) => r.trim()) });
  }
  return out;
}
