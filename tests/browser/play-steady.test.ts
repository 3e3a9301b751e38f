/**
 * Play and Pause move nothing on the page: the player's row, the slider, the date label over it
 * and what is below them keep their boxes as playback starts and stops, in the full map and the
 * embed, in English and Korean, on phones (390×844, 320×640) and at 1024×768. Two causes once
 * moved them on a phone: "Pause" is wider than "Play" (the row wrapped, 36 → 66 px), and the
 * label's date without its hour while playing took a line less in Korean (−24 px). Also, while
 * playing: no overlap, overflow or cut text (layoutFaults), axe, and the button's name is the
 * label shown. Screenshots at 390 px go to tests/.artifacts.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { layoutFaults, type LayoutCheck } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
// Generous limits, not timed assertions: the shared machine can be very slow to load a page.
vi.setConfig({ testTimeout: 180_000 });

const SIZES = [
  { name: '390x844', phone: true, viewport: { width: 390, height: 844 } },
  { name: '320x640', phone: true, viewport: { width: 320, height: 640 } },
  { name: '1024x768', phone: false, viewport: { width: 1024, height: 768 } },
];
const LABELS = { en: { play: 'Play', pause: 'Pause' }, ko: { play: '재생', pause: '일시 정지' } };

/** What must not move, per page: the player's row, the slider's row, its date label, the first thing below, and the map (the embed's date bar too). */
const PAGES = {
  app: {
    url: (lang: string) => `${base}?date=1951-01-10&lang=${lang}&speed=slow`,
    parts: ['.playback .slider .label', '.playback .slider .row', '.playback .player', '.player .play', '.controls', '.map-pane'],
    layout: [
      { name: 'map and date', box: '.stage', parts: '.map-pane, .dock, .playback .slider .label, .playback .slider .row, .player, .phase-line' },
      { name: 'player', box: '.player', parts: '.play, .speeds legend, .speeds label' },
    ] as LayoutCheck[],
  },
  embed: {
    url: (lang: string) => `${base}embed.html?date=1951-01-10&lang=${lang}&speed=slow`,
    parts: ['.controls .slider .label', '.controls .slider .row', '.controls .player', '.player .play', '.tools', '.map-box', '.bar'],
    layout: [
      { name: 'bar', box: '.bar', parts: '.date, .full' },
      { name: 'controls', box: '.controls', parts: '.slider .label, .slider .row, .player' },
      { name: 'player', box: '.player', parts: '.play, .speeds legend, .speeds label' },
    ] as LayoutCheck[],
  },
};

/** The boxes of `selectors`, in the document's coordinates, rounded to a tenth of a pixel. */
const boxes = (page: Page, selectors: string[]) =>
  page.evaluate((selectors) => Object.fromEntries(selectors.map((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return [s, { x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height }];
  })), selectors);
type Boxes = Awaited<ReturnType<typeof boxes>>;
/** What is below the controls: its place, not its height (its own content changes with the date). */
const BELOW = ['.controls', '.tools'];
/** Where `b` differs from `a` by more than half a pixel. */
const moved = (a: Boxes, b: Boxes) =>
  Object.keys(a).flatMap((s) => (BELOW.includes(s) ? (['x', 'y'] as const) : (['x', 'y', 'w', 'h'] as const)).filter((k) => Math.abs(a[s][k] - b[s][k]) > 0.5).map((k) => `${s} ${k} ${a[s][k].toFixed(1)} → ${b[s][k].toFixed(1)}`));

const frames = (page: Page, n: number) =>
  page.evaluate((n) => new Promise<void>((done) => {
    const tick = () => (--n > 0 ? requestAnimationFrame(tick) : done());
    requestAnimationFrame(tick);
  }), n);
const press = (page: Page) => page.evaluate(() => (document.querySelector('button.play') as HTMLButtonElement).click());

describe('Play and Pause move nothing on the page', () => {
  for (const [pageName, spec] of Object.entries(PAGES))
    for (const lang of ['en', 'ko'] as const)
      for (const size of SIZES)
        it(`${pageName}, ${lang}, ${size.name}`, async () => {
          const w = await openPage(browser, { viewport: size.viewport, hasTouch: size.phone, isMobile: size.phone });
          const { page } = w;
          await page.goto(spec.url(lang));
          await waitForMap(page, 120_000);
          const play = page.locator('button.play');
          // Paused at a moment with an hour (the label's longest form): play a little, then pause.
          await press(page);
          await frames(page, 8);
          await press(page);
          await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
          await frames(page, 2);
          const paused = await boxes(page, spec.parts);
          expect(await page.getByRole('button', { name: LABELS[lang].play, exact: true }).count()).toBe(1);
          if (size.name === '390x844') await page.screenshot({ path: `${ARTIFACTS}/play-steady-${pageName}-${lang}-paused.png` });

          await press(page);
          await frames(page, 10);
          expect(await play.getAttribute('aria-pressed')).toBe('true');
          const playing = await boxes(page, spec.parts);
          // The button's name is the label shown, not both.
          expect(await page.getByRole('button', { name: LABELS[lang].pause, exact: true }).count()).toBe(1);
          expect(await page.getByRole('button', { name: LABELS[lang].play, exact: true }).count()).toBe(0);
          expect(await layoutFaults(page, spec.layout)).toEqual([]);
          if (size.name === '390x844') await page.screenshot({ path: `${ARTIFACTS}/play-steady-${pageName}-${lang}-playing.png` });
          expect(await axeViolations(page)).toEqual([]);

          await press(page);
          await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
          await frames(page, 2);
          const pausedAgain = await boxes(page, spec.parts);

          expect({ play: moved(paused, playing), pause: moved(playing, pausedAgain) }).toEqual({ play: [], pause: [] });
          const targets = await page.evaluate(() => [...document.querySelectorAll('.player .play, .player .speeds label, .slider .step')].map((el) => el.getBoundingClientRect()).filter((r) => r.width < 24 || r.height < 24).length);
          expect(targets).toBe(0);
          expect(w.consoleProblems).toEqual([]);
          await w.context.close();
        });
});
