/**
 * The SVG map without WebGL, as a reader sees it in the app and the embed, in both languages:
 * its notice outside the picture's frame (inside it, at the map's foot, it read as laid over
 * the map), and the page laid out as it is with WebGL (no jump when the SVG map appears).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { layoutFaults, pictureFit } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
let noGl: Browser;

beforeAll(async () => {
  noGl = await launch(['--disable-3d-apis']);
});
afterAll(async () => {
  await noGl?.close();
});

const SVG = '.svg-fallback svg.svg-map';

/** Where the map's room and the date slider sit, CSS px. */
async function placement(page: Page): Promise<{ room: number[]; slider: number[] }> {
  const box = async (selector: string) => {
    const b = (await page.locator(selector).first().boundingBox())!;
    return [b.x, b.y, b.width, b.height].map(Math.round);
  };
  return { room: await box('.map-wrap'), slider: await box('input[type="range"]') };
}

const cases = (['en', 'ko'] as const).flatMap((lang) =>
  [
    { page: 'app', path: '', viewport: { width: 1280, height: 860 } },
    { page: 'app', path: '', viewport: { width: 390, height: 844 } },
    { page: 'embed', path: 'embed.html', viewport: { width: 1024, height: 768 } },
    { page: 'embed', path: 'embed.html', viewport: { width: 390, height: 600 } },
  ].map((c) => ({ ...c, lang })),
);

/** The page without WebGL at the case's size and language, its SVG map drawn and its notice shown. */
async function openNoGl({ path, viewport, lang }: (typeof cases)[number]) {
  const w = await openPage(noGl, { viewport });
  await w.page.goto(`${base}${path}?date=1951-01-04&lang=${lang}`);
  await w.page.waitForSelector(SVG, { timeout: 30_000 });
  await expect.poll(() => w.page.locator('.fallback-note').textContent()).toMatch(/WebGL/);
  const fit = await pictureFit(w.page, SVG, '.fallback-note');
  if (typeof fit === 'string') throw new Error(fit);
  return { ...w, fit };
}

describe('the no-WebGL map\'s notice', () => {
  it.each(cases)('$page at $viewport.width × $viewport.height, $lang: outside the picture\'s frame, in the room the WebGL map takes (no jump)', async (c) => {
    const w = await openNoGl(c);
    await w.page.screenshot({ path: `${ARTIFACTS}/svg-fallback-layout-${c.page}-${c.viewport.width}-${c.lang}.png` });
    // Inside the frame, at the picture's foot, the notice reads as laid over the map's bottom.
    expect(w.fit.otherInFrame, 'the notice lies inside the picture\'s frame').toBe(false);
    expect(await layoutFaults(w.page, [{ name: 'map room', box: '.map-wrap', parts: '.fallback-pic, .fallback-note' }])).toEqual([]);
    expect(await axeViolations(w.page)).toEqual([]);
    const without = await placement(w.page);
    await w.context.close();
    // The map's room and the slider sit where they sit with WebGL: the page does not jump.
    const gl = await openPage(browser, { viewport: c.viewport });
    await gl.page.goto(`${base}${c.path}?date=1951-01-04&lang=${c.lang}`);
    await gl.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    expect(without).toEqual(await placement(gl.page));
    await gl.context.close();
  });
});
