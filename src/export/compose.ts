/**
 * Draws an exported frame on a 2D canvas: the map's picture, then the title and the moment in
 * words (top left), a scale bar (bottom left) and, for a picture, the legend and the source
 * line; and the closing card with the sources and licence. Sizes follow the frame's shorter
 * side, so every export size reads alike.
 */
import type { Lang } from '../lib/types.ts';
import { scaleBar } from '../lib/export-plan.ts';
import { t } from '../lib/i18n.ts';
import { COLORS, DASHES, TERRITORY } from '../map/colors.ts';
import { LABEL_FONT } from '../map/fonts.ts';

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

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number, fill: string) {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
}

/** The title and the moment in words, in a panel at the top left. Returns the panel's box. */
export function drawCaption(ctx: CanvasRenderingContext2D, caption: { title: string; date: string }): void {
  const u = unitOf(ctx);
  const pad = 14 * u;
  const maxW = ctx.canvas.width - 2 * pad - 24 * u;
  ctx.font = font(22 * u, true);
  const title = fit(ctx, caption.title, maxW);
  const titleW = ctx.measureText(title).width;
  ctx.font = font(36 * u, true);
  const date = fit(ctx, caption.date, maxW);
  const dateW = ctx.measureText(date).width;
  roundRect(ctx, 12 * u, 12 * u, Math.max(titleW, dateW) + 2 * pad, 88 * u, 8 * u, PANEL);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'alphabetic';
  ctx.font = font(22 * u, true);
  ctx.fillText(title, 12 * u + pad, 44 * u);
  ctx.font = font(36 * u, true);
  ctx.fillText(date, 12 * u + pad, 86 * u);
}

/** A metric scale bar at the bottom left (`metresPerPixel` of the frame). */
export function drawScale(ctx: CanvasRenderingContext2D, lang: Lang, metresPerPixel: number, bottom = 0): void {
  const u = unitOf(ctx);
  const bar = scaleBar(metresPerPixel, 160 * u);
  const x = 22 * u;
  const y = ctx.canvas.height - bottom - 22 * u;
  ctx.font = font(18 * u, true);
  const label = t(lang, 'unit.km', { value: bar.km });
  const w = Math.max(bar.px, ctx.measureText(label).width) + 20 * u;
  roundRect(ctx, x - 10 * u, y - 36 * u, w, 46 * u, 6 * u, PANEL);
  ctx.fillStyle = INK;
  ctx.fillText(label, x, y - 14 * u);
  ctx.fillRect(x, y - 6 * u, bar.px, 4 * u);
  ctx.fillRect(x, y - 12 * u, 2 * u, 10 * u);
  ctx.fillRect(x + bar.px - 2 * u, y - 12 * u, 2 * u, 10 * u);
}

/** The picture's legend in a panel at the bottom right, above `bottom` pixels. */
export function drawLegend(ctx: CanvasRenderingContext2D, lang: Lang, bottom: number): void {
  const u = unitOf(ctx);
  const rowH = 26 * u;
  const sw = 34 * u;
  const rows: [string, (x: number, y: number) => void][] = [
    [t(lang, 'export.legend.un'), (x, y) => swatch(ctx, x, y, sw, 16 * u, COLORS.land)],
    [t(lang, 'export.legend.pva'), (x, y) => {
      swatch(ctx, x, y, sw, 16 * u, COLORS.land);
      ctx.globalAlpha = TERRITORY.tintOpacity;
      swatch(ctx, x, y, sw, 16 * u, COLORS.north);
      ctx.globalAlpha = 1;
    }],
    [t(lang, 'export.legend.noMansLand'), (x, y) => swatch(ctx, x, y, sw, 16 * u, COLORS.noMansLand)],
    [t(lang, 'export.legend.infiltrated'), (x, y) => dots(ctx, x, y, sw, 16 * u, COLORS.infiltrated)],
    ...([1, 2, 3] as const).map((g): [string, (x: number, y: number) => void] => [
      t(lang, 'export.legend.front', { certainty: t(lang, `legend.certainty.${g}`) }),
      (x, y) => line(ctx, x, y + 8 * u, sw, 4 * u, DASHES[g]?.map((d) => d * 4 * u) ?? []),
    ]),
  ];
  ctx.font = font(16 * u);
  const textW = Math.min(Math.max(...rows.map(([s]) => ctx.measureText(s).width)), ctx.canvas.width * 0.45);
  const w = textW + sw + 36 * u;
  const h = rows.length * rowH + 16 * u;
  const x0 = ctx.canvas.width - w - 12 * u;
  const y0 = ctx.canvas.height - bottom - h - 12 * u;
  roundRect(ctx, x0, y0, w, h, 8 * u, PANEL);
  rows.forEach(([label, draw], i) => {
    const y = y0 + 8 * u + i * rowH;
    draw(x0 + 12 * u, y + 5 * u);
    ctx.fillStyle = INK;
    ctx.font = font(16 * u);
    ctx.fillText(fit(ctx, label, textW), x0 + sw + 24 * u, y + 19 * u);
  });
}

function swatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, fill: string) {
  ctx.fillStyle = fill;
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = COLORS.coast;
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, w, h);
}

function dots(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, color: string) {
  swatch(ctx, x, y, w, h, COLORS.land);
  ctx.fillStyle = color;
  for (let dx = 2; dx < w - 1; dx += 5) for (let dy = 2; dy < h - 1; dy += 5) ctx.fillRect(x + dx, y + dy, 2, 2);
}

function line(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, width: number, dash: number[]) {
  ctx.strokeStyle = COLORS.front;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w, y);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** The source line along the bottom edge; returns its height (what the other panels stay above). */
export function drawSourceNote(ctx: CanvasRenderingContext2D, text: string): number {
  const u = unitOf(ctx);
  const h = 30 * u;
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, ctx.canvas.height - h, ctx.canvas.width, h);
  ctx.fillStyle = INK;
  ctx.font = font(15 * u);
  ctx.fillText(fit(ctx, text, ctx.canvas.width - 24 * u), 12 * u, ctx.canvas.height - 10 * u);
  return h;
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
