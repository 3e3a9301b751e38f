/**
 * The embed's citations (issue 12 #6): readable names ("Mossman, Ebb and Flow, ch. 10"), not
 * keys read letter by letter, linked to the source's entry in the full app (a new tab, which
 * focuses the entry). The source index comes after the first view, and only once the narrative
 * is open. Both languages, axe, layout at a phone's width; screenshots in tests/.artifacts.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { layoutFaults } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
// Generous limits, not timed assertions: the shared machine can be very slow to load a page.
vi.setConfig({ testTimeout: 180_000 });

/** When the source index was requested: before or after the map's first view was complete. */
const sourcesFetched = (page: Page) =>
  page.evaluate(() => {
    const complete = performance.getEntriesByName('campaign:complete')[0]?.startTime ?? Infinity;
    const r = performance.getEntriesByType('resource').find((e) => /\/sources\.json$/.test(e.name));
    return r ? (r.startTime > complete ? 'after' : 'before') : 'not yet';
  });

const CHAPTER = { en: /^Mossman, Ebb and Flow, ch\. \d+$/, ko: /^Mossman, Ebb and Flow, \d+장$/ };

describe('the embed’s citations', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: are links named by author and title to the full app's source entry`, async () => {
      const w = await openPage(browser, { bypassCSP: true, viewport: { width: 390, height: 700 } });
      await w.page.goto(`${base}embed.html?date=1951-01-05&narrative=open&lang=${lang}`);
      await waitForMap(w.page, 120_000);
      const cite = w.page.locator('.narrative .cite').first();
      const link = cite.getByRole('link').first();
      await link.waitFor();
      // Fetched for the open narrative, never as part of the first view.
      expect(await sourcesFetched(w.page)).toBe('after');
      const names = await cite.getByRole('link').evaluateAll((as) => as.map((a) => a.textContent ?? ''));
      expect(names.some((n) => CHAPTER[lang].test(n))).toBe(true);
      for (const n of names) expect(n).not.toMatch(/^[A-Z]+\d*$/);
      expect(await w.page.locator('.narrative').textContent()).not.toMatch(/\[[A-Z]+\d*[,\]]/);
      expect(await link.getAttribute('target')).toBe('_blank');
      const href = new URL((await link.getAttribute('href'))!, w.page.url());
      expect(href.pathname).toMatch(/\/index\.html$/);
      expect(href.searchParams.get('date')).toBe('1951-01-05');
      expect(href.searchParams.get('lang')).toBe(lang);
      expect(href.hash).toMatch(/^#source-/);
      expect(await layoutFaults(w.page, [{ name: 'narrative', box: '.narrative', parts: ':scope > p' }])).toEqual([]);
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await w.page.screenshot({ path: `${ARTIFACTS}/embed-cites-${lang}.png`, fullPage: true });
      expect(await axeViolations(w.page)).toEqual([]);

      // The full app opens in a new tab with the source's entry focused.
      const [app] = await Promise.all([w.context.waitForEvent('page'), link.click()]);
      await expect.poll(() => app.evaluate(() => document.activeElement?.id), { timeout: 120_000 }).toBe(href.hash.slice(1));
      expect(await app.evaluate(() => document.activeElement?.textContent)).toBe(decodeURIComponent(href.hash.slice('#source-'.length)));
      expect(w.consoleProblems).toEqual([]);
      await w.context.close();
    });
  }

  it('the source index is not fetched while the narrative is closed, and comes when it is opened', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}embed.html?date=1951-01-12`);
    await waitForMap(w.page, 120_000);
    await w.page.locator('.narrative').waitFor();
    expect(await sourcesFetched(w.page)).toBe('not yet');
    await w.page.locator('.narrative summary').click();
    await expect.poll(() => w.page.locator('.narrative .cite a').count()).toBeGreaterThan(0);
    expect(await sourcesFetched(w.page)).toBe('after');
    await w.context.close();
  });
});
