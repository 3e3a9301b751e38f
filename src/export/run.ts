/**
 * Runs an export: draws each moment on the hidden map, composes the frame (captions, scale,
 * legend) and hands it to the file's encoder. Loaded only when the user asks for a download.
 */
import { formatDate, loadMessages, t } from '../lib/i18n.ts';
import type { CompareFigures } from '../lib/compare.ts';
import { drawnSources, viewAt } from '../lib/view.ts';
import { CLOSING_SECONDS, EXPORT_SIZES, FPS, closingCard, compareCaption, exportFileName, frameCaption, frameSchedule, sourceKeys, sourceNote, type ExportSize, type VideoSettings } from '../lib/export-plan.ts';
import type { Lang } from '../lib/types.ts';
import { drawCaption, drawClosing, drawDivider, drawLegend, drawScale, drawSourceNote, loadFonts, type Caption, type DrawnPanel } from './compose.ts';
import { openExportMap, type ExportInput } from './export-map.ts';
import { openSink } from './encoders.ts';

export type { ExportInput } from './export-map.ts';
export { videoSupport } from './encoders.ts';

/** A finished file. */
export interface ExportFile {
  blob: Blob;
  name: string;
}

/** How far an export is: frames drawn of all frames (the closing card counts as one). */
export interface ExportProgress {
  done: number;
  total: number;
}

/** Thrown when the user cancelled. */
export class ExportCancelled extends Error {}

function canvasOf(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // Read back for every GIF frame: keep it on the CPU.
  const ctx = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!ctx) throw new Error('2D canvas unavailable');
  return { canvas, ctx };
}

/** The source keys of everything drawn at these moments (one moment a day is enough: sources change at keyframes). */
function keysOf(input: ExportInput, days: readonly number[]): string[] {
  const sampled = days.filter((d, i) => i === 0 || i === days.length - 1 || Math.floor(d) !== Math.floor(days[i - 1]));
  return sourceKeys(sampled.map((d) => drawnSources(viewAt(input.pack, d))));
}

/**
 * Makes the video (or GIF) of `settings`: every frame rendered exactly at its moment, then the
 * closing card. `signal` cancels between frames (the hidden map is always torn down).
 */
export async function exportVideo(input: ExportInput, settings: VideoSettings, onProgress: (p: ExportProgress) => void, signal: AbortSignal, webm?: 'vp9' | 'vp8'): Promise<ExportFile> {
  const { width, height } = EXPORT_SIZES[settings.size];
  const lang = settings.lang;
  await loadMessages(lang);
  const fps = FPS[settings.format];
  const days = frameSchedule(settings.start, settings.end, settings.speed, fps);
  const captions = days.map((d) => frameCaption(lang, d));
  const card = closingCard(lang, keysOf(input, days), input.pack.sources ?? {});
  await loadFonts([...new Set(captions.flatMap((c) => [c.title, c.date])), card.heading, ...card.lines, card.licence, t(lang, 'unit.km', { value: 100 })]);
  const { canvas, ctx } = canvasOf(width, height);
  const total = days.length + 1;
  // A video shows one date at a time: compare, if open, is not part of it.
  const map = openExportMap({ ...input, compare: undefined }, width, height, lang);
  const sink = await openSink(settings.format, canvas, fps, webm);
  try {
    for (let i = 0; i < days.length; i++) {
      if (signal.aborted) throw new ExportCancelled();
      const frame = await map.frame(days[i]);
      ctx.drawImage(frame.canvas, 0, 0, width, height);
      drawCaption(ctx, captions[i]);
      drawScale(ctx, lang, frame.metresPerPixel);
      await sink.add(i, 1 / fps);
      onProgress({ done: i + 1, total });
    }
    if (signal.aborted) throw new ExportCancelled();
    drawClosing(ctx, captions[0].title, card);
    if (settings.format === 'gif') await sink.add(days.length, CLOSING_SECONDS);
    else {
      // WebM stores when a frame starts, not how long it lasts: the card is shown again as the
      // last frame, so the file lasts the card's full time in every container.
      await sink.add(days.length, CLOSING_SECONDS - 1 / fps);
      await sink.add(days.length + 1, 1 / fps);
    }
    onProgress({ done: total, total });
    const blob = await sink.finish();
    const ext = settings.format;
    return { blob, name: exportFileName({ start: settings.start, end: settings.end }, lang, { width, height }, ext) };
  } catch (e) {
    await sink.cancel().catch(() => undefined);
    throw e;
  } finally {
    map.destroy();
  }
}

/** The picture's panels as drawn, for tests (see exportPicture). */
export interface PictureLayout {
  width: number;
  height: number;
  /** The area the map shows ([[west, south], [east, north]]) and the swipe's divider (0–1 of the width). */
  bounds: [[number, number], [number, number]];
  split?: number;
  panels: DrawnPanel[];
}

/**
 * A PNG of moment `day` in the view of `input`, with title, date, scale, legend and source
 * line; with compare open, of the comparison: the swipe (date A left of the divider, B right,
 * both dates in the title) or the overlay (B's map with A's front and the ground that changed
 * hands, in the legend too), its sources those of both dates.
 */
export async function exportPicture(input: ExportInput, day: number, size: ExportSize, lang: Lang): Promise<ExportFile & { layout: PictureLayout }> {
  const { width, height } = EXPORT_SIZES[size];
  await loadMessages(lang);
  const c = input.compare;
  const caption: Caption = c ? { ...compareCaption(lang, c.a, day, c.view), figures: c.figures && (await figuresLine(lang, c.figures)) } : frameCaption(lang, day);
  const keys = keysOf(input, c ? [c.a, day] : [day]);
  const noteOf = (shown: number) => sourceNote(lang, keys, input.pack.sources ?? {}, shown);
  const note = noteOf(keys.length);
  const overlay = c?.view === 'overlay' ? { frontA: formatDate(lang, c.a) } : undefined;
  await loadFonts([caption.title, caption.date, caption.figures ?? '', note, t(lang, 'export.legend.pva'), t(lang, 'export.legend.noMansLand'), overlay ? t(lang, 'export.legend.gainedPva') : '']);
  const { canvas, ctx } = canvasOf(width, height);
  const map = openExportMap(input, width, height, lang);
  let metresPerPixel: number;
  try {
    const frame = await map.frame(day);
    ctx.drawImage(frame.canvas, 0, 0, width, height);
    metresPerPixel = frame.metresPerPixel;
  } finally {
    map.destroy();
  }
  const source = drawSourceNote(ctx, keys.length, noteOf);
  const bottom = source.box[3];
  // The divider runs down the map, under the panels drawn over it.
  if (map.split !== undefined) drawDivider(ctx, map.split, bottom);
  const panels = [drawCaption(ctx, caption), source, drawScale(ctx, lang, metresPerPixel, bottom), drawLegend(ctx, lang, bottom, overlay)];
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  const layout: PictureLayout = { width, height, bounds: map.bounds, split: map.split, panels };
  // Browser-test builds only (tests/browser/export-compare.test.ts): where each text went, and whether it was cut.
  if (import.meta.env.VITE_TEST_HOOKS) Object.assign(window, { exportLayout: layout });
  const name = c ? exportFileName({ start: c.a, end: day, compare: c.view }, lang, { width, height }, 'png') : exportFileName({ start: day }, lang, { width, height }, 'png');
  return { blob, name, layout };
}

/** Compare's figures in one line: what each side gained and lost, rounded as the panel says them. */
async function figuresLine(lang: Lang, f: CompareFigures): Promise<string> {
  const { formatKm2 } = await import('../lib/compare-text.ts');
  const { gained, lost } = f.change;
  return t(lang, 'export.compareFigures', {
    pvaGained: formatKm2(lang, gained['PVA/KPA']),
    pvaLost: formatKm2(lang, lost['PVA/KPA']),
    unGained: formatKm2(lang, gained.UN),
    unLost: formatKm2(lang, lost.UN),
  });
}
