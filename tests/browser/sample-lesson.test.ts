/**
 * The sample lesson page (examples/lesson.html, issue 12 #14): written for teachers, it gives the
 * code to paste, and when the map plays into 4 January it pauses there and shows its question.
 * Layout and axe on the page (and in the map it embeds). Screenshot in tests/.artifacts.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { openPage } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { layoutFaults, type LayoutCheck } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
// Generous limits, not timed assertions: the shared machine can be very slow to load a page.
vi.setConfig({ testTimeout: 180_000 });

async function mapFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(`${base}embed.html`)), { timeout: 60_000 }).toBe(true);
  const f = page.frames().find((fr) => fr.url().startsWith(`${base}embed.html`))!;
  await f.waitForSelector('.map[data-ready="true"], .svg-fallback', { timeout: 120_000 });
  return f;
}

const LAYOUT: LayoutCheck[] = [
  { name: 'lesson page', box: 'main', parts: ':scope > *, .jumps button, .code-row > *, #question > *' },
];

describe('the sample lesson page', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    it(`${viewport.width}px: speaks to teachers, gives the code, and pauses at 4 January when its question appears`, async () => {
      const w = await openPage(browser, { viewport });
      const response = await w.page.goto(`${base}examples/lesson.html`);
      // The host script is linked as a teacher's page links it (the build leaves the tag as written).
      expect(await response!.text()).toMatch(/<script\s+src="\.\.\/embed\.js"><\/script>/);
      const f = await mapFrame(w.page);
      await expect.poll(() => w.page.locator('#current').textContent()).toBe('1950-12-31');
      expect(await w.page.locator('#question').isVisible()).toBe(false);
      // Plain words for a teacher, and an iframe of this site's embed to paste.
      expect(await w.page.locator('.about').textContent()).toMatch(/For teachers\./);
      expect(await w.page.locator('#embed-code').inputValue()).toBe(
        `<iframe src="${base}embed.html?date=1951-01-04&lang=en" title="Korea, January 1951 – campaign map" width="100%" height="640" loading="lazy" allow="fullscreen" style="border:0"></iframe>`,
      );
      expect(await layoutFaults(w.page, LAYOUT)).toEqual([]);

      await w.page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => w.page.locator('#question').isVisible(), { timeout: 60_000 }).toBe(true);
      // The map stopped on 4 January with the question.
      const play = f.locator('.player .play');
      await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => f.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^4 January 1951 – /);
      expect(await w.page.locator('#current').textContent()).toBe('1951-01-04');
      expect(await layoutFaults(w.page, LAYOUT)).toEqual([]);
      await w.page.screenshot({ path: `${ARTIFACTS}/sample-lesson-${viewport.width}.png`, fullPage: true });
      expect(await axeViolations(w.page)).toEqual([]);
      expect(await axeViolations(f)).toEqual([]);
      // Play goes on from there; the question does not stop it again.
      await w.page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => w.page.locator('#current').textContent(), { timeout: 60_000 }).not.toBe('1951-01-04');
      expect(w.consoleProblems).toEqual([]);
      await w.context.close();
    });
  }
});
