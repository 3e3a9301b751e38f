/**
 * The SVG map without WebGL, as a reader sees it in the app and the embed, in both languages:
 * its notice outside the picture's frame (inside it, at the map's foot, it read as laid over
 * the map), the page laid out as it is with WebGL (no jump when the SVG map appears), and the
 * picture filling the map's room with all of the campaign in it (on a phone it sat small in a
 * blank mat); in present mode, both above the date bar (they were under it); the embed's
 * sign that Play waits for its full data over the picture, clear of the notice.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage } from './chromium.ts';
import { ARTIFACTS, useBrowser, useNoWebGlBrowser } from './shared-browser.ts';
import { layoutFaults, pictureFit, svgPastFrame } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
let noGl: Browser;
useNoWebGlBrowser((b) => (noGl = b));

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
  // No WebGL in this browser, and what to do about it (the same box says other things for other causes: map-notices.test.ts).
  await expect.poll(() => w.page.locator('.fallback-note').textContent()).toMatch(lang === 'ko' ? /WebGL을 쓸 수 없습니다\. 하드웨어 가속을 켜 보세요/ : /no WebGL\. Turning on hardware acceleration may help/);
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

const area = (b: readonly number[]) => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);

describe('the no-WebGL map\'s picture', () => {
  it.each(cases)('$page at $viewport.width × $viewport.height, $lang: fills its frame and most of the map\'s room, with all of the campaign in it', async (c) => {
    const w = await openNoGl(c);
    // No blank mat round the drawing, which takes most of the room the WebGL map takes (on a
    // phone it took a third: the campaign's frame, wider than the box, small in its middle).
    const room = (await w.page.locator('.map-wrap').boundingBox())!;
    expect.soft(area(w.fit.drawn) / area(w.fit.frame), 'the drawing\'s share of its frame').toBeGreaterThan(0.97);
    expect.soft(area(w.fit.drawn) / (room.width * room.height), 'the drawing\'s share of the map\'s room').toBeGreaterThan(0.7);
    // Nothing drawn past the picture's frame; every place and the front inside it.
    expect(await svgPastFrame(w.page, SVG)).toEqual([]);
    const outside = await w.page.locator(`${SVG} circle, ${SVG} g path[fill="none"][stroke-width="3"]`).evaluateAll(
      (els, drawn) =>
        els
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0 || r.height > 0)
          .filter((r) => r.left < drawn[0] - 0.5 || r.top < drawn[1] - 0.5 || r.right > drawn[2] + 0.5 || r.bottom > drawn[3] + 0.5).length,
      w.fit.drawn,
    );
    expect(outside, 'places or front past the picture').toBe(0);
    // Labels shown are clear of each other (close towns give way on a small picture).
    const labels = await w.page.locator(`${SVG} text`).evaluateAll((els) => els.map((el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }));
    expect(labels.length).toBeGreaterThan(5);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) expect(Math.min(labels[i][2], labels[j][2]) - Math.max(labels[i][0], labels[j][0]) <= 0.5 || Math.min(labels[i][3], labels[j][3]) - Math.max(labels[i][1], labels[j][1]) <= 0.5, `labels ${i} and ${j} overlap`).toBe(true);
    await w.context.close();
  });
});

describe('the no-WebGL map in present mode', () => {
  it.each([
    { viewport: { width: 1280, height: 860 }, lang: 'en' },
    { viewport: { width: 1024, height: 768 }, lang: 'ko' },
  ])('at $viewport.width × $viewport.height, $lang: the picture and its notice stop above the date bar, not under it', async ({ viewport, lang }) => {
    const w = await openPage(noGl, { viewport });
    await w.page.goto(`${base}?date=1951-01-04&present=1&lang=${lang}`);
    await w.page.waitForSelector(SVG, { timeout: 30_000 });
    await w.page.waitForSelector('html.presenting .dock');
    await w.page.screenshot({ path: `${ARTIFACTS}/svg-fallback-present-${viewport.width}-${lang}.png` });
    expect(await layoutFaults(w.page, [{ name: 'present', box: 'main.layout', parts: '.fallback-pic, .fallback-note, .dock' }])).toEqual([]);
    const fit = await pictureFit(w.page, SVG, '.fallback-note');
    if (typeof fit === 'string') throw new Error(fit);
    expect(fit.otherInFrame).toBe(false);
    await w.context.close();
  });
});

describe('the no-WebGL embed waiting to play', () => {
  it.each([
    { viewport: { width: 1024, height: 768 }, lang: 'en' },
    { viewport: { width: 390, height: 600 }, lang: 'ko' },
  ])('at $viewport.width × $viewport.height, $lang: its waiting sign over the picture, clear of the notice', async ({ viewport, lang }) => {
    const w = await openPage(noGl, { viewport });
    // The full data held back (first-view.test.ts): Play pressed on the first view waits for it.
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    await w.page.route((url) => /\/korea-1951-01\/(fronts|places|units|unit-positions|arrows|zones)\.(geo)?json$|unit-symbols\.json$/.test(url.pathname), async (route) => {
      await released;
      await route.continue();
    });
    await w.page.goto(`${base}embed.html?lang=${lang}`);
    await w.page.waitForSelector(SVG, { timeout: 30_000 });
    await w.page.locator('button.play').click();
    await w.page.locator('.waiting:not(:empty)').waitFor();
    await w.page.screenshot({ path: `${ARTIFACTS}/svg-fallback-waiting-${viewport.width}-${lang}.png`, fullPage: true });
    // Laid over the picture, in the map's room, clear of the notice.
    expect(await layoutFaults(w.page, [{ name: 'map room', box: '.map-box', parts: '.fallback-note, .waiting' }])).toEqual([]);
    const fit = await pictureFit(w.page, SVG, '.waiting');
    if (typeof fit === 'string') throw new Error(fit);
    expect(fit.otherInFrame).toBe(true);
    expect(await axeViolations(w.page)).toEqual([]);
    release();
    await expect.poll(() => w.page.locator('.waiting').textContent(), { timeout: 60_000 }).toBe('');
    await w.context.close();
  });
});
