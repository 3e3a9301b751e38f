/**
 * Figure (d) of `npm run bench`, on its own and quicker: `npx tsx bench/embed-bytes.ts
 * [--modules] [--no-build] [--shots dir]` builds the app once, serves it, opens embed.html in Chromium and
 * prints the gzip size of every file the embed loads before its map is complete (the
 * `campaign:complete` mark), minus MapLibre, and those it loads later. With `--modules`, the
 * build also writes hidden source maps and each counted script is broken down by source module
 * (its share of the chunk's gzip, in proportion to its bytes in the chunk). With `--shots dir`,
 * the complete embed is photographed (English, and Korean on 15 January) into dir.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { preview } from 'vite';
import { buildSite } from '../src/build/build-site.ts';
import type { Browser } from 'playwright-core';
import { launch, openPage } from '../tests/browser/chromium.ts';
import { writeContentData } from './content-data.ts';

/** One file's compressed sizes (fonts, already compressed, count as they are). */
export interface FileBytes {
  file: string;
  gzip: number;
  brotli: number;
}

/** What the embed loaded before its map was complete (counted) and after (listed apart). */
export interface EmbedBytes {
  gzip: number;
  brotli: number;
  files: FileBytes[];
  afterFirstFrame: FileBytes[];
}

const READY = '.map[data-ready="true"], body[data-ready="true"]';

/** The dist/ file a URL of the preview server names, if any. */
export function distFile(url: string, origin: string, outDir = 'dist'): string | undefined {
  if (!url.startsWith(origin)) return undefined;
  const path = decodeURIComponent(new URL(url).pathname);
  const file = join(outDir, path === '/' ? 'index.html' : path);
  return existsSync(file) ? file : undefined;
}

function sizeOf(file: string, outDir: string): FileBytes {
  const buf = readFileSync(file);
  const name = file.slice(outDir.length + 1);
  // Fonts are already compressed; servers send them as they are.
  if (/\.woff2$/.test(file)) return { file: name, gzip: buf.length, brotli: buf.length };
  return { file: name, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotliCompressSync(buf).length };
}

/**
 * (d) Opens `${base}embed.html` and sums the compressed bytes of every file of the build
 * (in `outDir`) requested up to the `campaign:complete` mark (resource timing), MapLibre's JS
 * and CSS left out.
 */
export async function measureEmbedBytes(browser: Browser, base: string, outDir = 'dist'): Promise<EmbedBytes> {
  const wd = await openPage(browser, { viewport: { width: 1024, height: 768 } });
  const origin = new URL(base).origin;
  try {
    await wd.page.goto(`${base}embed.html`);
    await wd.page.waitForSelector(READY);
    await wd.page.waitForTimeout(1000);
    // What was requested up to the complete first view (resource timing, against the
    // campaign:complete mark, after the front-shown frame); what comes after it is listed apart.
    const timed = (await wd.page.evaluate(`(function () {
      var mark = performance.getEntriesByName('campaign:complete')[0];
      var frame = mark ? mark.startTime : Infinity;
      var all = performance.getEntriesByType('resource');
      return {
        before: [location.href].concat(all.filter(function (r) { return r.startTime <= frame; }).map(function (r) { return r.name; })),
        after: all.filter(function (r) { return r.startTime > frame; }).map(function (r) { return r.name; }),
      };
    })()`)) as { before: string[]; after: string[] };
    const inDist = (urls: string[]) => [...new Set(urls.map((u) => distFile(u, origin, outDir)).filter((f): f is string => Boolean(f)))];
    const before = inDist(timed.before);
    const later = inDist(timed.after).filter((f) => !before.includes(f));
    const files = before.filter((f) => !/maplibre/.test(f)).map((f) => sizeOf(f, outDir));
    const afterFirstFrame = later.filter((f) => !/maplibre/.test(f)).map((f) => sizeOf(f, outDir));
    return {
      gzip: files.reduce((s, f) => s + f.gzip, 0),
      brotli: files.reduce((s, f) => s + f.brotli, 0),
      files,
      afterFirstFrame,
    };
  } finally {
    await wd.context.close();
  }
}

/** Bytes of a built script per source module, from its (hidden) source map. */
function moduleBytes(jsFile: string): Map<string, number> {
  const out = new Map<string, number>();
  const mapFile = `${jsFile}.map`;
  if (!existsSync(mapFile)) return out;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const lines = readFileSync(jsFile, 'utf8').split('\n');
  decode(map.mappings).forEach((segments, line) => {
    const text = lines[line] ?? '';
    segments.forEach((seg, i) => {
      const end = i + 1 < segments.length ? segments[i + 1][0] : text.length;
      const source = seg.length > 1 && seg[1] !== undefined ? map.sources[seg[1]].replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/') : '(unmapped)';
      out.set(source, (out.get(source) ?? 0) + Buffer.byteLength(text.slice(seg[0], end)));
    });
  });
  return out;
}

/** Photographs the embed's complete first view (1024×768, whole page) for before/after comparisons. */
async function photograph(browser: Browser, base: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [name, query] of [['embed-en', ''], ['embed-ko-0115', '?date=1951-01-15&lang=ko']]) {
    const w = await openPage(browser, { viewport: { width: 1024, height: 768 } });
    await w.page.goto(`${base}embed.html${query}`);
    await w.page.waitForSelector(READY);
    await w.page.waitForTimeout(1500);
    await w.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    if (w.consoleProblems.length) process.stdout.write(`${name}: ${w.consoleProblems.join(' | ')}\n`);
    await w.context.close();
  }
}

/** Prints the figure, every file, and with `modules` the per-module split of each script. */
export function printEmbedBytes(bytes: EmbedBytes, modules: boolean, outDir = 'dist', out = (s: string) => process.stdout.write(s)): void {
  out(`(d) embed first view minus MapLibre: ${bytes.gzip} B gzip, ${bytes.brotli} B brotli\n`);
  out('(d) files loaded before the map is complete (gzip bytes):\n');
  for (const f of [...bytes.files].sort((a, b) => b.gzip - a.gzip)) {
    out(`  ${String(f.gzip).padStart(7)}  ${f.file}\n`);
    if (!modules || !f.file.endsWith('.js')) continue;
    const split = moduleBytes(join(outDir, f.file));
    const total = [...split.values()].reduce((a, b) => a + b, 0);
    for (const [source, n] of [...split].sort((a, b) => b[1] - a[1])) {
      if (n / total < 0.004) continue;
      out(`           ${String(Math.round((f.gzip * n) / total)).padStart(6)}  ${source}\n`);
    }
  }
  if (bytes.afterFirstFrame.length) {
    out('(d) loaded after that (not counted):\n');
    for (const f of bytes.afterFirstFrame) out(`  ${String(f.gzip).padStart(7)}  ${f.file}\n`);
  }
}

/** A build folder of its own, so the figure can be taken while the browser tests use dist/. */
const OUT_DIR = 'bench/.dist';

async function main(): Promise<void> {
  const modules = process.argv.includes('--modules');
  process.env.BENCH = '1';
  process.env.VITE_BENCH = '1';
  if (!process.argv.includes('--no-build')) {
    // The benchmark build has the content baseline's page too, which needs its data written first.
    await writeContentData();
    await buildSite({ logLevel: 'error', outDir: OUT_DIR, ...(modules ? { sourcemap: 'hidden' as const } : {}) });
  }
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, build: { outDir: OUT_DIR }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const browser = await launch();
  try {
    const base = `http://127.0.0.1:${address.port}/`;
    printEmbedBytes(await measureEmbedBytes(browser, base, OUT_DIR), modules, OUT_DIR);
    const shots = process.argv.indexOf('--shots');
    if (shots > 0) await photograph(browser, base, process.argv[shots + 1] ?? 'tests/.artifacts');
  } finally {
    await browser.close();
    server.httpServer.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
