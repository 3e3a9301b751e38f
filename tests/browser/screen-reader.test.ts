/**
 * What a screen reader says (issue 12 #2–#7): a virtual screen reader
 * (@guidepup/virtual-screen-reader, served from the page's own origin so the strict CSP lets it
 * load) walks the app; findings are checked against Chromium's own accessibility tree
 * (ariaSnapshot), and axe runs in every state reached.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
const vsrSource = readFileSync(new URL('../../node_modules/@guidepup/virtual-screen-reader/lib/esm/index.browser.js', import.meta.url), 'utf8');
let browser: Browser;
useBrowser((b) => (browser = b));
// Generous limits, not timed assertions: the shared machine can be very slow to load a page.
vi.setConfig({ testTimeout: 240_000 });
const LOAD = { timeout: 120_000 };

type Vsr = {
  start: (o: { container: Element }) => Promise<void>;
  spokenPhraseLog: () => Promise<string[]>;
  clearSpokenPhraseLog: () => Promise<void>;
  press: (key: string) => Promise<void>;
};
declare global {
  interface Window {
    vsr: Vsr;
    /** Every text the live region took, in order. */
    liveTexts: string[];
  }
}

/**
 * Opens the app (or another page of it, e.g. `embed.html?…`) at `path` with the virtual screen
 * reader running and the page's live region (`#live`, if it has one) recorded.
 */
async function openWithReader(path: string): Promise<Watched> {
  const w = await openPage(browser);
  // The reader is served from the app's origin: the CSP allows 'self' scripts only.
  await w.page.route(`${base}__vsr.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: vsrSource }));
  await w.page.goto(`${base}${path}`, LOAD);
  await waitForMap(w.page, LOAD.timeout);
  // A string, so that Vitest does not rewrite the page's import().
  await w.page.evaluate(`(async () => {
    const live = document.getElementById('live');
    window.liveTexts = [];
    if (live) new MutationObserver(() => window.liveTexts.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    const m = await import(${JSON.stringify(`${base}__vsr.js`)});
    window.vsr = m.virtual;
    await m.virtual.start({ container: document.body });
  })()`);
  await spoken(w.page);
  return w;
}

/** What the reader said since last asked (and forgets it). */
async function spoken(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const log = await window.vsr.spokenPhraseLog();
    await window.vsr.clearSpokenPhraseLog();
    return log;
  });
}

/** Waits until the reader has said something matching `pattern`; returns everything said. */
async function untilSaid(page: Page, pattern: RegExp): Promise<string[]> {
  const all: string[] = [];
  await expect.poll(async () => (all.push(...(await spoken(page))), all.some((s) => pattern.test(s))), { timeout: 60_000 }).toBe(true);
  return all;
}

const liveTexts = (page: Page) => page.evaluate(() => window.liveTexts);

/** Prints what the reader said, for the closing note (VSR_LOG=1). */
const note = (what: string, said: string[]) => process.env.VSR_LOG && console.log(`[vsr] ${what}:\n  ${said.join('\n  ')}`);

describe('the date slider', () => {
  it('is named "Date", speaks a step once (its value only), and Play says the date it starts from', async () => {
    const w = await openWithReader('?date=1951-01-05');
    const slider = w.page.getByRole('slider', { name: 'Date', exact: true });
    expect(await w.page.locator('section[aria-label="Date"]').ariaSnapshot()).toMatch(/slider "Date"/);
    await slider.focus();
    await untilSaid(w.page, /^slider, Date, /);
    await w.page.evaluate(() => window.vsr.press('ArrowRight'));
    const step = await untilSaid(w.page, /current value 6 January 1951 – Withdrawal to Line D/);
    note('slider step', step);
    // The date is said as the value, not in the name as well.
    expect(step.join('\n')).not.toMatch(/slider, Date: /);
    // The live region does not repeat the date (the slider has said it); it says the key event
    // the step passed, 14:00 on 6 January (issue 15 #4), once.
    await w.page.waitForTimeout(1500);
    const event = 'Key event 5: Suwon left, 6 January 1951, afternoon (14:00).';
    expect([...step, ...(await spoken(w.page))].filter((s) => s.startsWith('polite:'))).toEqual([`polite: ${event}`]);
    expect(await liveTexts(w.page)).toEqual([event]);
    // The "Date" region holds the date controls only.
    const region = await w.page.getByRole('region', { name: 'Date', exact: true }).ariaSnapshot();
    expect(region).not.toMatch(/combobox|Describe the map|Forces|Legend|Interpolated|Sources/);
    // Play from 6 January says 6 January (not the phase's first day).
    await w.page.locator('button.play').click();
    const play = await untilSaid(w.page, /^polite: Playing from/);
    note('play', play);
    expect(play).toContain('polite: Playing from 6 January 1951: Withdrawal to Line D');
    await w.page.locator('button.play').click();
    await untilSaid(w.page, /^polite: Paused on \d+ January 1951/);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.context.close();
  });
});

describe('phase changes', () => {
  it('a phase button and playback into a new phase each say the date and phase once', async () => {
    const w = await openWithReader('?date=1951-01-06');
    // Playback from 6 January crosses into Line D and Wonju on 7 January.
    await w.page.getByLabel('Fast', { exact: true }).check();
    await w.page.locator('button.play').click();
    const crossing = await untilSaid(w.page, /^polite: 7 January 1951: /);
    note('phase change in playback', crossing);
    expect(crossing).toContain('polite: 7 January 1951: Line D and Wonju');
    await w.page.locator('button.play').click();
    await untilSaid(w.page, /^polite: Paused on/);
    const texts = await liveTexts(w.page);
    expect(texts.filter((s) => /^7 January 1951: /.test(s))).toHaveLength(1);
    await w.page.locator('.narrative .phases button').nth(2).click();
    const phase = await untilSaid(w.page, /^polite: 3 January/);
    note('phase button', phase);
    // The phase's first day is also a key event's (the evacuation ordered): said in the same sentence.
    expect(phase).toContain('polite: 3 January 1951: Seoul abandoned. Key event 3: Seoul evacuation ordered, 3 January 1951.');
    await w.context.close();
  });
});

describe('the place answer', () => {
  it('is said when a place is chosen, leads with the answer, gives no coordinates for a named place', async () => {
    const w = await openWithReader('?date=1951-01-04');
    await w.page.getByLabel(/choose a place/i).selectOption('seoul');
    const said = await untilSaid(w.page, /^polite: Seoul, /);
    note('place answer', said);
    const answer = said.find((s) => s.startsWith('polite: Seoul'))!;
    expect(answer).toMatch(/^polite: Seoul, 4 January 1951: held by the (PVA\/KPA|UN), \d+\.\d km behind the front\.$/);
    expect(answer).not.toMatch(/°/);
    // The card shows the same words first; it is not itself a live region.
    const card = w.page.locator('.query .result');
    expect(await card.locator('.answer').textContent()).toContain(answer.replace(/^polite: /, ''));
    expect(await w.page.locator('.query').getAttribute('aria-live')).toBeNull();
    expect(await card.ariaSnapshot()).toMatch(/paragraph: "?Seoul, 4 January 1951: held by the/);
    expect(await axeViolations(w.page)).toEqual([]);
    // A slider step with a place chosen: the slider says the date, the live region the answer once the date settles.
    await w.page.getByRole('slider', { name: 'Date', exact: true }).focus();
    await spoken(w.page);
    await w.page.evaluate(() => window.vsr.press('ArrowRight'));
    const step = await untilSaid(w.page, /^polite: Seoul, 5 January 1951: /);
    note('slider step with a place chosen', step);
    expect(step.filter((s) => s.startsWith('polite:'))).toHaveLength(1);
    await w.context.close();
  });

  it('does not flood the live region during ten seconds of playback with a place chosen', async () => {
    const w = await openWithReader('?date=1950-12-31');
    await w.page.getByLabel(/choose a place/i).selectOption('seoul');
    await untilSaid(w.page, /^polite: Seoul, /);
    await w.page.evaluate(() => (window.liveTexts = []));
    const day0 = Number(await w.page.getByRole('slider', { name: 'Date', exact: true }).inputValue());
    await w.page.locator('button.play').click();
    await w.page.waitForTimeout(10_000);
    const day1 = Number(await w.page.getByRole('slider', { name: 'Date', exact: true }).inputValue());
    const during = await liveTexts(w.page);
    await w.page.locator('button.play').click();
    // Playback moved (so frames were drawn), yet the region changed only at Play and at each new phase.
    expect(day1 - day0).toBeGreaterThan(1);
    // At most ten days of playback from 31 December cross four phase starts (1, 3, 5, 7 January)
    // and seven key events (1 January 12:00 to 8 January: issue 15 #4), each said once.
    expect(new Set(during).size).toBe(during.length);
    expect(during[0]).toBe('Playing from 31 December 1950: The New Year\'s Offensive');
    // One utterance per frame that reached something: a phase start or a key event alone, or, when
    // a slow frame reached several, all of them in time order ("1 January 1951: Back to the Seoul
    // bridgehead. Key event 2: …"), each part said once.
    const phase = /^\d+ (December|January) 195[01]: [^,.]+$/;
    const event = /^Key event \d+: [^.]+$/;
    const parts = during.slice(1).flatMap((s) => s.split(/(?<=\.) (?=Key event|\d+ January)/).map((p) => p.replace(/\.$/, '')));
    for (const p of parts) expect(p, JSON.stringify(during)).toMatch(new RegExp(`${phase.source}|${event.source}`));
    expect(new Set(parts).size, JSON.stringify(during)).toBe(parts.length);
    expect(parts.filter((p) => phase.test(p)).length, JSON.stringify(during)).toBeLessThanOrEqual(4);
    expect(parts.filter((p) => event.test(p)).length, JSON.stringify(during)).toBeLessThanOrEqual(7);
    // No place answer while playing; one when it stops.
    expect(during.join('\n')).not.toMatch(/held by/);
    await expect.poll(async () => (await liveTexts(w.page)).at(-1), { timeout: 60_000 }).toMatch(/^Paused on \d+ January 1951.*: .+\. Seoul, \d+ January 1951.*: held by/);
    await w.context.close();
  });
});

describe('unit cards', () => {
  it('opening a unit from the list moves focus into its card, which is read; Escape closes it and returns focus', async () => {
    const w = await openWithReader('?date=1951-01-04');
    await w.page.locator('.forces > summary').click();
    const button = w.page.locator('.forces li button').first();
    const unit = await button.getAttribute('data-unit');
    await button.focus();
    await w.page.keyboard.press('Enter');
    const said = await untilSaid(w.page, /^region, /);
    note('unit card', said);
    const card = said.find((s) => s.startsWith('region, '))!;
    expect(card).toMatch(/Branch .+ Commander .+ Position 4 January 1951: /);
    // The position is said in words, from the nearest named place (no coordinates).
    expect(card).toMatch(/Position 4 January 1951: (at [A-Z][\w'-]+|\d+\.\d km (north|south|east|west|north-east|north-west|south-east|south-west) of [A-Z][\w'-]+), /);
    expect(await w.page.evaluate(() => document.activeElement?.classList.contains('card'))).toBe(true);
    const snapshot = await w.page.locator('.forces .card').ariaSnapshot();
    expect(snapshot).toMatch(/region ".+"/);
    expect(snapshot).toMatch(/term: Commander/);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.page.keyboard.press('Escape');
    await expect.poll(() => w.page.locator('.forces .card').count()).toBe(0);
    expect(await w.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.unit)).toBe(unit);
    await w.context.close();
  });
});

describe('the map canvas', () => {
  it('is described by its keys and the text description when focused', async () => {
    const w = await openWithReader('?date=1951-01-04');
    const canvas = w.page.locator('.map canvas');
    expect((await canvas.getAttribute('aria-describedby'))?.split(' ')).toEqual(['map-keys', 'map-description']);
    await canvas.focus();
    const said = await untilSaid(w.page, /the front line ran near/);
    note('map canvas', said);
    expect(said.join('\n')).toMatch(/Map keys: arrow keys move the map, \+ and − zoom in and out\./);
    expect(await w.page.locator('#map-keys').isVisible()).toBe(true);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.context.close();
  });
});

describe('the embed', () => {
  it('names its slider "Date" and speaks a step once; its movable map states the keys it takes', async () => {
    const w = await openWithReader('embed.html?date=1951-01-06');
    const slider = w.page.getByRole('slider', { name: 'Date', exact: true });
    await slider.focus();
    await untilSaid(w.page, /^slider, Date, /);
    await w.page.evaluate(() => window.vsr.press('ArrowRight'));
    const step = await untilSaid(w.page, /current value 7 January 1951 – Line D and Wonju/);
    note('embed slider step', step);
    expect(step.join('\n')).not.toMatch(/slider, Date: /);
    expect(step.filter((s) => /7 January 1951/.test(s))).toHaveLength(1);
    const canvas = w.page.locator('.map canvas');
    expect((await canvas.getAttribute('aria-describedby'))?.split(' ')).toEqual(['map-keys', 'embed-description']);
    await canvas.focus();
    // Its keys, then the description (its code fetched when the canvas is first focused), as in the app.
    const said = await untilSaid(w.page, /the front line ran near/);
    expect(said.join('\n')).toMatch(/Map keys: /);
    note('embed map canvas', said);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.context.close();
  });

  it('a locked map (interactive=0) is no tab stop', async () => {
    const w = await openWithReader('embed.html?date=1951-01-06&interactive=0');
    expect(await w.page.locator('.map canvas').getAttribute('tabindex')).toBe('-1');
    expect(await w.page.locator('#map-keys').count()).toBe(0);
    await w.context.close();
  });
});

describe('citations and titles', () => {
  it('narrative citations are links to the source entries, with readable names', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-05`, LOAD);
    await waitForMap(w.page, LOAD.timeout);
    const cite = w.page.locator('.narrative .cite').first();
    expect(await cite.ariaSnapshot()).toMatch(/link "Mossman, Ebb and Flow, ch\. \d+"/);
    expect(await cite.textContent()).not.toMatch(/\bEF\d+\b/);
    const link = cite.getByRole('link').first();
    const target = (await link.getAttribute('href'))!;
    expect(await w.page.locator(target).count()).toBe(1);
    await link.click();
    await expect.poll(() => w.page.evaluate(() => document.activeElement?.id)).toBe(target.slice(1));
    await w.context.close();
  });

  it('lang=ko sets the page title of the app, the embed and the print handout', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?lang=ko`, LOAD);
    await expect.poll(() => w.page.title(), LOAD).toBe('1951년 1월 한국 – 전역 지도');
    await w.page.goto(`${base}embed.html?lang=ko`, LOAD);
    await expect.poll(() => w.page.title(), LOAD).toBe('1951년 1월 한국 – 전역 지도');
    await w.page.goto(`${base}print.html?lang=ko`, LOAD);
    await expect.poll(() => w.page.title(), LOAD).toBe('1951년 1월 한국 – 인쇄용 자료');
    await w.context.close();
  });
});
