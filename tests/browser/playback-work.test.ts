/**
 * What a frame of playback costs the page, counted (not timed): figure (b) of issue 14 compares
 * playback with the same page forced to repaint, so every frame of playback should do little
 * beyond drawing the map. Counted over a day and a half of Slow playback in the app: calls to
 * history.replaceState (each costs the browser process 10–20 ms of CPU: the address bar waits
 * until playback stops), messages to MapLibre's workers, and the DOM nodes changed in most
 * frames (only the slider's position, the map's drawn-day mark and the ground chart's cursor
 * may be, the last only while on screen). The date shown over the map, the slider's value text
 * and aria-valuetext and the map's name give the date alone while playing (its hour would change every frame): they change once
 * a calendar day, and the hour is back once playback pauses.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
vi.setConfig({ testTimeout: 180_000 });

/**
 * Counts replaceState calls, worker messages and, per animation frame, the DOM nodes changed
 * (named by tag, id or first class, and attribute), from the start.
 */
const PROBE = `
  window.work = { replaceState: 0, posts: 0, frame: 0, changed: {}, counting: false };
  (function () {
    var w = window.work;
    var replace = history.replaceState;
    history.replaceState = function () { if (w.counting) w.replaceState++; return replace.apply(this, arguments); };
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function () { if (w.counting) w.posts++; return post.apply(this, arguments); };
    requestAnimationFrame(function tick() { w.frame++; requestAnimationFrame(tick); });
    new MutationObserver(function (records) {
      if (!w.counting) return;
      records.forEach(function (r) {
        var el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        var name = el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '') : '?';
        var key = name + (r.attributeName ? ' @' + r.attributeName : r.type === 'characterData' ? ' text' : ' children');
        var frames = w.changed[key] || (w.changed[key] = []);
        if (frames[frames.length - 1] !== w.frame) frames.push(w.frame);
      });
    }).observe(document, { subtree: true, attributes: true, characterData: true, childList: true });
  })();
`;

interface Work { replaceState: number; posts: number; frame: number; changed: Record<string, number[]>; counting: boolean }

/**
 * What may change in most frames of playback: the slider's value, the map's drawn-day mark, and
 * the ground chart's cursor (once its lazy part is in).
 */
const EVERY_FRAME = /^(input#date-slider @value|div\.map @data-drawn-day|line @(x1|x2))$/;
/** What shows the date in words: changed once a calendar day while playing. */
const DATE_WORDS = ['p.big-date text', 'span.value text', 'input#date-slider @aria-valuetext', 'div.map @aria-label'];

describe('a frame of playback', () => {
  it('writes no address, sends the map no data and changes only a few DOM nodes', async () => {
    const w = await openPage(browser, { viewport: { width: 1024, height: 768 } });
    await w.page.addInitScript(PROBE);
    await w.page.goto(`${base}?date=1950-12-31`);
    await waitForMap(w.page, 120_000);
    // The neighbouring land is sent to the map once the first view is complete: wait for that.
    await expect.poll(() => w.page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/surroundings.topo.json')))).toBe(true);
    await w.page.waitForTimeout(1500);
    // Slow: the frames are many for the days played, so what changes with the date (a phase,
    // a keyframe, a unit coming) is seen in few of them, and what changes every frame stands out.
    await w.page.getByLabel('Slow', { exact: true }).check();
    const drawnDay = async () => Number(await w.page.locator('.map').getAttribute('data-drawn-day'));
    const start = await drawnDay();
    const work = () => w.page.evaluate(() => (window as unknown as { work: Work }).work);

    await w.page.evaluate(() => ((window as unknown as { work: Work }).work.counting = true));
    const firstFrame = (await work()).frame;
    await w.page.locator('button.play').click();
    // A day and a half: a calendar day, a phase, keyframes, units coming and going.
    await expect.poll(drawnDay, { timeout: 90_000 }).toBeGreaterThan(start + 1.5);
    const playing = await work();
    await w.page.locator('button.play').click();

    expect(playing.replaceState, 'address written during playback').toBe(0);
    expect(playing.posts, 'messages to the map’s workers').toBe(0);
    const frames = playing.frame - firstFrame;
    expect(frames).toBeGreaterThan(5);
    // Nodes changed in more than half the frames of playback.
    const often = Object.entries(playing.changed).filter(([, at]) => at.length > frames / 2).map(([key, at]) => `${key} (${at.length} of ${frames})`);
    expect(often.filter((key) => !EVERY_FRAME.test(key.replace(/ \(.*/, ''))), `changed in most frames: ${often.join(', ')}`).toEqual([]);

    // The date in words: a change per calendar day reached (from 31 Dec at 24:00, a day and a half
    // of playback crosses two or three dates), not one per frame.
    for (const key of DATE_WORDS) expect(playing.changed[key]?.length ?? 0, `${key} changed in ${playing.changed[key]?.length} of ${frames} frames`).toBeLessThanOrEqual(4);
    // Paused between two day steps, the date over the map has its hour again.
    const pausedDay = await drawnDay();
    if (Math.abs(pausedDay - Math.round(pausedDay)) > 1 / 48) await expect.poll(() => w.page.locator('p.big-date').textContent()).toMatch(/\(\d\d:\d\d\)$/);

    // Paused: the address bar shows the date drawn.
    const shown = await w.page.locator('#date-slider').getAttribute('aria-valuetext');
    await expect.poll(() => new URL(w.page.url()).searchParams.get('date')).not.toBe('1950-12-31');
    const iso = new URL(w.page.url()).searchParams.get('date')!;
    const [y, m, d] = iso.split('-').map(Number);
    expect(shown).toContain(`${d} ${new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`);
    await w.context.close();
  });

  it('leaves the panels scrolled off screen alone; back on screen or paused, they show the date', async () => {
    // Issue 14: the list of sources cited, the list of forces and the line on the front's
    // dating were laid out again many times a second of playback, wherever they were.
    const w = await openPage(browser, { viewport: { width: 1024, height: 768 } });
    await w.page.goto(`${base}?date=1950-12-31`);
    await waitForMap(w.page, 120_000);
    const panels = { sources: 'details.sources', forces: 'details.forces', status: 'p.front-status' };
    await w.page.evaluate(() => scrollTo(0, 0));
    for (const selector of Object.values(panels)) expect(await w.page.locator(selector).evaluate((el) => el.getBoundingClientRect().top - innerHeight), selector).toBeGreaterThan(100);
    // Every change inside each panel from now on; and once each panel's first intersection
    // report is in (an observer made now is told with, or after, the page's own).
    await w.page.evaluate((all) => {
      const changed: Record<string, number> = ((window as unknown as { changed: Record<string, number> }).changed = {});
      for (const [name, selector] of Object.entries(all)) {
        changed[name] = 0;
        new MutationObserver((records) => (changed[name] += records.length)).observe(document.querySelector(selector)!, { subtree: true, attributes: true, characterData: true, childList: true });
      }
      return Promise.all(Object.values(all).map((selector) => new Promise((told) => new IntersectionObserver((_, o) => (o.disconnect(), told(null))).observe(document.querySelector(selector)!))));
    }, panels);
    const changed = () => w.page.evaluate(() => ({ ...(window as unknown as { changed: Record<string, number> }).changed }));
    const texts = () => w.page.evaluate((all) => Object.fromEntries(Object.entries(all).map(([name, selector]) => [name, document.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim()])), panels);
    const opening = await texts();
    const drawnDay = async () => Number(await w.page.locator('.map').getAttribute('data-drawn-day'));
    const start = await drawnDay();
    // Fast, from a click in the page (a pointer's click would scroll the button into view).
    await w.page.getByLabel('Fast', { exact: true }).evaluate((el: HTMLInputElement) => el.click());
    await w.page.evaluate(() => scrollTo(0, 0));
    await w.page.evaluate(() => document.querySelector<HTMLButtonElement>('button.play')!.click());
    // Four days: the front's dating, its sources and the units drawn all change in them.
    await expect.poll(drawnDay, { timeout: 90_000 }).toBeGreaterThan(start + 4);
    expect(await changed()).toEqual({ sources: 0, forces: 0, status: 0 });
    expect(await texts()).toEqual(opening);
    // Back on screen, still playing: the front's dating follows the date again.
    await w.page.locator(panels.status).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect.poll(async () => (await changed()).status, { timeout: 30_000 }).toBeGreaterThan(0);
    // Paused off screen: each panel caught up at once, with what it shows in view.
    await w.page.evaluate(() => scrollTo(0, 0));
    await w.page.evaluate(() => document.querySelector<HTMLButtonElement>('button.play')!.click());
    await expect.poll(() => w.page.locator('button.play').getAttribute('aria-pressed')).toBe('false');
    const paused = await texts();
    expect(paused.sources).not.toBe(opening.sources);
    expect(paused.status).not.toBe(opening.status);
    expect(paused.forces).not.toBe(opening.forces);
    for (const selector of Object.values(panels)) await w.page.locator(selector).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await w.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await texts()).toEqual(paused);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});
