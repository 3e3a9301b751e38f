/**
 * When the map cannot draw: no WebGL, no JavaScript, a lost GPU context. And the print view.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from './chromium.ts';
import { ARTIFACTS, useBrowser, useNoWebGlBrowser } from './shared-browser.ts';
import { layoutFaults, svgPastFrame } from './layout.ts';
import { colorStats, decode, type Image } from './pixels.ts';
import { COLORS } from '../../src/map/colors.ts';
import { dayOf } from '../../src/lib/dates.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
let noGl: Browser;
useNoWebGlBrowser((b) => (noGl = b));

describe('without WebGL', () => {
  it.each(['', 'embed.html'])('%s draws the SVG map for the date, and the slider and narrative still work', async (path) => {
    const w = await openPage(noGl);
    await w.page.goto(`${base}${path}?date=1951-01-04`);
    await w.page.waitForSelector('.svg-fallback svg', { timeout: 30_000 });
    // What to do about it, too: the notice under the SVG map is the reader's only clue.
    await expect.poll(() => w.page.locator('.fallback-note').textContent()).toMatch(/no WebGL\. Turning on hardware acceleration may help/);
    const front = () =>
      w.page.locator('.svg-fallback g path[fill="none"]').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? '').join(''));
    const before = await front();
    expect(before?.length).toBeGreaterThan(20);
    const slider = w.page.getByRole('slider', { name: /date/i });
    await slider.focus();
    await w.page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^31 January 1951/);
    await expect.poll(front).not.toBe(before);
    expect(w.consoleProblems.filter((m) => !/WebGL|webgl/.test(m))).toEqual([]);
    await w.context.close();
  });
});

describe('the SVG map without WebGL, in its frame', () => {
  const cases = ['', 'embed.html'].flatMap((path) => [{ width: 1280, height: 800 }, { width: 390, height: 844 }].map((viewport) => ({ path, viewport })));
  it.each(cases)('$path at $viewport.width px draws nothing past its frame and stays in its box', async ({ path, viewport }) => {
    const w = await openPage(noGl, { viewport });
    await w.page.goto(`${base}${path}?date=1951-01-04`);
    await w.page.waitForSelector('.svg-fallback svg', { timeout: 30_000 });
    // The land, the PVA/KPA ground and the rivers run past the picture's frame (its sea): none of them shows there.
    expect(await svgPastFrame(w.page, '.svg-fallback svg.svg-map')).toEqual([]);
    expect(await layoutFaults(w.page, [{ name: 'SVG map', box: '.svg-fallback', parts: 'svg.svg-map' }])).toEqual([]);
    await w.page.screenshot({ path: `${ARTIFACTS}/svg-fallback-${path ? 'embed' : 'app'}-${viewport.width}.png` });
    await w.context.close();
  });
});

describe('without JavaScript', () => {
  it('shows a picture of the front and the summary for every phase', async () => {
    const w = await openPage(browser, { javaScriptEnabled: false });
    await w.page.goto(base);
    const figures = w.page.locator('.ns-phase');
    expect(await figures.count()).toBe(9);
    expect(await figures.first().textContent()).toMatch(/31 December 1950/);
    expect(await figures.nth(2).textContent()).toMatch(/Seoul/);
    const img = figures.first().locator('img');
    expect(await img.getAttribute('alt')).toMatch(/Front line on 31 December 1950/);
    // The picture is a separate file: it loaded, and it is drawn at a readable size.
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    expect((await img.boundingBox())?.width).toBeGreaterThan(200);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('with JavaScript', () => {
  it('the embed loads only what it shows: no no-JavaScript pictures, source index, named lines, other language or SVG map', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}embed.html`);
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    expect(w.requests.some((u) => u.includes('/data/'))).toBe(true);
    expect(w.requests.filter((u) => u.includes('/noscript/'))).toEqual([]);
    expect(w.requests.filter((u) => /sources\.json|lines\.geojson|narrative\.ko\.json|unit-notes|SvgFallback/.test(u))).toEqual([]);
    // The manifest comes inline in the page: the map starts without waiting for a request.
    expect(w.requests.filter((u) => u.endsWith('/manifest.json'))).toEqual([]);
    const inline = await w.page.locator('script[type="application/json"][data-path$="manifest.json"]').textContent();
    expect(JSON.parse(inline!).id).toBe('korea-1951-01');
    // The land around the campaign comes after the first frame, never before it.
    const timing = () =>
      w.page.evaluate(() => ({
        frame: performance.getEntriesByName('campaign:complete')[0]?.startTime,
        asked: performance.getEntriesByType('resource').find((r) => r.name.endsWith('/surroundings.topo.json'))?.startTime,
      }));
    await expect.poll(async () => (await timing()).asked).toBeGreaterThan(0);
    const { frame, asked } = await timing();
    expect(asked).toBeGreaterThanOrEqual(frame!);
    await w.context.close();
  });
});

/** Pixels of the PVA/KPA territory's tint and hatch (red over the pale land). */
function territory(img: Image): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] - img.data[i + 2] > 30 && img.data[i] > 140) n++;
  return n;
}

describe('GPU context loss', () => {
  it('shows a notice, keeps the slider working, and comes back at the current date', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-10`);
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    const shot = decode(await w.page.locator('.map').screenshot());
    const before = { front: colorStats(shot, COLORS.front, 24).count, hatch: territory(shot) };
    expect(before.front).toBeGreaterThan(300);
    await w.page.evaluate(() => {
      const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2');
      (window as unknown as { lose: WEBGL_lose_context | null }).lose = gl?.getExtension('WEBGL_lose_context') ?? null;
      (window as unknown as { lose: WEBGL_lose_context }).lose.loseContext();
    });
    await expect.poll(() => w.page.locator('.map-wrap .overlay').count()).toBe(1);
    expect(await w.page.locator('.map-wrap .overlay').textContent()).toMatch(/stopped the map’s graphics\. Waiting for them to come back/);
    const slider = w.page.getByRole('slider', { name: /date/i });
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^11 January 1951/);
    await w.page.evaluate(() => (window as unknown as { lose: WEBGL_lose_context }).lose.restoreContext());
    await expect.poll(() => w.page.locator('.map-wrap .overlay').count()).toBe(0);
    expect(await w.page.locator('.map canvas').count()).toBe(1);
    // The custom layers uploaded their buffers again into the new context: the front, the
    // territory and the unit symbols are drawn again, at the date the slider moved to meanwhile.
    await expect.poll(() => w.page.locator('.map').getAttribute('data-drawn-day'), { timeout: 20_000 }).toBe(String(dayOf('1951-01-11')));
    const drawn = async () => {
      const img = decode(await w.page.locator('.map').screenshot());
      return { front: colorStats(img, COLORS.front, 24).count, hatch: territory(img), friendly: colorStats(img, '#80e0ff', 30).count };
    };
    await expect.poll(async () => (await drawn()).front, { timeout: 20_000 }).toBeGreaterThan(before.front * 0.7);
    const after = await drawn();
    expect(after.hatch).toBeGreaterThan(before.hatch * 0.7);
    expect(after.friendly).toBeGreaterThan(0);
    await w.context.close();
  });

  it('switches to the SVG map when the context does not come back', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-10`);
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await w.page.evaluate(() => {
      const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
      canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
    });
    await w.page.waitForSelector('.svg-fallback svg', { timeout: 15_000 });
    // Lost, not missing: "no WebGL" would send the reader after the wrong fix (map-notices.test.ts has the rest).
    expect(await w.page.locator('.fallback-note').textContent()).toMatch(/stopped the interactive map’s graphics/);
    expect(await w.page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^10 January 1951/);
    await w.context.close();
  });
});

describe('print view', () => {
  it('lays out every phase with its date, summary and sources, legible in black and white', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}print.html`);
    await w.page.waitForSelector('.phase svg');
    expect(await w.page.locator('.phase').count()).toBe(9);
    expect(await w.page.locator('.phase h2').first().textContent()).toMatch(/31 December 1950/);
    expect(await w.page.locator('.phase .keys').first().textContent()).toMatch(/Sources: .*Mossman, Ebb and Flow, ch\. \d+/);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await w.page.pdf({ format, printBackground: false });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      expect(pdf.length).toBeGreaterThan(20_000);
    }
    await w.page.emulateMedia({ media: 'print' });
    expect(await w.page.locator('button.no-print').isVisible()).toBe(false);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('prints in Korean with ?lang=ko', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}print.html?lang=ko`);
    await w.page.waitForSelector('.phase svg');
    expect(await w.page.locator('.phase h2').nth(2).textContent()).toMatch(/1951년 1월 3일/);
    await w.context.close();
  });
});

describe('malformed data at run time', () => {
  it('shows the error with a Retry button, keeps the narrative readable, and recovers on retry', async () => {
    const w = await openPage(browser);
    const broken = async (route: import('playwright-core').Route) => route.fulfill({ contentType: 'application/json', body: '{ "type": "FeatureCollection", "features": [ ' });
    await w.page.route('**/data/korea-1951-01/fronts.geojson', broken);
    await w.page.goto(`${base}?date=1951-01-04`);
    const alert = w.page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/could not be loaded[\s\S]*fronts\.geojson: is not valid JSON/);
    // The narrative of the linked date is still there, and its phases still work.
    await expect.poll(() => w.page.locator('.text-only article h3').textContent()).toBe('Seoul abandoned');
    await w.page.locator('.text-only .phases button').nth(5).click();
    expect(await w.page.locator('.text-only article h3').textContent()).toBe('Operation WOLFHOUND');
    await w.page.unroute('**/data/korea-1951-01/fronts.geojson', broken);
    await w.page.getByRole('button', { name: 'Retry' }).click();
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await w.context.close();
  });
});

describe('malformed data in the embed (checked after its first view)', () => {
  // The embed draws its data before checking it (LoadOptions.checks 'later'): whether the data
  // breaks the building of the pack, breaks drawing it, or only fails the checks, the reader
  // ends with the checks' message and a Retry that works.
  type Edit = (data: { features: { properties: Record<string, unknown> | null; geometry: unknown }[] }) => unknown;
  it.each<[string, string, Edit, RegExp]>([
    ['only the checks refuse', 'fronts.geojson', (d) => ((d.features[1].properties!.certainty = 7), d), /fronts\.geojson: front-1950-12-31: `certainty` must be 1, 2 or 3/],
    ['breaks drawing', 'places.geojson', (d) => ((d.features[3].properties = null), d), /places\.geojson: #3: is not a GeoJSON Feature with properties/],
    ['breaks building the pack', 'fronts.geojson', (d) => ((d.features[1].geometry = null), d), /fronts\.geojson: front-1950-12-31: is not a GeoJSON Feature/],
  ])('data that %s ends in the load error, and Retry recovers', async (_, file, edit, message) => {
    const w = await openPage(browser);
    const url = `**/data/korea-1951-01/${file}`;
    await w.page.route(url, async (route) => {
      // Without the server's headers: the browser must not cache the edited file for the Retry.
      const response = await route.fetch();
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(edit(await response.json())) });
    });
    await w.page.goto(`${base}embed.html?date=1951-01-04`);
    const alert = w.page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(message);
    expect(await alert.textContent()).toMatch(/could not be loaded/);
    expect(await w.page.locator('.map').count()).toBe(0);
    await w.page.unroute(url);
    await w.page.getByRole('button', { name: 'Retry' }).click();
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    expect(await alert.count()).toBe(0);
    await w.context.close();
  });
});

describe('a malformed manifest in the embed (checked with the rest, after its first view)', () => {
  it('ends in the manifest check\'s load error, not a crash, though the map starts from the manifest', async () => {
    const w = await openPage(browser);
    // The manifest is inline in the page (the build writes it there).
    await w.page.route('**/embed.html*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ status: 200, contentType: 'text/html', body: (await response.text()).replace('"camera":', '"kamera":') });
    });
    await w.page.goto(`${base}embed.html?date=1951-01-04`);
    const alert = w.page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(/manifest\.json: `camera` needs center, zoom and bounds/);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('lifetime', () => {
  /**
   * Twenty whole mounts, each to its first complete frame, take a few seconds each: near the usual
   * 60 s on a loaded machine. A generous limit for this test alone, not a timed assertion.
   */
  const MOUNTS_LIMIT = 240_000;

  it('mounting and unmounting the map 20 times leaves at most one live WebGL context', async () => {
    const w = await openPage(browser);
    // Count contexts as they are created and as MapLibre's remove() loses them.
    await w.page.addInitScript(`
      window.glCreated = 0; window.glLost = 0;
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        const fresh = !this.__counted && (type === 'webgl2' || type === 'webgl');
        const ctx = original.call(this, type, ...rest);
        if (fresh && ctx) { this.__counted = true; window.glCreated++; this.addEventListener('webglcontextlost', () => window.glLost++); }
        return ctx;
      };
    `);
    await w.page.goto(`${base}tests/browser/mount.html`);
    await w.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    for (let i = 0; i < 20; i++) await w.page.evaluate('window.cycle()');
    const [created, lost] = (await w.page.evaluate('[window.glCreated, window.glLost]')) as [number, number];
    expect(created).toBeGreaterThanOrEqual(20);
    expect(created - lost).toBeLessThanOrEqual(1);
    expect(await w.page.locator('canvas').count()).toBe(0);
    expect(w.consoleProblems.filter((m) => !/WebGL context was lost/i.test(m))).toEqual([]);
    await w.context.close();
  }, MOUNTS_LIMIT);
});
