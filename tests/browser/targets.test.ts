/**
 * Target size (WCAG 2.2 2.5.8, issue 12 #11): every visible thing a user can click, tap or focus
 * is at least 24×24 CSS px, in the app (desktop and phone), the embed and the print page. The
 * one exemption WCAG makes that applies here is narrow: a link inside a sentence or a line of
 * text (the narrative's citations and source list, a glossary word in running text).
 */
import { describe, expect, inject, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
vi.setConfig({ testTimeout: 180_000 });

/** Targets smaller than 24×24, as "selector-ish (w×h)". */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const TARGETS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="slider"], [tabindex]:not([tabindex="-1"])';
    // Inline in text (WCAG 2.5.8 "Inline"): a link or glossary word inside a line of prose.
    const INLINE = '.cite a, .sources a, .source-list a, p a, li > a:only-child, .glossary-term, .term';
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(TARGETS)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('[hidden], [inert]')) continue;
      // A check box or radio button counts with its label, which is part of the target.
      const label = (el as HTMLInputElement).labels?.[0];
      const box = label && label.contains(el) ? label.getBoundingClientRect() : r;
      if (box.width >= 23.5 && box.height >= 23.5) continue;
      if (el.matches(INLINE) && style.display === 'inline') continue;
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/)[0]}` : ''}${el.id ? `#${el.id}` : ''}`;
      small.push(`${name} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 24)}" (${Math.round(box.width)}×${Math.round(box.height)})`);
    }
    return small;
  });
}

describe('every target is at least 24×24 px', () => {
  for (const [device, options] of [
    ['desktop', { viewport: { width: 1280, height: 860 } }],
    ['phone', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }],
  ] as const) {
    it(`the app, ${device}, with the panels open`, async () => {
      const w = await openPage(browser, options);
      await w.page.goto(`${base}?date=1951-01-04&lang=en`);
      await waitForMap(w.page, 120_000);
      await w.page.locator('.chooser select').selectOption('seoul');
      await w.page.locator('.query .result .answer').waitFor();
      for (const s of ['.forces > summary', '.events > summary']) if (await w.page.locator(s).count()) await w.page.locator(s).first().click();
      expect(await smallTargets(w.page)).toEqual([]);
      await w.context.close();
    });
  }

  it('the embed, with its narrative and legend open', async () => {
    const w = await openPage(browser, { viewport: { width: 800, height: 900 } });
    await w.page.goto(`${base}embed.html?date=1951-01-04&lang=en&narrative=open`);
    await waitForMap(w.page, 120_000);
    for (const s of await w.page.locator('details:not([open]) > summary').all()) if (await s.isVisible()) await s.click();
    expect(await smallTargets(w.page)).toEqual([]);
    await w.context.close();
  });

  it('the print page', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}print.html?lang=en`);
    await w.page.locator('h1').waitFor();
    expect(await smallTargets(w.page)).toEqual([]);
    await w.context.close();
  });
});
