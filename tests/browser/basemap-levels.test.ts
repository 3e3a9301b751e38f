/**
 * The basemap's two levels in the embed (lib/basemap-level.ts): its first view is drawn with the
 * overview and never asks for the detail; zooming in past the overview's zoom loads the detail;
 * a map that opens deeper than that has the detail before it is complete; and at the first
 * view's zoom the overview draws (almost) the same pixels as the detail.
 */
import { describe, expect, inject, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { decode, type Image } from './pixels.ts';
import { OVERVIEW_MAX_ZOOM } from '../../src/lib/basemap-level.ts';
import type { Browser } from 'playwright-core';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const DETAIL = '/basemap.topo.json';
const OVERVIEW = '/basemap-overview.topo.json';

async function open(path: string, viewport: { width: number; height: number }, deviceScaleFactor = 1): Promise<Watched> {
  const w = await openPage(browser, { viewport, deviceScaleFactor });
  await w.page.goto(`${base}${path}`);
  await waitForMap(w.page);
  return w;
}

/** Requests for each basemap file so far. */
const asked = (w: Watched) => ({ detail: w.requests.filter((u) => u.endsWith(DETAIL)).length, overview: w.requests.filter((u) => u.endsWith(OVERVIEW)).length });

/** Evaluates `fn` with the page's MapLibre map (test builds expose it on the map's container). */
function withMap<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(async () => { const map = document.querySelector('.map').testMap; return (${fn})(map); })()`) as Promise<T>;
}

/** Vertices of the mainland the map draws. */
const mainlandVertices = (page: Page) => withMap<number>(page, `async (map) => (await map.getSource('mainland').getData()).geometry.coordinates[0].length`);

/** Waits until the map has drawn everything it has (idle after a fresh frame). */
const settled = (page: Page) => withMap<void>(page, `(map) => new Promise((done) => { map.once('idle', () => done()); map.triggerRepaint(); })`);

const shot = async (page: Page, name: string): Promise<Image> => {
  await settled(page);
  const png = await page.locator('.map').screenshot();
  writeFileSync(`${ARTIFACTS}/${name}.png`, png);
  return decode(png);
};

/** Fraction of pixels that differ by more than `threshold` in any channel. */
function differing(a: Image, b: Image, threshold = 48): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) > threshold || Math.abs(a.data[i + 1] - b.data[i + 1]) > threshold || Math.abs(a.data[i + 2] - b.data[i + 2]) > threshold) n++;
  }
  return n / (a.width * a.height);
}

describe('basemap levels in the embed', () => {
  it('draws its first view with the overview, loads the detail once zoomed in past it, and both draw the same first view', async () => {
    const w = await open('embed.html?date=1951-01-04', { width: 1024, height: 768 });
    const camera = await withMap<{ zoom: number; center: [number, number] }>(w.page, `(map) => ({ zoom: map.getZoom(), center: map.getCenter().toArray() })`);
    expect(camera.zoom).toBeLessThanOrEqual(OVERVIEW_MAX_ZOOM);
    const overview = await shot(w.page, 'basemap-embed-overview');
    const overviewVertices = await mainlandVertices(w.page);
    // Well after the first view (surroundings, narrative, checks are in): still no detail.
    await expect.poll(() => w.requests.some((u) => u.endsWith('/surroundings.topo.json'))).toBe(true);
    await w.page.waitForTimeout(1000);
    expect(asked(w)).toEqual({ detail: 0, overview: 1 });

    // One press of "Zoom in" goes past the overview's zoom: the detail comes and is drawn.
    await w.page.getByRole('button', { name: /zoom in/i }).click();
    await expect.poll(() => asked(w).detail).toBe(1);
    await expect.poll(() => mainlandVertices(w.page)).toBeGreaterThan(overviewVertices);
    await withMap(w.page, `(map) => map.jumpTo({ zoom: 9, center: [126.7, 37.4] })`);
    await shot(w.page, 'basemap-embed-detail-z9');

    // Back at the first view's camera, drawn with the detail: the same picture within a small tolerance.
    await withMap(w.page, `(map) => map.jumpTo(${JSON.stringify(camera)})`);
    const detail = await shot(w.page, 'basemap-embed-detail');
    const diff = differing(overview, detail);
    console.log(`overview vs detail at zoom ${camera.zoom.toFixed(2)}: ${(diff * 100).toFixed(2)}% of pixels differ`);
    expect(diff).toBeGreaterThan(0);
    expect(diff).toBeLessThan(0.01);
    expect(asked(w)).toEqual({ detail: 1, overview: 1 });
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('plays without sending MapLibre any data once the detail is in: it is drawn when it comes, never per frame', async () => {
    const w = await openPage(browser, { viewport: { width: 1024, height: 768 } });
    // Every message the page sends any worker (MapLibre's setData, tile loads, layout), as app.test.ts counts them.
    await w.page.addInitScript(`
      window.workerPosts = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (...args) { window.workerPosts++; return post.apply(this, args); };
    `);
    await w.page.goto(`${base}embed.html?date=1950-12-31`);
    await waitForMap(w.page);
    const overviewVertices = await mainlandVertices(w.page);
    await w.page.getByRole('button', { name: /zoom in/i }).click();
    await expect.poll(() => mainlandVertices(w.page)).toBeGreaterThan(overviewVertices);
    await expect.poll(() => w.requests.some((u) => u.endsWith('/surroundings.topo.json'))).toBe(true);
    await settled(w.page);
    await w.page.waitForTimeout(1500);
    const posts = () => w.page.evaluate(() => (window as unknown as { workerPosts: number }).workerPosts);
    const drawnDay = async () => Number(await w.page.locator('.map').getAttribute('data-drawn-day'));
    const start = await drawnDay();
    const before = await posts();
    await w.page.locator('button.play').click();
    await expect.poll(drawnDay, { timeout: 30_000 }).toBeGreaterThan(start + 0.3);
    await w.page.locator('button.play').click();
    expect(await posts()).toBe(before);
    expect(asked(w)).toEqual({ detail: 1, overview: 1 });
    await w.context.close();
  });

  it('has the detail before its map is complete when it opens deeper than the overview is drawn for (a sharp screen)', async () => {
    // 800 × 450 at 2 device pixels per CSS pixel: the first view's zoom, in device pixels, is past the overview's.
    const w = await open('embed.html?date=1951-01-10', { width: 800, height: 450 }, 2);
    const zoom = await withMap<number>(w.page, '(map) => map.getZoom() + Math.log2(map.getPixelRatio())');
    expect(zoom).toBeGreaterThan(OVERVIEW_MAX_ZOOM);
    const timing = await w.page.evaluate((file) => {
      const complete = performance.getEntriesByName('campaign:complete')[0]?.startTime;
      const detail = performance.getEntriesByType('resource').find((r) => r.name.endsWith(file)) as PerformanceResourceTiming | undefined;
      return { complete, detailEnd: detail?.responseEnd };
    }, DETAIL);
    expect(timing.detailEnd).toBeDefined();
    expect(timing.detailEnd!).toBeLessThan(timing.complete!);
    // Its first drawn mainland is the detail's.
    const detailVertices = await mainlandVertices(w.page);
    await shot(w.page, 'basemap-embed-800x450-dpr2');
    const flat = await open('embed.html?date=1951-01-10', { width: 800, height: 450 }, 1);
    expect(await mainlandVertices(flat.page)).toBeLessThan(detailVertices);
    expect(asked(flat)).toEqual({ detail: 0, overview: 1 });
    await shot(flat.page, 'basemap-embed-800x450');
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
    await flat.context.close();
  });

  it('keeps the overview on a phone (390 px wide) and the detail in the full app', async () => {
    const phone = await open('embed.html?date=1951-01-04', { width: 390, height: 700 }, 2);
    await shot(phone.page, 'basemap-embed-390');
    expect(asked(phone)).toEqual({ detail: 0, overview: 1 });
    await phone.context.close();
    const app = await open('index.html?date=1951-01-04', { width: 1280, height: 800 });
    await shot(app.page, 'basemap-app-1280x800');
    // (Its held-land chart's worker loads a pack of its own, with the detail too.)
    expect(asked(app).overview).toBe(0);
    expect(asked(app).detail).toBeGreaterThan(0);
    await app.context.close();
  });
});
