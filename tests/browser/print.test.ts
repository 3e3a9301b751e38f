/**
 * The print handout's layout: every card's picture, heading, summary and sources stay inside
 * their card and clear of one another, on screen and in print, at A4 and Letter, in en and ko
 * (issue 12 #1: the map once covered the text and the text spilled into the next card).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

/** CSS px per mm at 96 dpi. */
const MM = 96 / 25.4;
/** Paper widths, and the printable width inside the handout's 12 mm @page margins. */
const PAPER = {
  A4: { width: 210 * MM, printable: (210 - 24) * MM },
  Letter: { width: 215.9 * MM, printable: (215.9 - 24) * MM },
} as const;

/**
 * Every layout fault on the page: a card part outside its card, two parts of a card overlapping,
 * two cards overlapping, a part whose content is wider than its box, or a part with no size.
 */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    type Box = { left: number; top: number; right: number; bottom: number };
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    // Half a pixel of slack for sub-pixel rounding.
    const inside = (a: Box, b: Box) => a.left >= b.left - 0.5 && a.top >= b.top - 0.5 && a.right <= b.right + 0.5 && a.bottom <= b.bottom + 0.5;
    const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    const cards = [...document.querySelectorAll('.phase')];
    if (cards.length === 0) faults.push('no cards');
    const cardBoxes = cards.map(box);
    cards.forEach((card, i) => {
      const parts: [string, Element | null][] = [
        ['heading', card.querySelector('h2')],
        ['picture', card.querySelector('svg')],
        ['summary', card.querySelector('p.summary')],
        ['sources', card.querySelector('p.keys')],
      ];
      const boxes: [string, Box][] = [];
      for (const [name, el] of parts) {
        if (!el) {
          faults.push(`card ${i}: no ${name}`);
          continue;
        }
        const b = box(el);
        if (b.right - b.left < 10 || b.bottom - b.top < 5) faults.push(`card ${i}: ${name} has no size`);
        if (!inside(b, cardBoxes[i])) faults.push(`card ${i}: ${name} leaves its card`);
        if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1) faults.push(`card ${i}: ${name} text is cut`);
        boxes.push([name, b]);
      }
      // Place names stay whole inside the picture (the SVG clips what leaves it: "Samch…").
      const svg = card.querySelector('svg');
      if (svg) {
        const sb = box(svg);
        for (const label of svg.querySelectorAll('text')) if (!inside(box(label), sb)) faults.push(`card ${i}: place label "${label.textContent}" is cut by the picture's edge`);
      }
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) if (overlap(boxes[a][1], boxes[b][1])) faults.push(`card ${i}: ${boxes[a][0]} overlaps ${boxes[b][0]}`);
      for (let j = i + 1; j < cards.length; j++) if (overlap(cardBoxes[i], cardBoxes[j])) faults.push(`card ${i} overlaps card ${j}`);
    });
    // The ground-held chart (issue 15 #3): its parts inside its box and apart, the box clear of every card.
    const held = document.querySelector('.held-print');
    if (!held) faults.push('no ground-held chart');
    else {
      const hb = box(held);
      const parts = [...held.querySelectorAll('figcaption, .key, .scales, svg.plot, .note')];
      if (parts.length !== 5) faults.push(`ground-held chart: ${parts.length} of 5 parts`);
      const pbs = parts.map(box);
      parts.forEach((el, i) => {
        if (!inside(pbs[i], hb)) faults.push(`ground-held chart: ${el.tagName} leaves its box`);
        if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1) faults.push(`ground-held chart: ${el.className} text is cut`);
        for (let j = i + 1; j < parts.length; j++) if (overlap(pbs[i], pbs[j])) faults.push(`ground-held chart: ${el.tagName} overlaps ${parts[j].tagName}`);
      });
      cardBoxes.forEach((c, i) => overlap(c, hb) && faults.push(`ground-held chart overlaps card ${i}`));
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) faults.push('the page scrolls sideways');
    return faults;
  });
}

describe('print handout layout', () => {
  for (const lang of ['en', 'ko'] as const) {
    for (const paper of ['A4', 'Letter'] as const) {
      it(`${lang}, ${paper}: no card part overlaps another or leaves its card, on screen and in print`, async () => {
        const w = await openPage(browser, { viewport: { width: Math.round(PAPER[paper].width), height: 1100 } });
        await w.page.goto(`${base}print.html?lang=${lang}`);
        await w.page.waitForSelector('.phase svg');
        await w.page.waitForSelector('.held-print svg.plot', { timeout: 60_000 });
        expect(await w.page.locator('.phase').count()).toBe(9);
        // The chart is drawn from the series: one area per zone that held ground, no marker (a handout has no date).
        expect(await w.page.locator('.held-print path[data-zone]').count()).toBe(3);
        expect(await w.page.locator('.held-print .marker').count()).toBe(0);
        await w.page.locator('.held-print').screenshot({ path: `tests/.artifacts/print-held-${lang}-${paper}.png` });
        expect(await layoutFaults(w.page)).toEqual([]);
        // An undated source ends "n.d.", not "n.d..".
        expect(await w.page.locator('.sources dl').innerText()).toContain('n.d.');
        expect(await w.page.locator('.sources dl').innerText()).not.toMatch(/n\.d\.\./);
        // Print media at the paper's printable width: the layout the printer gets.
        await w.page.emulateMedia({ media: 'print' });
        await w.page.setViewportSize({ width: Math.round(PAPER[paper].printable), height: 1000 });
        expect(await layoutFaults(w.page)).toEqual([]);
        // The picture keeps its drawing's shape (it is not stretched into its card).
        const ratio = await w.page.locator('.phase svg').first().evaluate((svg) => {
          const r = svg.getBoundingClientRect();
          const vb = (svg as SVGSVGElement).viewBox.baseVal;
          return r.height / r.width / (vb.height / vb.width);
        });
        expect(ratio).toBeLessThan(1.05);
        // A card is never split across two sheets.
        expect(await w.page.locator('.phase').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
        const pdf = await w.page.pdf({ format: paper });
        expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
        expect(w.consoleProblems).toEqual([]);
        await w.context.close();
      });
    }
  }

  it('a phone-width screen stacks the cards without overlap', async () => {
    const w = await openPage(browser, { viewport: { width: 360, height: 800 } });
    await w.page.goto(`${base}print.html`);
    await w.page.waitForSelector('.phase svg');
    await w.page.waitForSelector('.held-print svg.plot', { timeout: 60_000 });
    expect(await layoutFaults(w.page)).toEqual([]);
    await w.context.close();
  });
});
