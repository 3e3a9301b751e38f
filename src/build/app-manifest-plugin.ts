/**
 * Publishes the web app manifests and icons (see app-manifest.ts) and links them from the
 * full app's page (index.html) only: the embed and the print view are not apps to install.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { appManifest, ICONS, manifestFile, manifestHead } from './app-manifest.ts';

const ICON_DIR = 'src/assets/icons';

/** The manifests and icons, by published path. */
async function files(): Promise<Record<string, string | Buffer>> {
  const out: Record<string, string | Buffer> = {};
  for (const lang of ['en', 'ko'] as const) out[manifestFile(lang)] = JSON.stringify(appManifest(lang));
  for (const icon of ICONS) out[icon.src] = await readFile(`${ICON_DIR}/${icon.src.slice('icons/'.length)}`);
  return out;
}

export function appManifestPlugin(): Plugin {
  return {
    name: 'app-manifest',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        return ctx.path === '/index.html' ? html.replace('<!-- app-manifest -->', manifestHead()) : html.replace('<!-- app-manifest -->', '');
      },
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\//, '');
        files().then((all) => {
          if (!(path in all)) return next();
          res.setHeader('Content-Type', path.endsWith('.png') ? 'image/png' : path.endsWith('.svg') ? 'image/svg+xml' : 'application/manifest+json');
          res.end(all[path]);
        }, next);
      });
    },
    async generateBundle() {
      for (const [fileName, source] of Object.entries(await files())) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
