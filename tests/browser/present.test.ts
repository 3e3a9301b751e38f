/**
 * Present mode (issue 12 #12): the Present button and `present=1` open the map full screen with
 * a large date, phase title and summary; presentation clickers (PageDown, Right, Space; PageUp,
 * Left) step through the phases while the date slider keeps its own keys; Escape leaves; the
 * controls fade when idle and come back on a pointer move; the layout fits a projector's screen
 * in both languages, with axe in present mode. Screenshots go to tests/.artifacts.
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

const phaseNames = (lang: 'en' | 'ko'): Record<string, string> =>
  Object.fromEntries(Object.entries(JSON.parse(readFileSync(`geo/korea-1951-01/narrative.${lang}.json`, 'utf8')).phases as Record<string, { name: string }>).map(([id, p]) => [id, p.name]));
const EN = phaseNames('en');

const presenting = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('presenting'));
/** Moves the pointer onto the bar under the map, which keeps the controls up while it rests there. */
async function restOnBar(page: Page) {
  const box = await page.locator('.present-keys').boundingBox();
  if (!box) throw new Error('no key help in the bar');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2);
}
/** The large date and the phase title shown over the map. */
const shown = async (page: Page) => [await page.locator('.present-date').textContent(), await page.locator('.present-title h2').textContent()];

describe('present mode', () => {
  it('the Present button enters it, with the summary of the phase; Escape leaves it and returns focus', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-04&lang=en`);
    await waitForMap(w.page, 120_000);
    const button = w.page.getByRole('button', { name: 'Present', exact: true });
    await button.click();
    await expect.poll(() => presenting(w.page)).toBe(true);
    expect(await shown(w.page)).toEqual(['4 January 1951', EN['seoul-abandoned']]);
    expect(await w.page.locator('.present-summary').textContent()).toMatch(/Seoul evacuated/);
    // The rest of the page steps aside: no header, no narrative, no panels under the map.
    for (const hidden of ['.top', '.side', '.forces', '.legend', '.foot']) expect(await w.page.locator(hidden).first().isVisible()).toBe(false);
    await w.page.keyboard.press('Escape');
    await expect.poll(() => presenting(w.page)).toBe(false);
    expect(await w.page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(await w.page.evaluate(() => document.activeElement?.textContent)).toBe('Present');
    expect(new URL(w.page.url()).searchParams.has('present')).toBe(false);
    await w.context.close();
  });

  it('present=1 enters it; clicker keys move by phase, the slider keeps its keys, the Leave button leaves', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-04&lang=en&present=1`);
    await waitForMap(w.page, 120_000);
    await expect.poll(() => presenting(w.page)).toBe(true);
    expect(w.consoleProblems).toEqual([]);
    const steps: [string, string, string][] = [
      ['PageDown', '5 January 1951', EN.withdrawal],
      ['ArrowRight', '7 January 1951', EN['line-d']],
      ['Space', '15 January 1951', EN.wolfhound],
      ['PageUp', '7 January 1951', EN['line-d']],
      ['ArrowLeft', '5 January 1951', EN.withdrawal],
    ];
    for (const [key, date, phase] of steps) {
      await w.page.keyboard.press(key);
      await expect.poll(() => shown(w.page), { message: key }).toEqual([date, phase]);
    }
    // On the slider, its own WAI-ARIA keys: arrows one day, Page Up/Down one phase (Up is later).
    await w.page.locator('#date-slider').focus();
    for (const [key, date] of [['ArrowRight', '6 January 1951'], ['ArrowLeft', '5 January 1951'], ['PageUp', '7 January 1951'], ['PageDown', '5 January 1951']]) {
      await w.page.keyboard.press(key);
      await expect.poll(() => w.page.locator('.present-date').textContent(), { message: `slider ${key}` }).toBe(date);
    }
    // Space on a button presses it (Play), it does not step the phase.
    await w.page.locator('.player .play').focus();
    await w.page.keyboard.press('Space');
    await expect.poll(() => w.page.locator('.player .play').getAttribute('aria-pressed')).toBe('true');
    await w.page.keyboard.press('PageDown');
    // A clicker stops playback on the next phase.
    await expect.poll(() => shown(w.page)).toEqual(['7 January 1951', EN['line-d']]);
    expect(await w.page.locator('.player .play').getAttribute('aria-pressed')).toBe('false');
    await w.page.getByRole('button', { name: 'Leave present mode (Esc)' }).click();
    await expect.poll(() => presenting(w.page)).toBe(false);
    expect(await w.page.locator('.top').isVisible()).toBe(true);
    await w.context.close();
  });

  it('the controls fade when idle and come back on a pointer move', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-04&lang=en&present=1`);
    await waitForMap(w.page, 120_000);
    const faded = () => w.page.evaluate(() => document.documentElement.classList.contains('present-idle') && getComputedStyle(document.querySelector('.playback')!).opacity === '0');
    await expect.poll(faded, { timeout: 30_000 }).toBe(true);
    // The title stays while the controls are away.
    expect(await w.page.locator('.present-title').isVisible()).toBe(true);
    // A pointer move brings them back; resting on the bar holds them (a slow machine cannot miss them).
    await restOnBar(w.page);
    await expect.poll(() => w.page.evaluate(() => document.documentElement.classList.contains('present-idle'))).toBe(false);
    await expect.poll(() => w.page.evaluate(() => getComputedStyle(document.querySelector('.playback')!).opacity)).toBe('1');
    // Off the bar they fade again; a key brings them back too.
    await w.page.mouse.move(400, 300);
    await expect.poll(faded, { timeout: 30_000 }).toBe(true);
    await w.page.keyboard.press('Shift');
    await expect.poll(() => w.page.evaluate(() => document.documentElement.classList.contains('present-idle'))).toBe(false);
    await w.context.close();
  });
});

const LAYOUT: LayoutCheck[] = [
  {
    name: 'present mode',
    box: '.layout',
    parts: '.present-title, .present-title > *, .playback, .playback .slider .label, .playback .slider .row, .player, .present-bar, .present-bar > *, .maplibregl-ctrl-group',
  },
];

describe('present mode fits a projector', () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${viewport.width}x${viewport.height}, ${lang}: large date, title and summary; nothing overlaps or is cut; axe`, async () => {
        const w = await openPage(browser, { viewport });
        await w.page.goto(`${base}?date=1951-01-04&lang=${lang}&present=1`);
        await waitForMap(w.page, 120_000);
        // The pointer rests on the bar, which holds the controls up while they are measured.
        await restOnBar(w.page);
        await expect.poll(() => w.page.evaluate(() => getComputedStyle(document.querySelector('.playback')!).opacity)).toBe('1');
        expect(await w.page.locator('.present-title h2').textContent()).toBe(phaseNames(lang)['seoul-abandoned']);
        // Large enough to read from the back of a classroom.
        const sizes = await w.page.evaluate(() => ['.present-date', '.present-title h2', '.present-summary'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)));
        expect(sizes[0]).toBeGreaterThanOrEqual(40);
        expect(sizes[1]).toBeGreaterThanOrEqual(28);
        expect(sizes[2]).toBeGreaterThanOrEqual(18);
        expect(await layoutFaults(w.page, LAYOUT)).toEqual([]);
        // The title, the bar and the map fill the screen and nothing leaves it.
        const fits = await w.page.evaluate(() => ['.map-pane', '.present-title', '.dock'].map((s) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
        }));
        expect(fits).toEqual([true, true, true]);
        await w.page.screenshot({ path: `${ARTIFACTS}/present-${viewport.width}x${viewport.height}-${lang}.png` });
        expect(await axeViolations(w.page)).toEqual([]);
        await w.context.close();
      });
    }
  }
});
