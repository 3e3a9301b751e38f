/**
 * Share links and the iframe snippet teachers paste into lesson pages.
 */
import type { Lang } from './types.ts';

/** Link to the full map at a date, relative to the page base. */
export function shareLink(baseUri: string, iso: string, lang: Lang): string {
  const url = new URL('index.html', baseUri);
  url.searchParams.set('date', iso);
  url.searchParams.set('lang', lang);
  return url.href;
}

/** Escapes an attribute value for the snippet (titles come from the catalogues). */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The <iframe> snippet for the embed at a date: one line, works where scripts are stripped. */
export function iframeSnippet(baseUri: string, iso: string, lang: Lang, title: string, height = 640): string {
  const url = new URL('embed.html', baseUri);
  url.searchParams.set('date', iso);
  url.searchParams.set('lang', lang);
  return `<iframe src="${attr(url.href)}" title="${attr(title)}" width="100%" height="${height}" loading="lazy" allow="fullscreen" style="border:0"></iframe>`;
}
