/**
 * Runs an export: draws each moment on the hidden map, composes the frame (captions, scale,
 * legend) and hands it to the file's encoder. Loaded only when the user asks for a download.
 */
import { loadMessages, t } from '../lib/i18n.ts';
import { drawnSources, viewAt } from '../lib/view.ts';
import { CLOSING_SECONDS, EXPORT_SIZES, FPS, closingCard, exportFileName, frameCaption, frameSchedule, sourceKeys, sourceNote, type ExportSize, type VideoSettings } from '../lib/export-plan.ts';
import type { Lang } from '../lib/types.ts';
import { drawCaption, drawClosing, drawLegend, drawScale, drawSourceNote, loadFonts } from './compose.ts';
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
  const map = openExportMap(input, width, height, lang);
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

/** A PNG of moment `day` in the view of `input`, with title, date, scale, legend and source line. */
export async function exportPicture(input: ExportInput, day: number, size: ExportSize, lang: Lang): Promise<ExportFile> {
  const { width, height } = EXPORT_SIZES[size];
  await loadMessages(lang);
  const caption = frameCaption(lang, day);
  const note = sourceNote(lang, keysOf(input, [day]), input.pack.sources ?? {});
  await loadFonts([caption.title, caption.date, note, t(lang, 'export.legend.pva'), t(lang, 'export.legend.noMansLand')]);
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
  drawCaption(ctx, caption);
  const bottom = drawSourceNote(ctx, note);
  drawScale(ctx, lang, metresPerPixel, bottom);
  drawLegend(ctx, lang, bottom);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  return { blob, name: exportFileName({ start: day }, lang, { width, height }, 'png') };
}
