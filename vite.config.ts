import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { geoData } from './src/build/geo-data-plugin.ts';
import { hostScriptDev } from './src/build/host-script-plugin.ts';
import { subsetFonts } from './src/build/fonts-plugin.ts';
import { VitePWA } from 'vite-plugin-pwa';
import { appManifestPlugin } from './src/build/app-manifest-plugin.ts';
import { preloadMapPlugin } from './src/build/preload-map-plugin.ts';
import { SW_FILE, workboxOptions } from './src/build/offline.ts';
import { CSP } from './src/build/csp.ts';

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
    // Offline after one visit: a service worker precaches this build (see src/build/offline.ts);
    // the app registers it itself (src/lib/offline.ts), the manifests come from appManifestPlugin.
    VitePWA({ registerType: 'prompt', injectRegister: false, manifest: false, filename: SW_FILE, workbox: workboxOptions }),
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
    rollupOptions: {
      input: {
        main: 'index.html',
        embed: 'embed.html',
        print: 'print.html',
        // The SCORM 1.2 SCO's launch page (see npm run package): the embed framed for an LMS.
        scorm: 'scorm.html',
        lessonBuilder: 'lesson-builder.html',
        host: 'src/host/embed-host.ts',
        lesson: 'examples/lesson.html',
        // The bare-MapLibre baseline pages exist only in benchmark builds: the basemap alone,
        // and the opening view's content as plain style layers (bench/content-data.ts writes its data first).
        ...(process.env.BENCH ? { baseline: 'bench/baseline.html', content: 'bench/content.html' } : {}),
        // A page that mounts and unmounts the map exists only in the browser tests' build.
        ...(process.env.TEST_PAGES ? { mount: 'tests/browser/mount.html', frontCompare: 'tests/browser/front-compare.html' } : {}),
      },
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
