/**
 * Hangul labels and text: Noto Sans KR cut at build time to the characters the campaign uses
 * (see src/build/fonts-plugin.ts). The same file serves the page (registered with the FontFace
 * API) and MapLibre (its `font-faces` style property), so no glyph server is needed and it is
 * fetched once, only when Hangul is drawn. Latin labels are drawn by MapLibre from the
 * system's sans-serif, like the page's Latin text: an English page downloads no font.
 */
import { en } from '../locales/en.ts';
import { LANGS } from '../lib/types.ts';

/** The font name map layers ask for in `text-font`, and the page's CSS family. */
export const LABEL_FONT = 'Noto Sans KR';

/** The longest a page waits for its font before it draws anyway (in the system font). */
const FONT_WAIT_MS = 1000;

/**
 * Resolves once the page's faces that draw `text` are in (see registerPageFonts), or after a
 * second at most; at once for no text, so a page with no Hangul to draw waits for nothing.
 */
export function fontsFor(text: string): Promise<void> {
  if (!text || typeof document === 'undefined' || !('fonts' in document)) return Promise.resolve();
  const loaded = document.fonts.load(`1em "${LABEL_FONT}"`, text).then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([loaded, new Promise<void>((done) => setTimeout(done, FONT_WAIT_MS))]);
}

/** Published files (kept in sync with FONT_FILES in the build plugin) and their ranges. */
const FILES = [
  { path: 'fonts/noto-sans-kr-hangul.woff2', ranges: ['U+1100-11FF', 'U+3000-303F', 'U+3130-318F', 'U+AC00-D7A3', 'U+FF00-FFEF', 'U+00B7'] },
] as const;

/**
 * The language switch shows "한국어" on English pages too. A face holding only the letters of
 * that word (a few hundred bytes, see the build plugin) covers exactly those code points, so
 * an English page does not download the whole Hangul file to draw one button.
 */
const NAMES_FILE = 'fonts/noto-sans-kr-names.woff2';

/** The Hangul characters of `text`: what the names face holds (Latin stays with the system font). */
export function hangulOf(text: string): string {
  return [...new Set(text.match(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g) ?? [])].join('');
}

/**
 * CJK characters other than Hangul (CJK brackets such as 《》, ideographs): a few titles and
 * names in the data. The Hangul file does not hold them; a face of their own does (see
 * src/build/han-font.ts), declared for these ranges and fetched only where such text is drawn.
 */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** The CJK characters of `text` that are not Hangul (see CJK), once each. */
export function cjkOf(text: string): string {
  return [...new Set(text.match(CJK) ?? [])].join('');
}

/** The Han face's file and its ranges: the brackets the data uses and the ideographs (page text only, not the map). */
const HAN_FILE = 'fonts/noto-sans-cjk-kr-han.woff2';
export const HAN_RANGES = ['U+300A-300B', 'U+300E-300F', 'U+3400-4DBF', 'U+4E00-9FFF', 'U+F900-FAFF'];

/** The Hangul letters of the language names as the switch shows them (the names face's content). */
export const LANG_NAME_LETTERS = hangulOf(LANGS.map((l) => en[`lang.${l}`]).join(''));

/** The unicode-range of exactly the Hangul characters of `text`. */
export function codePointRanges(text: string): string[] {
  return [...hangulOf(text)].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
}

/** One font-faces entry. */
export interface FontFace {
  url: string;
  'unicode-range': string[];
}

/** The style's `font-faces` entries for LABEL_FONT, with absolute URLs based on `base`. */
export function labelFontFaces(base: string): FontFace[] {
  return FILES.map((f) => ({ url: new URL(f.path, base).href, 'unicode-range': [...f.ranges] }));
}

/**
 * The faces of the page's Noto Sans KR for Korean text, paths relative to the site root: the
 * Hangul file, then the Han face (after the Hangul file: it is the one used for the brackets
 * both declare). Also declared by the page without JavaScript (src/build/noscript.ts).
 */
export const KOREAN_TEXT_FACES: readonly { path: string; ranges: readonly string[] }[] = [...FILES, { path: HAN_FILE, ranges: HAN_RANGES }];

/**
 * Registers the same files as the page's Noto Sans KR (used for Korean text, KOREAN_TEXT_FACES),
 * then the face of the language names (e.g. "한국어"): added last, it is the one browsers use
 * for those characters.
 */
export function registerPageFonts(base: string): void {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  const faces = [
    ...KOREAN_TEXT_FACES.map((f) => ({ url: new URL(f.path, base).href, 'unicode-range': f.ranges })),
    { url: new URL(NAMES_FILE, base).href, 'unicode-range': codePointRanges(LANG_NAME_LETTERS) },
  ];
  for (const f of faces) {
    const face = new window.FontFace(LABEL_FONT, `url(${f.url}) format('woff2')`, { unicodeRange: f['unicode-range'].join(','), display: 'swap' });
    document.fonts.add(face);
  }
}
