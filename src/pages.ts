/**
 * What every page shares: the pack it shows and how it reads data.
 */
import { fetchJsonReader } from './lib/fetch-json.ts';
import { inlineFirst, inlineJsonFiles } from './lib/inline-json.ts';
import { LANG_NAME_LETTERS, fontsFor, registerPageFonts } from './map/fonts.ts';
import { langParam } from './lib/params.ts';
import { preferredLang } from './lib/i18n.ts';

/** The pack the pages show; data/ mirrors geo/ (see vite.config.ts). */
export const MANIFEST = 'data/korea-1951-01/manifest.json';

/** Reads data files relative to the page: the manifest from the page itself, the rest by fetch. */
export const read = inlineFirst(inlineJsonFiles(document, document.baseURI), document.baseURI, fetchJsonReader(document.baseURI));

registerPageFonts(document.baseURI);

/**
 * Resolves once the page's own font faces are in (the language names' Hangul where the page
 * has a language switch, and the Hangul text face on a Korean page), or after a second at
 * most. A page with no Hangul to draw waits for nothing and downloads no font. (A lesson link
 * that names no language waits for the lesson's in PageLang, once it is read.)
 */
function fontsSettled(languageSwitch: boolean): Promise<void> {
  const lang = langParam(location.search) ?? preferredLang(navigator.languages);
  return fontsFor((languageSwitch ? LANG_NAME_LETTERS : '') + (lang === 'ko' ? '가' : ''));
}

/**
 * Keeps the page unpainted (app.css `.fonts-pending`) until its font faces are in, a second at
 * most: drawn before them, it would reflow when they arrive and move the map (a layout shift).
 * The page mounts meanwhile, so its data and map load as before.
 */
export function holdForFonts(options: { languageSwitch: boolean }): void {
  document.documentElement.classList.add('fonts-pending');
  void fontsSettled(options.languageSwitch).then(() => document.documentElement.classList.remove('fonts-pending'));
}

/** The element a page mounts into, emptied of its no-JavaScript content. */
export function mountTarget(): HTMLElement | undefined {
  const target = document.getElementById('app');
  if (!target) return undefined;
  target.textContent = '';
  return target;
}
