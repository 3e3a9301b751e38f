/**
 * What the reader is told when the live map cannot be shown, by cause, in the app and the embed,
 * in both languages, on a phone and a desktop: the map's code could not be downloaded (its
 * notice said "no WebGL", sending a teacher after the wrong fix), or the GPU context was lost
 * (the overlay said the map "could not start", on a map that was running) and did not come
 * back. Each notice sits outside the picture and the map's controls, whole, with a Retry that
 * brings the live map back. (No WebGL at all: fallbacks.test.ts and svg-fallback-layout.test.ts.)
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { openPage, type Watched } from './chromium.ts';
import { ARTIFACTS, useBrowser, useNoWebGlBrowser } from './shared-browser.ts';
import { layoutFaults, pictureFit } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
let noGl: Browser;
useNoWebGlBrowser((b) => (noGl = b));

const SVG = '.svg-fallback svg.svg-map';

const WORDS = {
  en: { code: /could not be downloaded\. Check the connection/, wait: /^The browser stopped the map’s graphics\. Waiting/, lost: /the browser stopped the interactive map’s graphics\. Retry, or reload/, retry: 'Retry' },
  ko: { code: /대화형 지도를 내려받지 못했습니다\. 인터넷 연결을 확인/, wait: /^브라우저가 지도 그래픽을 멈췄습니다\. 다시 돌아오기를 기다리는/, lost: /대화형 지도의 그래픽을 멈췄습니다\. 다시 시도하거나/, retry: '다시 시도' },
} as const;

const cases = (['en', 'ko'] as const).flatMap((lang) =>
  [
    { page: 'app', path: '', box: '.map-pane' },
    { page: 'embed', path: 'embed.html', box: '.map-box' },
  ].flatMap((p) => [{ width: 390, height: 844 }, { width: 1280, height: 860 }].map((viewport) => ({ ...p, viewport, lang }))),
);
type Case = (typeof cases)[number];

/** MapLibre's chunk (the map module's too, in the embed): refused as by a blocked or missing file. */
const MAPLIBRE = '**/assets/maplibre-*.js';
const MAP_MODULE = '**/assets/campaign-map-*.js';
const abort = (route: Route) => route.abort();
const notFound = (route: Route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });

/** The SVG map's notice, whole, outside the picture's frame, in the map's room, its Retry a usable target; no axe violations. */
async function checkNotice(page: Page, c: Case): Promise<void> {
  const fit = await pictureFit(page, SVG, '.fallback-note');
  if (typeof fit === 'string') throw new Error(fit);
  expect(fit.otherInFrame, 'the notice lies inside the picture\'s frame').toBe(false);
  expect(await layoutFaults(page, [{ name: 'map room', box: '.map-wrap', parts: '.fallback-pic, .fallback-note, .fallback-note button' }, { name: c.page, box: c.box, parts: '.map-wrap' }])).toEqual([]);
  const button = (await page.getByRole('button', { name: WORDS[c.lang].retry, exact: true }).boundingBox())!;
  expect(Math.min(button.width, button.height)).toBeGreaterThanOrEqual(24);
  expect(await axeViolations(page)).toEqual([]);
}

/** The SVG map comes, its notice giving `cause` (never "no WebGL"), laid out as checkNotice wants; photographed. */
async function svgNotice(page: Page, c: Case, cause: 'code' | 'lost'): Promise<void> {
  await page.waitForSelector(SVG, { timeout: 30_000 });
  const note = page.locator('.fallback-note');
  await expect.poll(() => note.textContent()).toMatch(WORDS[c.lang][cause]);
  expect(await note.textContent()).not.toMatch(/WebGL/);
  await checkNotice(page, c);
  await page.screenshot({ path: `${ARTIFACTS}/map-notice-${cause}-${c.page}-${c.viewport.width}-${c.lang}.png` });
}

/** A page on 4 January whose map code (`refuse`) is refused as `how` says, once its SVG map stands in. */
async function openRefused(b: Browser, path = '', refuse = MAPLIBRE, how = abort): Promise<Watched> {
  const w = await openPage(b);
  await w.page.route(refuse, how);
  await w.page.goto(`${base}${path}?date=1951-01-04`);
  await w.page.waitForSelector(SVG, { timeout: 30_000 });
  return w;
}

/** Only the refused files' own console lines: no page error, nothing else. */
const problems = (w: Watched) => w.consoleProblems.filter((m) => !/Failed to load resource|net::ERR_FAILED|404/.test(m));

describe('the map\'s code cannot be downloaded', () => {
  it.each(cases)('$page at $viewport.width × $viewport.height, $lang: the SVG map says so (not "no WebGL"), whole and clear of the map', async (c) => {
    const w = await openPage(browser, { viewport: c.viewport });
    await w.page.route(MAPLIBRE, abort);
    await w.page.goto(`${base}${c.path}?date=1951-01-04&lang=${c.lang}`);
    await svgNotice(w.page, c, 'code');
    expect(problems(w)).toEqual([]);
    await w.context.close();
  });

  it.each([
    { page: 'app', path: '', refuse: MAPLIBRE, how: abort, what: 'MapLibre\'s file aborted' },
    { page: 'embed', path: 'embed.html', refuse: MAP_MODULE, how: notFound, what: 'the map module not found (404)' },
  ])('$page, $what: Retry downloads it again and the live map replaces the SVG map', async ({ path, refuse, how }) => {
    const w = await openRefused(browser, path, refuse, how);
    const retry = w.page.getByRole('button', { name: 'Retry', exact: true });
    const focused = () => w.page.evaluate(() => (document.activeElement === document.body ? 'body' : document.activeElement?.matches('.fallback-note button') ? 'retry' : document.activeElement?.closest('.map') ? 'map' : document.activeElement?.tagName));
    // From the keyboard, still failing: the focus stays on the Retry of the notice that comes back.
    await retry.focus();
    await w.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('retry');
    await w.page.unroute(refuse, how);
    // It works now: the focus goes to the live map that replaces the notice, not to the page's body.
    await w.page.keyboard.press('Enter');
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    expect(await focused()).toBe('map');
    expect(await w.page.locator('.fallback-note, .svg-fallback').count()).toBe(0);
    expect(await w.page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^4 January 1951/);
    expect(problems(w)).toEqual([]);
    await w.context.close();
  });
});

describe('the focus after Retry', () => {
  it('stays where the reader moved it while the map\'s code was on its way', async () => {
    const w = await openRefused(browser);
    await w.page.unroute(MAPLIBRE, abort);
    // MapLibre comes, but late: the reader goes on to the date slider meanwhile.
    const late = async (route: Route) => {
      await new Promise((done) => setTimeout(done, 2500));
      await route.continue();
    };
    await w.page.route(MAPLIBRE, late);
    await w.page.getByRole('button', { name: 'Retry', exact: true }).focus();
    await w.page.keyboard.press('Enter');
    await w.page.locator('#date-slider').focus();
    await w.page.keyboard.press('ArrowRight');
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('date-slider');
    expect(problems(w)).toEqual([]);
    await w.context.close();
  });

  it('goes to the notice when Retry brings the code but the browser has no WebGL after all', async () => {
    const w = await openRefused(noGl);
    await w.page.unroute(MAPLIBRE, abort);
    await w.page.getByRole('button', { name: 'Retry', exact: true }).focus();
    await w.page.keyboard.press('Enter');
    const note = w.page.locator('.fallback-note');
    await expect.poll(() => note.textContent()).toMatch(/WebGL/);
    await expect.poll(() => w.page.evaluate(() => !!document.activeElement?.matches('.fallback-note'))).toBe(true);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.context.close();
  });
});

/** Loses the live map's GPU context without restoring it (as a browser that gives up on it). */
async function loseContext(page: Page): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
    canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
  });
}

describe('the GPU context lost for good', () => {
  it.each(cases)('$page at $viewport.width × $viewport.height, $lang: the overlay says the graphics stopped, then the SVG map says so with a Retry', async (c) => {
    const w = await openPage(browser, { viewport: c.viewport });
    await w.page.goto(`${base}${c.path}?date=1951-01-04&lang=${c.lang}`);
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await loseContext(w.page);
    // While it may come back: over the map, clear of the date, the zoom buttons and the scale.
    const overlay = w.page.locator('.map-wrap .overlay');
    await overlay.waitFor();
    expect(await overlay.textContent()).toMatch(WORDS[c.lang].wait);
    expect(await layoutFaults(w.page, [{ name: 'lost', box: '.map-wrap', parts: '.overlay, .maplibregl-ctrl-group, .maplibregl-ctrl-scale' }, { name: 'date', box: c.box, parts: '.overlay, .big-date' }])).toEqual([]);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.page.screenshot({ path: `${ARTIFACTS}/map-notice-lost-wait-${c.page}-${c.viewport.width}-${c.lang}.png` });
    // It did not come back: the SVG map, and why.
    await svgNotice(w.page, c, 'lost');
    await w.context.close();
  });

  it.each([
    { page: 'app', path: '' },
    { page: 'embed', path: 'embed.html' },
  ])('$page: Retry starts the live map again, at the date shown', async ({ path }) => {
    const w = await openPage(browser);
    await w.page.goto(`${base}${path}?date=1951-01-10`);
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await loseContext(w.page);
    await w.page.waitForSelector(SVG, { timeout: 30_000 });
    await w.page.getByRole('button', { name: 'Retry', exact: true }).click();
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    // The focus was on Retry: it is on the live map now, not lost to the page's body.
    expect(await w.page.evaluate(() => !!document.activeElement?.closest('.map'))).toBe(true);
    expect(await w.page.locator('.fallback-note, .svg-fallback, .overlay').count()).toBe(0);
    expect(await w.page.locator('.map canvas').count()).toBe(1);
    expect(await w.page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^10 January 1951/);
    await w.context.close();
  });
});
