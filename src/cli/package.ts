/**
 * `npm run package [-- --url https://host/path/] [--lang en|ko] [--lesson lesson.json]`: builds
 * the site and writes the LMS and offline packages to packages/ (see
 * src/build/packages/package.ts). A lesson file (saved from the lesson builder) makes the SCO
 * open that lesson and report its score.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { buildSite } from '../build/build-site.ts';
import { writePackages } from '../build/packages/package.ts';
import type { BuildInfo } from '../build/packages/manifests.ts';
import { isLang } from '../lib/i18n.ts';
import { encodeLesson, parseLessonFile } from '../lib/lesson.ts';

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
const OPTIONS = ['--url', '--lang', '--lesson'];
const unknown = args.filter((a, i) => a.startsWith('--') && !OPTIONS.includes(a) && !OPTIONS.includes(args[i - 1]));
if (unknown.length) fail(`unknown option ${unknown[0]} (options: --url <hosted map address>, --lang en|ko, --lesson <lesson.json>)`);
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; homepage?: string };
const url = argValue(args, '--url') ?? pkg.homepage;
if (url !== undefined && !/^https?:\/\/[^\s"<>]+$/.test(url)) fail(`--url must be an http(s) address, got ${JSON.stringify(url)}`);
const lang = argValue(args, '--lang');
if (lang !== undefined && !isLang(lang)) fail(`--lang must be en or ko, got ${JSON.stringify(lang)}`);

const lessonFile = argValue(args, '--lesson');
let lesson: { param: string; title: string; stops: number; questions: number } | undefined;
if (lessonFile) {
  const manifest = JSON.parse(readFileSync('geo/korea-1951-01/manifest.json', 'utf8')) as { start: string; end: string };
  let text: string;
  try {
    text = readFileSync(lessonFile, 'utf8');
  } catch {
    fail(`cannot read the lesson file ${lessonFile}`);
  }
  const read = parseLessonFile(text, manifest.start, manifest.end);
  if (!read.ok) fail(`${lessonFile} is not a valid lesson (${read.error}${read.problems ? `: ${JSON.stringify(read.problems.slice(0, 3))}` : ''})`);
  const l = read.lesson;
  lesson = { param: encodeLesson(l), title: l.title, stops: l.stops.length, questions: l.stops.filter((s) => s.question).length };
}

const commit = git(['rev-parse', '--short=12', 'HEAD']) ?? 'unknown';
const dirty = git(['status', '--porcelain']) ? '+changes' : '';
const info: BuildInfo = { name: pkg.name, version: pkg.version, commit: commit + dirty, builtAt: new Date().toISOString().slice(0, 16) + 'Z' };

await buildSite({ logLevel: 'warn' });
const out = await writePackages({ dist: 'dist', out: 'packages', build: info, hostedUrl: url, lang: lang as never, lesson });
console.log(`SCORM 1.2:           ${out.scorm}${lesson ? `  (lesson: ${lesson.title}, ${lesson.stops} stops, ${lesson.questions} questions)` : ''}`);
console.log(`Common Cartridge 1.3: ${out.cartridge}${url ? '' : '  (no web link: pass --url https://your-host/path/ or set "homepage" in package.json)'}`);
console.log(`Offline site:        ${out.offline}`);
