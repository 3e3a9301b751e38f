/**
 * The installable app: a web app manifest per language (name, icons drawn from the map,
 * theme colours, lang), linked from the full app's page only; theme colours for light and
 * dark pages. Pure: the plugin in app-manifest-plugin.ts publishes the files.
 */
import { en } from '../locales/en.ts';
import { ko } from '../locales/ko.ts';
import type { Lang } from '../lib/types.ts';

/** The page colours of the light and dark themes (src/app.css --bg), for the browser's frame. */
export const THEME = { light: '#ffffff', dark: '#15181c' } as const;

/** Icons published under icons/ (made by `npm run icons`, committed in src/assets/icons/). */
export const ICONS = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
] as const;

const TEXT = {
  en: { name: en['app.title'] + ' – campaign map', short_name: 'Korea 1951', description: en['app.subtitle'] },
  ko: { name: ko['app.title'] + ' 전역 지도', short_name: '한국 1951', description: ko['app.subtitle'] },
} satisfies Record<Lang, { name: string; short_name: string; description: string }>;

/** File name of the manifest in `lang`, beside the pages. */
export function manifestFile(lang: Lang): string {
  return `app.${lang}.webmanifest`;
}

/** The manifest in `lang`; the other language's texts ride along as `translations`. */
export function appManifest(lang: Lang): Record<string, unknown> {
  const other: Lang = lang === 'en' ? 'ko' : 'en';
  return {
    id: './index.html',
    lang,
    dir: 'ltr',
    ...TEXT[lang],
    start_url: `./index.html?lang=${lang}`,
    scope: './',
    display: 'standalone',
    background_color: THEME.light,
    theme_color: THEME.light,
    icons: ICONS,
    translations: { [other]: TEXT[other] },
  };
}

/** What the full app's <head> gets: the manifest link and a theme colour per colour scheme. */
export function manifestHead(lang: Lang = 'en'): string {
  return (
    `<link rel="manifest" href="./${manifestFile(lang)}" />\n    ` +
    `<meta name="theme-color" media="(prefers-color-scheme: light)" content="${THEME.light}" />\n    ` +
    `<meta name="theme-color" media="(prefers-color-scheme: dark)" content="${THEME.dark}" />`
  );
}
