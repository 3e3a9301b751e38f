/**
 * Draws an exported frame on a 2D canvas: the map's picture, then the title and the moment in
 * words (top left), a scale bar (bottom left) and, for a picture, the legend and the source
 * line; and the closing card with the sources and licence. Sizes follow the frame's shorter
 * side, so every export size reads alike.
 */
import type { Lang } from '../lib/types.ts';
import { scaleBar } from '../lib/export-plan.ts';
import { addEnglish, t } from '../lib/i18n.ts';
import { enLegend } from '../locales/en-legend.ts';
import { COLORS, DASHES, TERRITORY } from '../map/colors.ts';
import { CHANGE_PATTERN_RATIO, CHANGE_STYLE, FRONT_A, changePattern, type ChangeTo } from '../map/compare-colors.ts';
import { LABEL_FONT } from '../map/fonts.ts';

// The picture's legend reads the legend's messages.
addEnglish(enLegend);

/** The page's families (app.css): Latin from the system, Hangul from the bundled Noto Sans KR, before the generic family. */
const FAMILY = `system-ui, -apple-system, "Segoe UI", "${LABEL_FONT}", sans-serif`;
const INK = '#1f2328';
const PANEL = 'rgba(255, 255, 255, 0.9)';

/** A font at `px` pixels. */
export const font = (px: number, bold = false) => `${bold ? '700 ' : ''}${Math.round(px)}px ${FAMILY}`;

/** Loads the faces every string needs before it is drawn (a canvas does not wait for fonts). */
export async function loadFonts(texts: readonly string[]): Promise<void> {
  if (!('fonts' in document)) return;
  const all = texts.join(' ');
  await Promise.all([document.fonts.load(font(20), all), document.fonts.load(font(20, true), all)]).catch(() => undefined);
}

/** One unit of size: 1 at 720 pixels on the shorter side. */
const unitOf = (ctx: CanvasRenderingContext2D) => Math.min(ctx.canvas.width, ctx.canvas.height) / 720;

/** `text` cut with an ellipsis to fit `maxWidth` at the context's font. */
function fit(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > maxWidth) s = s.slice(0, -1);
  return `${s}…`;
}

/** A box: x, y (top left), width, height, in canvas pixels. */
export type Box = [number, number, number, number];

/** A text as drawn: the whole text, what was drawn of it (cut with "…" when too long) and its ink's box. */
export interface DrawnText {
  text: string;
  shown: string;
  box: Box;
}

/** A panel of the picture (caption, scale, legend, source line) and the texts in it. */
export interface DrawnPanel {
  name: string;
  box: Box;
  texts: DrawnText[];
}

/** Draws `text` at (x, baseline y) within `maxWidth` at the context's font, and says what was drawn where. */
function drawText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number): DrawnText {
  const shown = fit(ctx, text, maxWidth);
  ctx.fillText(shown, x, y);
  const m = ctx.measureText(shown);
  return { text, shown, box: [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent, m.actualBoundingBoxLeft + m.actualBoundingBoxRight, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent] };
}

/** The largest font size from `px` down to `min` (steps of 2 %) at which `text` fits `maxWidth`. */
function fitSize(ctx: CanvasRenderingContext2D, text: string, px: number, min: number, maxWidth: number, bold: boolean): number {
  let size = px;
  ctx.font = font(size, bold);
  while (size > min && ctx.measureText(text).width > maxWidth) {
    size = Math.max(min, size * 0.98);
    ctx.font = font(size, bold);
  }
  return size;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number, fill: string) {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
}

/** The words at the top left: the title, the moment (or compare's two dates) and, if it fits whole, a line of figures. */
export interface Caption {
  title: string;
  date: string;
  figures?: string;
}

/** The title, the moment in words and (optionally) a line of figures, in a panel at the top left. */
export function drawCaption(ctx: CanvasRenderingContext2D, caption: Caption): DrawnPanel {
  const u = unitOf(ctx);
  const pad = 14 * u;
  const maxW = ctx.canvas.width - 2 * pad - 24 * u;
  ctx.font = font(22 * u, true);
  const titleW = Math.min(maxW, ctx.measureText(caption.title).width);
  // A long date (compare's two) is set smaller rather than cut.
  const dateSize = fitSize(ctx, caption.date, 36 * u, 24 * u, maxW, true);
  const dateW = Math.min(maxW, ctx.measureText(caption.date).width);
  ctx.font = font(17 * u);
  // The figures are a bonus: on one line or two, or left out (never cut).
  const wrapped = caption.figures ? wrap(ctx, caption.figures, maxW) : [];
  const figures = wrapped.length <= 2 && wrapped.every((l) => ctx.measureText(l).width <= maxW) ? wrapped : [];
  const figuresW = Math.max(0, ...figures.map((l) => ctx.measureText(l).width));
  const box: Box = [12 * u, 12 * u, Math.max(titleW, dateW, figuresW) + 2 * pad, (88 + 24 * figures.length + (figures.length ? 4 : 0)) * u];
  roundRect(ctx, ...box, 8 * u, PANEL);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'alphabetic';
  ctx.font = font(22 * u, true);
  const texts = [drawText(ctx, caption.title, 12 * u + pad, 44 * u, maxW)];
  ctx.font = font(dateSize, true);
  texts.push(drawText(ctx, caption.date, 12 * u + pad, 86 * u, maxW));
  ctx.font = font(17 * u);
  figures.forEach((line, i) => texts.push(drawText(ctx, line, 12 * u + pad, (114 + 24 * i) * u, maxW)));
  return { name: 'caption', box, texts };
}

/** Compare's swipe divider: a dark line with a white edge down the frame at `split` (0–1 of the width), to `bottom` pixels above its foot. */
export function drawDivider(ctx: CanvasRenderingContext2D, split: number, bottom = 0): void {
  const u = unitOf(ctx);
  const x = Math.round(split * ctx.canvas.width);
  // Whole pixels, at least 2 wide with a 2-pixel edge each side, so it reads at every size.
  const line = Math.max(2, Math.round(3 * u));
  const edge = Math.max(2, Math.round(2 * u));
  const x0 = x - Math.floor(line / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x0 - edge, 0, line + 2 * edge, ctx.canvas.height - bottom);
  ctx.fillStyle = INK;
  ctx.fillRect(x0, 0, line, ctx.canvas.height - bottom);
}

/** A metric scale bar at the bottom left (`metresPerPixel` of the frame). */
export function drawScale(ctx: CanvasRenderingContext2D, lang: Lang, metresPerPixel: number, bottom = 0): DrawnPanel {
  const u = unitOf(ctx);
  const bar = scaleBar(metresPerPixel, 160 * u);
  const x = 22 * u;
  const y = ctx.canvas.height - bottom - 22 * u;
  ctx.font = font(18 * u, true);
  const label = t(lang, 'unit.km', { value: bar.km });
  const w = Math.max(bar.px, ctx.measureText(label).width) + 20 * u;
  const box: Box = [x - 10 * u, y - 36 * u, w, 46 * u];
  roundRect(ctx, ...box, 6 * u, PANEL);
  ctx.fillStyle = INK;
  const texts = [drawText(ctx, label, x, y - 14 * u, w)];
  ctx.fillRect(x, y - 6 * u, bar.px, 4 * u);
  ctx.fillRect(x, y - 12 * u, 2 * u, 10 * u);
  ctx.fillRect(x + bar.px - 2 * u, y - 12 * u, 2 * u, 10 * u);
  return { name: 'scale', box, texts };
}

/** Compare's overlay in the legend: the ground that changed hands, and date A's front (its date in words). */
export interface OverlayLegend {
  frontA: string;
}

/**
 * The picture's legend in a panel at the bottom right, above `bottom` pixels; with `overlay`,
 * compare's rows too (the ground each side gained, the ground that became no-man's land, A's front).
 */
export function drawLegend(ctx: CanvasRenderingContext2D, lang: Lang, bottom: number, overlay?: OverlayLegend): DrawnPanel {
  const u = unitOf(ctx);
  const rowH = 26 * u;
  const sw = 34 * u;
  type Row = [string, (x: number, y: number) => void];
  const rows: Row[] = [
    [t(lang, 'export.legend.un'), (x, y) => swatch(ctx, x, y, sw, 16 * u, COLORS.land)],
    [t(lang, 'export.legend.pva'), (x, y) => {
      swatch(ctx, x, y, sw, 16 * u, COLORS.land);
      ctx.globalAlpha = TERRITORY.tintOpacity;
      swatch(ctx, x, y, sw, 16 * u, COLORS.north);
      ctx.globalAlpha = 1;
    }],
    [t(lang, 'export.legend.noMansLand'), (x, y) => swatch(ctx, x, y, sw, 16 * u, COLORS.noMansLand)],
    [t(lang, 'export.legend.infiltrated'), (x, y) => dots(ctx, x, y, sw, 16 * u, COLORS.infiltrated)],
    ...([1, 2, 3] as const).map((g): Row => [
      t(lang, 'export.legend.front', { certainty: t(lang, `legend.certainty.${g}`) }),
      (x, y) => line(ctx, x, y + 8 * u, sw, 4 * u, DASHES[g]?.map((d) => d * 4 * u) ?? []),
    ]),
    ...(overlay
      ? [
          ...([['PVA/KPA', 'export.legend.gainedPva'], ['UN', 'export.legend.gainedUn'], ['noMansLand', 'export.legend.becameNml']] as const).map(
            ([to, key]): Row => [t(lang, key), (x, y) => changeSwatch(ctx, x, y, sw, 16 * u, to)],
          ),
          [t(lang, 'export.legend.frontA', { date: overlay.frontA }), (x: number, y: number) => frontA(ctx, x, y + 8 * u, sw, u)] as Row,
        ]
      : []),
  ];
  ctx.font = font(16 * u);
  const textW = Math.min(Math.max(...rows.map(([s]) => ctx.measureText(s).width)), ctx.canvas.width * 0.45);
  const w = textW + sw + 36 * u;
  const h = rows.length * rowH + 16 * u;
  const x0 = ctx.canvas.width - w - 12 * u;
  const y0 = ctx.canvas.height - bottom - h - 12 * u;
  roundRect(ctx, x0, y0, w, h, 8 * u, PANEL);
  const texts = rows.map(([label, draw], i) => {
    const y = y0 + 8 * u + i * rowH;
    draw(x0 + 12 * u, y + 5 * u);
    ctx.fillStyle = INK;
    ctx.font = font(16 * u);
    return drawText(ctx, label, x0 + sw + 24 * u, y + 19 * u, textW);
  });
  return { name: 'legend', box: [x0, y0, w, h], texts };
}

function swatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, fill: string | CanvasPattern) {
  ctx.fillStyle = fill;
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = COLORS.coast;
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, w, h);
}

/** The overlay's pattern for ground that passed `to`, at the map's scale. */
function changeSwatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, to: ChangeTo) {
  const p = changePattern(to);
  const tile = document.createElement('canvas');
  [tile.width, tile.height] = [p.width, p.height];
  tile.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(p.data), p.width, p.height), 0, 0);
  const pattern = ctx.createPattern(tile, 'repeat');
  if (!pattern) return swatch(ctx, x, y, w, h, CHANGE_STYLE[to].ground);
  // As on the map: CHANGE_PATTERN_RATIO texels a CSS pixel, and the export map's CSS pixel is a canvas pixel.
  pattern.setTransform(new DOMMatrix().translate(x, y).scale(1 / CHANGE_PATTERN_RATIO));
  swatch(ctx, x, y, w, h, pattern);
}

/** Date A's front as the overlay draws it: blue dashes on a white casing. */
function frontA(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, u: number) {
  ctx.strokeStyle = FRONT_A.casing;
  ctx.lineWidth = 6 * u;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w, y);
  ctx.stroke();
  line(ctx, x, y, w, FRONT_A.width * 1.4 * u, FRONT_A.dash.map((d) => d * FRONT_A.width * 1.4 * u), FRONT_A.color);
}

function dots(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, color: string) {
  swatch(ctx, x, y, w, h, COLORS.land);
  ctx.fillStyle = color;
  for (let dx = 2; dx < w - 1; dx += 5) for (let dy = 2; dy < h - 1; dy += 5) ctx.fillRect(x + dx, y + dy, 2, 2);
}

function line(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, width: number, dash: number[], color: string = COLORS.front) {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w, y);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** The source note's most lines: past them, the last sources are counted rather than named. */
const NOTE_LINES = 4;

/**
 * The source note along the bottom edge, on as many lines as it needs up to NOTE_LINES:
 * `noteOf(n)` is the note naming the first `n` of `count` sources (and counting the rest); the
 * most that fit are named. Its box's height is what the other panels stay above.
 */
export function drawSourceNote(ctx: CanvasRenderingContext2D, count: number, noteOf: (shown: number) => string): DrawnPanel {
  const u = unitOf(ctx);
  const maxW = ctx.canvas.width - 24 * u;
  const lineH = 19 * u;
  ctx.font = font(14 * u);
  let lines = wrap(ctx, noteOf(count), maxW);
  for (let n = count - 1; n >= 0 && lines.length > NOTE_LINES; n--) lines = wrap(ctx, noteOf(n), maxW);
  const h = lines.length * lineH + 11 * u;
  const box: Box = [0, ctx.canvas.height - h, ctx.canvas.width, h];
  ctx.fillStyle = PANEL;
  ctx.fillRect(...box);
  ctx.fillStyle = INK;
  const y0 = ctx.canvas.height - h + 15 * u;
  return { name: 'source', box, texts: lines.map((line, i) => drawText(ctx, line, 12 * u, y0 + i * lineH, maxW)) };
}

/** The closing card: title, the sources (as many lines as fit, then "…") and the licence. */
export function drawClosing(ctx: CanvasRenderingContext2D, title: string, card: { heading: string; lines: string[]; licence: string }): void {
  const u = unitOf(ctx);
  const { width, height } = ctx.canvas;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = INK;
  const x = 40 * u;
  const maxW = width - 80 * u;
  ctx.font = font(34 * u, true);
  ctx.fillText(fit(ctx, title, maxW), x, 70 * u);
  ctx.font = font(24 * u, true);
  ctx.fillText(fit(ctx, card.heading, maxW), x, 120 * u);
  const lineH = 26 * u;
  ctx.font = font(17 * u);
  const licenceLines = wrap(ctx, card.licence, maxW);
  const room = Math.floor((height - 160 * u - (licenceLines.length + 1) * lineH) / lineH);
  const shown = card.lines.length > room ? [...card.lines.slice(0, Math.max(0, room - 1)), '…'] : card.lines;
  shown.forEach((s, i) => ctx.fillText(fit(ctx, s, maxW), x, 156 * u + i * lineH));
  const y0 = height - 30 * u - (licenceLines.length - 1) * lineH;
  licenceLines.forEach((s, i) => ctx.fillText(s, x, y0 + i * lineH));
}

/** Splits `text` into lines no wider than `maxWidth` (at word breaks; Korean has spaces too). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (current && ctx.measureText(next).width > maxWidth) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}
