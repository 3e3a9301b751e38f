/**
 * The service worker's precache: what the app needs to work with the network off, per build.
 * Shared by the Vite build (vite-plugin-pwa) and the test that deploys a second build.
 */
import type { GenerateSWOptions } from 'workbox-build';

/** File name of the service worker in dist/ (registered relative to the pages). */
export const SW_FILE = 'sw.js';

/**
 * Workbox options: precache the pages, scripts, styles, data, fonts and symbols of this build.
 * The new build's worker waits until every page of the old one is closed (or the reader asks
 * for the update), so a page never runs on a mix of two versions; on activation Workbox drops
 * the old build's entries from the precache.
 */
export const workboxOptions = {
  globPatterns: ['**/*.{html,js,mjs,css,json,geojson,woff2,png,svg,webmanifest}'],
  // Test and benchmark pages, and the LMS frame (it lives in its own package), are not part of
  // the offline app. The page of the phases without JavaScript (noscript/, ~250 KB) is: the
  // embed's <noscript> line links to it.
  globIgnores: ['mount.html', 'baseline.html', 'scorm.html', 'sw.js', 'workbox-*.js'],
  // Every page is opened with parameters (?date=…&lang=…): all map to the one cached page.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
  navigateFallback: null,
  cleanupOutdatedCaches: true,
  clientsClaim: false,
  skipWaiting: false,
  // MapLibre's chunk is larger than Workbox's 2 MiB default.
  maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
  sourcemap: false,
} satisfies Partial<GenerateSWOptions>;
