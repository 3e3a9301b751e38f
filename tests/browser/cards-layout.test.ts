/**
 * Layout of what issue 12 #2–#7 changed on screen: the place card (the answer first, then the
 * facts), the unit card opened from the list, the narrative's citation links, the "Date"
 * region, and the map's keys shown over the canvas while it has keyboard focus; on a desktop
 * and a phone, in both languages. Screenshots go to tests/.artifacts for people to look at.
 */
import { describe, expect, inject, it, vi } from 'vitest';
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

const CARDS: LayoutCheck[] = [
  { name: 'controls', box: '.controls', parts: ':scope > :not(.visually-hidden)' },
  { name: 'date region', box: '.dock .playback', parts: '.slider .label, .slider .row, .player' },
  { name: 'place card', box: '.query .result', parts: ':scope > *, .answer, dt, dd' },
  { name: 'unit card', box: '.forces .card', parts: 'h3, dt, dd, :scope > p, :scope > button' },
  { name: 'narrative', box: '.narrative article', parts: ':scope > p:not(.visually-hidden), :scope > h3' },
];
const MAP: LayoutCheck[] = [
  { name: 'map overlays', box: '.map-pane', parts: '.big-date, .map-keys, .maplibregl-ctrl-group, .maplibregl-ctrl-scale' },
];

const VIEWPORTS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } } as const;

describe('cards, citations and map keys fit', () => {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${device}, ${lang}: place card, unit card, citations and the Date region; the map's keys over the focused canvas`, async () => {
        const w = await openPage(browser, { viewport });
        await w.page.goto(`${base}?date=1951-01-04&lang=${lang}`);
        await waitForMap(w.page, 120_000);
        await w.page.locator('.chooser select').selectOption('seoul');
        await w.page.locator('.query .result .answer').waitFor();
        await w.page.locator('.forces > summary').click();
        await w.page.locator('.forces li button').first().focus();
        await w.page.keyboard.press('Enter');
        await w.page.locator('.forces .card').waitFor();
        // Citation links are laid out in the narrative (one line of links under each paragraph).
        expect(await w.page.locator('.narrative .cite a').count()).toBeGreaterThan(0);
        expect(await layoutFaults(w.page, CARDS)).toEqual([]);
        await w.page.locator('.controls').screenshot({ path: `${ARTIFACTS}/cards-${device}-${lang}.png` });
        await w.page.locator('.narrative article').screenshot({ path: `${ARTIFACTS}/citations-${device}-${lang}.png` });
        expect(await axeViolations(w.page)).toEqual([]);

        // Keyboard focus on the canvas shows which keys it takes, clear of the date and the controls.
        await w.page.locator('.map canvas').focus();
        await expect.poll(() => w.page.locator('.map-keys').isVisible()).toBe(true);
        expect(await layoutFaults(w.page, MAP)).toEqual([]);
        await w.page.locator('.map-pane').screenshot({ path: `${ARTIFACTS}/map-keys-${device}-${lang}.png` });
        await w.context.close();
      });
    }
  }
});
