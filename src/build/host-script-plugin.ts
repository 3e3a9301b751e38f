/**
 * Serves the host script at /embed.js in development, compiled from src/host/embed-host.ts
 * (the build emits it as dist/embed.js through its own entry).
 */
import { readFile } from 'node:fs/promises';
import { transformWithOxc, type Plugin } from 'vite';

/** The dev-server half of dist/embed.js. */
export function hostScriptDev(source: string): Plugin {
  return {
    name: 'host-script-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/embed.js', (_req, res, next) => {
        readFile(source, 'utf8')
          .then((code) => transformWithOxc(code, source, { lang: 'ts' }))
          .then((out) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.end(out.code);
          }, next);
      });
    },
  };
}
