/**
 * Layout faults a user would see, measured in the page: a part outside the box that holds it,
 * two parts covering each other, text cut by its box, a part with no size, or a page that
 * scrolls sideways. Returns the faults as short strings (empty when the layout holds).
 */
import type { Page } from 'playwright-core';

/** A box that must hold its parts; the parts must not cover one another. */
export interface LayoutCheck {
  /** What the fault messages call it. */
  name: string;
  /** CSS selector of the holding box (the first match is checked). */
  box: string;
  /** CSS selector of the parts, matched inside the box; only visible parts are checked. */
  parts: string;
  /** Parts may overlap (e.g. a term and its definition inside a grid row): only containment and cut text are checked. */
  allowOverlap?: boolean;
}

export async function layoutFaults(page: Page, checks: readonly LayoutCheck[]): Promise<string[]> {
  return page.evaluate((checks) => {
    const faults: string[] = [];
    type Box = { left: number; top: number; right: number; bottom: number };
    const boxOf = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    // Half a pixel of slack for sub-pixel rounding.
    const inside = (a: Box, b: Box) => a.left >= b.left - 0.5 && a.top >= b.top - 0.5 && a.right <= b.right + 0.5 && a.bottom <= b.bottom + 0.5;
    const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    const label = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const check of checks) {
      const holder = document.querySelector(check.box);
      if (!holder) {
        faults.push(`${check.name}: not found (${check.box})`);
        continue;
      }
      const hb = boxOf(holder);
      const parts = [...holder.querySelectorAll(check.parts)].filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed');
      if (parts.length === 0) faults.push(`${check.name}: no parts (${check.parts})`);
      const boxes = parts.map(boxOf);
      parts.forEach((el, i) => {
        const b = boxes[i];
        if (b.right - b.left < 2 || b.bottom - b.top < 2) faults.push(`${check.name}: ${label(el)} has no size`);
        if (!inside(b, hb)) faults.push(`${check.name}: ${label(el)} leaves its box`);
        if (el instanceof HTMLElement && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && getComputedStyle(el).overflow !== 'visible')
          faults.push(`${check.name}: ${label(el)} text is cut`);
        if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') faults.push(`${check.name}: ${label(el)} is wider than its box`);
      });
      if (!check.allowOverlap)
        for (let a = 0; a < parts.length; a++)
          for (let b = a + 1; b < parts.length; b++)
            if (!parts[a].contains(parts[b]) && !parts[b].contains(parts[a]) && overlap(boxes[a], boxes[b])) faults.push(`${check.name}: ${label(parts[a])} overlaps ${label(parts[b])}`);
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) faults.push('the page scrolls sideways');
    return faults;
  }, checks);
}
