/**
 * Chinese titles and names (三八线上的钟摆, 燕大五, 彭德懷) and CJK brackets (《타임》) are drawn
 * in glyphs, not empty boxes, on a machine without CJK fonts (as these tests run): the page's
 * Han face (src/build/han-font.ts) draws them. Chromium says, through the DevTools protocol,
 * which fonts drew a node's text: a missing glyph is drawn by a system font, ours only by
 * the page's own faces. With the Han face blocked the same check fails (the "before").
 * Screenshots of both go to tests/.artifacts.
 */
import { describe, expect, inject, it, vi } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { ARTIFACTS, useBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
vi.setConfig({ testTimeout: 180_000 });

/** Hangul and the other CJK characters: what no system font here can draw. */
const CJK = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/**
 * The CJK characters of the text directly in `target`, and how many glyphs of that text the
 * page's own font faces drew (Chromium's platform fonts for the node).
 */
async function drawn(page: Page, target: Locator): Promise<{ text: string; cjk: number; ours: number; fonts: string[] }> {
  const text = await target.evaluate((el) => {
    el.setAttribute('data-probe', '');
    return [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-probe]' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await target.evaluate((el) => el.removeAttribute('data-probe'));
  await cdp.detach();
  return {
    text,
    cjk: text.match(CJK)?.length ?? 0,
    ours: fonts.filter((f) => f.isCustomFont).reduce((n, f) => n + f.glyphCount, 0),
    fonts: fonts.map((f) => `${f.familyName}${f.isCustomFont ? ' (page)' : ''}: ${f.glyphCount}`),
  };
}

/** Waits until the page's fonts for `target`'s text have loaded (or failed). */
async function fontsIn(target: Locator): Promise<void> {
  await target.evaluate(async (el) => {
    // A blocked face rejects: the text is then drawn without it, which is what is measured.
    await document.fonts.load(`16px "Noto Sans KR"`, el.textContent ?? '').catch(() => undefined);
    await document.fonts.ready;
  });
}

describe('Han characters', () => {
  for (const blocked of [true, false]) {
    it(`${blocked ? 'without (before)' : 'with'} the Han face: a Chinese source's author and title in the English app`, async () => {
      const w = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      if (blocked) await w.page.route(/noto-sans-cjk-kr-han\.woff2$/, (r) => r.abort());
      await w.page.goto(`${base}?date=1951-01-05&lang=en`);
      await waitForMap(w.page, 120_000);
      const entry = w.page.locator('#source-CBZ + dd');
      await fontsIn(entry);
      await entry.scrollIntoViewIfNeeded();
      await entry.screenshot({ path: `${ARTIFACTS}/han-source-${blocked ? 'before' : 'after'}.png` });
      for (const part of [entry, entry.locator('cite')]) {
        const d = await drawn(w.page, part);
        expect(d.cjk, d.text).toBeGreaterThan(2);
        if (blocked) expect(d.ours, d.fonts.join(', ')).toBeLessThan(d.cjk);
        else expect(d.ours, `${d.text}: ${d.fonts.join(', ')}`).toBeGreaterThanOrEqual(d.cjk);
      }
      await w.context.close();
    });
  }

  it('a PVA commander on his unit card and the brackets of the Korean narrative', async () => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await w.page.goto(`${base}?date=1951-01-16&lang=ko`);
    await waitForMap(w.page, 120_000);
    await w.page.locator('.forces > summary').click();
    // The army group's headquarters is not placed on the map: it is under "Listed, not on the map".
    const unit = w.page.locator('.forces button[data-unit="pva"]');
    if (!(await unit.isVisible())) await w.page.locator('.forces .unplaced > summary').click();
    await unit.click();
    const commander = w.page.locator('.forces .card dd', { hasText: '彭德懷' });
    await fontsIn(commander);
    await w.page.locator('.forces .card').screenshot({ path: `${ARTIFACTS}/han-unit-card-ko.png` });
    const c = await drawn(w.page, commander);
    expect(c.text).toContain('彭德懷');
    expect(c.ours, c.fonts.join(', ')).toBeGreaterThanOrEqual(c.cjk);

    const para = w.page.locator('.narrative p', { hasText: '《' }).first();
    await fontsIn(para);
    await para.screenshot({ path: `${ARTIFACTS}/han-narrative-ko.png` });
    const p = await drawn(w.page, para);
    expect(p.text).toContain('《');
    expect(p.ours, p.fonts.join(', ')).toBeGreaterThanOrEqual(p.cjk);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});
