/**
 * The timeline under the date slider (issue 15 #3, #4): key events as numbered markers at their
 * dates, the N/P keys and the events list that move the date, the announcement when playback
 * or a step reaches an event; the layout of markers and list at desktop and phone widths in both
 * languages, with axe. Screenshots go to tests/.artifacts for people to look at.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { layoutFaults, type LayoutCheck } from './layout.ts';
import { axeViolations } from './axe.ts';
import manifest from '../../geo/korea-1951-01/manifest.json' with { type: 'json' };
import golden from '../fixtures/out/held-series-korea.json' with { type: 'json' };

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
vi.setConfig({ testTimeout: 180_000 });

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
    // Each text is an event or a new phase, or several in time order when one frame reached them (4 January's end is 5 January's start).
    for (const s of texts.slice(1, -1)) expect(s).toMatch(/^(Key event \d+: [^.]+|\d+ January 1951: [^,.]+|((Key event \d+: [^.]+|\d+ January 1951: [^,.]+)\. ?)+)$/);
    await w.context.close();
  });
});

/** The golden series: [date, PVA/KPA, UN, no-man's land] in whole km². */
const SERIES = golden as [string, number, number, number][];
const km2 = (v: number, lang: 'en' | 'ko' = 'en') => `${v.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB')}${lang === 'ko' ? '' : ' '}km²`;

/** Opens the app at `date` and waits for the ground-held chart. */
async function openChart(query: string, options: Parameters<typeof openPage>[1] = {}) {
  const w = await openPage(browser, options);
  await w.page.goto(`${base}${query}`);
  await waitForMap(w.page, 120_000);
  await w.page.locator('.held .plot').waitFor({ timeout: 120_000 });
  return w;
}
/** The x (page px) of day `i` of the chart, from its own drawing. */
const plotBox = async (page: Page) => (await page.locator('.held .plot').boundingBox())!;

describe('ground held, day by day', () => {
  it('follows the date with its marker; hovering reads a day; a click moves the date there', async () => {
    const w = await openChart('?date=1951-01-04');
    const marker = w.page.locator('.held .marker');
    const plot = w.page.locator('.held .plot');
    const [pad, inner] = [Number(await plot.getAttribute('data-pad')), Number(await plot.getAttribute('data-inner'))];
    const x1 = async () => Number(await marker.getAttribute('x1'));
    // 4 January is day 4 of 31 after 31 December (x inside the scales).
    expect(await x1()).toBeCloseTo((4 / 31) * inner, 0);
    const slider = w.page.getByRole('slider', { name: 'Date', exact: true });
    await slider.focus();
    await w.page.keyboard.press('End');
    await expect.poll(x1).toBeCloseTo(inner, 0);
    // Hover over 25 January: the readout gives that day's figures.
    await w.page.locator('.held .plot').scrollIntoViewIfNeeded();
    const now = await plotBox(w.page);
    const at = (i: number) => now.x + pad + (i / 31) * inner;
    await w.page.mouse.move(at(25) - 20, now.y + 30);
    await w.page.mouse.move(at(25), now.y + 30, { steps: 2 });
    const [date, pva, un] = SERIES[25];
    expect(date).toBe('1951-01-25');
    await expect.poll(() => w.page.locator('.held .readout').textContent()).toBe(`25 January 1951: PVA/KPA ${km2(pva)}, UN ${km2(un)}`);
    await w.page.mouse.click(at(15), now.y + 30);
    await expect.poll(() => new URL(w.page.url()).searchParams.get('date')).toBe('1951-01-15');
    await expect.poll(x1).toBeCloseTo((15 / 31) * inner, 0);
    expect(w.consoleProblems).toEqual([]);
    // Nothing but our own origin was asked for (the worker and its data included).
    expect(w.requests.filter((u) => !u.startsWith(base))).toEqual([]);
    await w.context.close();
  });

  it('scrolled off screen, changes nothing in playback; back on screen or paused, shows the date at once', async () => {
    // Issue 14: its cursor was redrawn in every frame of playback wherever the chart was.
    const w = await openChart('?date=1950-12-31', { viewport: { width: 1024, height: 768 } });
    const plot = w.page.locator('.held .plot');
    const inner = Number(await plot.getAttribute('data-inner'));
    await w.page.evaluate(() => scrollTo(0, 0));
    // Well below the window (more than the 96 px the chart is kept up to date within).
    expect(await plot.evaluate((el) => el.getBoundingClientRect().top - innerHeight)).toBeGreaterThan(100);
    // The chart has only just appeared: until its first intersection report it counts as on
    // screen. An observer made now is told in the same round as the chart's own, or after it.
    await w.page.evaluate(() => new Promise((told) => new IntersectionObserver((_, o) => (o.disconnect(), told(null))).observe(document.querySelector('.held')!)));
    const before = Number(await w.page.locator('.held .marker').getAttribute('x1'));
    type Changes = { frame: number; changed: [number, string][] };
    // Every change in the chart, by animation frame, from now on.
    await w.page.evaluate(() => {
      const c = ((window as unknown as { chart: Changes }).chart = { frame: 0, changed: [] as [number, string][] });
      requestAnimationFrame(function tick() { c.frame++; requestAnimationFrame(tick); });
      new MutationObserver((records) => records.forEach((r) => c.changed.push([c.frame, r.attributeName ? `${(r.target as Element).tagName} @${r.attributeName}` : r.type]))).observe(document.querySelector('.held')!, { subtree: true, attributes: true, characterData: true, childList: true });
    });
    const drawnDay = async () => Number(await w.page.locator('.map').getAttribute('data-drawn-day'));
    // The marker, the readout and the table's current row against the date the slider shows, read at one moment.
    const drawn = () => w.page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('#date-slider')!;
      const svg = document.querySelector('.held .plot')!;
      return {
        x1: Number(document.querySelector('.held .marker')!.getAttribute('x1')),
        at: (Number(slider.value) - Number(slider.min)) / (Number(slider.max) - Number(slider.min)),
        readout: document.querySelector('.held .readout')!.textContent,
        valuetext: svg.getAttribute('aria-valuetext'),
        row: document.querySelector('.held tbody tr.current th')?.textContent?.trim(),
      };
    });
    const onDate = async () => {
      const d = await drawn();
      expect(d.x1).toBeCloseTo(d.at * inner, 0);
      expect(d.readout).toBe(d.valuetext);
      // "13 Jan" in the table, "13 January 1951: …" read.
      expect(d.valuetext).toMatch(new RegExp(`^${d.row!.replace(/ (\w+)$/, ' $1\\w* ')}`));
    };
    const start = await drawnDay();
    // Play (a click from the page: a pointer's click would scroll the button, and so the chart, into view).
    const play = () => w.page.evaluate(() => document.querySelector<HTMLButtonElement>('button.play')!.click());
    await play();
    await expect.poll(drawnDay, { timeout: 90_000 }).toBeGreaterThan(start + 1.5);
    const chart = await w.page.evaluate(() => (window as unknown as { chart: Changes }).chart);
    expect(chart.frame).toBeGreaterThan(5);
    // Only what is read aloud (the chart's slider value, once a calendar day): nothing drawn.
    expect(chart.changed.filter(([, what]) => !/^svg @aria-value(now|text)$/.test(what))).toEqual([]);
    expect(new Set(chart.changed.map(([frame]) => frame)).size).toBeLessThanOrEqual(4);
    expect(Number(await w.page.locator('.held .marker').getAttribute('x1'))).toBe(before);
    // Back on screen, still playing: on the date shown at once, and following it.
    await plot.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await w.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await onDate();
    const at = (await drawn()).x1;
    await expect.poll(async () => (await drawn()).x1, { timeout: 30_000 }).toBeGreaterThan(at);
    // Off screen again, paused: on the date at once.
    await w.page.evaluate(() => scrollTo(0, 0));
    await w.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
    const frozen = (await drawn()).x1;
    await expect.poll(drawnDay).toBeGreaterThan((await drawnDay()) + 0.2);
    expect((await drawn()).x1).toBe(frozen);
    await play();
    await w.page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    await onDate();
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('is a keyboard slider over the days: arrows move the readout, Enter moves the date', async () => {
    const w = await openChart('?date=1951-01-10');
    const plot = w.page.getByRole('slider', { name: 'Ground held, day by day' });
    expect(await plot.getAttribute('aria-valuenow')).toBe('11');
    const [, pva, un, nml] = SERIES[10];
    expect(await plot.getAttribute('aria-valuetext')).toBe(`10 January 1951: PVA/KPA ${km2(pva)}, no-man’s land ${km2(nml)}, UN ${km2(un)}`);
    await plot.focus();
    await w.page.keyboard.press('ArrowRight');
    await w.page.keyboard.press('ArrowRight');
    expect(await plot.getAttribute('aria-valuetext')).toMatch(/^12 January 1951: /);
    // The date has not moved yet: only the readout.
    expect(new URL(w.page.url()).searchParams.get('date')).toBe('1951-01-10');
    await w.page.keyboard.press('Enter');
    await expect.poll(() => new URL(w.page.url()).searchParams.get('date')).toBe('1951-01-12');
    await w.page.keyboard.press('Home');
    expect(await plot.getAttribute('aria-valuetext')).toMatch(/^31 December 1950: /);
    await w.context.close();
  });

  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: the table gives the same figures as the golden series, km² written the ${lang} way`, async () => {
      const w = await openChart(`?date=1951-01-10&lang=${lang}`);
      await w.page.locator('.held .table summary').click();
      const rows = await w.page.locator('.held tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));
      expect(rows).toHaveLength(SERIES.length);
      rows.forEach((row, i) => {
        const [, pva, un, nml] = SERIES[i];
        expect(row.slice(1)).toEqual([km2(pva, lang), km2(nml, lang), km2(un, lang)]);
      });
      expect(rows[4][0]).toBe(lang === 'en' ? '4 Jan' : '1월 4일');
      await w.context.close();
    });
  }

  it('its worker reads the files the page has read from the HTTP cache: the basemap is served once', async () => {
    // dist/ served with a count of requests per path (a school's server: revalidate every time).
    const root = normalize(join(process.cwd(), 'dist'));
    const served = new Map<string, number>();
    const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
    const server = createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
      served.set(path, (served.get(path) ?? 0) + 1);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root + sep)) return void res.writeHead(403).end();
      try {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(readFileSync(file));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const w = await openPage(browser);
    await w.page.goto(`http://127.0.0.1:${port}/?date=1951-01-10`);
    await waitForMap(w.page, 120_000);
    await w.page.locator('.held .plot').waitFor({ timeout: 120_000 });
    // The chart's figures are the worker's (its series for 10 January), read from those files.
    const [, pva] = SERIES.find(([d]) => d === '1951-01-10')!;
    await expect.poll(() => w.page.locator('.held .readout').textContent()).toContain(km2(pva));
    expect(served.get('/data/basemap/basemap.topo.json')).toBe(1);
    expect([...served].filter(([p, n]) => p.startsWith('/data/') && n > 1)).toEqual([]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
    await new Promise<void>((done) => server.close(() => done()));
  });
});

const CHART: LayoutCheck[] = [
  { name: 'chart', box: '.held', parts: 'figcaption, .key, .scales, .plot, .readout, .help, .table summary' },
  { name: 'chart labels', box: '.held .plot', parts: 'text' },
  { name: 'chart key', box: '.held .key', parts: 'li' },
  { name: 'controls', box: '.controls', parts: ':scope > .compare-open, :scope > .held-panel, :scope > .front-status' },
];

describe('layout of the chart', () => {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${device}, ${lang}: the chart's parts fit and overlap nothing; table open; axe`, async () => {
        const w = await openChart(`?date=1951-01-15&lang=${lang}`, { viewport, bypassCSP: true });
        expect(await layoutFaults(w.page, CHART)).toEqual([]);
        await w.page.locator('.held').screenshot({ path: `${ARTIFACTS}/held-${device}-${lang}.png` });
        await w.page.locator('.held .table summary').click();
        expect(await layoutFaults(w.page, [{ name: 'table', box: '.held .table', parts: 'summary, .scroll' }])).toEqual([]);
        expect(await axeViolations(w.page)).toEqual([]);
        await w.context.close();
      });
    }
  }
});

const SLIDER: LayoutCheck[] = [
  { name: 'date region', box: '.dock .playback', parts: '.slider .label, .slider .row, .slider .help, .slider .events, .player' },
  { name: 'event markers', box: '.slider', parts: '.markers .marker, .row, .help, .label, .events summary' },
  // On a phone the opened list scrolls inside the block at the top: each entry is checked on its own.
  { name: 'events list', box: '.slider .events', parts: 'summary' },
  ...Array.from({ length: EVENTS.length }, (_, i) => ({ name: `event ${i + 1}`, box: `.events li:nth-child(${i + 1}) button`, parts: '.n, .when, .what' })),
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
        await w.page.locator('.dock .playback').screenshot({ path: `${ARTIFACTS}/events-${device}-${lang}.png` });
        expect(await axeViolations(w.page)).toEqual([]);
        await w.context.close();
      });
    }
  }
});
