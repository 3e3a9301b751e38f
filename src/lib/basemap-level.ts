/**
 * Two levels of the basemap, as tiled maps have: the overview (geo/basemap/basemap-overview.topo.json,
 * coarser, about two thirds of the bytes) draws views up to OVERVIEW_MAX_ZOOM, such as the embed's
 * first view; deeper views need the detail (basemap.topo.json). Pure: which level a view needs,
 * and when a map showing the overview should start loading the detail.
 */

/**
 * The deepest zoom the overview is drawn at, in device pixels (see deviceZoom): at 7.5 one pixel
 * is ~340 m at 37.5° N, and the overview's coast lies within about a pixel and a half of the
 * detail's (geo/scripts/build-basemap.ts OVERVIEW; compared in tests/browser/basemap-levels.test.ts).
 * The embed's first view (the manifest's bounds in a 1024×768 page) opens at ~7.3.
 */
export const OVERVIEW_MAX_ZOOM = 7.5;

/**
 * How far below OVERVIEW_MAX_ZOOM a reader zooming in starts the detail's loading, so that it
 * is in by the time the view needs it.
 */
export const DETAIL_PREFETCH = 0.5;

export type BasemapLevel = 'overview' | 'detail';

/**
 * The zoom at which a map at `zoom` on a screen of `pixelRatio` device pixels per CSS pixel shows
 * as much: a doubled ratio is one zoom level deeper (a phone's sharp screen shows the coast finer).
 */
export function deviceZoom(zoom: number, pixelRatio = 1): number {
  return zoom + Math.log2(Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1);
}

/** The basemap level a view at `zoom` (CSS pixels) on a screen of `pixelRatio` needs. */
export function basemapLevel(zoom: number, pixelRatio = 1): BasemapLevel {
  return deviceZoom(zoom, pixelRatio) > OVERVIEW_MAX_ZOOM ? 'detail' : 'overview';
}

/**
 * Whether a map drawing the overview should load the detail now: when its view needs it, or
 * while the reader zooms in (`zoomingIn`) within DETAIL_PREFETCH of needing it.
 */
export function shouldLoadDetail(zoom: number, pixelRatio: number, zoomingIn: boolean): boolean {
  const z = deviceZoom(zoom, pixelRatio);
  return z > OVERVIEW_MAX_ZOOM || (zoomingIn && z > OVERVIEW_MAX_ZOOM - DETAIL_PREFETCH);
}
