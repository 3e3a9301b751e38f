/**
 * The embed's first view from its first-view file (src/lib/first-view.ts): at the default
 * opening it loads that one file and none of the data files it stands for before its map is
 * complete, then loads them and swaps in the full data with no visible change; a slider step
 * taken before the full data is in is drawn when it arrives, and a Play pressed before then
 * waits for it, saying so, and plays from the date set once it arrives, the slider, the date
 * and the map showing the one moment meanwhile; a bad first-view file, or a link opening
 * elsewhere, loads the full files as before.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import type { Page, Route } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { decode } from './pixels.ts';
import { axeViolations } from './axe.ts';
import { layoutFaults } from './layout.ts';
import { writeFileSync } from 'node:fs';
import { formatShownMoment, loadMessages, t } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/types.ts';

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
    // The opening date stays drawn (no date is drawn without its data) until the full data is in, the slider's thumb with it…
    expect(await date.textContent()).toMatch(/31 December 1950/);
    expect(formatShownMoment('en', Number(await slider.inputValue()), false)).toBe(await date.textContent());
    // Dragged (an input event with a new value), the thumb goes back to the date shown too, not where it was dropped.
    await slider.evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = String(Number(input.min) + 9);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(formatShownMoment('en', Number(await slider.inputValue()), false)).toBe(await date.textContent());
    release();
    await fullDataIn(w.page);
    // …then the date the reader last asked for.
    await expect.poll(() => date.textContent()).toMatch(/^9 January 1951/);
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^9 January 1951/);
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
    // …and then play from it.
    await expect.poll(() => date.textContent(), { timeout: 60_000 }).toMatch(/January 1951/);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  /** Records, each time the polite live region speaks, what it says beside the date and phase the bar shows and whether Play is pressed. */
  const recordSpoken = (page: Page) =>
    page.evaluate(() => {
      const live = document.getElementById('live')!;
      const spoken: Spoken[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const shown = (s: string) => document.querySelector(`.bar ${s}`)?.textContent?.trim() ?? '';
      const playing = () => document.querySelector('button.play')?.getAttribute('aria-pressed') === 'true';
      new MutationObserver(() => spoken.push({ said: live.textContent!.trim(), date: shown('.date strong'), phase: shown('.phase'), playing: playing() })).observe(live, { childList: true, characterData: true, subtree: true });
    });
  type Spoken = { said: string; date: string; phase: string; playing: boolean };
  const spokenSoFar = (page: Page) => page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);
  /** How the live region begins to say that playback started or paused, by language (live.playing, live.paused). */
  const SAYS = { en: { playing: /^Playing from /, paused: /^Paused on / }, ko: { playing: /부터 재생: /, paused: /에서 멈춤: / } } as const;
  /** "playing", "paused" or "" (a phase said in playback) for what was said. */
  const kind = (lang: Lang, said: string) => (SAYS[lang].playing.test(said) ? 'playing' : SAYS[lang].paused.test(said) ? 'paused' : '');
  /**
   * Whatever is said names the phase the bar shows, and the date where it says the date shown (playing from, paused on),
   * and says playing or paused only while the player is so.
   */
  const saysWhatIsShown = (spoken: Spoken[], lang: Lang = 'en') => {
    for (const s of spoken.filter((x) => x.said)) {
      expect(s.said, JSON.stringify(s)).toContain(s.phase);
      const k = kind(lang, s.said);
      if (k) expect(s.said, JSON.stringify(s)).toContain(s.date);
      if (k) expect(s.playing, JSON.stringify(s)).toBe(k === 'playing');
    }
  };
  /** Waits for `n` frames of the page. */
  const frames = (page: Page, n: number) =>
    page.evaluate((n) => new Promise<void>((done) => requestAnimationFrame(function frame() { if (--n > 0) requestAnimationFrame(frame); else done(); })), n);

  /** The embed with its full data held back, what it says recorded, and Play pressed. */
  const playWhileHeld = async (lang: Lang = 'en') => {
    const w = await openPage(browser, { viewport: { width: 800, height: 700 } });
    const release = await holdFullData(w);
    await w.page.goto(`${base}embed.html?lang=${lang}`);
    const play = w.page.locator('button.play');
    await play.waitFor({ timeout: 120_000 });
    await recordSpoken(w.page);
    await play.click();
    return { w, release };
  };

  /**
   * In every frame for `ms` of the page's time: the slider's value and aria-valuetext, the date over the map and the map's
   * name, read together, and whether the full data was in.
   */
  const sampleFrames = (page: Page, ms: number) =>
    page.evaluate(
      (ms) =>
        new Promise<{ value: number; valuetext: string; date: string; map: string; full: boolean }[]>((done) => {
          const samples: { value: number; valuetext: string; date: string; map: string; full: boolean }[] = [];
          const start = performance.now();
          requestAnimationFrame(function frame(now) {
            const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
            samples.push({
              value: Number(slider.value),
              valuetext: slider.getAttribute('aria-valuetext') ?? '',
              date: document.querySelector('.bar .date strong')?.textContent?.trim() ?? '',
              map: document.querySelector('.map')?.getAttribute('aria-label') ?? '',
              full: performance.getEntriesByName('campaign:full-data').length > 0,
            });
            if (now - start < ms) requestAnimationFrame(frame);
            else done(samples);
          });
        }),
      ms,
    );

  it.each(['en', 'ko'] as const)('in %s shows one moment on the slider, the date and the map while playback waits for the full data, and plays on from it once it is in', async (lang) => {
    await loadMessages(lang);
    const { w, release } = await playWhileHeld(lang);
    const opening = await w.page.locator('.bar .date strong').textContent();
    // Two seconds of frames while held (two days of playback at normal speed, were its clock running).
    const held = await sampleFrames(w.page, 2000);
    expect(held.length).toBeGreaterThan(2);
    expect(held.every((s) => !s.full)).toBe(true);
    const agree = (s: (typeof held)[number]) => {
      // The thumb's moment is the date shown, as the slider says it and the map is named (playing: the date alone). The
      // range input keeps its value to its step (an hour): the moment is within half a step of it.
      expect([-1, 0, 1].map((k) => formatShownMoment(lang, s.value + k / 48, true)), JSON.stringify(s)).toContain(s.date);
      expect(s.valuetext.startsWith(`${s.date} – `), JSON.stringify(s)).toBe(true);
      expect(s.map, JSON.stringify(s)).toContain(s.date);
    };
    for (const s of held) {
      agree(s);
      expect(s.date).toBe(opening);
    }
    await w.page.screenshot({ path: `${ARTIFACTS}/first-view-${lang}-playing-held.png` });
    // Waiting to play: the bar and the controls laid out as ever, and accessible.
    expect(
      await layoutFaults(w.page, [
        { name: 'bar', box: '.bar', parts: '.date, .full' },
        { name: 'controls', box: '.controls', parts: '.slider .label, .slider .row, .player .play, .player .speeds' },
      ]),
    ).toEqual([]);
    expect(await axeViolations(w.page)).toEqual([]);
    release();
    await fullDataIn(w.page);
    // Playback goes on from the opening date once the data is in, the slider with the date.
    await expect.poll(() => w.page.locator('.bar .date strong').textContent(), { timeout: 60_000 }).not.toBe(opening);
    const playing = await sampleFrames(w.page, 500);
    for (const s of playing) agree(s);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('speaks only what the map shows while playback waits for the full data, then the phase it plays into', async () => {
    const { w, release } = await playWhileHeld();
    // While the data is held the map stays on 31 December, and nothing is said but where playback starts…
    await frames(w.page, 60);
    expect(await w.page.locator('.bar .date strong').textContent()).toMatch(/31 December 1950/);
    saysWhatIsShown(await spokenSoFar(w.page));
    expect((await spokenSoFar(w.page)).map((s) => s.said)).toEqual([expect.stringMatching(/^Playing from 31 December 1950/)]);
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

  it.each(['en', 'ko'] as const)('in %s says Play, Pause, Play, Pause once each, as pressed, while the full data is held, and nothing stale once it is in', async (lang) => {
    const { w, release } = await playWhileHeld(lang);
    const play = w.page.locator('button.play');
    for (const pressed of ['false', 'true', 'false']) {
      await play.click();
      expect(await play.getAttribute('aria-pressed')).toBe(pressed);
    }
    release();
    await fullDataIn(w.page);
    await w.page.waitForFunction(() => performance.getEntriesByName('campaign:pack-swapped').length > 0, undefined, { timeout: 120_000 });
    await mapIdle(w.page);
    await frames(w.page, 10);
    const spoken = await spokenSoFar(w.page);
    saysWhatIsShown(spoken, lang);
    // Each press said once, in order, while the player was so: no pause said twice, none said after the play that followed it.
    expect(spoken.map((s) => kind(lang, s.said)), JSON.stringify(spoken)).toEqual(['playing', 'paused', 'playing', 'paused']);
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  /**
   * Where the map, the slider, the player and what follows are in the page, measured as they are or with the waiting sign
   * taken out of the page (`without`): a sign that takes no room leaves them where they are.
   */
  const places = (page: Page, without = false) =>
    page.evaluate((without) => {
      const sign = document.querySelector<HTMLElement>('.waiting');
      if (without && sign) sign.style.display = 'none';
      const at = ['.map-box', '.controls .slider', '.controls .player', '.tools'].map((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return `${s} ${r.left + scrollX},${r.top + scrollY} ${r.width}×${r.height}`;
      });
      if (sign) sign.style.display = '';
      return at;
    }, without);
  /** The map is marked busy for assistive technology (aria-busy on it or a box round it). */
  const mapBusy = (page: Page) => page.evaluate(() => !!document.querySelector('.map')?.closest('[aria-busy="true"]'));

  it.each([
    [800, 700, 'en'],
    [640, 480, 'ko'],
    [390, 600, 'en'],
    [390, 600, 'ko'],
  ] as const)('at %i×%i in %s says, to the eye and the ear, that Play waits for the full data, and stops saying it once playback runs, moving nothing', async (width, height, lang) => {
    await loadMessages(lang);
    const waiting = t(lang, 'embed.waiting');
    const w = await openPage(browser, { viewport: { width, height } });
    const release = await holdFullData(w);
    await w.page.goto(`${base}embed.html?lang=${lang}`);
    await waitForMap(w.page, 120_000);
    const sign = w.page.getByRole('status').filter({ hasText: waiting });
    expect(await sign.count()).toBe(0);
    expect(await mapBusy(w.page)).toBe(false);
    const before = await places(w.page);
    await w.page.locator('button.play').click();
    // Play pressed while the data is held: a polite status says playback is waiting, the map is busy, nothing moves.
    await expect.poll(() => sign.count()).toBe(1);
    expect(await sign.isVisible()).toBe(true);
    expect(await mapBusy(w.page)).toBe(true);
    // The sign takes no room (Play's own change to Pause may move what is below the player on a narrow screen, not the map).
    expect(await places(w.page)).toEqual(await places(w.page, true));
    expect((await places(w.page))[0]).toBe(before[0]);
    await w.page.screenshot({ path: `${ARTIFACTS}/first-view-waiting-${width}x${height}-${lang}.png`, fullPage: true });
    expect(
      await layoutFaults(w.page, [
        { name: 'bar', box: '.bar', parts: '.date, .full' },
        { name: 'map', box: '.map-box', parts: '.maplibregl-ctrl-scale, .maplibregl-ctrl-group, .waiting' },
        { name: 'controls', box: '.controls', parts: '.slider .label, .slider .row, .player .play, .player .speeds' },
      ]),
    ).toEqual([]);
    expect(await axeViolations(w.page)).toEqual([]);
    // Paused, it is not waiting; played again, it is.
    await w.page.locator('button.play').click();
    await expect.poll(() => sign.count()).toBe(0);
    expect(await mapBusy(w.page)).toBe(false);
    await w.page.locator('button.play').click();
    await expect.poll(() => sign.count()).toBe(1);
    const opening = await w.page.locator('.bar .date strong').textContent();
    release();
    await fullDataIn(w.page);
    // Playback runs: the sign and the busy mark go, and nothing has moved.
    await expect.poll(() => w.page.locator('.bar .date strong').textContent(), { timeout: 60_000 }).not.toBe(opening);
    expect(await sign.count()).toBe(0);
    expect(await w.page.locator('.waiting').textContent()).toBe('');
    expect(await mapBusy(w.page)).toBe(false);
    expect((await places(w.page))[0]).toBe(before[0]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('says playback starts from the date stepped to while the full data is held, and plays from it', async () => {
    const w = await openPage(browser, { viewport: { width: 800, height: 700 } });
    const release = await holdFullData(w);
    await w.page.goto(`${base}embed.html`);
    const play = w.page.locator('button.play');
    await play.waitFor({ timeout: 120_000 });
    await recordSpoken(w.page);
    await w.page.getByRole('slider', { name: /date/i }).focus();
    await w.page.keyboard.press('ArrowRight');
    await play.click();
    await expect.poll(async () => (await spokenSoFar(w.page)).length).toBe(1);
    // The map still shows 31 December (nothing later can be drawn yet), but playback will start from the day stepped to.
    expect((await spokenSoFar(w.page))[0].said).toMatch(/^Playing from 1 January 1951: /);
    release();
    await fullDataIn(w.page);
    await expect.poll(() => w.page.locator('.bar .date strong').textContent(), { timeout: 60_000 }).not.toMatch(/31 December/);
    expect(await w.page.locator('.bar .date strong').textContent()).toMatch(/^\d+ January 1951/);
    await play.click();
    const spoken = await spokenSoFar(w.page);
    // Said once, as pressed: not again when playback starts, since it starts where it was said to.
    expect(spoken.filter((s) => /^Playing from/.test(s.said)).length, JSON.stringify(spoken)).toBe(1);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('says where playback really starts when the date was stepped after Play, while the full data was held', async () => {
    const { w, release } = await playWhileHeld();
    await expect.poll(async () => (await spokenSoFar(w.page)).length).toBe(1);
    expect((await spokenSoFar(w.page))[0].said).toMatch(/^Playing from 31 December 1950: /);
    // Stepped on twice while Play waits: the step is kept (the map still shows the opening date) and playback starts from it.
    const slider = w.page.getByRole('slider', { name: /date/i });
    await slider.focus();
    await w.page.keyboard.press('End');
    await w.page.keyboard.press('Home');
    await w.page.keyboard.press('ArrowRight');
    release();
    await fullDataIn(w.page);
    await expect.poll(async () => (await spokenSoFar(w.page)).length, { timeout: 60_000 }).toBeGreaterThan(1);
    const spoken = await spokenSoFar(w.page);
    // As it starts: where from, said as the bar shows it.
    expect(spoken[1].said, JSON.stringify(spoken)).toMatch(/^Playing from 1 January 1951: /);
    expect(spoken[1].date, JSON.stringify(spoken)).toMatch(/^1 January 1951/);
    saysWhatIsShown(spoken);
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
