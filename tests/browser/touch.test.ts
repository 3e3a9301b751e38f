/**
 * Touch: no scroll trap. On a touch device a one-finger swipe over the map scrolls the page
 * and leaves the map where it was (with a hint, in the page's language); two fingers move the
 * map; the reset button brings back the pack's view. The embed does the same by default and
 * does not move at all with interactive=0. Touches go through Chromium's own input pipeline
 * (DevTools protocol), so touch-action and MapLibre's handlers decide, as on a phone.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { decode } from './pixels.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1, reducedMotion: 'reduce' as const };

/** Share of pixels that differ (by more than a little) between two shots of the same element. */
async function changed(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = [decode(a), decode(b)];
  if (x.width !== y.width || x.height !== y.height) return 1;
  let diff = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (Math.abs(x.data[i] - y.data[i]) + Math.abs(x.data[i + 1] - y.data[i + 1]) + Math.abs(x.data[i + 2] - y.data[i + 2]) > 30) diff++;
  }
  return diff / (x.width * x.height);
}

/** A settled picture of the map: after two frames, so a pending camera change is drawn. */
async function shot(page: Page, map: Locator): Promise<Buffer> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
  return map.screenshot({ animations: 'disabled' });
}

/** The centre of an element in viewport coordinates. */
async function centre(el: Locator): Promise<{ x: number; y: number }> {
  const box = await el.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** One finger dragged upward from (x, y): on a phone that asks to scroll the page down. */
async function oneFingerSwipe(cdp: CDPSession, x: number, y: number, dy = -250): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
  for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / 10, id: 1 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Two fingers moved together by (dx, dy). */
async function twoFingerDrag(cdp: CDPSession, x: number, y: number, dx: number, dy: number): Promise<void> {
  const at = (t: number) => [
    { x: x - 40 + dx * t, y: y + dy * t, id: 1 },
    { x: x + 40 + dx * t, y: y + dy * t, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / 10) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function openOn(url: string, options: object = PHONE): Promise<Watched & { cdp: CDPSession }> {
  const w = await openPage(browser, options);
  await w.page.goto(url);
  await waitForMap(w.page, 60_000);
  return { ...w, cdp: await w.context.newCDPSession(w.page) };
}

describe('touch', { timeout: 180_000 }, () => {
  it('one finger over the map scrolls the page, two fingers move the map, reset brings it back', async () => {
    const w = await openOn(`${base}?date=1951-01-04&lang=ko`);
    const map = w.page.locator('.map');
    // The hint MapLibre shows for a blocked one-finger pan is in the page's language.
    expect(await w.page.locator('.maplibregl-mobile-message').textContent()).toBe('지도를 움직이려면 두 손가락을 사용하세요');
    const before = await shot(w.page, map);
    const p = await centre(map);
    expect(await w.page.evaluate(() => scrollY)).toBe(0);
    await oneFingerSwipe(w.cdp, p.x, p.y);
    await expect.poll(() => w.page.evaluate(() => scrollY)).toBeGreaterThan(100);
    expect(await changed(before, await shot(w.page, map))).toBeLessThan(0.01);

    await w.page.evaluate(() => scrollTo(0, 0));
    const q = await centre(map);
    const scrolled = await w.page.evaluate(() => scrollY);
    await twoFingerDrag(w.cdp, q.x, q.y, 120, 60);
    const moved = await shot(w.page, map);
    expect(await changed(before, moved)).toBeGreaterThan(0.2);
    expect(await w.page.evaluate(() => scrollY)).toBe(scrolled);

    await w.page.getByRole('button', { name: '처음 보기로 되돌리기' }).click();
    await expect.poll(async () => changed(before, await shot(w.page, map)), { timeout: 20_000 }).toBeLessThan(0.01);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('the embed in a lesson page lets one finger scroll that page by default, and interactive=0 locks the map', async () => {
    for (const [query, twoFingersMove] of [['', true], ['&interactive=0', false]] as const) {
      const w = await openPage(browser, PHONE);
      // A long lesson page with the embed in it (served at the app's origin by interception).
      await w.page.route(`${base}touch-host.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html><head><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width"></head><body style="margin:0">
            <p style="height:120px">Lesson text</p>
            <iframe src="${base}embed.html?date=1951-01-15${query}" title="map" style="border:0;width:380px;height:640px"></iframe>
            <p style="height:2000px">More lesson text</p></body></html>`,
        }),
      );
      await w.page.goto(`${base}touch-host.html`);
      await expect.poll(() => w.page.frames().length, { timeout: 30_000 }).toBeGreaterThan(1);
      const frame = w.page.frames()[1];
      await frame.waitForSelector('.map[data-ready="true"]', { timeout: 90_000 });
      const cdp = await w.context.newCDPSession(w.page);
      // Sized to its content as embed.js sizes it: a frame that scrolls itself would take the swipe.
      const height = await frame.evaluate(() => document.documentElement.scrollHeight);
      await w.page.locator('iframe').evaluate((el, h) => (el.style.height = `${h}px`), height);
      const map = frame.locator('.map');
      const before = await shot(w.page, map);
      const p = await centre(map);
      await oneFingerSwipe(cdp, p.x, p.y, -150);
      await expect.poll(() => w.page.evaluate(() => scrollY)).toBeGreaterThan(20);
      expect(await changed(before, await shot(w.page, map))).toBeLessThan(0.01);
      await w.page.evaluate(() => scrollTo(0, 0));
      const q = await centre(map);
      await twoFingerDrag(cdp, q.x, q.y, 100, 40);
      const after = await shot(w.page, map);
      if (twoFingersMove) expect(await changed(before, after)).toBeGreaterThan(0.2);
      else expect(await changed(before, after)).toBeLessThan(0.01);
      // A locked map has nothing to reset.
      expect(await frame.locator('.campaign-reset-button').count()).toBe(twoFingersMove ? 1 : 0);
      await w.context.close();
    }
  });

  it('with a mouse and no touch screen the map pans with one drag, as before', async () => {
    const w = await openOn(`${base}?date=1951-01-04`, { viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
    const map = w.page.locator('.map');
    const before = await shot(w.page, map);
    const p = await centre(map);
    await w.page.mouse.move(p.x, p.y);
    await w.page.mouse.down();
    await w.page.mouse.move(p.x + 150, p.y + 50, { steps: 8 });
    await w.page.mouse.up();
    expect(await changed(before, await shot(w.page, map))).toBeGreaterThan(0.2);
    await w.context.close();
  });
});
