/**
 * One Chromium for every browser test file: global-setup.ts starts it once (a Playwright browser
 * server with the flags of chromium.ts) and each file connects to it, instead of each file
 * launching and closing its own. Files that need Chromium without WebGL launch that one
 * (`useNoWebGlBrowser`).
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Download } from 'playwright-core';
import { launch } from './chromium.ts';

/** Where tests leave screenshots and files for people to look at. */
export const ARTIFACTS = 'tests/.artifacts';

/**
 * Connects to the shared browser before the file's tests (handing it to `use`) and disconnects
 * after them, closing whatever contexts the file left open; makes the artifacts folder.
 */
export function useBrowser(use: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.connect(inject('browserWsEndpoint'));
    use(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/**
 * Launches this file's own Chromium without WebGL (`--disable-3d-apis`: the SVG map's tests)
 * before its tests, handing it to `use`, and closes it after them.
 */
export function useNoWebGlBrowser(use: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(['--disable-3d-apis']);
    use(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/**
 * Where a download landed, on this machine: a browser reached over a connection keeps its files
 * to itself (`download.path()` is not available), so it is saved to a fresh temporary folder.
 */
export async function savedDownload(d: Download): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'campaign-download-')), d.suggestedFilename());
  await d.saveAs(path);
  return path;
}
