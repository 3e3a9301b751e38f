/**
 * The timeline under the date slider (issue 15 #3, #4): key events as numbered markers at their
 * dates, the N/P keys and the events list that move the date, the announcement when playback
 * or a step reaches an event; the layout of markers and list at desktop and phone widths in both
 * languages, with axe. Screenshots go to tests/.artifacts for people to look at.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, waitForMap } from './chromium.ts';
import { layoutFaults, type LayoutCheck } from './layout.ts';
import { axeViolations } from './axe.ts';
import manifest from '../../geo/korea-1951-01/manifest.json' with { type: 'json' };

const base = inject('baseUrl');
const SHOTS = 'tests/.artifacts';
let browser: Browser;
vi.setConfig({ testTimeout: 180_000 });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const EVENTS = manifest.events;

/** The id of the event the date is on (the list entry marked current), or null. */
const currentEvent = (page: Page) => page.evaluate(() => document.querySelector('.events button[aria-current="true"]')?.getAttribute('data-event') ?? null);

/** Records every text the live region takes from now on. */
async function recordLive(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    const live = document.getElementById('live')!;
    new MutationObserver(() => w.said.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
  });
}
const said = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said);

describe('key events on the slider', () => {
  it('marks every event at its date: a click on the track at its marker gives its date', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-10`);
    await waitForMap(w.page, 120_000);
    const markers = w.page.locator('.markers .marker');
    expect(await markers.count()).toBe(EVENTS.length);
    expect(await markers.allTextContents()).toEqual(EVENTS.map((_, i) => String(i + 1)));
    const slider = w.page.getByRole('slider', { name: 'Date', exact: true });
    const track = (await slider.boundingBox())!;
    for (const id of ['seoul-falls', 'wolfhound', 'thunderbolt']) {
      const m = (await w.page.locator(`.marker[data-event="${id}"]`).boundingBox())!;
      // A click on the track straight above the marker's centre moves the date to the event's day.
      await w.page.mouse.click(m.x + m.width / 2, track.y + track.height / 2);
      const ev = EVENTS.find((e) => e.id === id)!;
      await expect.poll(() => new URL(w.page.url()).searchParams.get('date')).toBe(ev.date.slice(0, 10));
    }
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('N and P on the slider step to the next and previous event; the list moves the date and says so', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1950-12-31`);
    await waitForMap(w.page, 120_000);
    await recordLive(w.page);
    const slider = w.page.getByRole('slider', { name: 'Date', exact: true });
    expect(await slider.getAttribute('aria-keyshortcuts')).toBe('N P');
    expect(await w.page.locator('#date-slider-help').textContent()).toMatch(/N\/P: next or previous key event/);
    await slider.focus();
    // The first event (17:00 on 31 December) is where the slider starts: N goes to the second.
    await w.page.keyboard.press('n');
    await expect.poll(() => currentEvent(w.page)).toBe('bridgehead-ordered');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^1 January 1951, afternoon \(12:00\)/);
    await w.page.keyboard.press('N');
    await expect.poll(() => currentEvent(w.page)).toBe('seoul-evacuation-ordered');
    await w.page.keyboard.press('p');
    await expect.poll(() => currentEvent(w.page)).toBe('bridgehead-ordered');
    // Reached by a step, the event is said once the date settles, once.
    await expect.poll(() => said(w.page)).toContain('Key event 2: Back to the Seoul bridgehead, 1 January 1951, afternoon (12:00).');
    // The list: buttons that move the date.
    await w.page.locator('.events summary').click();
    await w.page.locator('.events button[data-event="seoul-falls"]').click();
    await expect.poll(() => currentEvent(w.page)).toBe('seoul-falls');
    expect(new URL(w.page.url()).searchParams.get('date')).toBe('1951-01-04');
    await expect.poll(async () => (await said(w.page)).at(-1)).toMatch(/^4 January 1951: Seoul abandoned\. Key event 4: Seoul falls, 4 January 1951\.$/);
    expect(await w.page.locator('.marker.on').getAttribute('data-event')).toBe('seoul-falls');
    await w.context.close();
  });

  it('playback says each event it reaches once, not per frame', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-03`);
    await waitForMap(w.page, 120_000);
    await recordLive(w.page);
    await w.page.getByLabel('Fast', { exact: true }).check();
    await w.page.locator('button.play').click();
    // Fast is three days a second: 8 January (Wonju) comes within seconds.
    await expect.poll(() => said(w.page), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/Key event 7: Wonju counter-attack/));
    await w.page.locator('button.play').click();
    const texts = await said(w.page);
    for (const label of ['Seoul falls', 'Suwon left', 'Line D reached', 'Wonju counter-attack']) {
      expect(texts.filter((s) => s.includes(label)), JSON.stringify(texts)).toHaveLength(1);
    }
    // Each text is an event, a new phase, or both in one sentence when one frame reached both (4 January's end is 5 January's start).
    for (const s of texts.slice(1, -1)) expect(s).toMatch(/^(Key event \d+: [^.]+|\d+ January 1951: [^,.]+|Key event \d+: [^.]+\. \d+ January 1951: [^,.]+\.)$/);
    await w.context.close();
  });
});

const SLIDER: LayoutCheck[] = [
  { name: 'date region', box: '.controls .playback', parts: '.slider .label, .slider .row, .slider .help, .slider .events, .player' },
  { name: 'event markers', box: '.slider', parts: '.markers .marker, .row, .help, .label, .events summary' },
  { name: 'events list', box: '.slider .events', parts: 'summary, li, li .when, li .what' },
];

describe('layout of the markers and the events list', () => {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${device}, ${lang}: markers apart and inside the slider, the list's entries uncut; axe`, async () => {
        const w = await openPage(browser, { viewport, bypassCSP: true });
        await w.page.goto(`${base}?date=1951-01-15&lang=${lang}`);
        await waitForMap(w.page, 120_000);
        await w.page.locator('.events summary').click();
        expect(await layoutFaults(w.page, SLIDER)).toEqual([]);
        await w.page.locator('.controls .playback').screenshot({ path: `${SHOTS}/events-${device}-${lang}.png` });
        expect(await axeViolations(w.page)).toEqual([]);
        await w.context.close();
      });
    }
  }
});
