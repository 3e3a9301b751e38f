/**
 * The Hangul font cut to the characters the campaign actually uses: Noto Sans KR's Korean
 * file is subset at build time (harfbuzz via subset-font) from every text in geo/ and the
 * message catalogues, and published at fonts/: about 40 KB instead of hundreds of
 * unicode-range subsets. Latin text, on the page and on the map, uses the system's sans-serif
 * (every system has one; not every system has Hangul), so English pages download no font.
 * The Han face (Chinese titles and names, CJK brackets) is cut once and committed (see
 * han-font.ts): no npm package carries its source. This plugin publishes it beside the others.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';
import { LANG_NAME_LETTERS } from '../map/fonts.ts';

const FILES = '@fontsource/noto-sans-kr/files';
/** Published file names, relative to the site root (see src/fonts.ts). */
export const FONT_FILES = { hangul: 'fonts/noto-sans-kr-hangul.woff2', names: 'fonts/noto-sans-kr-names.woff2', han: 'fonts/noto-sans-cjk-kr-han.woff2' } as const;
/** The Han face, cut once from a font collection no npm package carries (see han-font.ts) and committed. */
const HAN_SOURCE = 'src/assets/fonts/noto-sans-cjk-kr-han.woff2';

async function textFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await textFiles(p, pattern)));
    else if (pattern.test(e.name)) out.push(p);
  }
  return out;
}

/** Built pages whose Korean text is written in their source, not in a catalogue (the page without JavaScript). */
const PAGE_SOURCES = ['src/build/noscript.ts'];

/** Every character the pages or the map can draw: all data under geo/, all catalogues and PAGE_SOURCES. */
export async function usedText(root: string): Promise<string> {
  const files = [
    ...(await textFiles(join(root, 'geo'), /\.(geo)?json$/)),
    ...(await textFiles(join(root, 'src/locales'), /\.ts$/)),
    ...PAGE_SOURCES.map((f) => join(root, f)),
  ];
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return [...new Set(texts.join(''))].join('');
}

async function buildFonts(root: string): Promise<Record<keyof typeof FONT_FILES, Buffer>> {
  const text = await usedText(root);
  const dir = join(root, 'node_modules', FILES);
  const hangul = await readFile(join(dir, 'noto-sans-kr-korean-400-normal.woff2'));
  return {
    hangul: await subsetFont(hangul, text, { targetFormat: 'woff2' }),
    // The letters of the language names as the switch shows them (see src/map/fonts.ts).
    names: await subsetFont(hangul, LANG_NAME_LETTERS, { targetFormat: 'woff2' }),
    han: await readFile(join(root, HAN_SOURCE)),
  };
}

/** Serves the subset fonts in development and emits them in the build. */
export function subsetFonts(root = process.cwd()): Plugin {
  let cache: Promise<Record<keyof typeof FONT_FILES, Buffer>> | undefined;
  const fonts = () => (cache ??= buildFonts(root));
  return {
    name: 'subset-fonts',
    configureServer(server) {
      server.middlewares.use('/fonts', (req, res, next) => {
        const key = (Object.keys(FONT_FILES) as (keyof typeof FONT_FILES)[]).find((k) => `/${FONT_FILES[k]}` === `/fonts${req.url}`);
        if (!key) return next();
        fonts().then((f) => {
          res.setHeader('Content-Type', 'font/woff2');
          res.end(f[key]);
        }, next);
      });
    },
    async generateBundle() {
      const f = await fonts();
      for (const key of Object.keys(FONT_FILES) as (keyof typeof FONT_FILES)[]) {
        this.emitFile({ type: 'asset', fileName: FONT_FILES[key], source: f[key] });
      }
    },
  };
}
