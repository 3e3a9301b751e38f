/**
 * The embed's first view from its first-view file (src/lib/first-view.ts): at the default
 * opening it loads that one file and none of the data files it stands for before its map is
 * complete, then loads them and swaps in the full data with no visible change; a slider step
 * taken before the full data is in is drawn when it arrives; a bad first-view file, or a link
 * opening elsewhere, loads the full files as before.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import type { Page, Route } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { decode } from './pixels.ts';
import { writeFileSync } from 'node:fs';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
vi.setConfig({ testTimeout: 180_000 });

/** The data files the first-view file stands for. */
const FULL = ['fronts.geojson', 'places.geojson', 'units.json', 'unit-positions.geojson', 'arrows.geojson', 'zones.geojson', 'unit-symbols.json'];
const isFull = (url: string) => FULL.some((f) => url.endsWith(`/korea-1951-01/${f}`));

/** When a file was first requested: before or after the map was complete, or not yet. */
const requestedWhen = (page: Page, suffix: string) =>
  page.evaluate((s) => {
    const complete = performance.getEntriesByName('campaign:complete')[0]?.startTime ?? Infinity;
    const r = performance.getEntriesByType('resource').find((e) => e.name.endsWith(s));
    return r ? (r.startTime > complete ? 'after' : 'before') : 'not yet';
  }, suffix);

/** Holds back the full data files until the returned function is called. */
async function holdFullData(w: Watched): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await w.page.route((url) => isFull(url.href), async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

const fullDataIn = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('campaign:full-data').length > 0, undefined, { timeout: 120_000 });
/** Waits for the map to have drawn everything it was given (no tiles, labels or frames pending). */
const mapIdle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        const map = (document.querySelector('.map') as unknown as { testMap: { once(e: string, f: () => void): void; triggerRepaint(): void } }).testMap;
        map.once('idle', done);
        map.triggerRepaint();
      }),
  );

describe('the embed’s first view', () => {
  it.each(['en', 'ko'])('in %s loads its first-view file and no full data file before complete, then the full data, with no visible change', async (lang) => {
    const w = await openPage(browser, { viewport: { width: 800, height: 700 } });
    const release = await holdFullData(w);
    await w.page.goto(`${base}embed.html?lang=${lang}`);
    await waitForMap(w.page, 120_000);
    expect(await requestedWhen(w.page, `/korea-1951-01/first-view.${lang}.json`)).toBe('before');
    // Asked for once the map is complete, and held back here: not in yet.
    for (const f of FULL) expect(await requestedWhen(w.page, `/korea-1951-01/${f}`), f).toBe('not yet');
    await mapIdle(w.page);
    const map = w.page.locator('.map-box');
    const before = await map.screenshot();
    release();
    await fullDataIn(w.page);
    for (const f of FULL) expect(await requestedWhen(w.page, `/korea-1951-01/${f}`), f).toBe('after');
    // The map has put the full data in place of the first view's (new buffers), and drawn it.
    await w.page.waitForFunction(() => performance.getEntriesByName('campaign:pack-swapped').length > 0, undefined, { timeout: 120_000 });
    await mapIdle(w.page);
    const after = await map.screenshot();
    writeFileSync(`${ARTIFACTS}/first-view-${lang}-before.png`, before);
    writeFileSync(`${ARTIFACTS}/first-view-${lang}-after.png`, after);
    const [a, b] = [decode(before), decode(after)];
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    let differ = 0;
    for (let i = 0; i < a.data.length; i += 4) if ([0, 1, 2].some((c) => Math.abs(a.data[i + c] - b.data[i + c]) > 8)) differ++;
    expect(differ).toBe(0);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('draws a slider step taken before the full data is in once it arrives', async () => {
    const w = await openPage(browser, { viewport: { width: 800, height: 700 } });
    const release = await holdFullData(w);
    await w.page.goto(`${base}embed.html`);
    const slider = w.page.getByRole('slider', { name: /date/i });
    await slider.waitFor({ timeout: 120_000 });
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    const date = w.page.locator('.bar .date strong');
    // The opening date stays drawn (no date is drawn without its data) until the full data is in…
    expect(await date.textContent()).toMatch(/31 December 1950/);
    release();
    await fullDataIn(w.page);
    // …then the date the reader stepped to.
    await expect.poll(() => date.textContent()).toMatch(/^1 January 1951/);
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^1 January 1951/);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('plays from a Play pressed before the full data is in, once it arrives', async () => {
    const w = await openPage(browser, { viewport: { width: 800, height: 700 } });
    const release = await holdFullData(w);
    await w.page.goto(`${base}embed.html`);
    const play = w.page.getByRole('button', { name: 'Play' });
    await play.waitFor({ timeout: 120_000 });
    await play.click();
    const date = w.page.locator('.bar .date strong');
    // The map and the date shown stay at the opening date while there is no data for the next ones…
    expect(await date.textContent()).toMatch(/31 December 1950/);
    release();
    await fullDataIn(w.page);
    // …and then show the playback, which kept going.
    await expect.poll(() => date.textContent(), { timeout: 60_000 }).toMatch(/January 1951/);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  /** Records, each time the polite live region speaks, what it says beside the date and phase the bar shows. */
  const recordSpoken = (page: Page) =>
    page.evaluate(() => {
      const live = document.getElementById('live')!;
      const spoken: { said: string; date: string; phase: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const shown = (s: string) => document.querySelector(`.bar ${s}`)?.textContent?.trim() ?? '';
      new MutationObserver(() => spoken.push({ said: live.textContent!.trim(), date: shown('.date strong'), phase: shown('.phase') })).observe(live, { childList: true, characterData: true, subtree: true });
    });
  const spokenSoFar = (page: Page) => page.evaluate(() => (window as unknown as { spoken: { said: string; date: string; phase: string }[] }).spoken);
  /** How far playback has gone in days, shown or not (the slider's thumb moves with it). */
  const played = (page: Page) => page.getByRole('slider', { name: /date/i }).evaluate((el: HTMLInputElement) => Number(el.value) - Number(el.min));
  /** Whatever is said names the phase the bar shows, and the date where it says the date shown (playing from, paused on). */
  const saysWhatIsShown = (spoken: { said: string; date: string; phase: string }[]) => {
    for (const s of spoken.filter((x) => x.said)) {
      expect(s.said, JSON.stringify(s)).toContain(s.phase);
      if (/^(Playing|Paused)/.test(s.said)) expect(s.said, JSON.stringify(s)).toContain(s.date);
    }
  };

  /** The embed with its full data held back, what it says recorded, and Play pressed. */
  const playWhileHeld = async () => {
    const w = await openPage(browser, { viewport: { width: 800, height: 700 } });
    const release = await holdFullData(w);
    await w.page.goto(`${base}embed.html`);
    const play = w.page.getByRole('button', { name: 'Play' });
    await play.waitFor({ timeout: 120_000 });
    await recordSpoken(w.page);
    await play.click();
    return { w, release };
  };

  it('speaks only what the map shows while playback waits for the full data, then the phase it plays into', async () => {
    const { w, release } = await playWhileHeld();
    // Playback has gone past the next phase's first day (1 January) while the map still shows 31 December…
    await expect.poll(() => played(w.page), { timeout: 60_000 }).toBeGreaterThan(1.5);
    expect(await w.page.locator('.bar .date strong').textContent()).toMatch(/31 December 1950/);
    saysWhatIsShown(await spokenSoFar(w.page));
    expect((await spokenSoFar(w.page)).map((s) => s.said)).toEqual([expect.stringMatching(/^Playing from 31 December 1950/)]);
    await w.page.screenshot({ path: `${ARTIFACTS}/first-view-playing-held.png` });
    release();
    await fullDataIn(w.page);
    // …and once the map moves on, the phase it shows is said.
    await expect.poll(async () => (await spokenSoFar(w.page)).length, { timeout: 60_000 }).toBeGreaterThan(1);
    await w.page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await spokenSoFar(w.page)).at(-1)?.said, { timeout: 60_000 }).toMatch(/^Paused on/);
    const spoken = await spokenSoFar(w.page);
    saysWhatIsShown(spoken);
    expect(spoken[1].said).not.toMatch(/^(Playing|Paused)/);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('says where playback paused before the full data was in once the map shows it', async () => {
    const { w, release } = await playWhileHeld();
    await expect.poll(() => played(w.page), { timeout: 60_000 }).toBeGreaterThan(1.5);
    await w.page.getByRole('button', { name: 'Pause' }).click();
    release();
    await fullDataIn(w.page);
    const date = w.page.locator('.bar .date strong');
    await expect.poll(() => date.textContent(), { timeout: 60_000 }).toMatch(/January 1951/);
    await expect.poll(async () => (await spokenSoFar(w.page)).at(-1)?.said, { timeout: 60_000 }).toMatch(/^Paused on \d+ January 1951/);
    const spoken = await spokenSoFar(w.page);
    saysWhatIsShown(spoken);
    // Nothing but the start and the pause: no phase was shown in between.
    expect(spoken.map((s) => s.said.split(' ')[0])).toEqual(['Playing', 'Paused']);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  for (const [name, body] of [
    ['malformed', '{"date": "1950-12-31", "files": '],
    ['incomplete', '{"date": "1950-12-31", "files": {"fronts.geojson": {"type": "FeatureCollection", "features": []}}}'],
  ] as const) {
    it(`falls back to the full files when its first-view file is ${name}, with no error shown`, async () => {
      const w = await openPage(browser);
      await w.page.route((url) => url.href.endsWith('/first-view.en.json'), (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      await w.page.goto(`${base}embed.html`);
      await waitForMap(w.page, 120_000);
      for (const f of FULL) expect(await requestedWhen(w.page, `/korea-1951-01/${f}`), f).toBe('before');
      expect(await w.page.locator('.bar .date strong').textContent()).toMatch(/31 December 1950/);
      expect(await w.page.getByRole('slider', { name: /date/i }).isVisible()).toBe(true);
      expect(await w.page.locator('.load-error, [role="alert"]').count()).toBe(0);
      expect(w.consoleProblems).toEqual([]);
      await w.context.close();
    });
  }

  it('loads the full files for a link that opens on another date', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}embed.html?date=1951-01-04`);
    await waitForMap(w.page, 120_000);
    expect(w.requests.some((u) => /first-view\.\w+\.json$/.test(u))).toBe(false);
    for (const f of FULL) expect(await requestedWhen(w.page, `/korea-1951-01/${f}`), f).toBe('before');
    await w.context.close();
  });
});
