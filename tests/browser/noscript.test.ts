/**
 * The embed without JavaScript: a short bilingual line linking, in the same frame, to the page of
 * the phases (noscript/index.html), which carries every phase's picture and summary in English and
 * Korean (issue 14 (d): the phases no longer weigh on every embed's first view).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { layoutFaults, type LayoutCheck } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const EMBED: LayoutCheck[] = [{ name: 'message', box: '.ns', parts: 'p, .ns-link' }];
const PAGE: LayoutCheck[] = [
  { name: 'page', box: '.ns', parts: 'h1, .ns > p, .ns-phase' },
  ...Array.from({ length: 9 }, (_, i) => ({ name: `phase ${i}`, box: `.ns-phase:nth-of-type(${i + 1})`, parts: 'figcaption, img, p' })),
];

describe('the embed without JavaScript', () => {
  it.each([390, 1280])('at %i px shows a bilingual line and a link to the page of the phases, which shows every phase', async (width) => {
    const w = await openPage(browser, { javaScriptEnabled: false, viewport: { width, height: 800 } });
    await w.page.goto(`${base}embed.html`);
    const ns = w.page.locator('.ns');
    expect(await ns.textContent()).toMatch(/needs JavaScript[\s\S]*자바스크립트가 필요합니다/);
    expect(await w.page.locator('.ns-phase').count()).toBe(0);
    const link = w.page.getByRole('link', { name: /The front, phase by phase/ });
    expect(await link.getAttribute('target')).toBeNull();
    const box = (await link.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(await layoutFaults(w.page, EMBED)).toEqual([]);
    // The embed loads no picture: they are on the other page.
    expect(w.requests.filter((u) => u.includes('/noscript/'))).toEqual([]);

    await link.click();
    await w.page.waitForURL(/\/noscript\/index\.html$/);
    expect(w.page.url()).toMatch(/\/noscript\/index\.html$/);
    const figures = w.page.locator('.ns-phase');
    expect(await figures.count()).toBe(9);
    expect(await figures.first().textContent()).toMatch(/31 December 1950[\s\S]*1950년 12월 31일/);
    expect(await figures.nth(2).textContent()).toMatch(/Seoul/);
    for (let i = 0; i < 9; i++) {
      const img = figures.nth(i).locator('img');
      expect(await img.getAttribute('alt')).toMatch(/^Front line on \d+ (December|January) 195[01]$/);
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    }
    expect((await figures.first().locator('img').boundingBox())!.width).toBeGreaterThan(250);
    // The page keeps the pages' policy: nothing but our own origin, no inline script or style.
    expect(await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/default-src 'self'.*style-src 'self'/);
    expect(await w.page.evaluate(() => getComputedStyle(document.querySelector('.ns')!).display)).toBe('grid');
    expect(await layoutFaults(w.page, PAGE)).toEqual([]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('the page of the phases, on a system without a Korean font', () => {
  it('draws its Korean text with our own Hangul subset, from our origin only', async () => {
    const w = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    await w.page.goto(`${base}noscript/index.html`);
    await w.page.evaluate(() => document.fonts.ready);
    // The glyphs each Korean element is drawn with (what Chromium actually rendered): every
    // Hangul letter comes from a web font, not from a system fallback (boxes where it has none).
    const cdp = await w.context.newCDPSession(w.page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[lang="ko"]' });
    expect(nodeIds.length).toBeGreaterThan(9);
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      const hangul = outerHTML.replace(/<[^>]*>/g, '').match(/[\uac00-\ud7a3]/g)?.length ?? 0;
      const ours = fonts.filter((f) => f.isCustomFont).reduce((n, f) => n + f.glyphCount, 0);
      expect(ours, outerHTML.slice(0, 80)).toBeGreaterThanOrEqual(hangul);
    }
    expect(await w.page.evaluate(() => document.fonts.check('1em "Noto Sans KR"', '이 지도는 자바스크립트가 필요합니다'))).toBe(true);
    expect(w.requests.filter((u) => u.includes('/fonts/noto-sans-kr-hangul.woff2'))).toHaveLength(1);
    expect(w.requests.filter((u) => new URL(u).origin !== new URL(base).origin && !u.startsWith('data:'))).toEqual([]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('axe, without JavaScript', () => {
  // axe needs timers, which a page without JavaScript does not run: it runs in a page with
  // JavaScript showing the same thing — the embed with its scripts removed and its <noscript>
  // content shown, and the page of the phases (which has no script).
  it('finds nothing in the embed\'s line and link, nor on the page of the phases', async () => {
    const w = await openPage(browser, { bypassCSP: true });
    await w.page.route('**/embed.html', async (route) => {
      const html = await (await route.fetch()).text();
      await route.fulfill({ contentType: 'text/html', body: html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<\/?noscript>/g, '') });
    });
    await w.page.goto(`${base}embed.html`);
    expect(await w.page.locator('.ns-link').count()).toBe(1);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.page.goto(`${base}noscript/index.html`);
    expect(await w.page.locator('.ns-phase').count()).toBe(9);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.context.close();
  });
});
