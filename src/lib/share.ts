/**
 * Share links and the iframe snippet teachers paste into lesson pages. Only values that differ
 * from a page's defaults are written, so links stay short; src/lib/params.ts reads them back.
 */
import type { Lang } from './types.ts';
import type { Speed } from './params.ts';

/** What a teacher chose in the Share dialog. */
export interface ShareOptions {
  /** The date the map opens on (YYYY-MM-DD). */
  date: string;
  lang: Lang;
  /** The slider's range; omitted (or equal to the pack's) for the whole month. */
  start?: string;
  end?: string;
  /** Embed only: playback speed (default `normal`). */
  speed?: Speed;
  /** Embed only: start playing at once (default off). */
  autoplay?: boolean;
  /** Embed only: the narrative under the map starts open (default closed). */
  narrativeOpen?: boolean;
  /** Embed only: no pan or zoom (`interactive=0`). */
  locked?: boolean;
  /** Compare mode's dates A and B, written as `compare=A,B` when both lie in the range. */
  compare?: readonly [string, string];
}

/** The pack's whole range, so a range equal to it is left out of the URL. */
export interface PackRange {
  start: string;
  end: string;
}

/** Date, range and language: what both the app and the embed read. */
function common(url: URL, o: ShareOptions, range: PackRange): void {
  url.searchParams.set('date', o.date);
  if (o.start && o.start !== range.start) url.searchParams.set('start', o.start);
  if (o.end && o.end !== range.end) url.searchParams.set('end', o.end);
  url.searchParams.set('lang', o.lang);
  const [first, last] = [o.start ?? range.start, o.end ?? range.end];
  if (o.compare && o.compare.every((d) => d >= first && d <= last)) url.searchParams.set('compare', o.compare.join(','));
}

/** The URL as text, with compare's comma left readable. */
const href = (url: URL) => url.href.replace(/([?&]compare=[\d-]+)%2C([\d-]+)/, '$1,$2');

/** Link to the full map, relative to the page base. */
export function shareLink(baseUri: string, o: ShareOptions, range: PackRange): string {
  const url = new URL('index.html', baseUri);
  common(url, o, range);
  return href(url);
}

/** The embed's address with every option that differs from the embed's defaults. */
export function embedUrl(baseUri: string, o: ShareOptions, range: PackRange): string {
  const url = new URL('embed.html', baseUri);
  common(url, o, range);
  if (o.speed && o.speed !== 'normal') url.searchParams.set('speed', o.speed);
  if (o.autoplay) url.searchParams.set('autoplay', '1');
  if (o.narrativeOpen) url.searchParams.set('narrative', 'open');
  if (o.locked) url.searchParams.set('interactive', '0');
  return href(url);
}

/** Escapes an attribute value for the snippet (titles come from the catalogues). */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The <iframe> snippet for the embed: one line, works where scripts are stripped. */
export function iframeSnippet(src: string, title: string, height = 640): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" loading="lazy" allow="fullscreen" style="border:0"></iframe>`;
}

/**
 * A lesson's address on a page (`index.html` or `embed.html`). The lesson carries its language;
 * `lang` is repeated in the URL so the page loads that catalogue before it shows anything.
 */
export function lessonUrl(baseUri: string, page: 'index.html' | 'embed.html', param: string, lang: Lang): string {
  const url = new URL(page, baseUri);
  url.searchParams.set('lesson', param);
  url.searchParams.set('lang', lang);
  return url.href;
}

/**
 * The app opened on the dates `start`–`end` (YYYY-MM-DD) in `lang` with its Download video dialog
 * open: how the lesson builder, which has no map of its own, makes a video of a lesson's dates.
 */
export function videoUrl(baseUri: string, start: string, end: string, lang: Lang): string {
  const url = new URL('index.html', baseUri);
  for (const [k, v] of [['date', start], ['start', start], ['end', end], ['lang', lang], ['download', 'video']]) url.searchParams.set(k, v);
  return url.href;
}
