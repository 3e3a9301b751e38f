/**
 * Accessibility: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations in the states a
 * student meets; keyboard-only use; the live region; reduced motion; strict CSP.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { useBrowser, useNoWebGlBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
useBrowser((b) => (browser = b));
let noGl: Browser;
useNoWebGlBrowser((b) => (noGl = b));

/** Runs axe in the page and returns its violations as short strings. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

describe('axe-core finds no WCAG A/AA violations', () => {
  it('at the start', async () => {
    const w = await openPage(browser, { bypassCSP: true });
    await w.page.goto(base);
    await waitForMap(w.page);
    expect(await violations(w.page)).toEqual([]);
    await w.context.close();
  });

  it('mid-campaign after keyboard use, with the narrative sources, forces and description open', async () => {
    const w = await openPage(browser, { bypassCSP: true });
    await w.page.goto(base);
    await waitForMap(w.page);
    await w.page.getByRole('slider', { name: /date/i }).focus();
    for (let i = 0; i < 4; i++) await w.page.keyboard.press('PageUp');
    await w.page.keyboard.press('ArrowRight');
    await w.page.locator('.describe summary').click();
    await w.page.locator('.forces > summary').click();
    await w.page.locator('.forces li button').first().click();
    expect(await violations(w.page)).toEqual([]);
    await w.context.close();
  });

  it.each([
    ['reduced motion', { reducedMotion: 'reduce' as const }],
    ['dark mode', { colorScheme: 'dark' as const }],
    ['forced colours', { forcedColors: 'active' as const }],
  ])('with %s', async (_name, options) => {
    const w = await openPage(browser, { bypassCSP: true, ...options });
    await w.page.goto(`${base}?date=1951-01-15`);
    await waitForMap(w.page);
    expect(await violations(w.page)).toEqual([]);
    await w.context.close();
  });

  it('in the no-WebGL fallback', async () => {
    const w = await openPage(noGl, { bypassCSP: true });
    await w.page.goto(`${base}?date=1951-01-15`);
    await w.page.waitForSelector('.svg-fallback svg');
    expect(await violations(w.page)).toEqual([]);
    await w.context.close();
  });

  it.each(['embed.html?narrative=open', 'print.html'])('on %s', async (path) => {
    const w = await openPage(browser, { bypassCSP: true });
    await w.page.goto(`${base}${path}`);
    await w.page.waitForSelector('.map[data-ready="true"], .phase svg', { timeout: 30_000 });
    expect(await violations(w.page)).toEqual([]);
    await w.context.close();
  });
});

describe('keyboard and screen readers', () => {
  it('reaches every control in order with visible focus and no trap', async () => {
    const w = await openPage(browser);
    await w.page.goto(base);
    await waitForMap(w.page);
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await w.page.keyboard.press('Tab');
      const info = await w.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const label = (el as HTMLInputElement).labels?.[0]?.textContent;
        const name = el.getAttribute('aria-label') || label?.trim().slice(0, 30) || el.textContent?.trim().slice(0, 30) || el.tagName;
        return { key: `${el.tagName}:${name}`, outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
      });
      if (!info) continue;
      expect(info.outline, info.key).toBe(true);
      seen.push(info.key);
    }
    const joined = seen.join('\n');
    // Skip link, share, language, map, slider, player, place chooser, phases: all reachable.
    for (const expected of [/^A:Skip/m, /^BUTTON:Share/m, /^BUTTON:한국어/m, /^INPUT:Date/m, /^BUTTON:.*Play/m, /^SELECT:Or choose a place/m, /^BUTTON:.*31 Dec/m]) {
      expect(joined).toMatch(expected);
    }
    // Focus moved through many distinct elements: no trap (the map canvas included).
    expect(new Set(seen).size).toBeGreaterThan(20);
    await w.context.close();
  });

  it('Space on the play button toggles playback; the live region says where play starts, then only phases while playing', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-02`);
    await waitForMap(w.page);
    const live = w.page.locator('#live');
    await w.page.getByRole('slider', { name: /date/i }).focus();
    await w.page.keyboard.press('ArrowRight');
    expect(await w.page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toBe('3 January 1951 – Seoul abandoned');
    // The slider speaks its own step (aria-valuetext): the live region does not repeat it, but
    // says the key event the step landed on (issue 15 #4).
    await w.page.waitForTimeout(1000);
    expect(await live.textContent()).toBe('Key event 3: Seoul evacuation ordered, 3 January 1951.');
    const play = w.page.locator('button.play');
    await play.focus();
    await w.page.keyboard.press('Space');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');
    const said = new Set<string>();
    // About two days of playback at normal speed (a slow machine may get further: 7 Jan is the next phase).
    for (const until = Date.now() + 2000; Date.now() < until; ) {
      said.add((await live.textContent()) ?? '');
      await w.page.waitForTimeout(100);
    }
    // Play says the date it starts from; then the region holds each phase's start date and each key
    // event reached (issue 15 #4): one text per phase or event, not per frame.
    expect(said).toContain('Playing from 3 January 1951: Seoul abandoned');
    for (const s of said) expect(s).toMatch(/^(Playing from 3 January 1951: |(5|7) January 1951: |Key event \d+: )/);
    expect([...said].filter((s) => !s.startsWith('Key event')).length).toBeLessThanOrEqual(3);
    expect(said.size).toBeLessThanOrEqual(6);
    await w.page.keyboard.press('Space');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
    await w.context.close();
  });

  it('with reduced motion, the front jumps between dated lines instead of morphing', async () => {
    const w = await openPage(browser, { reducedMotion: 'reduce' });
    await w.page.goto(`${base}?date=1951-01-05`);
    await waitForMap(w.page);
    const slider = w.page.getByRole('slider', { name: /date/i });
    expect(await w.page.locator('.front-status').getAttribute('data-interpolated')).toBe('false');
    await slider.fill(String(Number(await slider.inputValue()) + 0.5));
    // Half a day on (a date alone is the end of that day): the slider gives the hour, the map
    // keeps the last dated line, that of 5 January, until the next one (14:00 on 6 January).
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^6 January 1951, afternoon \(12:00\)/);
    expect(await w.page.locator('.front-status').getAttribute('data-interpolated')).toBe('false');
    expect(await w.page.locator('.front-status').textContent()).toMatch(/5 January 1951/);
    await w.context.close();
  });
});

describe('strict Content-Security-Policy', () => {
  it('has no violations and no console errors during a full playback at every speed', async () => {
    const w = await openPage(browser);
    await w.page.addInitScript(() => {
      (window as unknown as { csp: string[] }).csp = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { csp: string[] }).csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await w.page.goto(base);
    await waitForMap(w.page);
    const csp = await w.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/unsafe-eval/);
    for (const speed of ['Fast', 'Normal', 'Slow']) {
      await w.page.getByLabel(speed, { exact: true }).check();
      await w.page.getByRole('slider', { name: /date/i }).focus();
      await w.page.keyboard.press(speed === 'Fast' ? 'Home' : 'End');
      if (speed !== 'Fast') for (let i = 0; i < 3; i++) await w.page.keyboard.press('PageDown');
      await w.page.locator('button.play').click();
      const limit = speed === 'Fast' ? 15_000 : 5_000;
      await w.page.waitForTimeout(limit);
      if ((await w.page.locator('button.play').getAttribute('aria-pressed')) === 'true') await w.page.locator('button.play').click();
    }
    expect(await w.page.evaluate(() => (window as unknown as { csp: string[] }).csp)).toEqual([]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});
