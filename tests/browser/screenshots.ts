/**
 * `npm run screenshots -- [date…] [--lang ko] [--scheme dark] [--out dir]`: builds, serves and photographs the
 * map at each date in headless Chromium, for people to look at (README images, reviews).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import { buildSite } from '../../src/build/build-site.ts';
import { launch, openPage, waitForMap } from './chromium.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const lang = flag('--lang', 'en');
const out = flag('--out', 'tests/.artifacts');
const width = Number(flag('--width', '1280'));
const height = Number(flag('--height', '860'));
const scheme = flag('--scheme', 'light') === 'dark' ? 'dark' : 'light';
const dates = args.length ? args : ['1950-12-31', '1951-01-04', '1951-01-12', '1951-01-15', '1951-01-27'];

mkdirSync(out, { recursive: true });
await buildSite({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no port');
const browser = await launch();
try {
  for (const date of dates) {
    const w = await openPage(browser, { viewport: { width, height }, colorScheme: scheme });
    await w.page.goto(`http://127.0.0.1:${address.port}/?date=${date}&lang=${lang}`);
    await waitForMap(w.page);
    await w.page.waitForTimeout(800);
    const file = join(out, `map-${date}-${lang}-${width}${scheme === 'dark' ? '-dark' : ''}.png`);
    await w.page.screenshot({ path: file, fullPage: false });
    process.stdout.write(`${file}${w.consoleProblems.length ? `  console: ${w.consoleProblems.join(' | ')}` : ''}\n`);
    await w.context.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
