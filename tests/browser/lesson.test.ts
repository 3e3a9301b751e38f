/**
 * Lessons end to end: a teacher builds one in the builder by clicking and typing, then a
 * student works through its link (full map) and its embed (in a host page at another origin,
 * whose messages are checked); hostile and broken lessons; layout at 1280 and 390 px; axe.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { ARTIFACTS, savedDownload, useBrowser } from './shared-browser.ts';
import { encodeLesson, type Lesson } from '../../src/lib/lesson.ts';

const base = inject('baseUrl');
const HOST = 'http://localhost:9111';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
useBrowser((b) => (browser = b));

beforeAll(async () => {
  // The host page is served by interception; see embed.test.ts for why this flag is needed.
});

/** The link and snippet the builder gave, shared between tests in order. */
const built: { link?: string; snippet?: string } = {};

async function axe(page: Page | Frame): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return a.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * What breaks a layout: the page scrolls sideways, an element sticks out of the viewport or
 * out of its own box (text cut), or two pieces of text, controls or labels overlap.
 */
async function layoutProblems(page: Page, root: string): Promise<string[]> {
  return page.evaluate((rootSel) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const rootEl = document.querySelector(rootSel);
    if (!rootEl) return [`no ${rootSel}`];
    const sel = 'h1, h2, h3, p, li, label, legend, button, input, textarea, select, a, .count, iframe';
    const els = [...rootEl.querySelectorAll<HTMLElement>(sel)].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[hidden]');
    });
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} “${(e.textContent ?? '').trim().slice(0, 30)}”`;
    for (const e of els) {
      const r = e.getBoundingClientRect();
      if (r.right > doc.clientWidth + 0.5 || r.left < -0.5) out.push(`${name(e)} sticks out of the viewport (${Math.round(r.left)}–${Math.round(r.right)})`);
      if (['P', 'LI', 'H1', 'H2', 'H3', 'LABEL', 'LEGEND', 'BUTTON'].includes(e.tagName) && (e.scrollWidth > e.clientWidth + 1)) out.push(`${name(e)} text is cut (${e.scrollWidth} > ${e.clientWidth})`);
    }
    for (let i = 0; i < els.length; i++) {
      for (let j = i + 1; j < els.length; j++) {
        const [a, b] = [els[i], els[j]];
        if (a.contains(b) || b.contains(a)) continue;
        // A label wrapping its input, or a legend and its fieldset's contents, are one thing.
        if (a.tagName === 'LABEL' && (a as HTMLLabelElement).control === b) continue;
        if (b.tagName === 'LABEL' && (b as HTMLLabelElement).control === a) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 1) out.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return out;
  }, root);
}

/** The lesson a hostile teacher (or anyone editing a link) might send. */
function hostile(): Lesson {
  return {
    version: 1, title: '<script>alert(1)</script>', start: '1951-01-01', end: '1951-01-10', lang: 'en', autoplay: false, speed: 'fast', narrative: 'none', controls: true,
    stops: [{
      date: '1951-01-04',
      caption: 'Read <img src=x onerror="document.title=\'pwned\'"> at https://evil.example/now and <a href="javascript:alert(1)">here</a>',
      question: { kind: 'choice', prompt: '<b>bold?</b>', options: ['<i>x</i>', 'javascript:alert(1)'], correct: 0, explanation: '<iframe src="https://evil.example"></iframe>' },
    }],
  };
}

describe('the lesson builder', () => {
  it('a teacher builds a three-stop lesson with questions by clicking and typing, and gets a link and an iframe', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.goto(`${base}lesson-builder.html?lang=en`, { timeout: 120_000 });
    await expect.poll(() => page.getByText(/Limits: up to 12 stops/).isVisible()).toBe(true);
    await page.getByLabel('Title').fill('Seoul falls, the UN comes back');
    await page.getByLabel('First day').fill('1951-01-01');
    await page.getByLabel('Last day').fill('1951-01-27');
    // Stop 1: a caption only.
    await page.locator('#stop0-date').fill('1951-01-03');
    await page.locator('#stop0-caption').fill('The UN prepares to leave Seoul. Watch the bridgehead.');
    // Stop 2: multiple choice, the second choice is right.
    await page.getByRole('button', { name: 'Add a stop' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('stop1-date');
    await page.locator('#stop1-date').fill('1951-01-04');
    await page.locator('#stop1-caption').fill('Seoul falls for the third time in the war.');
    await page.getByRole('group', { name: 'Stop 2' }).getByLabel('Multiple choice').check();
    await page.locator('#stop1-prompt').fill('Which city did the UN abandon on 4 January?');
    await page.locator('#stop1-opt0').fill('Pusan');
    await page.locator('#stop1-opt1').fill('Seoul');
    await page.getByRole('button', { name: 'Add a choice' }).click();
    await page.locator('#stop1-opt2').fill('Wonju');
    await page.getByLabel('Choice 2 is the correct answer').check();
    await page.locator('#stop1-explanation').fill('Ridgway ordered Seoul abandoned; the last troops crossed the Han on 4 January.');
    // Stop 3: free text.
    await page.getByRole('button', { name: 'Add a stop' }).click();
    await page.locator('#stop2-date').fill('1951-01-25');
    await page.locator('#stop2-caption').fill('Operation Thunderbolt begins.');
    await page.getByRole('group', { name: 'Stop 3' }).getByLabel('Free text').check();
    await page.locator('#stop2-prompt').fill('Which line had the UN fallen back to?');
    await page.locator('#stop2-accepted').fill('Line D\nD');
    await page.getByLabel('Fast').check();
    expect(await page.locator('#stop2-caption-count').textContent()).toBe('29 of 400 characters');

    await expect.poll(() => page.locator('.length').textContent()).toMatch(/^Lesson part of the link: \d+ of 6000 characters\.$/);
    built.link = await page.locator('#lesson-link').inputValue();
    built.snippet = await page.locator('#lesson-embed').inputValue();
    expect(built.link).toMatch(new RegExp(`^${base}index\\.html\\?lesson=1\\.[A-Za-z0-9_-]+&lang=en$`));
    // The same attributes as the Share dialog's snippet.
    expect(built.snippet).toMatch(/^<iframe src="[^"]+embed\.html\?lesson=1\.[A-Za-z0-9_-]+&amp;lang=en" title="Seoul falls, the UN comes back – Korea, January 1951 – campaign map" width="100%" height="640" loading="lazy" allow="fullscreen" style="border:0"><\/iframe>$/);
    // The live preview is the embed of this very lesson.
    await expect.poll(() => page.locator('iframe.preview').getAttribute('src'), { timeout: 15_000 }).toContain(built.link.split('lesson=')[1]);
    const preview = page.frameLocator('iframe.preview');
    await expect.poll(() => preview.getByRole('heading', { name: 'Seoul falls, the UN comes back' }).isVisible(), { timeout: 120_000 }).toBe(true);

    // Saved as a file and opened again, the lesson is the same.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as file' }).click()]);
    expect(download.suggestedFilename()).toBe('Seoul-falls-the-UN-comes-back.lesson.json');
    const path = await savedDownload(download);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Lesson;
    expect(saved.stops.map((s) => s.question?.kind ?? 'none')).toEqual(['none', 'choice', 'text']);
    await page.locator('#stop0-caption').fill('changed');
    await page.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => page.getByText('Opened the lesson “Seoul falls, the UN comes back”.').isVisible()).toBe(true);
    expect(await page.locator('#stop0-caption').inputValue()).toBe('The UN prepares to leave Seoul. Watch the bridgehead.');
    await page.locator('input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1}') });
    await expect.poll(() => page.getByText(/That file could not be opened as a lesson\. It does not pass the lesson checks\./).isVisible()).toBe(true);

    for (const [width, height] of [[1280, 860], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      expect(await layoutProblems(page, 'main.builder')).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/lesson-builder-en-${width}.png`, fullPage: width < 800 });
    }
    expect(await axe(page)).toEqual([]);
    expect(w.consoleProblems).toEqual([]);
    expect(w.requests.every((u) => u.startsWith(base) || u.startsWith('data:') || u.startsWith('blob:'))).toBe(true);
    await w.context.close();
  }, 300_000);

  it('lists what is missing, and says clearly when a lesson is too long for a link (in Korean too)', async () => {
    const w = await openPage(browser, { viewport: { width: 390, height: 844 } });
    const { page } = w;
    await page.goto(`${base}lesson-builder.html?lang=ko`, { timeout: 120_000 });
    await expect.poll(() => page.locator('.problems li').allTextContents()).toEqual(['수업 제목을 쓰세요.', '정지 지점 1: 설명 글을 쓰세요.']);
    expect(await page.locator('#lesson-link').count()).toBe(0);
    await page.locator('#title').fill('아주 긴 수업');
    // Twelve stops of varied Hangul at the caption limit: valid, but too long for a link.
    let seed = 7;
    const hangul = () => Array.from({ length: 400 }, () => String.fromCharCode(0xac00 + ((seed = (seed * 48271) % 2147483647) % 11172))).join('');
    for (let i = 0; i < 12; i++) {
      if (i > 0) await page.getByRole('button', { name: '정지 지점 추가' }).click();
      await page.locator(`#stop${i}-date`).fill(`1951-01-${String(i + 2).padStart(2, '0')}`);
      await page.locator(`#stop${i}-caption`).fill(hangul());
    }
    expect(await page.getByText('수업이 가질 수 있는 최대 정지 지점 수(12곳)에 이르렀습니다.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.too-long').textContent()).toMatch(/^이 수업은 링크에 담기에 너무 깁니다: 6000자 중 \d+자\./);
    expect(await page.locator('#lesson-link').count()).toBe(0);
    await page.locator('main.builder').screenshot({ path: `${ARTIFACTS}/lesson-builder-ko-390-too-long.png` });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.screenshot({ path: `${ARTIFACTS}/lesson-builder-ko-1280.png` });
    expect(await layoutProblems(page, 'main.builder')).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await w.context.close();
  }, 300_000);
});

describe('a student works through the lesson', () => {
  it('in the full map: stops, answers with explanations, progress and a summary (reduced motion: jumps)', async () => {
    expect(built.link).toBeDefined();
    const w = await openPage(browser, { reducedMotion: 'reduce' });
    const { page } = w;
    await page.goto(built.link!, { timeout: 120_000 });
    await waitForMap(page, 120_000);
    const panel = page.locator('.lesson');
    await expect.poll(() => panel.textContent()).toContain('Stops in this lesson: 3.');
    expect(await panel.getByText('From your teacher').isVisible()).toBe(true);
    expect(await page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^1 January 1951/);
    await page.getByRole('button', { name: 'Start the lesson' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Stop 1 of 3 3 January 1951');
    expect(await page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^3 January 1951/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.stop-head').textContent()).toBe('Stop 2 of 3 4 January 1951');
    // A wrong answer: told so, with the right one and the explanation.
    await panel.getByLabel('Pusan', { exact: true }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => panel.locator('.verdict').textContent()).toContain('Not quite. The answer: Seoul');
    expect(await panel.locator('.explanation').textContent()).toContain('Ridgway ordered Seoul abandoned');
    for (const [width, height] of [[1280, 860], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      expect(await layoutProblems(page, '.lesson')).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/lesson-stop-app-en-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await panel.getByLabel('Your answer').fill('  line d. ');
    await panel.getByLabel('Your answer').press('Enter');
    await expect.poll(() => panel.locator('.verdict').textContent()).toContain('Correct.');
    await page.getByRole('button', { name: 'Continue to the end' }).click();
    await expect.poll(() => page.locator('.stop-head').textContent()).toBe('Lesson complete');
    expect(await panel.textContent()).toContain('You answered 1 of 2 questions correctly.');
    expect(await panel.locator('.results li').allTextContents()).toEqual(['3 January 1951: no question', '4 January 1951: not correct', '25 January 1951: correct']);
    expect(await page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^27 January 1951/);
    await page.getByRole('button', { name: 'Start again' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Start the lesson' }).isVisible()).toBe(true);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  }, 300_000);

  it('in an embed on a host page: playback halts at each stop, and the host gets stop and answer messages without the student’s text', async () => {
    expect(built.snippet).toBeDefined();
    const w = await openPage(browser, { viewport: { width: 1100, height: 900 } });
    const { page } = w;
    // The host page pastes the builder's snippet, adding parentOrigin so the embed talks to it.
    const snippet = built.snippet!.replace('&amp;lang=en', `&amp;lang=en&amp;parentOrigin=${encodeURIComponent(HOST)}`);
    await page.route(`${HOST}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><link rel="icon" href="data:,"><title>Lesson</title></head><body><script>window.got = []; addEventListener('message', (e) => { if (e.data && /^campaign-map:(stop|answer|lessonend)$/.test(e.data.type)) got.push(e.data); });</script>${snippet}</body></html>` }),
    );
    await page.goto(`${HOST}/lesson.html`, { timeout: 120_000 });
    await expect.poll(() => page.frames().some((x) => x.url().startsWith(`${base}embed.html`)), { timeout: 60_000 }).toBe(true);
    const f = page.frames().find((x) => x.url().startsWith(`${base}embed.html`))!;
    await f.waitForSelector('.map[data-ready="true"], .svg-fallback', { timeout: 120_000 });
    const got = () => page.evaluate(() => (window as unknown as { got: unknown[] }).got);
    await f.getByRole('button', { name: 'Start the lesson' }).click();
    // Real playback (no reduced motion) at Fast halts exactly on the stop's date.
    await expect.poll(() => f.locator('.stop-head').textContent(), { timeout: 20_000 }).toBe('Stop 1 of 3 3 January 1951');
    expect(await f.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^3 January 1951/);
    await f.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(() => f.locator('.stop-head').textContent(), { timeout: 20_000 }).toBe('Stop 2 of 3 4 January 1951');
    await f.locator('.lesson').getByLabel('Seoul', { exact: true }).check();
    await f.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => f.locator('.verdict').textContent()).toContain('Correct.');
    await f.locator('.lesson').screenshot({ path: `${ARTIFACTS}/lesson-stop-embed-en.png` });
    await page.screenshot({ path: `${ARTIFACTS}/lesson-embed-host-en-1100.png` });
    expect(await axe(f)).toEqual([]);
    await f.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(() => f.locator('.stop-head').textContent(), { timeout: 120_000 }).toBe('Stop 3 of 3 25 January 1951');
    await f.locator('.lesson').getByLabel('Your answer').fill('Line B, private words');
    await f.getByRole('button', { name: 'Check answer' }).click();
    await f.getByRole('button', { name: 'Continue to the end' }).click();
    await expect.poll(() => f.locator('.stop-head').textContent(), { timeout: 20_000 }).toBe('Lesson complete');
    await expect.poll(got).toEqual([
      { type: 'campaign-map:stop', stop: 0, stops: 3, date: '1951-01-03' },
      { type: 'campaign-map:stop', stop: 1, stops: 3, date: '1951-01-04' },
      { type: 'campaign-map:answer', stop: 1, correct: true },
      { type: 'campaign-map:stop', stop: 2, stops: 3, date: '1951-01-25' },
      { type: 'campaign-map:answer', stop: 2, correct: false },
      { type: 'campaign-map:lessonend', questions: 2, correct: 1 },
    ]);
    expect(JSON.stringify(await got())).not.toContain('private');
    await w.context.close();
  }, 300_000);

  it('in Korean on a phone', async () => {
    const lesson: Lesson = {
      version: 1, title: '서울 함락', start: '1951-01-01', end: '1951-01-10', lang: 'ko', autoplay: false, speed: 'normal', narrative: 'closed', controls: true,
      stops: [{ date: '1951-01-04', caption: '서울이 세 번째로 함락됩니다. 한강 다리를 보세요.', question: { kind: 'choice', prompt: '1월 4일에 유엔군이 떠난 도시는?', options: ['부산', '서울', '원주'], correct: 1, explanation: '리지웨이가 서울 철수를 명령했습니다.' } }],
    };
    const w = await openPage(browser, { viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    const { page } = w;
    await page.goto(`${base}index.html?lesson=${encodeLesson(lesson)}&lang=ko`, { timeout: 120_000 });
    await waitForMap(page, 120_000);
    await page.getByRole('button', { name: '수업 시작' }).click();
    await expect.poll(() => page.locator('.stop-head').textContent()).toBe('정지 지점 1곳 중 1번째 1951년 1월 4일');
    await page.locator('.lesson').getByLabel('서울', { exact: true }).check();
    await page.getByRole('button', { name: '답 확인' }).click();
    await expect.poll(() => page.locator('.verdict').textContent()).toContain('정답입니다.');
    expect(await layoutProblems(page, '.lesson')).toEqual([]);
    await page.locator('.lesson').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/lesson-stop-app-ko-390.png` });
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(await layoutProblems(page, '.lesson')).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/lesson-stop-app-ko-1280.png` });
    expect(await axe(page)).toEqual([]);
    await w.context.close();
  }, 300_000);
});

describe('hostile and broken lessons', () => {
  it('renders every text as text: no markup, no live links, nothing run', async () => {
    const w = await openPage(browser, { reducedMotion: 'reduce' });
    const { page } = w;
    await page.goto(`${base}index.html?lesson=${encodeLesson(hostile())}`, { timeout: 120_000 });
    await waitForMap(page, 120_000);
    await page.getByRole('button', { name: 'Start the lesson' }).click();
    await expect.poll(() => page.locator('.lesson .caption').textContent()).toContain('<img src=x onerror=');
    await page.locator('.lesson').getByLabel('<i>x</i>', { exact: true }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => page.locator('.lesson .explanation').textContent()).toBe('<iframe src="https://evil.example"></iframe>');
    const lesson = page.locator('.lesson');
    expect(await lesson.locator('img, a, iframe, script, b, i').count()).toBe(0);
    expect(await lesson.getByRole('heading', { level: 2 }).textContent()).toBe('<script>alert(1)</script>');
    expect(await page.title()).not.toBe('pwned');
    expect(w.requests.every((u) => u.startsWith(base) || u.startsWith('data:'))).toBe(true);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  }, 300_000);

  it('a damaged or tampered link opens the plain map with a notice', async () => {
    const good = encodeLesson(hostile());
    const tampered = `1.${Buffer.from(JSON.stringify({ ...hostile(), stops: [] })).toString('base64url')}`;
    for (const [param, notice] of [[good.slice(0, -6), /damaged/], [tampered, /damaged/], [`2.${good.slice(2)}`, /newer version/]] as const) {
      const w = await openPage(browser);
      await w.page.goto(`${base}embed.html?lesson=${param}&date=1951-01-04`, { timeout: 120_000 });
      await w.page.waitForSelector('.map[data-ready="true"], .svg-fallback', { timeout: 120_000 });
      await expect.poll(() => w.page.locator('.notices').textContent()).toMatch(notice);
      expect(await w.page.locator('.lesson').count()).toBe(0);
      expect(await w.page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^4 January 1951/);
      await w.context.close();
    }
  }, 300_000);
});
