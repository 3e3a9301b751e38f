/**
 * Builds the production bundle once, serves dist/ on 127.0.0.1 and starts one Chromium that
 * every browser test file connects to (shared-browser.ts).
 */
import { preview, type PreviewServer } from 'vite';
import { buildSite } from '../../src/build/build-site.ts';
import type { TestProject } from 'vitest/node';
import type { BrowserServer } from 'playwright-core';
import { launchServer } from './chromium.ts';

let server: PreviewServer | undefined;
let chromiumServer: BrowserServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.TEST_PAGES = '1';
  // Test hooks in the map (campaign-map.ts): Vite reads VITE_* from the environment.
  process.env.VITE_TEST_HOOKS = '1';
  await buildSite({ logLevel: 'warn' });
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  // Intercepted host pages (embed, lesson and compare tests) have no network address, so
  // Chromium's local-network-access check would refuse to let them frame 127.0.0.1; on a real
  // site both ends are public.
  chromiumServer = await launchServer(['--disable-features=LocalNetworkAccessChecks']);
  project.provide('browserWsEndpoint', chromiumServer.wsEndpoint());
  return async () => {
    await chromiumServer?.close();
    await new Promise<void>((done) => server?.httpServer.close(() => done()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The shared Chromium's address (shared-browser.ts). */
    browserWsEndpoint: string;
  }
}
