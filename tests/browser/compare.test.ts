/**
 * Compare mode (issue 15): the swipe by mouse, touch and keyboard (the pixels left of the
 * divider are date A's map, right of it date B's), the overlay's gained and lost ground,
 * compare= deep links good and bad, leaving for date B, the embed's parameter and messages,
 * the SVG fallback, layout at desktop and phone widths in both languages, axe, and compare
 * asked for beside present mode or a lesson (a notice says it is not available there).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { useBrowser, useNoWebGlBrowser } from './shared-browser.ts';
import { colorStats, decode, type Image } from './pixels.ts';
import { layoutFaults, type LayoutCheck } from './layout.ts';
import { axeViolations } from './axe.ts';
import { encodeLesson, type Lesson } from '../../src/lib/lesson.ts';
import { CHANGE_STYLE, FRONT_A } from '../../src/map/compare-colors.ts';

const base = inject('baseUrl');
const HOST = 'http://localhost:9111';
let browser: Browser;
useBrowser((b) => (browser = b));
let noGl: Browser;
useNoWebGlBrowser((b) => (noGl = b));

const PAIR = 'compare=1951-01-01,1951-01-24';
/** A generous limit, not a timed assertion: on a loaded machine a page with a lesson can take a minute to settle. */
const SLOW = 150_000;
/** The overlay's changed ground as drawn over B's map (compare-colors.ts at 0.88 over the land or B's tint). */
const GAINED_PVA = '#ebaba1';
const GAINED_UN = '#a9bbe6';

const divider = (p: Page | Frame) => p.getByRole('slider', { name: /divider|구분선/i });
const dateSlider = (p: Page | Frame) => p.getByRole('slider', { name: /^date$|^날짜$/i });

/** Opens the app with compare open and its figures in. */
async function openCompare(query: string, options: Parameters<typeof openPage>[1] = {}): Promise<Watched> {
  const w = await openPage(browser, { bypassCSP: true, ...options });
  await w.page.goto(`${base}?${query}`);
  await waitForMap(w.page, 45_000);
  await w.page.waitForSelector('.compare-panel table', { timeout: 45_000 });
  return w;
}

/** The map canvas's pixels once the map has drawn what it was last given. */
async function mapPixels(page: Page): Promise<Image> {
  await page.waitForTimeout(400);
  return decode(await page.locator('.map canvas').screenshot());
}

/** Share of pixels in columns [x0, x1) and rows below `top` that differ between two images. */
function differing(a: Image, b: Image, x0: number, x1: number, top = 60): number {
  let n = 0;
  let all = 0;
  for (let y = top; y < a.height - 30; y++) {
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(a.width, Math.round(x1)); x++) {
      const i = (y * a.width + x) * 4;
      all++;
      if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 30) n++;
    }
  }
  return n / all;
}

/**
 * The blank (page-white) margins around what an SVG map shows inside its element, px: equal
 * left and right when the picture is centred across its box.
 */
async function blankMargins(svg: Locator): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const img = decode(await svg.screenshot());
  const blank = (x: number, y: number) => {
    const i = (y * img.width + x) * 4;
    return img.data[i] > 250 && img.data[i + 1] > 250 && img.data[i + 2] > 250;
  };
  const colBlank = (x: number) => Array.from({ length: img.height }, (_, y) => y).every((y) => blank(x, y));
  const rowBlank = (y: number) => Array.from({ length: img.width }, (_, x) => x).every((x) => blank(x, y));
  const count = (n: number, isBlank: (i: number) => boolean) => {
    let k = 0;
    while (k < n && isBlank(k)) k++;
    return k;
  };
  return {
    left: count(img.width, colBlank),
    right: count(img.width, (i) => colBlank(img.width - 1 - i)),
    top: count(img.height, rowBlank),
    bottom: count(img.height, (i) => rowBlank(img.height - 1 - i)),
  };
}

/**
 * Each map's picture sits in the middle of its box across (within 2 px), not at one side, and
 * at the top of it, right under its caption.
 */
async function expectCentred(maps: Locator): Promise<void> {
  for (const m of await maps.all()) {
    const g = await blankMargins(m);
    expect(Math.abs(g.left - g.right), `left ${g.left} vs right ${g.right}`).toBeLessThanOrEqual(2);
    expect(g.top).toBeLessThanOrEqual(1);
  }
}

const valueNow = async (l: Locator) => Number(await l.getAttribute('aria-valuenow'));

/** The size an SVG map is drawn at inside its box (fitted to it, keeping its shape). */
const drawnSize = (svg: Locator) =>
  svg.evaluate((e) => {
    const s = e as SVGSVGElement;
    const { width: vw, height: vh } = s.viewBox.baseVal;
    const k = Math.min(s.clientWidth / vw, s.clientHeight / vh);
    return { width: vw * k, height: vh * k };
  });

describe('compare in the app', () => {
  it('opens from a compare= link with both dates, swipes by keyboard, and the halves show A and B', async () => {
    const w = await openCompare(`${PAIR}&lang=en`);
    const { page } = w;
    await expect.poll(() => page.locator('.compare-panel select').evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value))).toEqual(['1951-01-01', '1951-01-24']);
    expect(await page.locator('.compare-panel select option:checked').allTextContents()).toEqual(['1 January 1951', '24 January 1951']);
    expect(await page.locator('.compare-panel table').innerText()).toMatch(/PVA\/KPA\s+about 14,000 km²\s+none\s+UN\s+none\s+about 16,000 km²/);
    expect(await page.locator('.compare-panel').innerText()).toMatch(/Seoul \(4 Jan\)/);
    expect(await page.locator('.compare-panel').innerText()).toMatch(/90\.2 km by the PVA\/KPA side/);
    expect(page.url()).toContain('compare=1951-01-01,1951-01-24');
    // Each side says its date on the map.
    expect(await page.locator('.swipe .badge').allInnerTexts()).toEqual(['A: 1 January 1951', 'B: 24 January 1951']);

    const d = divider(page);
    expect(await valueNow(d)).toBe(50);
    expect(await d.getAttribute('aria-valuetext')).toBe('50 % from the left: 1 January 1951 on the left, 24 January 1951 on the right');
    await d.focus();
    await page.keyboard.press('End');
    expect(await valueNow(d)).toBe(100);
    const allA = await mapPixels(page);
    await page.keyboard.press('Home');
    expect(await valueNow(d)).toBe(0);
    const allB = await mapPixels(page);
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageUp');
    expect(await valueNow(d)).toBe(50);
    const half = await mapPixels(page);
    const mid = half.width / 2;
    // The dates differ on both halves of the map (the front moved about 90 km south)...
    expect(differing(allA, allB, 0, mid - 20)).toBeGreaterThan(0.03);
    expect(differing(allA, allB, mid + 20, half.width - 50)).toBeGreaterThan(0.03);
    // ...and with the divider in the middle, the left is A's map and the right B's.
    expect(differing(half, allA, 0, mid - 20)).toBeLessThan(0.01);
    expect(differing(half, allB, mid + 20, half.width - 50)).toBeLessThan(0.01);
    await page.keyboard.press('ArrowLeft');
    expect(await valueNow(d)).toBe(48);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('drags the divider with a mouse', async () => {
    const w = await openCompare(`${PAIR}&lang=en`);
    const box = (await w.page.locator('.map').boundingBox())!;
    const handle = (await divider(w.page).boundingBox())!;
    await w.page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await w.page.mouse.down();
    await w.page.mouse.move(box.x + box.width * 0.3, handle.y + handle.height / 2, { steps: 8 });
    await w.page.mouse.move(box.x + box.width * 0.25, handle.y + handle.height / 2, { steps: 4 });
    await w.page.mouse.up();
    expect(Math.abs((await valueNow(divider(w.page))) - 25)).toBeLessThanOrEqual(1);
    const d = (await divider(w.page).boundingBox())!;
    expect(Math.abs(d.x + d.width / 2 - (box.x + box.width * 0.25))).toBeLessThan(3);
    // The map did not pan under the drag.
    expect(w.page.url()).toContain('compare=1951-01-01,1951-01-24');
    await w.context.close();
  });

  it('drags the divider with a finger on a touch screen', async () => {
    const w = await openCompare(`${PAIR}&lang=en`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    const cdp = await w.context.newCDPSession(w.page);
    const box = (await w.page.locator('.map').boundingBox())!;
    const h = (await divider(w.page).boundingBox())!;
    const [x, y] = [h.x + h.width / 2, h.y + h.height / 2];
    const to = box.x + box.width * 0.75;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
    for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + ((to - x) * i) / 10, y, id: 1 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(Math.abs((await valueNow(divider(w.page))) - 75)).toBeLessThanOrEqual(1);
    await w.context.close();
  });

  it('overlays the ground each side gained, with patterns in the legend', async () => {
    const w = await openCompare(`${PAIR}&lang=en`);
    const { page } = w;
    const swipeB = await (async () => {
      await divider(page).focus();
      await page.keyboard.press('Home');
      return mapPixels(page);
    })();
    await page.getByRole('radio', { name: /Overlay/ }).check();
    await expect.poll(() => page.locator('.swipe').count()).toBe(0);
    // What B's map has of those colours anyway (anti-aliased edges, symbols).
    const basePva = colorStats(swipeB, GAINED_PVA, 10).count;
    const baseUn = colorStats(swipeB, GAINED_UN, 10).count;
    await expect.poll(async () => colorStats(await mapPixels(page), GAINED_PVA, 10).count).toBeGreaterThan(basePva + 400);
    const overlay = await mapPixels(page);
    // The PVA/KPA side gained ground from 1 to 24 January; the UN side none.
    expect(colorStats(overlay, GAINED_UN, 10).count).toBeLessThan(baseUn + 50);
    expect(await page.locator('.compare-legend').innerText()).toMatch(/PVA\/KPA side gained[\s\S]*UN side gained[\s\S]*no-man’s land[\s\S]*Front on date A, 1 January 1951[\s\S]*Front on date B, 24 January 1951/);
    // 24 → 31 January (Thunderbolt): the UN side gained about 3,400 km², the PVA/KPA side
    // about 240 (no-man's land it took over as the band ended on 25 January).
    await page.locator('.compare-panel select').first().selectOption('1951-01-24');
    await page.locator('.compare-panel select').nth(1).selectOption('1951-01-31');
    await expect.poll(async () => colorStats(await mapPixels(page), GAINED_UN, 10).count, { timeout: 30_000 }).toBeGreaterThan(baseUn + 300);
    const thunderbolt = await mapPixels(page);
    expect(colorStats(thunderbolt, GAINED_UN, 10).count).toBeGreaterThan(2 * colorStats(thunderbolt, GAINED_PVA, 10).count);
    // The golden figures for 24 → 31 January (236 and 927 km², 3,370 km²), rounded.
    await expect.poll(() => page.locator('.compare-panel table').innerText(), { timeout: 30_000 }).toMatch(/PVA\/KPA\s+about 240 km²\s+about 930 km²\s+UN\s+about 3,400 km²\s+none/);
    expect(page.url()).toContain('compare=1951-01-24,1951-01-31');
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('opens from the Compare button, and leaving returns to the single map at date B', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?date=1951-01-10&lang=en`);
    await waitForMap(w.page, 45_000);
    await w.page.getByRole('button', { name: 'Compare two dates' }).click();
    await w.page.waitForSelector('.compare-panel table', { timeout: 45_000 });
    // Focus follows: into the panel on opening, back to the button on leaving.
    await expect.poll(() => w.page.evaluate(() => document.activeElement?.id)).toBe('compare-title');
    expect(await w.page.locator('.compare-panel select option:checked').allTextContents()).toEqual(['31 December 1950', '10 January 1951']);
    await expect.poll(() => w.page.url()).toContain('compare=1950-12-31,1951-01-10');
    await w.page.locator('.compare-panel select').nth(1).selectOption('1951-01-20');
    await w.page.getByRole('button', { name: 'Back to one date' }).click();
    await expect.poll(() => w.page.locator('.compare-panel').count()).toBe(0);
    expect(await dateSlider(w.page).getAttribute('aria-valuetext')).toMatch(/^20 January 1951/);
    await expect.poll(() => w.page.url()).not.toContain('compare=');
    expect(w.page.url()).toContain('date=1951-01-20');
    expect(await divider(w.page).count()).toBe(0);
    await expect.poll(() => w.page.evaluate(() => document.activeElement?.className ?? '')).toMatch(/compare-open/);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('gives way to present mode, at date B', async () => {
    const w = await openCompare(`${PAIR}&lang=en`);
    await w.page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => w.page.locator('.compare-panel').count()).toBe(0);
    expect(await divider(w.page).count()).toBe(0);
    await expect.poll(() => w.page.url()).not.toContain('compare=');
    expect(w.page.url()).toContain('date=1951-01-24');
    await w.context.close();
  });

  it.each(['compare=1951-01-01', 'compare=1951-01-01,1951-02-30', 'compare=1950-06-25,1951-01-24', 'compare=%3Cscript%3E,x'])('a bad link (%s) gives a notice and the normal map', async (q) => {
    const w = await openPage(browser);
    await w.page.goto(`${base}?${q}&date=1951-01-04&lang=en`);
    await waitForMap(w.page, 45_000);
    await expect.poll(() => w.page.locator('.notices').innerText()).toMatch(/compare value .* is not two dates/);
    expect(await w.page.locator('.compare-panel').count()).toBe(0);
    expect(await dateSlider(w.page).getAttribute('aria-valuetext')).toMatch(/^4 January 1951/);
    expect(await w.page.getByRole('button', { name: 'Compare two dates' }).count()).toBe(1);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

/** A one-stop lesson for the tests of compare beside a lesson. */
const LESSON: Lesson = {
  version: 1, title: 'Seoul falls', start: '1951-01-01', end: '1951-01-24', lang: 'en', autoplay: false, speed: 'normal', narrative: 'closed', controls: true,
  stops: [{ date: '1951-01-04', caption: 'Seoul falls.' }],
};

describe('compare beside present mode or a lesson', () => {
  const notice = (p: Page | Frame) => p.locator('.notices .notice');

  it.each([
    ['en', 'Compare is not available in present mode, so the map shows one date.'],
    ['ko', '발표 화면에서는 두 날짜를 비교할 수 없어 지도는 한 날짜만 보여 줍니다.'],
  ] as const)('present=1 with compare= opens present mode with a notice in %s, and the map works', async (lang, text) => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = w;
    await page.goto(`${base}?${PAIR}&present=1&date=1951-01-04&lang=${lang}`);
    await waitForMap(page, 45_000);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(true);
    await expect.poll(() => notice(page).innerText()).toContain(text);
    expect(await notice(page).isVisible()).toBe(true);
    expect(await page.locator('.compare-panel').count()).toBe(0);
    expect(await divider(page).count()).toBe(0);
    expect(page.url()).not.toContain('compare=');
    // The notice sits in view over present mode, inside the screen, beside the title, and nothing covers it.
    const box = (await notice(page).boundingBox())!;
    const title = (await page.locator('.present-title').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    expect(box.x).toBeGreaterThanOrEqual(title.x + title.width);
    const onTop = await notice(page).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.x + 8, r.y + r.height / 2));
    });
    expect(onTop).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // The map and the clicker keys still work: the next phase moves the date on.
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('.present-date').textContent()).toBe(lang === 'en' ? '5 January 1951' : '1951년 1월 5일');
    await page.screenshot({ path: `tests/.artifacts/compare-present-notice-${lang}.png` });
    // The notice can be dismissed.
    await notice(page).getByRole('button').click();
    await expect.poll(() => notice(page).count()).toBe(0);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  }, SLOW);

  it.each(['index.html', 'embed.html'])('a lesson link with compare= in %s plays the lesson, with a notice, and axe passes', async (path) => {
    // Reduced motion: Start jumps to the stop instead of playing there (less work on a loaded machine).
    const w = await openPage(browser, { reducedMotion: 'reduce' });
    const { page } = w;
    await page.goto(`${base}${path}?lesson=${encodeLesson(LESSON)}&${PAIR}&lang=en`);
    await waitForMap(page, 45_000);
    await expect.poll(() => notice(page).innerText()).toContain('Compare is not available during a lesson, so the lesson shows one date.');
    expect(await notice(page).isVisible()).toBe(true);
    expect(await page.locator('.compare-panel').count()).toBe(0);
    expect(await divider(page).count()).toBe(0);
    expect(await dateSlider(page).getAttribute('aria-valuetext')).toMatch(/^1 January 1951/);
    // The lesson and the map work: Start plays to the first stop.
    await page.getByRole('button', { name: 'Start the lesson' }).click();
    await expect.poll(() => dateSlider(page).getAttribute('aria-valuetext'), { timeout: 30_000 }).toMatch(/^4 January 1951/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `tests/.artifacts/compare-lesson-notice-${path.replace('.html', '')}.png` });
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  }, SLOW);

  it('a lesson link with compare= in index.html keeps its notice and date when the lesson code comes after the data', async () => {
    // The race the whole file used to lose on a loaded machine: the pack came in before the lesson's
    // decoder, and the address bar, following the map, dropped compare= (and wrote its own date)
    // before the link was read. Hold the lesson's code back until the map is drawn.
    const w = await openPage(browser, { reducedMotion: 'reduce' });
    const { page } = w;
    let release = () => {};
    let holding = 0;
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/assets\/lesson-[\w-]+\.js$/, async (route) => {
      holding++;
      await held;
      await route.continue();
    });
    await page.goto(`${base}?lesson=${encodeLesson(LESSON)}&${PAIR}`, { waitUntil: 'commit' });
    await waitForMap(page, 45_000);
    await page.waitForTimeout(300);
    // The map is drawn while the lesson's code is held; the link is not rewritten before it is read.
    expect(holding).toBeGreaterThan(0);
    expect(page.url()).toContain(PAIR);
    release();
    await expect.poll(() => notice(page).innerText()).toContain('Compare is not available during a lesson, so the lesson shows one date.');
    await expect.poll(() => dateSlider(page).getAttribute('aria-valuetext')).toMatch(/^1 January 1951/);
    expect(await page.locator('.compare-panel').count()).toBe(0);
    await expect.poll(() => page.url()).not.toContain('compare=');
    expect(page.url()).toContain('date=1951-01-01');
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  }, SLOW);
});

describe('compare layout and accessibility', () => {
  const CHECKS: LayoutCheck[] = [
    { name: 'compare panel', box: '.compare-panel', parts: 'h2, .leave, label, select, .views label, table, dt, dd, .sentences p, .compare-legend li' },
    { name: 'swipe', box: '.map-wrap', parts: '.swipe .badge, .divider .handle' },
    { name: 'controls', box: '.controls', parts: ':scope > :not(.visually-hidden)', allowOverlap: true },
  ];
  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    for (const lang of ['en', 'ko'] as const) {
      it(`fits at ${width}×${height} in ${lang}, in swipe and overlay, with no axe violations`, async () => {
        const w = await openCompare(`${PAIR}&lang=${lang}`, { viewport: { width, height } });
        expect(await layoutFaults(w.page, CHECKS)).toEqual([]);
        expect(await axeViolations(w.page)).toEqual([]);
        await w.page.locator('.views input').nth(1).check();
        await w.page.waitForSelector('.compare-legend');
        expect(await layoutFaults(w.page, CHECKS.filter((c) => c.name !== 'swipe'))).toEqual([]);
        expect(await axeViolations(w.page)).toEqual([]);
        await w.context.close();
      });
    }
  }

  it('says the answer in Korean in the panel and the text alternative', async () => {
    const w = await openCompare(`${PAIR}&lang=ko`);
    const text = await w.page.locator('#compare-sentences').innerText();
    expect(text).toMatch(/1951년 1월 1일부터 1951년 1월 24일까지 중공군·북한군 측은 약 14,000km²의 땅을 얻고/);
    expect(text).toMatch(/서울\(1월 4일\)/);
    expect(text.replace(/km²?/g, '')).not.toMatch(/[A-Za-z]/);
    await w.page.locator('.describe summary').click();
    expect(await w.page.locator('#map-description').innerText()).toMatch(/^1951년 1월 1일부터 1951년 1월 24일까지/);
    await w.context.close();
  });
});

describe('compare in the embed', () => {
  /** A host page that records the embed's messages and, the moment it is ready, sends it `atReady` (in order). */
  const harness = (query: string, atReady: unknown[] = []) => `
    <script>window.events = []; addEventListener('message', (e) => {
      if (!e.data || !e.data.type || e.data.type === 'campaign-map:height') return;
      events.push(e.data);
      if (e.data.type === 'campaign-map:ready') for (const m of ${JSON.stringify(atReady)}) document.getElementById('m').contentWindow.postMessage(m, ${JSON.stringify(new URL(base).origin)});
    });</script>
    <iframe id="m" src="${base}embed.html?parentOrigin=${encodeURIComponent(HOST)}&${query}" title="map" style="border:0;width:900px;height:1200px"></iframe>`;

  async function host(query: string, atReady: unknown[] = [], before?: (w: Watched) => Promise<unknown>): Promise<{ w: Watched; f: Frame; send: (m: unknown) => Promise<void>; events: () => Promise<Record<string, unknown>[]> }> {
    const w = await openPage(browser);
    await before?.(w);
    await w.page.route(`${HOST}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>${harness(query, atReady)}</body></html>` }),
    );
    await w.page.goto(`${HOST}/lesson.html`);
    await expect.poll(() => w.page.frames().filter((f) => f.url().startsWith(`${base}embed.html`)).length, { timeout: 20_000 }).toBe(1);
    const f = w.page.frames().find((x) => x.url().startsWith(`${base}embed.html`))!;
    await f.waitForSelector('.map[data-ready="true"]', { timeout: 45_000 });
    const send = (m: unknown) => w.page.evaluate(([msg, b]) => (document.getElementById('m') as HTMLIFrameElement).contentWindow!.postMessage(msg, new URL(b as string).origin), [m, base] as const);
    const events = () => w.page.evaluate(() => (window as unknown as { events: Record<string, unknown>[] }).events);
    return { w, f, send, events };
  }

  /** The scripts the embed's frame has loaded (its resource list), by file name. */
  const scripts = (f: Frame) => f.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop() ?? '').filter((n) => n.endsWith('.js')));

  it('loads no compare code until compare is opened', async () => {
    const { w, f, send } = await host('date=1951-01-04');
    await w.page.waitForTimeout(500);
    expect(w.requests.filter((u) => /compare|figures/.test(new URL(u).pathname))).toEqual([]);
    // The default first view's resource list: the embed's own scripts, the map's, no compare chunk.
    const first = await scripts(f);
    expect(first.some((n) => n.startsWith('campaign-map-'))).toBe(true);
    expect(first.filter((n) => /compare/.test(n))).toEqual([]);
    // Asked for, compare's page code and the map's compare part (compare-mode.ts) come in.
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-07'] });
    await f.waitForSelector('.compare-panel table', { timeout: 45_000 });
    await expect.poll(async () => (await scripts(f)).filter((n) => n.startsWith('compare-mode-')).length).toBe(1);
    expect((await scripts(f)).filter((n) => /compare/.test(n)).length).toBeGreaterThan(1);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  const PAIR_17 = { type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-07'] };

  it('applies a setCompare sent the moment it is ready, on its default opening (drawn from the first-view file)', async () => {
    // Compare's code is fetched on this first message; the full data comes after the first view.
    const { w, f, events } = await host('lang=en', [PAIR_17]);
    await f.waitForSelector('.compare-panel table', { timeout: 45_000 });
    expect(await f.locator('.compare-panel select option:checked').allTextContents()).toEqual(['1 January 1951', '7 January 1951']);
    // The golden figures for 1 → 7 January (as below), worked out on the full data.
    expect(await f.locator('.compare-panel table').innerText()).toMatch(/PVA\/KPA\s+about 11,000 km²\s+none\s+UN\s+none\s+about 13,000 km²/);
    expect(await divider(f).getAttribute('aria-valuenow')).toBe('50');
    await expect.poll(() => f.locator('.map').getAttribute('aria-label')).toMatch(/1 January 1951.*7 January 1951/);
    // Ready on the opening date, then the compare opened and date B (drawn once the full data is in), once each.
    await expect.poll(async () => (await events()).length).toBe(3);
    const [ready, ...then] = await events();
    expect(ready).toEqual({ type: 'campaign-map:ready', date: '1950-12-31', phase: 'offensive' });
    expect(then).toContainEqual({ type: 'campaign-map:comparechange', dates: ['1951-01-01', '1951-01-07'] });
    expect(then).toContainEqual(expect.objectContaining({ type: 'campaign-map:datechange', date: '1951-01-07' }));
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('does what follows a setCompare in the order sent while compare\'s code is on its way', async () => {
    // Compare, then a date: compare opens, then gives way to the date (not the other way round).
    const { w, f, events } = await host('date=1951-01-04', [PAIR_17, { type: 'campaign-map:setDate', date: '1951-01-15' }]);
    await expect.poll(() => w.requests.some((u) => /compare-mode-/.test(u)), { timeout: 45_000 }).toBe(true);
    await expect.poll(() => dateSlider(f).getAttribute('aria-valuetext'), { timeout: 45_000 }).toMatch(/^15 January 1951/);
    await expect.poll(async () => (await events()).filter((e) => e.type === 'campaign-map:comparechange').at(-1)).toEqual({ type: 'campaign-map:comparechange', dates: null });
    expect((await events()).filter((e) => e.type === 'campaign-map:datechange').at(-1)).toEqual({ type: 'campaign-map:datechange', date: '1951-01-15', phase: 'wolfhound' });
    expect(await f.locator('.compare-panel').count()).toBe(0);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('plays on a play message while comparing: compare gives way, as it does to a date (it had no player: nothing moved)', async () => {
    const { w, f, events } = await host('date=1951-01-04', [PAIR_17]);
    await f.waitForSelector('.compare-panel table', { timeout: 45_000 });
    await w.page.evaluate((b) => (document.getElementById('m') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'campaign-map:play' }, new URL(b).origin), base);
    await expect.poll(async () => (await events()).filter((e) => e.type === 'campaign-map:comparechange').at(-1), { timeout: 30_000 }).toEqual({ type: 'campaign-map:comparechange', dates: null });
    // Played on from date B (7 January).
    await expect.poll(() => dateSlider(f).getAttribute('aria-valuetext'), { timeout: 30_000 }).toMatch(/^([89]|[1-3]\d) January 1951/);
    expect(await f.locator('.compare-panel').count()).toBe(0);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('says so when compare\'s code cannot be loaded, keeps the map working, and tries again when asked again', async () => {
    let blocked = true;
    const { w, f, send } = await host('date=1951-01-04', [], (x) =>
      x.context.route(/\/assets\/compare-[^/]*\.js$/, (route) => (blocked ? route.abort() : route.continue())),
    );
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-07'] });
    await expect.poll(() => f.locator('.notices').innerText(), { timeout: 45_000 }).toContain('Compare could not be loaded');
    expect(await f.locator('.compare-panel').count()).toBe(0);
    // The map and its controls still answer.
    await send({ type: 'campaign-map:setDate', date: '1951-01-15' });
    await expect.poll(() => dateSlider(f).getAttribute('aria-valuetext')).toMatch(/^15 January 1951/);
    const value = async () => String(Number(await dateSlider(f).inputValue()));
    await expect.poll(() => f.locator('.map').getAttribute('data-drawn-day')).toBe(await value());
    blocked = false;
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-07'] });
    await f.waitForSelector('.compare-panel table', { timeout: 45_000 });
    await w.context.close();
  });

  it('opens on its compare parameter and reports it after ready', async () => {
    const { w, f, events } = await host(PAIR);
    await f.waitForSelector('.compare-panel table', { timeout: 45_000 });
    expect(w.requests.some((u) => /figures\.worker/.test(u))).toBe(true);
    expect(await f.locator('a.full').getAttribute('href')).toContain('compare=1951-01-01,1951-01-24');
    // The embed's own layout holds in compare, at a phone's width and a desktop's.
    for (const width of [900, 390]) {
      await w.page.locator('#m').evaluate((el, wd) => ((el as HTMLElement).style.width = `${wd}px`), width);
      await w.page.waitForTimeout(300);
      // layoutFaults only evaluates in what it is given: the embed's frame.
      const faults = await layoutFaults(f as unknown as Page, [
        { name: 'compare panel', box: '.compare-panel', parts: 'h2, .leave, label, select, .views label, table, dt, dd, .sentences p' },
        { name: 'swipe', box: '.map-box', parts: '.swipe .badge, .divider .handle' },
      ]);
      expect(faults).toEqual([]);
    }
    expect(await divider(f).getAttribute('aria-valuenow')).toBe('50');
    await expect.poll(async () => (await events()).map((e) => e.type)).toEqual(['campaign-map:ready', 'campaign-map:comparechange']);
    expect((await events())[1]).toEqual({ type: 'campaign-map:comparechange', dates: ['1951-01-01', '1951-01-24'] });
    await w.context.close();
  });

  it('reports ready on date B when the campaign is in before compare\'s code', async () => {
    // Compare's code held back 3 s, so the campaign is in first: ready still comes once, on the
    // date compare opens on, and no datechange before the comparechange.
    const { w, f, events } = await host(PAIR, [], (x) =>
      x.context.route(/\/assets\/compare-[^/]*\.js$/, async (route) => {
        await new Promise((r) => setTimeout(r, 3000));
        await route.continue();
      }),
    );
    await f.waitForSelector('.compare-panel table', { timeout: 45_000 });
    await expect.poll(async () => (await events()).map((e) => e.type)).toEqual(['campaign-map:ready', 'campaign-map:comparechange']);
    expect((await events())[0]).toEqual({ type: 'campaign-map:ready', date: '1951-01-24', phase: expect.any(String) });
    await w.context.close();
  });

  it('obeys setCompare from its parent, ignores bad ones, and leaves compare for date B', async () => {
    const { w, f, send, events } = await host('date=1951-01-04');
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-02-30'] });
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01'] });
    await send({ type: 'campaign-map:setCompare', dates: ['1950-06-25', '1951-01-07'] });
    await w.page.waitForTimeout(500);
    expect(await f.locator('.compare-panel').count()).toBe(0);
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-07'] });
    await f.waitForSelector('.compare-panel table', { timeout: 45_000 });
    expect(await f.locator('.compare-panel select option:checked').allTextContents()).toEqual(['1 January 1951', '7 January 1951']);
    // The golden figures for 1 → 7 January (tests/fixtures/out/compare-korea.json: 10,510 and 12,777 km²), rounded.
    expect(await f.locator('.compare-panel table').innerText()).toMatch(/PVA\/KPA\s+about 11,000 km²\s+none\s+UN\s+none\s+about 13,000 km²/);
    await expect.poll(async () => (await events()).at(-1)).toEqual({ type: 'campaign-map:comparechange', dates: ['1951-01-01', '1951-01-07'] });
    await send({ type: 'campaign-map:setCompare', dates: null });
    await expect.poll(() => f.locator('.compare-panel').count()).toBe(0);
    await expect.poll(async () => (await events()).at(-1)).toEqual({ type: 'campaign-map:comparechange', dates: null });
    expect(await dateSlider(f).getAttribute('aria-valuetext')).toMatch(/^7 January 1951/);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('compare asked for by the parent during a lesson', () => {
  it('is not opened: the embed says so once and the lesson goes on', async () => {
    const w = await openPage(browser);
    const harness = `<iframe id="m" src="${base}embed.html?parentOrigin=${encodeURIComponent(HOST)}&lesson=${encodeLesson(LESSON)}&lang=en" title="map" style="border:0;width:900px;height:1200px"></iframe>`;
    await w.page.route(`${HOST}/**`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>${harness}</body></html>` }));
    await w.page.goto(`${HOST}/lesson.html`);
    await expect.poll(() => w.page.frames().filter((f) => f.url().startsWith(`${base}embed.html`)).length, { timeout: 20_000 }).toBe(1);
    const f = w.page.frames().find((x) => x.url().startsWith(`${base}embed.html`))!;
    await f.waitForSelector('.map[data-ready="true"]', { timeout: 45_000 });
    // The lesson is read (its code may come after the map is drawn; messages before that are not obeyed).
    await f.getByRole('button', { name: 'Start the lesson' }).waitFor({ timeout: 45_000 });
    const send = (m: unknown) => w.page.evaluate(([msg, b]) => (document.getElementById('m') as HTMLIFrameElement).contentWindow!.postMessage(msg, new URL(b as string).origin), [m, base] as const);
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-07'] });
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-24'] });
    await expect.poll(() => f.locator('.notices').innerText()).toContain('Compare is not available during a lesson, so the lesson shows one date.');
    expect(await f.locator('.notices .notice').count()).toBe(1);
    await w.page.waitForTimeout(500);
    expect(await f.locator('.compare-panel').count()).toBe(0);
    expect(w.requests.filter((u) => /figures\.worker/.test(u))).toEqual([]);
    // Dismissed, it stays dismissed: the parent asking again is not said again.
    await f.locator('.notices .notice').getByRole('button').click();
    await send({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-24'] });
    await w.page.waitForTimeout(500);
    expect(await f.locator('.notices .notice').count()).toBe(0);
    expect(await f.locator('.compare-panel').count()).toBe(0);
    await f.getByRole('button', { name: 'Start the lesson' }).click();
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  }, SLOW);
});

describe('compare without WebGL', () => {
  for (const [width, height, lang] of [[1280, 800, 'en'], [390, 844, 'ko']] as const) {
    it(`shades the ground that changed hands on B's SVG map with the overlay's patterns, its key in the panel, fitting at ${width} px (${lang})`, async () => {
      const w = await openPage(noGl, { bypassCSP: true, viewport: { width, height } });
      const { page } = w;
      await page.goto(`${base}?${PAIR}&lang=${lang}`);
      await page.waitForSelector('.svg-fallback.pair path.changed', { timeout: 45_000 });
      const [a, b] = [page.locator('.svg-fallback svg.svg-map').nth(0), page.locator('.svg-fallback svg.svg-map').nth(1)];
      // Date A's map as it was; B's with the ground gained from 1 to 24 January: the PVA/KPA
      // side's, and the ground that became no-man's land (the UN side gained none).
      expect(await a.locator('path.changed, path.front-a').count()).toBe(0);
      const shaded = await b.locator('path.changed').evaluateAll((ps) =>
        ps.map((p) => {
          const r = p.getBoundingClientRect();
          return { to: p.getAttribute('data-to'), fill: p.getAttribute('fill'), w: r.width, h: r.height };
        }),
      );
      expect(shaded.map((s) => [s.to, s.fill])).toEqual([['PVA/KPA', 'url(#change-pva-fallback-b)'], ['noMansLand', 'url(#change-nml-fallback-b)']]);
      const mapBox = (await b.boundingBox())!;
      // The PVA/KPA side's gain reaches across most of the peninsula (Seoul to Samcheok).
      expect(shaded[0].w).toBeGreaterThan(mapBox.width * 0.3);
      expect(shaded[1].w).toBeGreaterThan(2);
      // Each fill is the overlay's pattern: its ground colour and its marks.
      for (const [id, to] of [['pva', 'PVA/KPA'], ['nml', 'noMansLand']] as const) {
        const pattern = await b.locator(`pattern#change-${id}-fallback-b`).evaluate((p) => [p.querySelector('rect')?.getAttribute('fill'), p.querySelector('path')?.getAttribute('stroke')]);
        expect(pattern).toEqual([CHANGE_STYLE[to].ground, CHANGE_STYLE[to].mark]);
      }
      // A's front over the shading: a white casing and the dashed blue line, as on the overlay.
      expect(await b.locator('path.front-a').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')))).toEqual([FRONT_A.casing, FRONT_A.color]);
      expect(await b.getAttribute('aria-label')).toMatch(lang === 'en' ? /^Map of 24 January 1951 with the front of 1 January 1951/ : /1951년 1월 24일/);
      // No swipe or overlay to choose (both maps are shown); the key of the shading is in the panel, under the map.
      expect(await page.locator('.compare-panel .views').count()).toBe(0);
      const key = page.locator('.compare-panel .compare-legend');
      expect(await key.locator('li').count()).toBe(5);
      if (lang === 'en') expect(await key.innerText()).toMatch(/PVA\/KPA side gained[\s\S]*UN side gained[\s\S]*no-man’s land[\s\S]*Front on date A, 1 January 1951[\s\S]*Front on date B, 24 January 1951/);
      expect(await key.locator('pattern rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')))).toEqual([CHANGE_STYLE['PVA/KPA'].ground, CHANGE_STYLE.UN.ground, CHANGE_STYLE.noMansLand.ground]);
      // The two maps side by side inside the map's box, the note under them, none over another, no text cut;
      // the key's lines inside the panel, and the panel under the map.
      const faults = await layoutFaults(page, [
        { name: 'svg compare', box: '.map-wrap', parts: '.svg-fallback figcaption, .svg-fallback svg.svg-map, .fallback-note' },
        { name: 'key', box: '.compare-panel', parts: '.compare-legend li' },
      ]);
      expect(faults).toEqual([]);
      const [boxA, pane, key0] = [(await a.boundingBox())!, (await page.locator('.map-wrap').boundingBox())!, (await key.boundingBox())!];
      if (width > 600) {
        expect(boxA.x + boxA.width).toBeLessThanOrEqual(mapBox.x + 1);
        expect(Math.abs(boxA.y - mapBox.y)).toBeLessThan(2);
      } else {
        // On a phone, A above B: side by side each would be a strip under 90 px tall.
        expect(boxA.y + boxA.height).toBeLessThanOrEqual(mapBox.y + 1);
        expect(Math.abs(boxA.x - mapBox.x)).toBeLessThan(2);
      }
      expect(key0.y).toBeGreaterThanOrEqual(pane.y + pane.height);
      await expectCentred(page.locator('.svg-fallback svg.svg-map'));
      // Large enough to read on a phone too: the pictures as drawn (fitted in their boxes).
      for (const m of [a, b]) expect((await drawnSize(m)).height).toBeGreaterThan(width > 600 ? 200 : 150);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `tests/.artifacts/compare-svg-${lang}-${width}.png`, fullPage: width < 600 });
      expect(w.consoleProblems.filter((m) => !/WebGL|webgl/.test(m))).toEqual([]);
      await w.context.close();
    }, SLOW);
  }

  it('the embed at a phone\'s width stacks the two maps at a usable size, and infiltrated ground reads apart from ground gained', async () => {
    const w = await openPage(noGl, { bypassCSP: true, viewport: { width: 390, height: 844 } });
    const { page } = w;
    await page.goto(`${base}embed.html?${PAIR}&lang=en`);
    await page.waitForSelector('.svg-fallback.pair path.changed', { timeout: 45_000 });
    await page.waitForSelector('.compare-panel table', { timeout: 45_000 });
    const maps = page.locator('.svg-fallback svg.svg-map');
    const [a, b] = [(await maps.nth(0).boundingBox())!, (await maps.nth(1).boundingBox())!];
    expect(a.y + a.height).toBeLessThanOrEqual(b.y + 1);
    for (const m of [maps.nth(0), maps.nth(1)]) {
      const drawn = await drawnSize(m);
      expect(drawn.height).toBeGreaterThan(150);
      expect(drawn.width).toBeGreaterThan(280);
    }
    const faults = await layoutFaults(page, [
      { name: 'svg compare', box: '.map-box', parts: '.svg-fallback figcaption, .svg-fallback svg.svg-map, .fallback-note' },
      { name: 'compare panel', box: '.compare-panel', parts: 'h2, .leave, label, select, table, dt, dd, .sentences p, .compare-legend li' },
    ]);
    expect(faults).toEqual([]);
    await expectCentred(maps);
    // The infiltrated ground behind the UN front (KPA II Corps, January) on B's map: dots and a
    // dashed outline big enough to see as such on screen, not a red tint like the ground gained.
    const inf = await maps.nth(1).evaluate((svg) => {
      const s = svg as SVGSVGElement;
      const unit = s.viewBox.baseVal.width / Math.min(s.clientWidth, (s.clientHeight * s.viewBox.baseVal.width) / s.viewBox.baseVal.height);
      const pattern = s.querySelector('pattern[id^="inf-"]')!;
      const scale = Number(/scale\(([\d.]+)\)/.exec(pattern.getAttribute('patternTransform') ?? '')?.[1] ?? 1);
      const dot = pattern.querySelector('circle')!;
      const area = s.querySelector('path[fill^="url(#inf-"]')!;
      return {
        tile: (Number(pattern.getAttribute('width')) * scale) / unit,
        dot: (2 * Number(dot.getAttribute('r')) * scale) / unit,
        outline: Number(area.getAttribute('stroke-width')) / unit,
        areas: s.querySelectorAll('path[fill^="url(#inf-"]').length,
      };
    });
    expect(inf.areas).toBeGreaterThan(0);
    expect(inf.tile).toBeGreaterThanOrEqual(5);
    expect(inf.dot).toBeGreaterThanOrEqual(1.5);
    expect(inf.outline).toBeGreaterThanOrEqual(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `tests/.artifacts/compare-svg-embed-390.png` });
    expect(w.consoleProblems.filter((m) => !/WebGL|webgl/.test(m))).toEqual([]);
    await w.context.close();
  }, SLOW);

  it.each(['', 'embed.html'])('%s shows two small SVG maps side by side and the same figures', async (path) => {
    const w = await openPage(noGl, { bypassCSP: true });
    await w.page.goto(`${base}${path}?${PAIR}&lang=en`);
    await w.page.waitForSelector('.svg-fallback.pair svg', { timeout: 45_000 });
    await w.page.waitForSelector('.compare-panel table', { timeout: 45_000 });
    const maps = w.page.locator('.svg-fallback.pair svg');
    expect(await maps.count()).toBe(2);
    expect(await w.page.locator('.svg-fallback figcaption').allInnerTexts()).toEqual(['Map on date A, 1 January 1951', 'Map on date B, 24 January 1951']);
    const [a, b] = [(await maps.nth(0).boundingBox())!, (await maps.nth(1).boundingBox())!];
    expect(a.x + a.width).toBeLessThanOrEqual(b.x + 1);
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    // Each draws its own date's front.
    const front = (i: number) => maps.nth(i).locator('g path[fill="none"]').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '').join(''));
    expect(await front(0)).not.toBe(await front(1));
    expect(await w.page.locator('.compare-panel table').innerText()).toMatch(/about 14,000 km²/);
    expect(await w.page.locator('.divider').count()).toBe(0);
    expect(await axeViolations(w.page)).toEqual([]);
    expect(w.consoleProblems.filter((m) => !/WebGL|webgl/.test(m))).toEqual([]);
    await w.context.close();
  });
});
