/**
 * `npm run package [-- --url https://host/path/] [--lang en|ko]`: builds the site and writes
 * the LMS and offline packages to packages/ (see src/build/packages/package.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { writePackages } from '../build/packages/package.ts';
import type { BuildInfo } from '../build/packages/manifests.ts';
import { isLang } from '../lib/i18n.ts';

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(2);
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) fail(`${name} needs a value`);
  return v;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const unknown = args.filter((a, i) => a.startsWith('--') && !['--url', '--lang'].includes(a) && !['--url', '--lang'].includes(args[i - 1]));
if (unknown.length) fail(`unknown option ${unknown[0]} (options: --url <hosted map address>, --lang en|ko)`);
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; homepage?: string };
const url = argValue(args, '--url') ?? pkg.homepage;
if (url !== undefined && !/^https?:\/\/[^\s"<>]+$/.test(url)) fail(`--url must be an http(s) address, got ${JSON.stringify(url)}`);
const lang = argValue(args, '--lang');
if (lang !== undefined && !isLang(lang)) fail(`--lang must be en or ko, got ${JSON.stringify(lang)}`);

const commit = git(['rev-parse', '--short=12', 'HEAD']) ?? 'unknown';
const dirty = git(['status', '--porcelain']) ? '+changes' : '';
const info: BuildInfo = { name: pkg.name, version: pkg.version, commit: commit + dirty, builtAt: new Date().toISOString().slice(0, 16) + 'Z' };

await build({ logLevel: 'warn' });
const out = await writePackages({ dist: 'dist', out: 'packages', build: info, hostedUrl: url, lang: lang as never });
console.log(`SCORM 1.2:           ${out.scorm}`);
console.log(`Common Cartridge 1.3: ${out.cartridge}${url ? '' : '  (no web link: pass --url https://your-host/path/ or set "homepage" in package.json)'}`);
console.log(`Offline site:        ${out.offline}`);
