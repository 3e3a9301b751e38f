/**
 * The LMS and offline packages, made from a production build in dist/: a SCORM 1.2 zip, an
 * IMS Common Cartridge 1.3 and a self-contained offline zip. Used by `npm run package` and
 * by the tests (on the tests' own build).
 */
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { buildLine, cartridgeManifest, CC_LINK_FILE, CC_WEB_DIR, scormManifest, webLink, type BuildInfo } from './manifests.ts';
import type { Lang } from '../../lib/types.ts';

/** Pages of the test and benchmark builds, never shipped. */
const NEVER = [/(^|\/)mount\.html$/, /(^|\/)baseline\.html$/, /^examples\//, /^tests\//, /^bench\//];
/** The service worker is for the hosted site and the offline folder, not for an LMS frame. */
const WORKER = [/^sw\.js$/, /^workbox-[\w-]+\.js$/];

/** Every file under `dir`, as sorted '/'-separated paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Options of one `npm run package` run. */
export interface PackageOptions {
  /** The production build to package. */
  dist: string;
  /** Folder the packages are written to. */
  out: string;
  build: BuildInfo;
  /** The SCO's language (default: the browser's). */
  lang?: Lang;
  /** Address of the hosted map, for the cartridge's web link. */
  hostedUrl?: string;
  /** A lesson for the SCO to open: its encoded link parameter and its counts (see lesson.ts). */
  lesson?: { param: string; title: string; stops: number; questions: number };
}

/** The SCO's launch parameters (SCORM 1.2 item `parameters`). */
export function scoParameters(o: Pick<PackageOptions, 'lang' | 'lesson'>): string | undefined {
  const q = new URLSearchParams();
  if (o.lang) q.set('lang', o.lang);
  if (o.lesson) {
    q.set('lesson', o.lesson.param);
    q.set('stops', String(o.lesson.stops));
    q.set('questions', String(o.lesson.questions));
  }
  const text = q.toString();
  return text ? `?${text}` : undefined;
}

/** Paths of the written packages. */
export interface Packages {
  scorm: string;
  cartridge: string;
  offline: string;
}

const TITLE = 'Korea, January 1951 – campaign map';
const DESCRIPTION =
  'Animated map of the Korean War from 31 December 1950 to 31 January 1951: front lines by date, units, narrative in English and Korean, every line and paragraph sourced.';

// A fixed time stamp: the same build gives byte-identical packages.
const MTIME = new Date('2000-01-01T00:00:00Z');

async function zipOf(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const tree: Zippable = {};
  for (const [path, data] of Object.entries(files)) tree[path] = [typeof data === 'string' ? new TextEncoder().encode(data) : data, { mtime: MTIME }];
  return zipSync(tree, { level: 9 });
}

async function readAll(dist: string, paths: readonly string[], prefix = ''): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const p of paths) out[prefix + p] = await readFile(join(dist, p));
  return out;
}

/** The read-me of the offline zip. */
export function offlineReadme(build: BuildInfo): string {
  return [
    TITLE,
    '',
    `Version: ${buildLine(build)}`,
    '',
    'This folder is the whole map: pages, scripts, data, fonts and symbols. It requests nothing',
    'from the internet.',
    '',
    'On a school intranet: copy the folder korea-1951/ to any web server (IIS, Apache, nginx, a',
    'NAS with web sharing) and open index.html through it, e.g. https://intranet.school/korea-1951/.',
    'After one visit, the map also works in that browser with the network off.',
    '',
    'On a shared drive or a laptop without a server: browsers do not run the map from a file://',
    'address (they block its scripts there). Start a small web server in the folder, e.g.',
    '  python3 -m http.server 8080     (then open http://localhost:8080/)',
    '  npx serve .                     (Node.js)',
    '',
    'Pages: index.html (the map), embed.html (for <iframe> in lesson pages), print.html (a handout).',
    'Code: MIT licence. Basemap: Natural Earth (public domain); rivers: GSHHG (LGPL).',
    '',
  ].join('\n');
}

/** Writes the three packages; returns their paths. */
export async function writePackages(o: PackageOptions): Promise<Packages> {
  const all = (await listFiles(o.dist)).filter((f) => !NEVER.some((r) => r.test(f)));
  const site = all.filter((f) => !WORKER.some((r) => r.test(f)));
  const version = `${o.build.name}-${o.build.version}`;
  const versionText = `${buildLine(o.build)}\n`;
  await mkdir(o.out, { recursive: true });

  const scormFiles = [...site, 'VERSION.txt'];
  const scorm = await zipOf({
    ...(await readAll(o.dist, site)),
    'VERSION.txt': versionText,
    'imsmanifest.xml': scormManifest(o.build, { title: o.lesson ? `${o.lesson.title} – ${TITLE}` : TITLE, launch: 'scorm.html', parameters: scoParameters(o) }, scormFiles),
  });

  const webFiles = site.filter((f) => f !== 'scorm.html');
  const cartridge = await zipOf({
    ...(await readAll(o.dist, webFiles, `${CC_WEB_DIR}/`)),
    [`${CC_WEB_DIR}/VERSION.txt`]: versionText,
    ...(o.hostedUrl ? { [CC_LINK_FILE]: webLink(TITLE, o.hostedUrl) } : {}),
    'imsmanifest.xml': cartridgeManifest(o.build, { title: TITLE, description: DESCRIPTION, hostedUrl: o.hostedUrl }, [...webFiles, 'VERSION.txt']),
  });

  const offlineFiles = all.filter((f) => f !== 'scorm.html');
  const offline = await zipOf({
    ...(await readAll(o.dist, offlineFiles, 'korea-1951/')),
    'korea-1951/VERSION.txt': versionText,
    'korea-1951/README.txt': offlineReadme(o.build),
  });

  const paths: Packages = {
    scorm: join(o.out, `${version}-scorm12.zip`),
    cartridge: join(o.out, `${version}-cc13.imscc`),
    offline: join(o.out, `${version}-offline.zip`),
  };
  await writeFile(paths.scorm, scorm);
  await writeFile(paths.cartridge, cartridge);
  await writeFile(paths.offline, offline);
  return paths;
}
