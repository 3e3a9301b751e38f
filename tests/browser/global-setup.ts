/**
 * Builds the production bundle once and serves dist/ on 127.0.0.1 for the browser tests.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.TEST_PAGES = '1';
  // Test hooks in the map (campaign-map.ts): Vite reads VITE_* from the environment.
  process.env.VITE_TEST_HOOKS = '1';
  await build({ logLevel: 'warn' });
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await new Promise<void>((done) => server?.httpServer.close(() => done()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
