/**
 * The embed in host pages: bare iframes, hidden start, auto-height, the message API and its
 * origin checks, hostile parameters and messages. Host pages are served by request
 * interception at made-up origins, so the embed really is cross-origin.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { openPage, type Watched } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
const HOST = 'http://localhost:9101';
const EVIL = 'http://localhost:9102';
let browser: Browser;
useBrowser((b) => (browser = b));

/** Opens a host page with `body` at `origin` (served by interception). */
async function host(body: string, origin = HOST, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const w = await openPage(browser, { viewport });
  await w.page.route(`${origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>${body}</body></html>` }),
  );
  await w.page.goto(`${origin}/lesson.html`);
  return w;
}

function embedFrame(page: Page, index = 0): Frame {
  const frames = page.frames().filter((f) => f.url().startsWith(`${base}embed.html`));
  const f = frames[index];
  if (!f) throw new Error(`no embed frame ${index}`);
  return f;
}

async function frameReady(page: Page, index = 0): Promise<Frame> {
  await expect.poll(() => page.frames().filter((f) => f.url().startsWith(`${base}embed.html`)).length, { timeout: 20_000 }).toBeGreaterThan(index);
  const f = embedFrame(page, index);
  await f.waitForSelector('.map[data-ready="true"], .svg-fallback', { timeout: 30_000 });
  return f;
}

const valuetext = (f: Frame) => f.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext');

describe('bare iframe', () => {
  for (const [width, height] of [[320, 568], [1280, 800]] as const) {
    it(`works at ${width}×${height} with no horizontal scroll`, async () => {
      const w = await host(`<iframe src="${base}embed.html?date=1951-01-04" title="map" style="border:0;width:${width}px;height:${height}px"></iframe>`, HOST, { width: width + 40, height: height + 40 });
      const f = await frameReady(w.page);
      expect(await valuetext(f)).toMatch(/^4 January 1951/);
      const overflow = await f.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await f.getByRole('link', { name: /full map/i }).getAttribute('target')).toBe('_blank');
      await w.context.close();
    });
  }

  it('starts correctly when first hidden in a closed <details> and shown later', async () => {
    const w = await host(`<details id="d"><summary>Map</summary><iframe src="${base}embed.html" title="map" style="border:0;width:800px;height:700px"></iframe></details>`);
    await expect.poll(() => w.page.frames().length).toBeGreaterThan(1);
    await w.page.waitForTimeout(1500);
    await w.page.locator('#d summary').click();
    const f = await frameReady(w.page);
    const size = await f.locator('.map canvas').evaluate((c) => [(c as HTMLCanvasElement).clientWidth, (c as HTMLCanvasElement).clientHeight]);
    expect(size[0]).toBeGreaterThan(300);
    expect(size[1]).toBeGreaterThan(150);
    await w.context.close();
  });
});

describe('auto-height and the host script', () => {
  it('posts its height, and embed.js resizes only the iframe that sent it', async () => {
    const w = await host(`
      <script>window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'campaign-map:height') heights.push([e.origin, e.data.height]); });</script>
      <script src="${base}embed.js"></script>
      <div style="display:flex;gap:8px;align-items:flex-start">
        <iframe id="a" src="${base}embed.html?narrative=open" title="a" style="border:0;width:600px;height:300px"></iframe>
        <iframe id="b" src="${base}embed.html?narrative=none&controls=0" title="b" style="border:0;width:600px;height:300px"></iframe>
      </div>`);
    // Side by side: Chromium does not paint cross-origin frames scrolled out of view.
    await frameReady(w.page, 0);
    await frameReady(w.page, 1);
    await expect.poll(() => w.page.evaluate(() => (window as unknown as { heights: unknown[] }).heights.length)).toBeGreaterThan(1);
    const heights = await w.page.evaluate(() => (window as unknown as { heights: [string, number][] }).heights);
    for (const [origin, h] of heights) {
      expect(origin).toBe(new URL(base).origin);
      expect(h).toBeGreaterThan(200);
    }
    const a = () => w.page.locator('#a').evaluate((el) => el.getBoundingClientRect().height);
    const b = () => w.page.locator('#b').evaluate((el) => el.getBoundingClientRect().height);
    await expect.poll(a).not.toBe(300);
    await expect.poll(b).not.toBe(300);
    // The open narrative makes the first embed taller than the bare one.
    expect(await a()).toBeGreaterThan(await b());
    // Its citations are named after the first view (the text grows): the height settles after that.
    const fa = w.page.frameLocator('#a');
    await fa.locator('.narrative .cite a').first().waitFor();
    await expect.poll(async () => (await a()) === (await fa.locator('html').evaluate((el) => el.scrollHeight))).toBe(true);

    // Hostile messages: from the host page itself, malformed, absurd. None resizes anything.
    const [ha, hb] = [await a(), await b()];
    await w.page.evaluate(() => {
      postMessage({ type: 'campaign-map:height', height: 99999 }, '*');
      postMessage({ type: 'campaign-map:height', height: 'x' }, '*');
      postMessage('campaign-map:height', '*');
      postMessage(null, '*');
    });
    await w.page.waitForTimeout(300);
    expect([await a(), await b()]).toEqual([ha, hb]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('message API', () => {
  const harness = (origin: string) => `
    <script>window.events = []; addEventListener('message', (e) => { if (e.data && e.data.type && e.data.type !== 'campaign-map:height') events.push(e.data); });</script>
    <iframe id="m" src="${base}embed.html?parentOrigin=${encodeURIComponent(origin)}" title="map" style="border:0;width:900px;height:800px"></iframe>`;

  it('obeys setDate, play and pause from the parent origin and reports ready and datechange', async () => {
    const w = await host(harness(HOST));
    const f = await frameReady(w.page);
    const events = () => w.page.evaluate(() => (window as unknown as { events: Record<string, unknown>[] }).events);
    await expect.poll(async () => (await events()).map((e) => e.type)).toContain('campaign-map:ready');
    expect((await events())[0]).toEqual({ type: 'campaign-map:ready', date: '1950-12-31', phase: 'offensive' });
    await w.page.evaluate((b) => (document.getElementById('m') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'campaign-map:setDate', date: '1951-01-15' }, new URL(b).origin), base);
    await expect.poll(() => valuetext(f)).toMatch(/^15 January 1951/);
    await expect.poll(async () => (await events()).at(-1)).toEqual({ type: 'campaign-map:datechange', date: '1951-01-15', phase: 'wolfhound' });
    await w.page.evaluate((b) => (document.getElementById('m') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'campaign-map:play' }, new URL(b).origin), base);
    await expect.poll(() => valuetext(f)).toMatch(/^1[6-9] January 1951|^2\d January 1951/);
    // While playing, the date is shown without its hour (which would change every frame).
    expect(await f.locator('p.date strong').textContent()).toMatch(/^\d+ January 1951$/);
    expect(await valuetext(f)).not.toMatch(/\d\d:\d\d/);
    await w.page.evaluate((b) => (document.getElementById('m') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'campaign-map:pause' }, new URL(b).origin), base);
    await w.page.waitForTimeout(300);
    const paused = await valuetext(f);
    await w.page.waitForTimeout(1200);
    expect(await valuetext(f)).toBe(paused);
    await w.context.close();
  });

  it('ignores messages from any other origin and malformed ones', async () => {
    // The embed trusts HOST, but this page is EVIL.
    const w = await host(harness(HOST), EVIL);
    const f = await frameReady(w.page);
    const send = (msg: unknown) =>
      w.page.evaluate(([m, b]) => (document.getElementById('m') as HTMLIFrameElement).contentWindow!.postMessage(m, new URL(b as string).origin), [msg, base] as const);
    await send({ type: 'campaign-map:setDate', date: '1951-01-15' });
    await send({ type: 'campaign-map:play' });
    await w.page.waitForTimeout(800);
    expect(await valuetext(f)).toMatch(/^31 December 1950/);
    await w.context.close();

    const ok = await host(harness(HOST));
    const g = await frameReady(ok.page);
    const sendOk = (msg: unknown) =>
      ok.page.evaluate(([m, b]) => (document.getElementById('m') as HTMLIFrameElement).contentWindow!.postMessage(m, new URL(b as string).origin), [msg, base] as const);
    for (const bad of [
      { type: 'campaign-map:setDate', date: '1951-13-45' },
      { type: 'campaign-map:setDate', date: '"><img src=x onerror=alert(1)>' },
      { type: 'campaign-map:setDate', date: '1951-01-15', extra: 1 },
      { type: 'campaign-map:setDate' },
      'campaign-map:play',
      [1, 2],
      null,
    ]) await sendOk(bad);
    await ok.page.waitForTimeout(800);
    expect(await valuetext(g)).toMatch(/^31 December 1950/);
    expect(await g.locator('img[src="x"]').count()).toBe(0);
    await ok.context.close();
  });
});

describe('hostile parameters', () => {
  it.each([
    ['date=1951-13-45', /^31 December 1950/],
    ['date=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /^31 December 1950/],
    ['%', /^31 December 1950/],
    ['speed=warp&narrative=%3Cb%3E&controls=maybe&start=1951-01-10&end=1951-01-05', /^31 December 1950/],
  ])('%s falls back with a notice and renders nothing as HTML', async (query, expected) => {
    const w = await openPage(browser);
    let dialog = false;
    w.page.on('dialog', (d) => {
      dialog = true;
      void d.dismiss();
    });
    await w.page.goto(`${base}embed.html?${query}`);
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    expect(await valuetext(w.page.mainFrame())).toMatch(expected);
    if (query !== '%') await expect.poll(() => w.page.locator('.notice').count()).toBeGreaterThan(0);
    expect(await w.page.locator('img[src="x"], b').count()).toBe(0);
    expect(dialog).toBe(false);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('narrows the slider with start and end, and locks pan and zoom with interactive=0', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}embed.html?start=1951-01-07&end=1951-01-20&date=1951-01-02&interactive=0`);
    await w.page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    const slider = w.page.getByRole('slider', { name: /date/i });
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^7 January 1951/);
    await slider.focus();
    await w.page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^20 January 1951/);
    expect(await w.page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(0);
    await w.context.close();
  });
});

describe('<campaign-map> before its map is ready', () => {
  it('keeps setDate and play called at once and sends them, in order, when the embed is ready', async () => {
    const w = await host(`
      <script src="${base}embed.js"></script>
      <campaign-map id="m" src="${base}embed.html" date="1951-01-04"></campaign-map>
      <script>
        window.events = [];
        const m = document.getElementById('m');
        for (const type of ['campaign-map:ready', 'campaign-map:datechange']) m.addEventListener(type, (e) => events.push([type, e.detail.date]));
        m.setDate('1951-01-20');
        m.play();
      </script>`);
    const f = await frameReady(w.page);
    const events = () => w.page.evaluate(() => (window as unknown as { events: [string, string][] }).events);
    // Played on from the date set: past 20 January.
    await expect.poll(() => valuetext(f), { timeout: 20_000 }).toMatch(/^2[1-9] January 1951|^3[01] January 1951/);
    const seen = await events();
    expect(seen[0]).toEqual(['campaign-map:ready', '1951-01-04']);
    expect(seen[1]).toEqual(['campaign-map:datechange', '1951-01-20']);
    await w.page.evaluate(() => (document.getElementById('m') as unknown as { pause(): void }).pause());
    await w.page.waitForTimeout(300);
    const paused = await valuetext(f);
    await w.page.waitForTimeout(1000);
    expect(await valuetext(f)).toBe(paused);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('<campaign-map> moved in the page', () => {
  it('keeps calls made while its iframe loads again and sends them when it is ready again', async () => {
    const w = await host(`
      <script src="${base}embed.js"></script>
      <div id="a"><campaign-map id="m" src="${base}embed.html" date="1951-01-04"></campaign-map></div><div id="b"></div>
      <script>window.readies = 0; document.getElementById('m').addEventListener('campaign-map:ready', () => readies++);</script>`);
    await frameReady(w.page);
    await expect.poll(() => w.page.evaluate(() => (window as unknown as { readies: number }).readies)).toBe(1);
    // Moved (as a framework reordering the page does): its iframe loads again.
    await w.page.evaluate(() => {
      const m = document.getElementById('m') as unknown as HTMLElement & { setDate(d: string): void };
      document.getElementById('b')!.appendChild(m);
      m.setDate('1951-01-20');
    });
    await expect.poll(() => w.page.evaluate(() => (window as unknown as { readies: number }).readies), { timeout: 30_000 }).toBe(2);
    const f = await frameReady(w.page);
    await expect.poll(() => valuetext(f)).toMatch(/^20 January 1951/);
    await w.context.close();
  });
});

describe('sample lesson page', () => {
  it('drives the embed through <campaign-map>: date buttons and a question at 4 January', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}examples/lesson.html`);
    const f = await frameReady(w.page);
    await expect.poll(() => w.page.locator('#current').textContent()).toBe('1950-12-31');
    expect(await w.page.locator('#question').isVisible()).toBe(false);
    await w.page.getByRole('button', { name: /4 Jan/ }).click();
    await expect.poll(() => valuetext(f)).toMatch(/^4 January 1951/);
    await expect.poll(() => w.page.locator('#current').textContent()).toBe('1951-01-04');
    expect(await w.page.locator('#question').isVisible()).toBe(true);
    // The host script sized the iframe to its content.
    await expect.poll(() => w.page.locator('campaign-map iframe').evaluate((el) => (el as HTMLIFrameElement).style.height)).not.toBe('640px');
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});
