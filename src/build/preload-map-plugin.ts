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
        const bundle = ctx.bundle;
        const files = new Set<string>();
        // The map module's chunk and everything it imports (MapLibre, shared chunks).
        const add = (fileName: string) => {
          const chunk = bundle[fileName];
          if (files.has(fileName) || chunk?.type !== 'chunk') return;
          files.add(fileName);
          chunk.imports.forEach(add);
        };
        // The chunk that holds the map module: its facade, or (the bundler may put the module in
        // a shared chunk that is no entry's facade: then nothing was preloaded and MapLibre's
        // file was fetched only when the map view mounted) the chunk listing it among its modules.
        const isMapModule = (id: string | null | undefined) => id?.replaceAll('\\', '/').endsWith('/src/map/campaign-map.ts') === true;
        for (const c of Object.values(bundle)) if (c.type === 'chunk' && (isMapModule(c.facadeModuleId) || c.moduleIds.some(isMapModule))) add(c.fileName);
        if (files.size === 0) this.warn(`${ctx.path}: no chunk holds src/map/campaign-map.ts; MapLibre is not preloaded`);
        // Those the page already preloads are left as they are.
        const chunks = [...files].filter((f) => !html.includes(`/${f}"`)).map((f) => bundle[f]);
        return {
          html,
          tags: chunks.map((c) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${c.fileName}` }, injectTo: 'head' as const })),
        };
      },
    },
  };
}
