/**
 * What a student gets in the embed without the full app (issue 12 #8): the compact legend and
 * the map's description (toggles, closed at first, their code fetched only when opened), the
 * polite live region for phase changes in playback, and the place answer, said once when
 * asked. Layout at 640×480 and 390×600 in both languages with both panels open, axe in each
 * state; screenshots go to tests/.artifacts for people to look at.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { layoutFaults, type LayoutCheck } from './layout.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
// Generous limits, not timed assertions: the shared machine can be very slow to load a page.
vi.setConfig({ testTimeout: 180_000 });

/** The interface catalogue's words, so the test follows the catalogue rather than copying it. */
function catalogue(lang: 'en' | 'ko'): Record<string, string> {
  // English comes in parts (src/locales/en-*.ts); Korean is one file.
  const files = lang === 'en' ? readdirSync('src/locales').filter((f) => /^en(-[\w-]+)?\.ts$/.test(f)) : [`${lang}.ts`];
  const src = files.map((f) => readFileSync(`src/locales/${f}`, 'utf8')).join('\n');
  return Object.fromEntries([...src.matchAll(/^\s*'([^']+)':\s*'((?:[^'\\]|\\.)*)',?$/gm)].map((m) => [m[1], m[2].replace(/\\'/g, "'")]));
}

/** Records every text the live region takes, from now on. */
async function recordLive(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const live = document.querySelector('#live')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => said.push((live.textContent ?? '').trim())).observe(live, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said.filter(Boolean));
}

const chunk = (requests: string[], name: string) => requests.some((u) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`).test(u));

describe('the embed’s legend and description', () => {
  it('open and close from the keyboard, closed at first and fetched only when opened; axe in each state', async () => {
    const w = await openPage(browser, { bypassCSP: true, viewport: { width: 640, height: 480 } });
    await w.page.goto(`${base}embed.html?date=1951-01-12`);
    await waitForMap(w.page, 120_000);
    const words = catalogue('en');
    const legendButton = w.page.getByRole('button', { name: words['legend.title'] });
    const describeButton = w.page.getByRole('button', { name: words['describe.title'] });
    const legend = w.page.locator('#embed-legend');
    expect(await legendButton.getAttribute('aria-expanded')).toBe('false');
    expect(await legend.isVisible()).toBe(false);
    // Nothing of the legend or a lesson is downloaded for the first view; the description's
    // code only once the first view is complete (so it is at hand when the canvas is focused).
    expect(chunk(w.requests, 'LegendKeys') || chunk(w.requests, 'lazy') || chunk(w.requests, 'lesson')).toBe(false);
    const describeStart = () =>
      w.page.evaluate(() => {
        const complete = performance.getEntriesByName('campaign:complete')[0]?.startTime ?? Infinity;
        const r = performance.getEntriesByType('resource').find((e) => /\/assets\/describe-[\w-]+\.js$/.test(e.name));
        return r ? (r.startTime > complete ? 'after' : 'before') : 'not yet';
      });
    await expect.poll(describeStart).not.toBe('not yet');
    expect(await describeStart()).toBe('after');

    await legendButton.focus();
    await w.page.keyboard.press('Enter');
    await expect.poll(() => legend.locator('li').count()).toBeGreaterThan(8);
    expect(await legendButton.getAttribute('aria-expanded')).toBe('true');
    const keys = (await legend.textContent()) ?? '';
    // The app's own entries, no-man's land and the infiltration included.
    for (const key of ['legend.un', 'legend.pva', 'legend.noMansLand', 'legend.infiltrated', 'legend.arrowRaid']) expect(keys).toContain(words[key]);
    expect(chunk(w.requests, 'LegendKeys')).toBe(true);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.page.keyboard.press('Space');
    await expect.poll(() => legend.isVisible()).toBe(false);
    expect(await legendButton.getAttribute('aria-expanded')).toBe('false');

    await describeButton.focus();
    await w.page.keyboard.press('Enter');
    const sentences = w.page.locator('#embed-description p');
    await expect.poll(() => sentences.count()).toBeGreaterThan(2);
    expect(await sentences.first().textContent()).toMatch(/12 January 1951/);
    expect(await describeButton.getAttribute('aria-expanded')).toBe('true');
    // The canvas is described by the text while it is shown.
    expect((await w.page.locator('.map canvas').getAttribute('aria-describedby'))?.split(' ')).toContain('embed-description');
    expect(await axeViolations(w.page)).toEqual([]);
    await w.page.keyboard.press('Enter');
    await expect.poll(() => w.page.locator('#embed-describe').isVisible()).toBe(false);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('the embed’s data checks', () => {
  it('checks the geometry after its first view: a front that crosses itself is then reported, not a crash', async () => {
    const w = await openPage(browser);
    await w.page.route('**/fronts.geojson', async (route) => {
      const fronts = (await (await route.fetch()).json()) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[][] } }[] };
      const f = fronts.features[1];
      // Back to its second vertex: the line now crosses itself there.
      f.geometry.coordinates = [...f.geometry.coordinates, f.geometry.coordinates[1]];
      delete f.properties.segmentCertainty;
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(fronts) });
    });
    await w.page.goto(`${base}embed.html?date=1951-01-04`);
    const alert = w.page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 120_000 }).toMatch(/fronts\.geojson: \S+: intersects itself/);
    // Found once the first view was complete: the map had drawn it.
    expect(await w.page.evaluate(() => performance.getEntriesByName('campaign:complete').length)).toBe(1);
    expect(chunk(w.requests, 'validate-geometry')).toBe(true);
    expect(w.consoleProblems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    await w.context.close();
  });
});

describe('the embed’s narrative', () => {
  /** Where the page's request for a file ending in `name` started: before or after its first view was complete. */
  const requestedWhen = (page: Page, name: string) =>
    page.evaluate((suffix) => {
      const complete = performance.getEntriesByName('campaign:complete')[0]?.startTime ?? Infinity;
      const r = performance.getEntriesByType('resource').find((e) => e.name.endsWith(suffix));
      return r ? (r.startTime > complete ? 'after' : 'before') : 'not yet';
    }, name);

  it('shows the phase name and summary at once, and loads the paragraphs after its first view', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}embed.html?date=1951-01-04`);
    await waitForMap(w.page, 120_000);
    expect(await requestedWhen(w.page, '/narrative.en.heads.json')).toBe('before');
    await expect.poll(() => requestedWhen(w.page, '/narrative.en.json')).toBe('after');
    const narrative = w.page.locator('details.narrative');
    expect((await narrative.locator('summary').textContent())?.trim().length).toBeGreaterThan(20);
    await narrative.locator('summary').click();
    await expect.poll(() => narrative.locator('p').count()).toBeGreaterThan(1);
    // Its citations: the keys until the source index is in, then readable names (embed-cites.test.ts).
    expect(await narrative.locator('p .cite').first().textContent()).toMatch(/^(\[[A-Z]|Sources: \w)/);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('loads the whole narrative for its first view when the link opens it', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}embed.html?date=1951-01-04&narrative=open&lang=ko`);
    await waitForMap(w.page, 120_000);
    expect(await requestedWhen(w.page, '/narrative.ko.json')).toBe('before');
    expect(await requestedWhen(w.page, '/narrative.ko.heads.json')).toBe('not yet');
    expect(await w.page.locator('details.narrative p').count()).toBeGreaterThan(1);
    await w.context.close();
  });
});

describe('the embed’s live region', () => {
  it('says each phase once in playback, not each frame', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}embed.html?date=1951-01-02`);
    await waitForMap(w.page, 120_000);
    const said = await recordLive(w.page);
    await w.page.locator('button.play').click();
    // 5 January begins the next phase: the region says it with the day it began.
    await expect.poll(said, { timeout: 60_000 }).toContainEqual(expect.stringMatching(/^5 January 1951: /));
    await w.page.locator('button.play').click();
    await expect.poll(said).toContainEqual(expect.stringMatching(/^Paused on /));
    const texts = await said();
    expect(texts[0]).toMatch(/^Playing from 2 January 1951: /);
    for (const s of texts) expect(s).toMatch(/^(Playing from 2|[3-9]|1\d) January 1951: |^Paused on /);
    // One text per phase, not per frame.
    expect(new Set(texts).size).toBe(texts.length);
    await w.context.close();
  });

  it('answers a click on the map once, and a chosen place in both languages', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}embed.html?date=1951-01-12`);
    await waitForMap(w.page, 120_000);
    const said = await recordLive(w.page);
    const box = (await w.page.locator('.map canvas').boundingBox())!;
    // The far south: UN-held.
    await w.page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.93);
    const answer = w.page.locator('.answer p');
    await expect.poll(() => answer.textContent()).toMatch(/12 January 1951: held by the UN, \d+\.\d km behind the front\./);
    await expect.poll(said).toHaveLength(1);
    expect((await said())[0]).toBe((await answer.textContent())?.trim());
    // Whatever is said next (here: playback starts) comes after the one answer: nothing was repeated in between.
    await w.page.locator('button.play').click();
    await expect.poll(said).toHaveLength(2);
    expect((await said())[1]).toMatch(/^Playing from /);
    await w.page.locator('button.play').click();
    await w.context.close();

    const k = await openPage(browser);
    await k.page.goto(`${base}embed.html?date=1951-01-04&lang=ko`);
    await waitForMap(k.page, 120_000);
    await k.page.locator('.chooser select').selectOption('seoul');
    await expect.poll(() => k.page.locator('#live').textContent()).toMatch(/^서울, 1951년 1월 4일: /);
    expect(await k.page.locator('.answer p').textContent()).toMatch(/^서울, 1951년 1월 4일: /);
    await k.page.getByRole('button', { name: catalogue('ko')['query.close'] }).click();
    await expect.poll(() => k.page.locator('.answer').count()).toBe(0);
    await k.context.close();
  });
});

const LAYOUT: LayoutCheck[] = [
  { name: 'embed', box: '.embed', parts: ':scope > :not(.visually-hidden):not(.credit)' },
  { name: 'tools', box: '.tools', parts: ':scope > *, .chooser select' },
  { name: 'answer', box: '.answer', parts: ':scope > *' },
  { name: 'legend', box: '#embed-legend', parts: 'li' },
  { name: 'description', box: '#embed-describe', parts: 'p' },
];

describe('the embed’s extras fit', () => {
  for (const [width, height] of [[640, 480], [390, 600]]) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${width}×${height}, ${lang}: legend, description and a place answer open at once`, async () => {
        const w = await openPage(browser, { bypassCSP: true, viewport: { width, height } });
        await w.page.goto(`${base}embed.html?date=1951-01-12&lang=${lang}`);
        await waitForMap(w.page, 120_000);
        const words = catalogue(lang);
        await w.page.getByRole('button', { name: words['legend.title'] }).click();
        await w.page.locator('#embed-legend li').first().waitFor();
        await w.page.screenshot({ path: `${ARTIFACTS}/embed-legend-${width}x${height}-${lang}.png`, fullPage: true });
        expect(await axeViolations(w.page)).toEqual([]);
        await w.page.getByRole('button', { name: words['describe.title'] }).click();
        await w.page.locator('#embed-description p').first().waitFor();
        await w.page.locator('.chooser select').selectOption('seoul');
        await w.page.locator('.answer').waitFor();
        expect(await layoutFaults(w.page, LAYOUT)).toEqual([]);
        expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
        await w.page.screenshot({ path: `${ARTIFACTS}/embed-extras-${width}x${height}-${lang}.png`, fullPage: true });
        expect(await axeViolations(w.page)).toEqual([]);
        expect(w.consoleProblems).toEqual([]);
        await w.context.close();
      });
    }
  }
});
