/**
 * The moment shown while playback runs is the date alone (formatShownMoment), and only while it
 * runs: an embed without controls that is told to play (autoplay, or the host's play message)
 * really plays, and stops at its end (it used to stay "playing", its hour gone, with nothing
 * moving); without WebGL the SVG map's name follows the same rule as the WebGL map's.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from './chromium.ts';
import { useBrowser, useNoWebGlBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
let noGl: Browser;
useNoWebGlBrowser((b) => (noGl = b));

describe('an embed without controls', () => {
  it('plays with autoplay=1, to the end of its range, where it stops', async () => {
    const w = await openPage(browser, { viewport: { width: 900, height: 700 } });
    await w.page.goto(`${base}embed.html?controls=0&autoplay=1&speed=fast&start=1951-01-20&end=1951-01-21`);
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    const shown = () => w.page.locator('p.date strong').textContent();
    // It plays to the end of its range and stops there (no hour: the end is a day's start).
    await expect.poll(shown, { timeout: 30_000 }).toBe('21 January 1951');
    await expect.poll(() => w.page.locator('button.play').getAttribute('aria-pressed')).toBe('false');
    expect(await w.page.locator('input[type="range"]').isVisible()).toBe(false);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('without WebGL', () => {
  it('the SVG map’s name gives the date alone while playing, and the hour once paused', async () => {
    const w = await openPage(noGl, { viewport: { width: 1280, height: 860 } });
    await w.page.goto(`${base}?date=1951-01-04&lang=en&speed=fast`);
    await w.page.waitForSelector('.svg-fallback svg.svg-map', { timeout: 30_000 });
    // Every name the SVG map is given while it plays, as the page sets it.
    await w.page.evaluate(() => {
      const names: string[] = [];
      (window as unknown as { names: string[] }).names = names;
      new MutationObserver((records) => {
        for (const r of records) if (r.target instanceof Element && r.target.matches('svg.svg-map')) names.push(r.target.getAttribute('aria-label') ?? '');
      }).observe(document.querySelector('.svg-fallback')!, { attributes: true, attributeFilter: ['aria-label'], subtree: true });
    });
    const names = () => w.page.evaluate(() => (window as unknown as { names: string[] }).names);
    const bigDate = () => w.page.locator('.big-date').textContent();
    await w.page.getByRole('button', { name: /^play$/i }).click();
    // Two days played: the picture was redrawn at many moments of them.
    await expect.poll(bigDate, { timeout: 30_000 }).toMatch(/^[6-9] January 1951$|^[1-3]\d January 1951$/);
    const played = await names();
    await w.page.getByRole('button', { name: /^pause$/i }).click();
    expect(played.length).toBeGreaterThan(0);
    expect(played.filter((n) => /\d\d:\d\d/.test(n))).toEqual([]);
    // Paused: the map's name gives the moment as the date over the map does, with its hour.
    await expect.poll(async () => (await w.page.locator('.svg-fallback svg.svg-map').getAttribute('aria-label'))?.endsWith(` on ${await bigDate()}`)).toBe(true);
    await w.context.close();
  });
});
