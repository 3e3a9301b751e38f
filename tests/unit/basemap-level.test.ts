/** Which level of the basemap a view needs (lib/basemap-level.ts). */
import { describe, expect, it } from 'vitest';
import { basemapLevel, deviceZoom, DETAIL_PREFETCH, OVERVIEW_MAX_ZOOM, shouldLoadDetail } from '../../src/lib/basemap-level.ts';
import { openingFrame } from '../../src/lib/poster.ts';
import { CAMERA } from '../../src/map/style.ts';
import manifest from '../../geo/korea-1951-01/manifest.json' with { type: 'json' };

const bounds = manifest.camera.bounds as [[number, number], [number, number]];
/** The zoom the map opens at for the pack's bounds in a map of this size (CSS px). */
const opening = (width: number, height: number) => openingFrame(bounds, width, height, CAMERA).zoom;

describe('basemap level', () => {
  it('draws the overview up to its zoom and the detail deeper', () => {
    expect(basemapLevel(5)).toBe('overview');
    expect(basemapLevel(OVERVIEW_MAX_ZOOM)).toBe('overview');
    expect(basemapLevel(OVERVIEW_MAX_ZOOM + 0.01)).toBe('detail');
    expect(basemapLevel(8.4)).toBe('detail');
    expect(basemapLevel(10)).toBe('detail');
  });

  it('counts device pixels: a sharp screen needs the detail a zoom level sooner', () => {
    expect(deviceZoom(7, 2)).toBe(8);
    expect(deviceZoom(7, 1)).toBe(7);
    expect(basemapLevel(7, 1)).toBe('overview');
    expect(basemapLevel(7, 2)).toBe('detail');
    // A broken ratio counts as 1.
    expect(deviceZoom(7, Number.NaN)).toBe(7);
    expect(deviceZoom(7, 0)).toBe(7);
  });

  it("gives the embed's usual first views the overview, and a large or sharp map the detail", () => {
    // The bench's page (1024 × 768, the map under the embed's bar), an 800 × 450 embed, a phone.
    expect(basemapLevel(opening(1024, 700), 1)).toBe('overview');
    expect(basemapLevel(opening(800, 410), 1)).toBe('overview');
    expect(basemapLevel(opening(390, 300), 2)).toBe('overview');
    // A full-screen map on a large monitor, the same 800 × 450 embed on a sharp laptop screen.
    expect(basemapLevel(opening(1920, 1000), 1)).toBe('detail');
    expect(basemapLevel(opening(800, 410), 2)).toBe('detail');
  });

  it('starts loading the detail a little before it is needed, only while zooming in', () => {
    const near = OVERVIEW_MAX_ZOOM - DETAIL_PREFETCH / 2;
    expect(shouldLoadDetail(near, 1, false)).toBe(false);
    expect(shouldLoadDetail(near, 1, true)).toBe(true);
    expect(shouldLoadDetail(OVERVIEW_MAX_ZOOM - DETAIL_PREFETCH - 0.1, 1, true)).toBe(false);
    expect(shouldLoadDetail(OVERVIEW_MAX_ZOOM + 0.1, 1, false)).toBe(true);
  });
});
