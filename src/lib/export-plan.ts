/**
 * The plan of a video or picture export, as pure functions: sizes, formats, which moments the
 * frames show (from the range, the speed and the frame rate), file names, caption text and the
 * scale bar's length. The export module (src/export/) draws and encodes what these describe.
 */
import { SPEEDS, type Speed } from './params.ts';
import { isoOf } from './dates.ts';
import type { Lang, SourceIndex } from './types.ts';
import { addEnglish, formatDate, formatMoment, t } from './i18n.ts';
import { enApp } from '../locales/en-app.ts';
import { enExport } from '../locales/en-export.ts';
import { citeLabel } from './cite.ts';

// The export's English messages are a part of their own (the embed never exports); its closing card has the app's footer.
addEnglish(enExport);
addEnglish(enApp);

/** Frame sizes offered, in pixels: slides (16:9), full HD, square for social posts, and a small preview. */
export const EXPORT_SIZES = {
  '1280x720': { width: 1280, height: 720 },
  '1920x1080': { width: 1920, height: 1080 },
  '1080x1080': { width: 1080, height: 1080 },
  '640x360': { width: 640, height: 360 },
} as const;
export type ExportSize = keyof typeof EXPORT_SIZES;

/** File formats: MP4 (H.264), WebM (VP9 or VP8) where H.264 is not offered, and animated GIF. */
export type VideoFormat = 'mp4' | 'webm' | 'gif';

/** Frames a second: video, and GIF (a GIF's delays are in hundredths, and every frame costs a palette). */
export const FPS: Record<VideoFormat, number> = { mp4: 25, webm: 25, gif: 10 };

/** A GIF is for short clips: at most this many frames of animation (15 s at 10 frames a second). */
export const GIF_MAX_FRAMES = 150;

/** How long the closing card (sources and licence) stays on screen, in seconds. */
export const CLOSING_SECONDS = 3;

/** What the user chose in the export dialog. */
export interface VideoSettings {
  /** First and last moments (day numbers; see lib/dates.ts). */
  start: number;
  end: number;
  speed: Speed;
  size: ExportSize;
  lang: Lang;
  format: VideoFormat;
}

/**
 * The moments of the animation's frames: from `start` to `end` at `speed` (days per second of
 * video) and `fps` frames a second. The last frame is exactly `end`; a range of one moment is
 * one frame. Day numbers are computed from the frame index (no running sum), so the same
 * settings always give the same moments.
 */
export function frameSchedule(start: number, end: number, speed: Speed, fps: number): number[] {
  if (!(end > start)) return [start];
  const step = SPEEDS[speed] / fps;
  const count = Math.ceil((end - start) / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => (i === count ? end : start + i * step));
}

/** Seconds of video the animation lasts (without the closing card). */
export function animationSeconds(start: number, end: number, speed: Speed): number {
  return Math.max(0, end - start) / SPEEDS[speed];
}

/** True if a GIF of these settings is short enough (see GIF_MAX_FRAMES). */
export function gifFits(start: number, end: number, speed: Speed): boolean {
  return frameSchedule(start, end, speed, FPS.gif).length <= GIF_MAX_FRAMES;
}

/**
 * The file's name: `korea-1951-01-03-to-1951-01-05-en-1280x720.mp4`; a picture:
 * `korea-1951-01-04-en-1920x1080.png`; a picture of compare (dates A and B, its view):
 * `korea-compare-1951-01-01-1951-01-24-swipe-en-1280x720.png`.
 */
export function exportFileName(kind: { start: number; end?: number; compare?: 'swipe' | 'overlay' }, lang: Lang, size: { width: number; height: number }, ext: string): string {
  if (kind.compare && kind.end !== undefined) return `korea-compare-${isoOf(kind.start)}-${isoOf(kind.end)}-${kind.compare}-${lang}-${size.width}x${size.height}.${ext}`;
  const dates = kind.end === undefined || isoOf(kind.end) === isoOf(kind.start) ? isoOf(kind.start) : `${isoOf(kind.start)}-to-${isoOf(kind.end)}`;
  return `korea-${dates}-${lang}-${size.width}x${size.height}.${ext}`;
}

/**
 * The scale bar: the longest round distance (1, 2 or 5 × 10ⁿ km) that fits in `maxPx` pixels
 * at `metresPerPixel`, and its length in pixels.
 */
export function scaleBar(metresPerPixel: number, maxPx: number): { km: number; px: number } {
  const maxKm = (metresPerPixel * maxPx) / 1000;
  const magnitude = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((m) => m * magnitude).find((d) => d <= maxKm) ?? magnitude;
  return { km, px: (km * 1000) / metresPerPixel };
}

/**
 * Estimated time left, in whole seconds, from the work done so far (`done` of `total` units in
 * `elapsedMs`); undefined until there is something to go on.
 */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | undefined {
  if (done <= 0 || elapsedMs <= 0) return undefined;
  return Math.max(0, Math.ceil(((total - done) * elapsedMs) / done / 1000));
}

/** "1:05" for 65 seconds (minutes and seconds). */
export function clockText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.round(seconds) % 60).padStart(2, '0')}`;
}

/** Sorted, distinct source keys of many frames (for the closing card and the picture's source line). */
export function sourceKeys(perFrame: readonly (readonly string[])[]): string[] {
  return [...new Set(perFrame.flat())].sort();
}

/** The words burned into a frame: the title and the moment in words (with the time of day between day steps). */
export function frameCaption(lang: Lang, day: number): { title: string; date: string } {
  return { title: t(lang, 'app.title'), date: formatMoment(lang, day) };
}

/**
 * The words burned into a picture of compare: the title, and dates A and B in words, "1
 * January 1951 | 24 January 1951" for the swipe (A left, B right), "1 January 1951 → 24
 * January 1951" for the overlay (B's map with A's front).
 */
export function compareCaption(lang: Lang, a: number, b: number, view: 'swipe' | 'overlay'): { title: string; date: string } {
  const dates = { a: formatDate(lang, a), b: formatDate(lang, b) };
  return { title: t(lang, 'app.title'), date: t(lang, view === 'swipe' ? 'export.compareSwipe' : 'export.compareOverlay', dates) };
}

/**
 * The closing card's text: a heading, one line per source ("Mossman, Ebb and Flow, ch. 11
 * (1990) – Public domain (US Government work)") and the licence of the map itself.
 */
export function closingCard(lang: Lang, keys: readonly string[], sources: SourceIndex): { heading: string; lines: string[]; licence: string } {
  const lines = keys.map((k) => {
    const s = sources[k];
    return s ? t(lang, 'export.sourceLine', { name: citeLabel(lang, k, sources), year: s.year, licence: s.licence }) : k;
  });
  return { heading: t(lang, 'export.sourcesHeading'), lines, licence: t(lang, 'app.footer') };
}

/**
 * The picture's source note: "Sources: Mossman, Ebb and Flow, ch. 10; …"; with `shown`, only
 * the first `shown` sources and how many more there are ("…; and 6 more").
 */
export function sourceNote(lang: Lang, keys: readonly string[], sources: SourceIndex, shown = keys.length): string {
  const labels = keys.slice(0, Math.max(0, shown)).map((k) => citeLabel(lang, k, sources));
  const more = keys.length - labels.length;
  if (more > 0) labels.push(t(lang, 'export.sourceMore', { count: more }));
  return t(lang, 'export.sourceNote', { sources: labels.join('; ') });
}

/**
 * The swipe's divider at `split` (0–1) of the page's map, which shows `page`, as a share of
 * the width of the export map, which shows `shown` ([[west, south], [east, north]] each): at
 * the same longitude, so it cuts the same ground (x is linear in longitude in Web Mercator).
 * Kept within the frame.
 */
export function splitOn(page: readonly [readonly [number, number], readonly [number, number]], split: number, shown: readonly [readonly [number, number], readonly [number, number]]): number {
  const lon = page[0][0] + split * (page[1][0] - page[0][0]);
  const f = (lon - shown[0][0]) / (shown[1][0] - shown[0][0]);
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : Math.min(1, Math.max(0, split));
}
