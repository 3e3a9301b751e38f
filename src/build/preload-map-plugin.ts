/**
 * The map pages load MapLibre lazily (MapView imports the map module when it mounts), so the
 * page and its poster are drawn without waiting for it. This plugin lets the browser fetch
 * the map module and MapLibre from the start all the same: a modulepreload link for each in
 * the pages that show the map (fetched in parallel, evaluated only when imported).
 */
import type { Plugin } from 'vite';

/** The pages that mount MapView. */
const MAP_PAGES = ['/index.html', '/embed.html'];

export function preloadMapPlugin(): Plugin {
  return {
    name: 'preload-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !MAP_PAGES.includes(ctx.path)) return html;
        const chunks = Object.values(ctx.bundle).filter(
          (c) => c.type === 'chunk' && (c.name === 'maplibre' || c.facadeModuleId?.replaceAll('\\', '/').endsWith('/src/map/campaign-map.ts')),
        );
        return {
          html,
          tags: chunks.map((c) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${c.fileName}` }, injectTo: 'head' as const })),
        };
      },
    },
  };
}
