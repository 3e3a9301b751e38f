/**
 * Vite plugin: publishes the data under geo/ at data/ (served in dev, emitted in the build;
 * see publish.ts for what publishing leaves out),
 * and fails the build when a pack does not validate, naming the file and feature.
 */
import { readFile, readdir } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { joinPath, loadPack, narrativeHeads, narrativeHeadsPath } from '../lib/campaign.ts';
import { fsJsonReader } from '../lib/fs-json.ts';
import type { Manifest, Narrative, Unit } from '../lib/types.ts';
import { isValidSidc, renderSymbols } from './unit-symbols.ts';
import { noscriptFiles as noscriptFilesOf, noscriptHtml, noscriptLinkHtml } from './noscript.ts';
import { CSP } from './csp.ts';
import { loadMessages } from '../lib/i18n.ts';
import { publishedJson, withInlineJson } from './publish.ts';
import { allFirstViews, firstViewJson } from './first-view-file.ts';
import { LANGS } from '../lib/types.ts';

/** File name of the pre-rendered symbols, generated beside each manifest that lists units. */
export const SYMBOLS_FILE = 'unit-symbols.json';

/** Pre-renders the symbols of the pack at `manifest` (a path under geo/), or undefined if it has no units. */
async function symbolsFor(root: string, manifest: string): Promise<string | undefined> {
  const m = JSON.parse(await readFile(join(root, manifest), 'utf8')) as Manifest;
  if (!m.files.units) return undefined;
  const units = JSON.parse(await readFile(join(root, manifest, '..', m.files.units), 'utf8')) as Record<string, Unit>;
  return JSON.stringify(renderSymbols(units));
}

/**
 * The heads files of the pack at `manifest` (a path under geo/): for each narrative, its names
 * and summaries alone (narrativeHeads), by path under geo/, for pages whose first view shows
 * no paragraph (the embed). A narrative that cannot be read gets none (the build refuses it anyway).
 */
async function headsFor(root: string, manifest: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const m = JSON.parse(await readFile(join(root, manifest), 'utf8')) as Manifest;
  for (const rel of Object.values(m.files.narrative ?? {}) as string[]) {
    const path = joinPath(manifest, rel);
    try {
      out.set(narrativeHeadsPath(path), JSON.stringify(narrativeHeads(JSON.parse(await readFile(join(root, path), 'utf8')) as Narrative)));
    } catch {}
  }
  return out;
}

const DATA_EXT = /\.(geo)?json$/;
/** Folders under geo/ that hold recipes or raw inputs, not data the app loads. */
const SKIP = new Set(['scripts', 'raw']);

async function dataFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) out.push(...(await dataFiles(join(dir, entry.name))));
    } else if (DATA_EXT.test(entry.name)) out.push(join(dir, entry.name));
  }
  return out.sort();
}

/**
 * Marker in the HTML pages replaced by the no-JavaScript fallback; `:` + phase ids narrows it,
 * `:link` puts a line linking to the page of the phases instead (the embed's first view is budgeted).
 */
const NOSCRIPT_MARK = /<!-- noscript-fallback(?::([\w,-]+))? -->/;

/** Marker in the HTML pages replaced by the first pack's manifest, inline (see withInlineManifest). */
const MANIFEST_MARK = '<!-- campaign-manifest -->';

/**
 * `html` with the manifest of the pack the pages show in place of MANIFEST_MARK, as an inline
 * JSON block at its published path (read by src/lib/inline-json.ts): the map starts from it
 * without waiting for a request. The file is still published for other readers.
 */
async function withInlineManifest(html: string, root: string, manifest: string): Promise<string> {
  let json: string;
  try {
    json = publishedJson(await readFile(join(root, manifest), 'utf8'));
  } catch {
    // Unreadable: the page fetches it and reports the problem (the build refuses it anyway).
    return html.replace(MANIFEST_MARK, '');
  }
  return withInlineJson(html, MANIFEST_MARK, `data/${manifest}`, json);
}

/** Options: the geo/ folder and the manifests to validate at build time. */
export function geoData(options: { root: string; manifests: string[] }): Plugin {
  const root = resolve(options.root);
  let isBuild = false;
  /** The no-JavaScript pictures and page of the first pack (the one the pages show), made once. */
  let pictures: Promise<Record<string, string>> | undefined;
  const noscriptFiles = () =>
    (pictures ??= Promise.all([loadPack(join(root, options.manifests[0]), fsJsonReader), loadMessages('ko')]).then(([pack]) => noscriptFilesOf(pack, CSP, 480)));
  return {
    name: 'geo-data',
    configResolved(config) {
      // Only a production build fails on bad data; the dev server and tests report it in the app.
      isBuild = config.command === 'build' && !process.env.VITEST;
    },
    async buildStart() {
      if (!isBuild) return;
      for (const m of options.manifests) {
        try {
          const pack = await loadPack(join(root, m), fsJsonReader, { isValidSidc });
          // The embed starts with the overview, and checks the data against its coast.
          if (pack.manifest.files.basemapOverview) await loadPack(join(root, m), fsJsonReader, { isValidSidc, basemap: 'overview' });
          // The embed's first view is drawn from its first-view file: the same picture as the full data's.
          const { problems } = await allFirstViews(join(root, m), pack);
          if (problems.length) throw new Error(problems.map((p) => `${m}: ${p}`).join('\n'));
        } catch (e) {
          this.error(`Campaign data is invalid:\n${e instanceof Error ? e.message : String(e)}`);
        }
      }
    },
    async transformIndexHtml(html) {
      if (html.includes(MANIFEST_MARK)) html = await withInlineManifest(html, root, options.manifests[0]);
      const mark = NOSCRIPT_MARK.exec(html);
      if (!mark) return html;
      if (mark[1] === 'link') return html.replace(mark[0], noscriptLinkHtml());
      // The first pack is the one the pages show; the figures are captioned in both languages.
      const [pack] = await Promise.all([loadPack(join(root, options.manifests[0]), fsJsonReader), loadMessages('ko')]);
      return html.replace(mark[0], noscriptHtml(pack, 480, mark[1]?.split(',')));
    },
    configureServer(server) {
      server.middlewares.use('/noscript', (req, res, next) => {
        const path = `noscript${decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/\/$/, '/index.html')}`;
        noscriptFiles().then((files) => {
          if (!(path in files)) return next();
          const type = path.endsWith('.svg') ? 'image/svg+xml' : path.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
          res.setHeader('Content-Type', type);
          res.end(files[path]);
        }, next);
      });
      server.middlewares.use('/data', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
        const symbolsOf = options.manifests.find((m) => path === `/${m.replace(/manifest\.json$/, SYMBOLS_FILE)}`);
        if (symbolsOf) {
          symbolsFor(root, symbolsOf).then((json) => {
            if (json === undefined) return next();
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(json);
          }, next);
          return;
        }
        const firstLang = LANGS.find((l) => path.endsWith(`/first-view.${l}.json`));
        const firstOf = options.manifests.find((m) => firstLang && path === `/${m.replace(/manifest\.json$/, `first-view.${firstLang}.json`)}`);
        if (firstOf && firstLang) {
          firstViewJson(join(root, firstOf), firstLang).then((json) => {
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(json);
          }, next);
          return;
        }
        if (path.endsWith('.heads.json')) {
          Promise.all(options.manifests.map((m) => headsFor(root, m))).then((all) => {
            const json = all.map((heads) => heads.get(path.slice(1))).find((j) => j !== undefined);
            if (json === undefined) return next();
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(json);
          }, next);
          return;
        }
        const file = resolve(root, `.${path}`);
        // Serve only data files inside geo/, never anything a crafted path points at.
        if (!file.startsWith(root + sep) || !DATA_EXT.test(file) || !existsSync(file) || !statSync(file).isFile()) return next();
        readFile(file, 'utf8').then((text) => {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          // A malformed file is served as it is, for the app to report.
          let out = text;
          try {
            out = publishedJson(text);
          } catch {}
          res.end(out);
        }, next);
      });
    },
    async generateBundle() {
      for (const file of await dataFiles(root)) {
        const source = publishedJson(await readFile(file, 'utf8'));
        this.emitFile({ type: 'asset', fileName: `data/${relative(root, file).split(sep).join('/')}`, source });
      }
      for (const [fileName, source] of Object.entries(await noscriptFiles())) this.emitFile({ type: 'asset', fileName, source });
      for (const m of options.manifests) {
        for (const [path, json] of await headsFor(root, m)) this.emitFile({ type: 'asset', fileName: `data/${path}`, source: json });
        for (const [name, source] of (await allFirstViews(join(root, m))).files) this.emitFile({ type: 'asset', fileName: `data/${m.replace(/manifest\.json$/, name)}`, source });
        const json = await symbolsFor(root, m);
        if (json !== undefined) this.emitFile({ type: 'asset', fileName: `data/${m.replace(/manifest\.json$/, SYMBOLS_FILE)}`, source: json });
      }
    },
  };
}
