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

/**
 * Where an SVG picture draws past its frame (its viewBox, as it sits in the element's box):
 * every drawn shape's box, cut by the clip paths (rectangles or shapes, by their bounding boxes)
 * of its ancestors and by the element's own box, must lie inside the frame. Returns the faults as
 * short strings (empty when nothing shows past the frame).
 */
export async function svgPastFrame(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const svg = document.querySelector<SVGSVGElement>(selector);
    if (!svg) return [`${selector}: not found`];
    type Box = { left: number; top: number; right: number; bottom: number };
    const ctm = svg.getScreenCTM()!;
    const toScreen = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(ctm);
    const userBox = (x: number, y: number, w: number, h: number): Box => {
      const a = toScreen(x, y);
      const b = toScreen(x + w, y + h);
      return { left: a.x, top: a.y, right: b.x, bottom: b.y };
    };
    const cut = (a: Box, b: Box): Box => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
    const vb = svg.viewBox.baseVal;
    const frame = userBox(vb.x, vb.y, vb.width, vb.height);
    const r = svg.getBoundingClientRect();
    const own: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    const faults: string[] = [];
    for (const el of svg.querySelectorAll<SVGGraphicsElement>('path, rect, circle, line, text, image, use, polygon, polyline')) {
      if (el.closest('defs, clipPath, pattern, mask')) continue;
      const e = el.getBoundingClientRect();
      if (e.width === 0 && e.height === 0) continue;
      let b = cut({ left: e.left, top: e.top, right: e.right, bottom: e.bottom }, own);
      for (let a: Element | null = el; a && a !== svg; a = a.parentElement) {
        const id = /url\(["']?#([^"')]+)/.exec(a.getAttribute('clip-path') ?? '')?.[1];
        const clip = id ? svg.querySelector(`[id="${id}"]`) : null;
        for (const c of clip ? [...clip.children] : []) {
          const bb = (c as SVGGraphicsElement).getBBox();
          b = cut(b, userBox(bb.x, bb.y, bb.width, bb.height));
        }
      }
      if (b.right - b.left <= 0.5 || b.bottom - b.top <= 0.5) continue;
      const past = { left: frame.left - b.left, top: frame.top - b.top, right: b.right - frame.right, bottom: b.bottom - frame.bottom };
      for (const [side, by] of Object.entries(past)) if (by > 0.5) faults.push(`${el.tagName} draws ${Math.round(by)} px past the frame's ${side}`);
    }
    return [...new Set(faults)];
  }, selector);
}

/**
 * How a picture sits in the page: its frame (the nearest element, from the picture up, that draws
 * a border: what a reader takes for the picture's edge), the area its drawing covers on screen
 * (an SVG's viewBox as placed in its element, a `meet` fit leaving the rest of the element
 * blank), and whether `other` (a notice, a caption) lies inside that frame, where it reads as
 * laid over the picture. Boxes are CSS px: [left, top, right, bottom].
 */
export interface PictureFit {
  frame: [number, number, number, number];
  drawn: [number, number, number, number];
  /** `other` inside the picture's frame (overlapping it). */
  otherInFrame: boolean;
}

export async function pictureFit(page: Page, svgSelector: string, other: string): Promise<PictureFit | string> {
  return page.evaluate(
    ([svgSelector, other]) => {
      const svg = document.querySelector<SVGSVGElement>(svgSelector);
      if (!svg) return `${svgSelector}: not found`;
      // A border seen all round: drawn on every side, not transparent.
      const bordered = (el: Element) => {
        const style = getComputedStyle(el);
        return ['top', 'right', 'bottom', 'left'].every((side) => parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 && style.getPropertyValue(`border-${side}-color`) !== 'rgba(0, 0, 0, 0)');
      };
      let framed: Element | null = svg;
      while (framed && !bordered(framed)) framed = framed.parentElement;
      if (!framed) return `${svgSelector}: no frame`;
      const f = framed.getBoundingClientRect();
      const ctm = svg.getScreenCTM()!;
      const vb = svg.viewBox.baseVal;
      const a = new DOMPoint(vb.x, vb.y).matrixTransform(ctm);
      const b = new DOMPoint(vb.x + vb.width, vb.y + vb.height).matrixTransform(ctm);
      const o = document.querySelector(other)?.getBoundingClientRect();
      const otherInFrame = !!o && Math.min(o.right, f.right) - Math.max(o.left, f.left) > 0.5 && Math.min(o.bottom, f.bottom) - Math.max(o.top, f.top) > 0.5;
      return { frame: [f.left, f.top, f.right, f.bottom], drawn: [a.x, a.y, b.x, b.y], otherInFrame };
    },
    [svgSelector, other] as const,
  );
}
