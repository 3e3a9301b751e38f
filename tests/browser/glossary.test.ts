/**
 * The narrative's glossary pop-ups (issue 13, item 8) and the formations listed but not drawn:
 * a term opens from the keyboard, is announced, sits on screen next to its word, closes with
 * Escape leaving focus on it, and axe finds nothing wrong while it is open.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { openPage } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const glossary = (lang: string) => JSON.parse(readFileSync(`geo/korea-1951-01/glossary.${lang}.json`, 'utf8')) as { terms: Record<string, { term: string; definition: string }> };
let browser: Browser;
useBrowser((b) => (browser = b));

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/**
 * Opens the app at `query` and waits for the narrative and panels (they need the data, not
 * the map's first frame). Generous timeouts: the shared test machine can be very slow.
 */
async function open(query: string, options: Parameters<typeof openPage>[1] = {}) {
  const w = await openPage(browser, options);
  w.page.setDefaultTimeout(120_000);
  await w.page.goto(`${base}${query}`);
  await w.page.waitForSelector('.forces');
  return w;
}

/** Opens the term whose text is `word` from the keyboard and checks what a reader gets. */
async function openTerm(page: Page, word: string, key: 'Enter' | ' ', definition: string) {
  const term = page.locator('.narrative button.term', { hasText: word }).first();
  await expect.poll(() => term.count(), { timeout: 30_000 }).toBe(1);
  expect(await term.getAttribute('aria-expanded')).toBe('false');
  await term.focus();
  await page.keyboard.press(key);
  const pop = page.locator(`#${await term.getAttribute('aria-controls')}`);
  await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open'))).toBe(true);
  expect(await term.getAttribute('aria-expanded')).toBe('true');
  expect(await pop.textContent()).toContain(definition);
  // Announced: the polite live region says the term and its definition.
  await expect.poll(() => page.locator('.narrative [aria-live="polite"]').textContent()).toContain(definition);
  // On screen, whole, and next to its word without covering it.
  const [t, p, vw, vh] = await Promise.all([term.boundingBox(), pop.boundingBox(), page.evaluate(() => innerWidth), page.evaluate(() => innerHeight)]);
  expect(t && p).toBeTruthy();
  expect(p!.x).toBeGreaterThanOrEqual(0);
  expect(p!.y).toBeGreaterThanOrEqual(0);
  expect(p!.x + p!.width).toBeLessThanOrEqual(vw);
  expect(p!.y + p!.height).toBeLessThanOrEqual(vh);
  const overlaps = p!.x < t!.x + t!.width && t!.x < p!.x + p!.width && p!.y < t!.y + t!.height && t!.y < p!.y + p!.height;
  expect(overlaps).toBe(false);
  expect(Math.min(Math.abs(p!.y - (t!.y + t!.height)), Math.abs(t!.y - (p!.y + p!.height)))).toBeLessThan(20);
  expect(await pop.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  return { term, pop };
}

describe('glossary pop-ups', () => {
  it('open from the keyboard, are announced, sit by their word and close with Escape (strict CSP)', async () => {
    const w = await open('?date=1951-01-17', { viewport: { width: 1280, height: 860 } });
    const salient = glossary('en').terms.salient;
    const { term, pop } = await openTerm(w.page, 'salient', 'Enter', salient.definition);
    await w.page.keyboard.press('Escape');
    await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open'))).toBe(false);
    expect(await term.getAttribute('aria-expanded')).toBe('false');
    expect(await term.evaluate((el) => el === document.activeElement)).toBe(true);
    // Each term is explained once in a phase's text, where it first appears.
    const words = await w.page.locator('.narrative button.term').allTextContents();
    expect(new Set(words.map((x) => x.toLowerCase())).size).toBe(words.length);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  }, 240_000);

  it('work in Korean, and axe finds no violations with one open', async () => {
    const w = await open('?date=1951-01-17&lang=ko', { bypassCSP: true, viewport: { width: 1280, height: 860 } });
    await openTerm(w.page, '돌출부', ' ', glossary('ko').terms.salient.definition);
    expect(await violations(w.page)).toEqual([]);
    await w.context.close();
  }, 240_000);

  it('on a phone-sized screen the pop-up stays inside the window', async () => {
    const w = await open('?date=1951-01-05', { viewport: { width: 360, height: 740 } });
    await w.page.locator('.narrative button.term', { hasText: 'rear guard' }).first().scrollIntoViewIfNeeded();
    await openTerm(w.page, 'rear guard', 'Enter', glossary('en').terms['rear-guard'].definition);
    await w.context.close();
  }, 240_000);
});

describe('formations listed but not drawn', () => {
  it('have cards that say their position is not given', async () => {
    const w = await open('?date=1951-01-14');
    await w.page.locator('.forces > summary').click();
    await w.page.locator('.forces .unplaced > summary').click();
    await w.page.locator('.forces .unplaced button', { hasText: 'US 7th Infantry Division' }).click();
    const card = w.page.locator('.forces .card');
    await expect.poll(() => card.getAttribute('data-unit')).toBe('us-7-div');
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/not given by the sources for this date/);
    expect(text).toMatch(/Part of\s*US X Corps/);
    // The Marines are on the map that day, in the drawn list.
    expect(await w.page.locator('.forces > ul button, .forces > h3 + ul button', { hasText: '1st Marine Division' }).count()).toBe(1);
    await w.context.close();
  }, 240_000);
});
