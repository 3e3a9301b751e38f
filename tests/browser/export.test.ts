/**
 * Video and picture export in headless Chromium: a short MP4 and a GIF read back (size, frame
 * count, duration), the first and last frames' dates checked in pixels against pictures of
 * those dates, two exports with the same settings decoding to the same frames, Cancel, the
 * browser without a video encoder, and the dialog's layout and accessibility.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { ARTIFACTS, savedDownload, useBrowser } from './shared-browser.ts';
import { axeViolations } from './axe.ts';
import { layoutFaults } from './layout.ts';
import { decodeFrames, demux, parseGif, regionDiff } from './media.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

async function openApp(query: string, viewport = { width: 1280, height: 800 }, init?: () => void): Promise<Watched> {
  const w = await openPage(browser, { viewport, bypassCSP: true });
  if (init) await w.page.addInitScript(init);
  await w.page.goto(`${base}index.html?${query}`);
  await waitForMap(w.page, 50_000);
  return w;
}

const videoDialog = (page: Page) => page.getByRole('dialog', { name: 'Download the animation as a video' });
const pictureDialog = (page: Page) => page.getByRole('dialog', { name: 'Download a picture of this view' });

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Uint8Array }> {
  const event = page.waitForEvent('download', { timeout: 55_000 });
  await button.click();
  const d = await event;
  const path = await savedDownload(d);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

/** Exports a 640×360 clip of `start`–`end` at normal speed. */
async function exportClip(page: Page, start: string, end: string, format: 'mp4' | 'webm' | 'gif') {
  await page.getByRole('button', { name: 'Download video' }).click();
  const dialog = videoDialog(page);
  await dialog.getByLabel('From').fill(start);
  await dialog.getByLabel('To').fill(end);
  await dialog.getByLabel('Size').selectOption('640x360');
  await dialog.getByLabel('Format').selectOption(format);
  const file = await download(page, dialog.getByRole('button', { name: /^Make and download/ }));
  await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Done: /);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return file;
}

/** A 640×360 picture of the date shown. */
async function picture(page: Page): Promise<{ name: string; png: PNG }> {
  await page.getByRole('button', { name: 'Download picture' }).click();
  const dialog = pictureDialog(page);
  await dialog.getByLabel('Size').selectOption('640x360');
  const file = await download(page, dialog.getByRole('button', { name: 'Download PNG' }));
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: file.name, png: PNG.sync.read(Buffer.from(file.bytes)) };
}

/** The day of the month in the caption ("3" of "3 January 1951") and a stretch of map clear of every overlay, at 640×360. */
const CAPTION = { x: 12, y: 28, width: 12, height: 17 };
const MAP = { x: 200, y: 80, width: 300, height: 180 };

describe('Download video and picture', { timeout: 240_000 }, () => {
  it('makes an MP4 whose first and last frames show the range’s dates, and the same frames twice', async () => {
    const w = await openApp('date=1951-01-03&lang=en');
    const first = await picture(w.page);
    expect(first.name).toBe('korea-1951-01-03-en-640x360.png');
    expect([first.png.width, first.png.height]).toEqual([640, 360]);
    // Two days on by keyboard: the same camera, another date.
    const slider = w.page.getByRole('slider', { name: /date/i });
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    await w.page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toMatch(/^5 January 1951/);
    const last = await picture(w.page);
    expect(last.name).toBe('korea-1951-01-05-en-640x360.png');

    const a = await exportClip(w.page, '1951-01-03', '1951-01-05', 'mp4');
    expect(a.name).toBe('korea-1951-01-03-to-1951-01-05-en-640x360.mp4');
    const video = await demux(a.bytes);
    // 2 days at 1 day a second and 25 frames a second: 51 frames, then the closing card for 3 s
    // (a frame held 2.96 s and the same card as the last frame).
    expect(video).toMatchObject({ format: 'MP4', codec: 'avc', width: 640, height: 360 });
    expect(video.packets.length).toBe(53);
    expect(video.duration).toBeCloseTo(5.04, 2);
    const decoded = await decodeFrames(w.page, video, [0, 50, 51]);
    expect(decoded.hashes.length).toBe(53);
    const f0 = decoded.frames[0];
    const f50 = decoded.frames[50];
    const diff = (img: Uint8Array, png: PNG, box: typeof MAP) => regionDiff(img, png.data, 640, box);
    saveFrame(f0, 'export-frame-first-en.png');
    saveFrame(f50, 'export-frame-last-en.png');
    saveFrame(decoded.frames[51], 'export-frame-closing-en.png');
    saveFrameOf(first.png, 'export-picture-first-en.png');
    saveFrameOf(last.png, 'export-picture-last-en.png');
    // The first frame is 3 January: its date and map match the picture of 3 January, not the
    // picture of 5 January (the encoder's loss stays well under the difference of two dates).
    const near = (img: Uint8Array, right: PNG, wrong: PNG, box: typeof MAP) => {
      const [r, w] = [diff(img, right, box), diff(img, wrong, box)];
      expect(r, `right ${r.toFixed(1)}, wrong ${w.toFixed(1)}`).toBeLessThan(10);
      expect(w, `right ${r.toFixed(1)}, wrong ${w.toFixed(1)}`).toBeGreaterThan(1.5 * r + 4);
    };
    near(f0, first.png, last.png, CAPTION);
    near(f0, first.png, last.png, MAP);
    // The last frame of the animation is 5 January.
    near(f50, last.png, first.png, CAPTION);
    near(f50, last.png, first.png, MAP);
    // The closing card is a white page of text.
    expect(decoded.hashes[51]).not.toBe(decoded.hashes[50]);

    // The same settings again: every decoded frame is the same.
    const b = await exportClip(w.page, '1951-01-03', '1951-01-05', 'mp4');
    const again = await decodeFrames(w.page, await demux(b.bytes), []);
    expect(again.hashes).toEqual(decoded.hashes);
    // The files differ at most in the MP4's creation and modification times (mvhd, tkhd, mdhd).
    expect(b.bytes.length).toBe(a.bytes.length);
    const differing = a.bytes.reduce((n, x, i) => n + (x === b.bytes[i] ? 0 : 1), 0);
    expect(differing).toBeLessThanOrEqual(24);
    console.log(`export: MP4 ${a.bytes.length} bytes, ${video.duration} s, ${video.packets.length} frames; second export: ${differing} bytes differ`);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('makes a WebM (VP9) that is the same file byte for byte when made again', async () => {
    const w = await openApp('date=1951-01-04&lang=en');
    const a = await exportClip(w.page, '1951-01-03', '1951-01-05', 'webm');
    expect(a.name).toBe('korea-1951-01-03-to-1951-01-05-en-640x360.webm');
    const video = await demux(a.bytes);
    expect(video).toMatchObject({ format: 'WebM', codec: 'vp9', width: 640, height: 360 });
    expect(video.packets.length).toBe(53);
    expect(video.duration).toBeCloseTo(5.04, 2);
    const b = await exportClip(w.page, '1951-01-03', '1951-01-05', 'webm');
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    console.log(`export: WebM ${a.bytes.length} bytes, ${video.duration} s, ${video.packets.length} frames, made twice identical`);
    await w.context.close();
  });

  it('makes a GIF of the same clip, and a picture with its caption and legend, in Korean', async () => {
    const w = await openApp('date=1951-01-04&lang=ko');
    await w.page.getByRole('button', { name: '동영상 내려받기' }).click();
    const dialog = w.page.getByRole('dialog', { name: '애니메이션을 동영상으로 내려받기' });
    await dialog.getByLabel('시작').fill('1951-01-03');
    await dialog.getByLabel('끝').fill('1951-01-05');
    await dialog.getByLabel('크기').selectOption('640x360');
    await dialog.getByLabel('형식').selectOption('gif');
    const gif = await download(w.page, dialog.getByRole('button', { name: 'GIF 만들어 내려받기' }));
    expect(gif.name).toBe('korea-1951-01-03-to-1951-01-05-ko-640x360.gif');
    const parsed = parseGif(gif.bytes);
    // 10 frames a second: 21 frames of animation, then the closing card for 3 s.
    expect(parsed).toMatchObject({ width: 640, height: 360, frames: 22 });
    expect(parsed.delays.slice(0, 21).every((d) => d === 100)).toBe(true);
    expect(parsed.delays[21]).toBe(3000);
    await dialog.getByRole('button', { name: '닫기' }).click();

    await w.page.getByRole('button', { name: '그림 내려받기' }).click();
    const pic = w.page.getByRole('dialog', { name: '지금 보이는 지도를 그림으로 내려받기' });
    await pic.getByLabel('크기').selectOption('1280x720');
    const file = await download(w.page, pic.getByRole('button', { name: 'PNG 내려받기' }));
    expect(file.name).toBe('korea-1951-01-04-ko-1280x720.png');
    const png = PNG.sync.read(Buffer.from(file.bytes));
    expect([png.width, png.height]).toEqual([1280, 720]);
    // The caption panel holds text: dark ink on the pale panel.
    expect(darkShare(png, { x: 30, y: 40, width: 250, height: 130 })).toBeGreaterThan(0.03);
    // So does the source line along the bottom.
    expect(darkShare(png, { x: 20, y: 690, width: 600, height: 25 })).toBeGreaterThan(0.02);
    saveFrameOf(png, 'export-picture-ko.png');
    console.log(`export: GIF ${gif.bytes.length} bytes, ${parsed.frames} frames; picture ${file.bytes.length} bytes`);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('Cancel stops an export, downloads nothing, and leaves the map usable', async () => {
    const w = await openApp('date=1951-01-10&lang=en');
    let downloads = 0;
    w.page.on('download', () => downloads++);
    await w.page.getByRole('button', { name: 'Download video' }).click();
    const dialog = videoDialog(w.page);
    await dialog.getByLabel('From').fill('1950-12-31');
    await dialog.getByLabel('To').fill('1951-01-31');
    await dialog.getByLabel('Size').selectOption('640x360');
    await dialog.getByRole('button', { name: 'Make and download' }).click();
    await expect.poll(() => dialog.getByText(/^Frame \d+ of 777, about/).isVisible(), { timeout: 40_000 }).toBe(true);
    await expect.poll(() => dialog.getByRole('progressbar', { name: 'Progress of the export' }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Cancelled: nothing was downloaded.');
    // The hidden export map is gone; only the page's map is left.
    expect(await w.page.locator('.maplibregl-map').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const slider = w.page.getByRole('slider', { name: /date/i });
    await slider.focus();
    await w.page.keyboard.press('End');
    const end = String(Date.parse('1951-01-31') / 86_400_000);
    await expect.poll(() => w.page.locator('.map').getAttribute('data-drawn-day')).toBe(end);
    expect(downloads).toBe(0);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('the lesson builder’s video link opens the app on the lesson’s dates with the dialog open', async () => {
    const w = await openApp('date=1951-01-03&start=1951-01-03&end=1951-01-10&lang=en&download=video');
    const dialog = videoDialog(w.page);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('From').inputValue()).toBe('1951-01-03');
    expect(await dialog.getByLabel('To').inputValue()).toBe('1951-01-10');
    // Opened once: the address no longer asks for it.
    await expect.poll(() => w.page.evaluate(() => location.search)).not.toContain('download');
    await w.context.close();
  });

  it('without a video encoder the button says so and offers the GIF', async () => {
    const w = await openApp('date=1951-01-10&lang=en', undefined, () => {
      delete (window as { VideoEncoder?: unknown }).VideoEncoder;
    });
    await w.page.getByRole('button', { name: 'Download GIF (no video in this browser)' }).click();
    const dialog = videoDialog(w.page);
    await expect.poll(() => dialog.getByText(/cannot make video files/).isVisible()).toBe(true);
    expect(await dialog.getByLabel('Format').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['gif']);
    expect(await dialog.getByRole('button', { name: 'Make and download the GIF' }).isEnabled()).toBe(true);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.context.close();
  });

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }])
    for (const lang of ['en', 'ko'] as const)
      it(`the dialogs fit at ${viewport.width}×${viewport.height} in ${lang}, with no axe violations`, async () => {
        const w = await openApp(`date=1951-01-10&lang=${lang}`, viewport);
        const names = lang === 'en' ? ['Download video', 'Download picture'] : ['동영상 내려받기', '그림 내려받기'];
        expect(await layoutFaults(w.page, [{ name: 'tools', box: 'header.top', parts: '.tools > *' }])).toEqual([]);
        for (const [i, name] of names.entries()) {
          await w.page.getByRole('button', { name }).click();
          const dialog = w.page.getByRole('dialog');
          await expect.poll(() => dialog.isVisible()).toBe(true);
          if (i === 0) await expect.poll(() => dialog.locator('select').last().locator('option').count()).toBeGreaterThan(1);
          expect(await layoutFaults(w.page, [{ name: 'dialog', box: 'dialog.export-dialog', parts: 'h2, fieldset, label, select, input, p, button, progress' }])).toEqual([]);
          expect(await axeViolations(w.page)).toEqual([]);
          await w.page.screenshot({ path: `${ARTIFACTS}/export-dialog-${i === 0 ? 'video' : 'picture'}-${lang}-${viewport.width}.png` });
          await dialog.getByRole('button', { name: lang === 'en' ? 'Close' : '닫기' }).click();
        }
        await w.context.close();
      });
});

/** Share of pixels in `box` darker than mid-grey (text on a pale panel). */
function darkShare(png: PNG, box: { x: number; y: number; width: number; height: number }): number {
  let dark = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) {
      const k = (y * png.width + x) * 4;
      if (png.data[k] + png.data[k + 1] + png.data[k + 2] < 3 * 100) dark++;
    }
  return dark / (box.width * box.height);
}

function saveFrame(rgba: Uint8Array, name: string) {
  const png = new PNG({ width: 640, height: 360 });
  png.data = Buffer.from(rgba);
  saveFrameOf(png, name);
}

function saveFrameOf(png: PNG, name: string) {
  writeFileSync(`${ARTIFACTS}/${name}`, PNG.sync.write(png));
}
