/**
 * Headless Debian Chromium through playwright-core, with software WebGL and no way out:
 * every request is recorded so tests can assert that nothing leaves the page's origin.
 */
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags known to give WebGL2 under SwiftShader here (see TECH-NOTES). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** Starts Chromium; extra flags (e.g. --disable-3d-apis) are appended. */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(launchOptions(extraArgs));
}

/** Debian's Chromium, headless, with CHROMIUM_ARGS and `extraArgs`; a clear error where it is missing. */
function launchOptions(extraArgs: string[]): { executablePath: string; headless: true; args: string[] } {
  if (!existsSync(EXECUTABLE)) throw new Error(`Chromium not found at ${EXECUTABLE}; install Debian's chromium or set CHROMIUM_PATH`);
  return { executablePath: EXECUTABLE, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] };
}

/** Starts Chromium as a server that test files connect to (global-setup.ts, shared-browser.ts). */
export async function launchServer(extraArgs: string[] = []): Promise<BrowserServer> {
  return chromium.launchServer({ ...launchOptions(extraArgs), host: '127.0.0.1' });
}

/** A page plus what it did: every request URL, console errors and warnings, page errors. */
export interface Watched {
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleProblems: string[];
}

/**
 * Opens a fresh context and page that records requests and console problems. Service workers
 * are blocked unless a test asks for them (the offline tests): the app registers one after its
 * first view, and its precache downloads would otherwise run beside every other test.
 */
/** What Playwright logs when it blocks a service worker registration. */
const PLAYWRIGHT_SW_BLOCKED = 'Service Worker registration blocked by Playwright';

export async function openPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleProblems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    // Playwright's own note when it blocks the app's service worker (openPage's default) is not the app's.
    if (m.text() === PLAYWRIGHT_SW_BLOCKED) return;
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
  return { context, page, requests, consoleProblems };
}

/** Waits until the map reports its first complete frame. */
export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('.map[data-ready="true"]', { timeout });
}
