import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { geoData } from './src/build/geo-data-plugin.ts';
import { hostScriptDev } from './src/build/host-script-plugin.ts';
import { subsetFonts } from './src/build/fonts-plugin.ts';
import { VitePWA } from 'vite-plugin-pwa';
import { appManifestPlugin } from './src/build/app-manifest-plugin.ts';
import { preloadMapPlugin } from './src/build/preload-map-plugin.ts';
import { SW_FILE, workboxOptions } from './src/build/offline.ts';
import { CSP } from './src/build/csp.ts';
import { isEmbedOnly } from './src/build/build-site.ts';
import { embedChunkPlugin } from './src/build/embed-chunk-plugin.ts';

export default defineConfig({
  // Relative asset paths: the build works from any static host or sub-folder.
  base: './',
  plugins: [
    svelte(),
    geoData({ root: 'geo', manifests: ['korea-1951-01/manifest.json'] }),
    hostScriptDev('src/host/embed-host.ts'),
    subsetFonts(),
    appManifestPlugin(),
    preloadMapPlugin(),
    // The embed's build: its first script in one file (with the libraries that script runs).
    embedChunkPlugin({ isEmbedOnly, libraries: /node_modules[\\/](svelte|@turf[\\/](helpers|invariant|distance|bearing|destination)|topojson-client)[\\/]/ }),
    // Offline after one visit: a service worker precaches this build (see src/build/offline.ts);
    // the app registers it itself (src/lib/offline.ts), the manifests come from appManifestPlugin.
    // Built in two parts (src/build/build-site.ts): the worker only in the second, which runs after
    // the embed's files are written, so it precaches both; the embed's build writes none.
    ...VitePWA({ registerType: 'prompt', injectRegister: false, manifest: false, filename: SW_FILE, workbox: workboxOptions }).map(
      (p): Plugin => ({ ...p, apply: (config, env) => !(env.command === 'build' && isEmbedOnly(config)) && (typeof p.apply === 'function' ? p.apply(config, env) : p.apply === undefined || p.apply === env.command) }),
    ),
    {
      name: 'csp-meta',
      apply: 'build',
      // Only in the build: the dev server injects inline styles for hot reloading.
      transformIndexHtml: (html, ctx) =>
        // The lesson page is an example host page, not ours: it keeps whatever policy its site has.
        ctx.path.includes('/examples/') ? html : html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
    },
  ],
  build: {
    target: 'es2022',
    // Browsers of the es2022 target have <link rel="modulepreload"> (Safari before 17 merely
    // skips the preload): no polyfill script on every page.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1400,
    // The pages (rollupOptions.input) are given per part by src/build/build-site.ts: build with
    // `npm run build`, not `vite build`.
    rollupOptions: {
      output: {
        // MapLibre in a chunk of its own: cached across releases of our code, measured apart.
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }, { name: 'shell', test: /node_modules[\\/](svelte|@turf[\\/](helpers|invariant|distance)|topojson-client)[\\/]|src[\\/](lib[\\/](dates|types|i18n)|map[\\/]colors)\.ts/ }] },
        // The host script keeps a stable name (dist/embed.js) so teachers can link it.
        entryFileNames: (chunk) => (chunk.name === 'host' ? 'embed.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  test: {
    expect: { requireAssertions: true, poll: { timeout: 10_000, interval: 100 } },
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/data/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // Rune modules (*.svelte.ts) under test: Svelte's client runtime, so their effects run (no DOM).
        resolve: { conditions: ['browser'] },
        test: { name: 'runes', include: ['tests/runes/**/*.test.ts'], environment: './tests/runes/client-environment.ts' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
