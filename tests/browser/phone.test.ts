/**
 * The phone layout (issue 12 #10): at 390x844 with touch, the map, the date, the slider and the
 * current phase's summary stay on screen while the narrative scrolls under them; nothing scrolls
 * sideways, nothing overlaps or is cut, in both languages; keyboard help is not shown on a
 * touch-only screen but is on a desktop; axe. Screenshots go to tests/.artifacts.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { layoutFaults, type LayoutCheck } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
// Generous limits, not timed assertions: the shared machine can be very slow to load a page.
vi.setConfig({ testTimeout: 180_000 });

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const summaries = (lang: 'en' | 'ko'): Record<string, string> =>
  Object.fromEntries(Object.entries(JSON.parse(readFileSync(`geo/korea-1951-01/narrative.${lang}.json`, 'utf8')).phases as Record<string, { summary: string }>).map(([id, p]) => [id, p.summary]));

/** Which of these are wholly inside the viewport and not hidden. */
const onScreen = (page: Page, selectors: string[]) =>
  page.evaluate((selectors) => selectors.map((s) => {
    const el = document.querySelector(s);
    if (!el) return `${s}: missing`;
    const r = el.getBoundingClientRect();
    const ok = r.width > 0 && r.height > 0 && r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
    return ok ? `${s}: on screen` : `${s}: off screen (${Math.round(r.top)}–${Math.round(r.bottom)})`;
  }), selectors);

const STAYS = ['.map canvas', '.big-date', '#date-slider', '.playback .slider .label', '.player .play', '.phase-line'];

const LAYOUT: LayoutCheck[] = [
  { name: 'map and date', box: '.stage', parts: '.map-pane, .dock, .playback .slider .label, .playback .slider .row, .player, .phase-line' },
  { name: 'panels', box: '.controls', parts: ':scope > :not(.visually-hidden)' },
  { name: 'narrative', box: '.narrative article', parts: ':scope > p:not(.visually-hidden), :scope > h3' },
  { name: 'phases', box: '.narrative nav', parts: 'li button' },
];

describe('on a phone the map and the story stay together', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`390x844 touch, ${lang}: after scrolling the narrative, the map, date, slider and summary are in view; layout; no key help; axe`, async () => {
      const w = await openPage(browser, PHONE);
      await w.page.goto(`${base}?date=1951-01-04&lang=${lang}`);
      await waitForMap(w.page, 120_000);
      expect(await w.page.locator('.phase-line').textContent()).toContain(summaries(lang)['seoul-abandoned']);
      expect(await layoutFaults(w.page, LAYOUT)).toEqual([]);

      // Scroll down into the narrative's text.
      await w.page.evaluate(() => document.querySelector('.narrative article p:last-of-type')!.scrollIntoView({ block: 'end' }));
      await expect.poll(() => w.page.evaluate(() => scrollY)).toBeGreaterThan(600);
      expect(await onScreen(w.page, STAYS)).toEqual(STAYS.map((s) => `${s}: on screen`));
      // The text scrolls under the block, not over it.
      const stageOnTop = await w.page.evaluate(() => {
        const stage = document.querySelector('.stage')!.getBoundingClientRect();
        const hit = document.elementFromPoint(stage.left + stage.width / 2, stage.bottom - 4);
        return Boolean(hit?.closest('.stage'));
      });
      expect(stageOnTop).toBe(true);
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await w.page.screenshot({ path: `${ARTIFACTS}/phone-scrolled-${lang}.png` });

      // A phase chosen further down changes the summary kept in view.
      await w.page.locator('.narrative nav li button').nth(4).click();
      await expect.poll(() => w.page.locator('.phase-line').textContent()).toContain(summaries(lang)['line-d']);
      expect(await onScreen(w.page, STAYS)).toEqual(STAYS.map((s) => `${s}: on screen`));
      expect(await layoutFaults(w.page, LAYOUT)).toEqual([]);

      // Keyboard help is not shown on a touch-only screen (it still describes the slider and the map).
      expect(await w.page.locator('#date-slider-help').isVisible()).toBe(false);
      await w.page.locator('.map canvas').focus();
      expect(await w.page.locator('.map-keys').isVisible()).toBe(false);
      expect(await axeViolations(w.page)).toEqual([]);
      await w.context.close();
    });
  }

  it('focus moved by Tab is not hidden under the block at the top', async () => {
    const w = await openPage(browser, PHONE);
    await w.page.goto(`${base}?date=1951-01-04&lang=en`);
    await waitForMap(w.page, 120_000);
    // From the foot of the page, focus goes back up to a phase button, which scrolls into view.
    await w.page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await w.page.locator('.narrative nav li button').first().focus();
    const [focusTop, stageBottom] = await w.page.evaluate(() => [document.activeElement!.getBoundingClientRect().top, document.querySelector('.stage')!.getBoundingClientRect().bottom]);
    expect(focusTop).toBeGreaterThanOrEqual(stageBottom - 0.5);
    await w.context.close();
  });

  it('on a desktop the keyboard help is shown and the map is not held at the top', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-04&lang=en`);
    await waitForMap(w.page, 120_000);
    expect(await w.page.locator('#date-slider-help').isVisible()).toBe(true);
    expect(await w.page.locator('.phase-line').isVisible()).toBe(false);
    await w.page.keyboard.press('Tab');
    await w.page.locator('.map canvas').focus();
    await expect.poll(() => w.page.locator('.map-keys').isVisible()).toBe(true);
    expect(await w.page.evaluate(() => getComputedStyle(document.querySelector('.stage')!).position)).toBe('static');
    await w.context.close();
  });
});
