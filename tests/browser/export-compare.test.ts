/**
 * "Download picture" with compare open (issue 16 #5): the PNG shows the comparison. In the swipe,
 * date A's map left of the divider and B's right of it, both dates in the title and a divider
 * line; in the overlay, B's map with A's front and the ground that changed hands, and compare's
 * rows in the legend. Checked by reading the PNGs back: size, the halves against the picture
 * of B alone (divider at the left edge), the text panels (no text cut, none outside the frame
 * or over another panel, from the export's own record of what it drew), two exports giving
 * the same pixels, in English and Korean. The PNGs go to tests/.artifacts/.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { ARTIFACTS, savedDownload, useBrowser } from './shared-browser.ts';
import { colorStats } from './pixels.ts';
import { layoutFaults as pageLayoutFaults } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

type Box = [number, number, number, number];
interface Layout {
  width: number;
  height: number;
  bounds: [[number, number], [number, number]];
  split?: number;
  panels: { name: string; box: Box; texts: { text: string; shown: string; box: Box }[] }[];
}

const WORDS = {
  en: { button: 'Download picture', dialog: 'Download a picture of this view', size: 'Size', make: 'Download PNG', close: 'Close', divider: /divider/i, overlay: /Overlay/ },
  ko: { button: '그림 내려받기', dialog: '지금 보이는 지도를 그림으로 내려받기', size: '크기', make: 'PNG 내려받기', close: '닫기', divider: /구분선/, overlay: /겹쳐 보기/ },
} as const;

/** The app with compare open on 1 → 24 January and its figures in. */
async function openCompare(lang: 'en' | 'ko'): Promise<Watched> {
  const w = await openPage(browser, { viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await w.page.goto(`${base}index.html?compare=1951-01-01,1951-01-24&lang=${lang}`);
  await waitForMap(w.page, 45_000);
  await w.page.waitForSelector('.compare-panel table', { timeout: 45_000 });
  return w;
}

/** Downloads a picture at `size` and reads it back with what the export says it drew. */
async function picture(page: Page, lang: 'en' | 'ko', size = '640x360'): Promise<{ name: string; bytes: Buffer; png: PNG; layout: Layout }> {
  const words = WORDS[lang];
  await page.getByRole('button', { name: words.button }).click();
  const dialog = page.getByRole('dialog', { name: words.dialog });
  await dialog.getByLabel(words.size).selectOption(size);
  const event = page.waitForEvent('download', { timeout: 55_000 });
  await dialog.getByRole('button', { name: words.make }).click();
  const d = await event;
  const bytes = readFileSync(await savedDownload(d));
  const layout = (await page.evaluate(() => (window as unknown as { exportLayout: unknown }).exportLayout)) as Layout;
  await dialog.getByRole('button', { name: words.close }).click();
  return { name: d.suggestedFilename(), bytes, png: PNG.sync.read(bytes), layout };
}

/** Where [lon, lat] falls in the picture (Web Mercator between the bounds). */
function pixelOf(l: Layout, [lon, lat]: [number, number]): [number, number] {
  const merc = (φ: number) => Math.log(Math.tan(Math.PI / 4 + (φ * Math.PI) / 360));
  const [[w, s], [e, n]] = l.bounds;
  return [((lon - w) / (e - w)) * l.width, ((merc(n) - merc(lat)) / (merc(n) - merc(s))) * l.height];
}

/** Mean colour of a box of pixels. */
function mean(png: PNG, [x0, y0, w, h]: Box): [number, number, number] {
  const sum = [0, 0, 0];
  for (let y = Math.round(y0); y < Math.round(y0 + h); y++)
    for (let x = Math.round(x0); x < Math.round(x0 + w); x++) for (let c = 0; c < 3; c++) sum[c] += png.data[(y * png.width + x) * 4 + c];
  const n = Math.round(w) * Math.round(h);
  return sum.map((v) => v / n) as [number, number, number];
}

/** Share of pixels in columns [x0, x1) and rows [y0, y1) that differ between two pictures. */
function differing(a: PNG, b: PNG, [x0, y0, x1, y1]: Box): number {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 30) n++;
    }
  return n / ((x1 - x0) * (y1 - y0));
}

/** Layout faults of a picture: cut texts, texts outside their panel or the frame, panels over one another. */
function layoutFaults(l: Layout): string[] {
  const faults: string[] = [];
  const inside = ([x, y, w, h]: Box, [X, Y, W, H]: Box) => x >= X - 0.5 && y >= Y - 0.5 && x + w <= X + W + 0.5 && y + h <= Y + H + 0.5;
  const meet = ([x, y, w, h]: Box, [X, Y, W, H]: Box) => x < X + W && X < x + w && y < Y + H && Y < y + h;
  for (const p of l.panels) {
    if (!inside(p.box, [0, 0, l.width, l.height])) faults.push(`${p.name} panel leaves the frame`);
    for (const t of p.texts) {
      if (t.shown !== t.text) faults.push(`${p.name}: "${t.text}" cut to "${t.shown}"`);
      if (!inside(t.box, p.box)) faults.push(`${p.name}: "${t.text}" leaves its panel`);
    }
  }
  for (const [i, p] of l.panels.entries()) for (const q of l.panels.slice(i + 1)) if (meet(p.box, q.box)) faults.push(`${p.name} meets ${q.name}`);
  return faults;
}

const texts = (l: Layout, panel: string) => l.panels.find((p) => p.name === panel)?.texts.map((t) => t.text) ?? [];

function save(png: PNG, name: string) {
  writeFileSync(`${ARTIFACTS}/${name}`, PNG.sync.write(png));
}

/** The overlay's changed ground as drawn over B's map (as in compare.test.ts). */
const GAINED_PVA = '#ebaba1';
const GAINED_UN = '#a9bbe6';

/** Places that changed hands from 1 to 24 January, off labels and dots: east of Seoul, and west of Hongcheon. */
const SEOUL_EAST: [number, number] = [127.18, 37.47];
const HONGCHEON: [number, number] = [127.72, 37.62];

/** Redness of a colour: the PVA/KPA side's tint and hatch are red over the pale land, the UN side's land is not. */
const red = ([r, , b]: [number, number, number]) => r - b;

describe('Download picture with compare open', { timeout: 240_000 }, () => {
  it('swipe: A left of the divider, B right, both dates in the title, no name under a unit, and the same pixels twice (en)', async () => {
    const w = await openCompare('en');
    const a = await picture(w.page, 'en');
    expect(a.name).toBe('korea-compare-1951-01-01-1951-01-24-swipe-en-640x360.png');
    expect([a.png.width, a.png.height]).toEqual([640, 360]);
    save(a.png, 'export-compare-swipe-en.png');
    expect(texts(a.layout, 'caption')).toEqual(['Korea, January 1951', '1 January 1951 | 24 January 1951', expect.stringMatching(/^PVA\/KPA side gained about 14,000 km², lost none; UN side gained none, lost about 16,000 km²$/)]);
    expect(texts(a.layout, 'source')[0]).toMatch(/^Sources: /);
    expect(layoutFaults(a.layout)).toEqual([]);
    // No place name under a unit symbol: A's left of the divider, B's right of it.
    const labels = (await w.page.evaluate(() => (window as unknown as { exportLabels: unknown }).exportLabels)) as { units: number; under: string[]; pending: boolean };
    expect(labels.units).toBeGreaterThan(3);
    expect(labels).toMatchObject({ under: [], pending: false });
    const split = a.layout.split!;
    expect(split).toBeGreaterThan(0.3);
    expect(split).toBeLessThan(0.7);
    // The divider: a dark line down the frame at the split.
    const dx = Math.round(split * 640);
    expect(mean(a.png, [dx - 1, 150, 2, 40]).every((c) => c < 60)).toBe(true);

    // Made again: the same pixels.
    const again = await picture(w.page, 'en');
    expect(Buffer.compare(again.png.data, a.png.data)).toBe(0);

    // The divider at the left edge: B's map alone.
    await w.page.getByRole('slider', { name: WORDS.en.divider }).focus();
    await w.page.keyboard.press('Home');
    const b = await picture(w.page, 'en');
    save(b.png, 'export-compare-swipe-b-en.png');
    // The page's left edge, where its divider now is, falls a little inside the picture (it shows a little more around).
    const bx = Math.round(b.layout.split! * 640);
    expect(bx).toBeLessThan(100);
    // Right of the divider the swipe is B's map; left of it, A's: the front moved ~60 km south
    // between 1 and 24 January, so there the maps differ.
    const right = differing(a.png, b.png, [dx + 4, 70, 440, 250]);
    const left = differing(a.png, b.png, [bx + 4, 70, dx - 4, 250]);
    console.log(`export-compare: swipe vs B alone, differing share left ${left.toFixed(3)}, right ${right.toFixed(3)}; PNG ${a.bytes.length} bytes`);
    // Ground that changed hands: east of Seoul (left of the divider) and by Hongcheon (right of it).
    const box = (p: [number, number]): Box => [p[0] - 5, p[1] - 5, 10, 10];
    const west = pixelOf(a.layout, SEOUL_EAST);
    const east = pixelOf(a.layout, HONGCHEON);
    expect(west[0]).toBeLessThan(dx - 10);
    expect(east[0]).toBeGreaterThan(dx + 10);
    const reds = { westA: red(mean(a.png, box(west))), westB: red(mean(b.png, box(west))), eastA: red(mean(a.png, box(east))) };
    console.log(`export-compare: redness ${JSON.stringify(reds)}`);
    // Left: the UN side's pale land on 1 January (B alone: the PVA/KPA side's red); right: the PVA/KPA side's red on 24 January.
    expect(reds.westA).toBeLessThan(25);
    expect(reds.westB).toBeGreaterThan(35);
    expect(reds.eastA).toBeGreaterThan(35);
    expect(right).toBeLessThan(0.01);
    expect(left).toBeGreaterThan(0.1);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('overlay: B’s map with A’s front and the ground each side gained, in the legend too, the same pixels twice (en)', async () => {
    const w = await openCompare('en');
    await w.page.getByRole('radio', { name: WORDS.en.overlay }).check();
    const o = await picture(w.page, 'en', '1280x720');
    expect(o.name).toBe('korea-compare-1951-01-01-1951-01-24-overlay-en-1280x720.png');
    expect([o.png.width, o.png.height]).toEqual([1280, 720]);
    save(o.png, 'export-compare-overlay-en.png');
    expect(o.layout.split).toBeUndefined();
    expect(texts(o.layout, 'caption').slice(0, 2)).toEqual(['Korea, January 1951', '1 January 1951 → 24 January 1951']);
    expect(texts(o.layout, 'legend').slice(-4)).toEqual(['Ground the PVA/KPA side gained', 'Ground the UN side gained', 'Ground that became no-man’s land', 'Front on 1 January 1951']);
    expect(layoutFaults(o.layout)).toEqual([]);
    // The PVA/KPA side's gains, shaded: thousands of pixels of its pattern's ground; the UN side's none (but its legend swatch).
    expect(colorStats(o.png, GAINED_PVA, 10).count).toBeGreaterThan(5000);
    expect(colorStats(o.png, GAINED_UN, 10).count).toBeLessThan(400);
    // Made again: the same pixels.
    const again = await picture(w.page, 'en', '1280x720');
    expect(Buffer.compare(again.png.data, o.png.data)).toBe(0);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('in Korean, swipe at 1080×1080 and overlay at 640×360: dates and legend whole, nothing cut', async () => {
    const w = await openCompare('ko');
    // The dialog says the picture shows the comparison; it fits and passes axe.
    await w.page.getByRole('button', { name: WORDS.ko.button }).click();
    const dialog = w.page.getByRole('dialog', { name: WORDS.ko.dialog });
    await expect.poll(() => dialog.getByText('그림은 화면처럼 비교를 보여 줍니다(밀어 보기(A 왼쪽, B 오른쪽)).').isVisible()).toBe(true);
    expect(await pageLayoutFaults(w.page, [{ name: 'dialog', box: 'dialog.export-dialog', parts: 'h2, label, select, p, button' }])).toEqual([]);
    expect(await axeViolations(w.page)).toEqual([]);
    await dialog.getByRole('button', { name: WORDS.ko.close }).click();
    const s = await picture(w.page, 'ko', '1080x1080');
    save(s.png, 'export-compare-swipe-ko.png');
    expect(s.name).toBe('korea-compare-1951-01-01-1951-01-24-swipe-ko-1080x1080.png');
    expect(texts(s.layout, 'caption')[1]).toBe('1951년 1월 1일 | 1951년 1월 24일');
    expect(texts(s.layout, 'source')[0]).toMatch(/^출처: /);
    expect(layoutFaults(s.layout)).toEqual([]);
    await w.page.getByRole('radio', { name: WORDS.ko.overlay }).check();
    const o = await picture(w.page, 'ko');
    save(o.png, 'export-compare-overlay-ko.png');
    expect(texts(o.layout, 'legend').at(-1)).toBe('1951년 1월 1일의 전선');
    expect(layoutFaults(o.layout)).toEqual([]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('a picture waits until place labels under unit symbols are hidden (8 January)', async () => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await w.page.goto(`${base}index.html?date=1951-01-08&lang=en`);
    await waitForMap(w.page, 45_000);
    const p = await picture(w.page, 'en', '1280x720');
    save(p.png, 'export-picture-labels-0108-en.png');
    const seen = (await w.page.evaluate(() => (window as unknown as { exportLabels: unknown }).exportLabels)) as { units: number; under: string[]; pending: boolean };
    expect(seen.units).toBeGreaterThan(5);
    expect(seen).toMatchObject({ under: [], pending: false });
    await w.context.close();
  });
});
