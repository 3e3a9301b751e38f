/**
 * A lesson opens in its own language when its link does not name one (issue: a Korean lesson
 * shared without `lang=` stayed in English, its interface catalogue and narrative never loaded);
 * an explicit `lang=` in the link wins. Full app and embed, with axe and layout in Korean.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';
import { axeViolations } from './axe.ts';
import { layoutFaults } from './layout.ts';
import { encodeLesson, type Lesson } from '../../src/lib/lesson.ts';
import { en } from '../../src/locales/en.ts';
import { enLesson } from '../../src/locales/en-lesson.ts';

const base = inject('baseUrl');
let browser: import('playwright-core').Browser;
useBrowser((b) => (browser = b));

const lesson: Lesson = {
  version: 1, title: '서울 함락', start: '1951-01-01', end: '1951-01-10', lang: 'ko', autoplay: false, speed: 'normal', narrative: 'open', controls: true,
  stops: [{ date: '1951-01-04', caption: '서울이 세 번째로 함락됩니다.', question: { kind: 'choice', prompt: '1월 4일에 유엔군이 떠난 도시는?', options: ['부산', '서울', '원주'], correct: 1, explanation: '리지웨이가 서울 철수를 명령했습니다.' } }],
};

/** The page's language and the words a reader sees first. */
async function shown(page: Page) {
  return {
    lang: await page.evaluate(() => document.documentElement.lang),
    start: await page.getByRole('button', { name: /^(수업 시작|Start the lesson)$/ }).textContent(),
    slider: (await page.getByRole('slider').first().getAttribute('aria-valuetext')) ?? '',
    narrative: (await page.locator('.narrative').first().textContent()) ?? '',
    /** The field the map's place names are drawn from. */
    mapLabels: await page.evaluate(() => {
      const el = document.querySelector('.map') as unknown as { testMap?: { getLayoutProperty(layer: string, name: string): unknown } };
      return JSON.stringify(el.testMap?.getLayoutProperty('place-labels', 'text-field') ?? null);
    }),
  };
}

/**
 * Records, from before the page's own script runs, each different text the page shows (its
 * visible text, while the page is not held unpainted for its fonts) as it changes.
 */
const recordShownText = (page: Page) =>
  page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shown: string[] }).shown = shown;
    const sample = () => {
      const app = document.getElementById('app');
      if (!app || document.documentElement.classList.contains('fonts-pending')) return;
      const text = app.innerText.trim();
      if (text && shown.at(-1) !== text) shown.push(text);
    };
    new MutationObserver(sample).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  });

/** English interface words the two pages show first (the loading line, the embed's bar, the app's header, the player). */
const ENGLISH = [en['app.loading'], en['app.title'], en['embed.fullMap'], en['player.play'], en['legend.title'], enLesson['lesson.start']];
const HANGUL = /[\uac00-\ud7a3]/;

describe('a lesson link without lang=', () => {
  for (const file of ['index.html', 'embed.html']) {
    it(`${file}: a Korean lesson shows Korean from its first words, never English first`, async () => {
      const w = await openPage(browser, { locale: 'en-US', reducedMotion: 'reduce', bypassCSP: true });
      const { page } = w;
      await recordShownText(page);
      await page.goto(`${base}${file}?lesson=${encodeLesson(lesson)}`, { timeout: 120_000 });
      await page.getByRole('button', { name: '수업 시작' }).waitFor({ timeout: 120_000 });
      await page.screenshot({ path: `${ARTIFACTS}/lesson-lang-first-${file.replace('.html', '')}.png` });
      const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
      expect(shown.length).toBeGreaterThan(0);
      for (const text of shown) {
        expect(text, text).toMatch(HANGUL);
        for (const word of ENGLISH) expect(text, text).not.toContain(word);
      }
      expect(w.consoleProblems).toEqual([]);
      await w.context.close();
    }, 300_000);
  }

  for (const file of ['index.html', 'embed.html']) {
    it(`${file}: a Korean lesson opens in Korean (interface, narrative, lesson); lang=en wins`, async () => {
      // A browser that prefers English: only the lesson says Korean.
      const w = await openPage(browser, { locale: 'en-US', reducedMotion: 'reduce', bypassCSP: true });
      const { page } = w;
      await page.goto(`${base}${file}?lesson=${encodeLesson(lesson)}`, { timeout: 120_000 });
      await page.waitForSelector('.map[data-ready="true"], .svg-fallback', { timeout: 120_000 });
      await page.getByRole('button', { name: /^(수업 시작|Start the lesson)$/ }).waitFor({ timeout: 60_000 });
      await expect.poll(async () => (await shown(page)).lang, { timeout: 30_000 }).toBe('ko');
      await expect.poll(async () => (await shown(page)).slider, { timeout: 30_000 }).toMatch(/^1951년 1월 1일/);
      const ko = await shown(page);
      expect(ko.start).toBe('수업 시작');
      expect(ko.narrative).toContain('서울 교두보');
      expect(ko.mapLabels).toContain('name_ko');
      expect(await page.locator('.lesson').textContent()).toContain('서울 함락');
      // The app's address bar now says the language it opened in (a reload opens the same).
      if (file === 'index.html') expect(new URL(page.url()).searchParams.get('lang')).toBe('ko');
      await page.screenshot({ path: `${ARTIFACTS}/lesson-lang-ko-${file.replace('.html', '')}.png` });
      expect(await layoutFaults(page, [{ name: 'lesson', box: '.lesson', parts: 'h2, p, button' }])).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(w.consoleProblems).toEqual([]);

      // The link's own lang= wins over the lesson's.
      await page.goto(`${base}${file}?lesson=${encodeLesson(lesson)}&lang=en`, { timeout: 120_000 });
      await page.waitForSelector('.map[data-ready="true"], .svg-fallback', { timeout: 120_000 });
      await page.getByRole('button', { name: 'Start the lesson' }).waitFor({ timeout: 60_000 });
      await expect.poll(async () => (await shown(page)).slider, { timeout: 30_000 }).toMatch(/^1 January 1951/);
      const en = await shown(page);
      expect(en.lang).toBe('en');
      expect(en.narrative).toContain('Seoul bridgehead');
      expect(en.mapLabels).toContain('name_en');
      expect(en.narrative).not.toContain('서울 교두보');
      expect(en.start).toBe('Start the lesson');
      await w.context.close();
    }, 300_000);
  }
});

describe('a lesson link whose lesson code is slow to come', () => {
  it('index.html: does not stay blank — it opens in the browser’s language, then switches to the lesson’s once it is read', async () => {
    const w = await openPage(browser, { locale: 'en-US', reducedMotion: 'reduce', bypassCSP: true });
    const { page } = w;
    // The lesson's code (its chunks) held back until the page has shown itself.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/assets\/lesson-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${base}index.html?lesson=${encodeLesson(lesson)}`, { timeout: 120_000 });
    await page.getByRole('heading', { level: 1, name: en['app.title'] }).waitFor({ timeout: 60_000 });
    release();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 60_000 }).toBe('ko');
    await page.getByRole('button', { name: '수업 시작' }).waitFor({ timeout: 60_000 });
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  }, 300_000);
});
