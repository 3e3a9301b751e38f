/**
 * The LMS packages and offline use, in real Chromium: the packaged SCORM 1.2 SCO launched
 * from a test LMS page that provides the API (scorm-again, with every call recorded), the
 * package manifests checked against the SCORM 1.2 and Common Cartridge 1.3 rules that can be
 * checked offline, and the app working with the network off after one visit.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { generateSW } from 'workbox-build';
import { openPage, waitForMap } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { writePackages, type Packages } from '../../src/build/packages/package.ts';
import { encodeLesson, type Lesson } from '../../src/lib/lesson.ts';
import { CC_LINK_FILE, CC_WEB_DIR } from '../../src/build/packages/manifests.ts';
import { SW_FILE, workboxOptions } from '../../src/build/offline.ts';

const base = inject('baseUrl');
const BUILD = { name: 'korea-1951-campaign-map', version: '0.1.0', commit: 'test', builtAt: '2026-01-01T00:00Z' };
const HOSTED = 'https://maps.example.edu/korea-1951/';
const PHASES = (JSON.parse(readFileSync('geo/korea-1951-01/manifest.json', 'utf8')) as { phases: { id: string }[] }).phases.map((p) => p.id);

let browser: Browser;
useBrowser((b) => (browser = b));
let work: string;
let packages: Packages;
const servers: Server[] = [];

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain' };

/** A static server for one folder on 127.0.0.1 (a stand-in for an LMS or a school's web server). */
async function serve(root: string): Promise<string> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/`;
}

function unzipTo(zip: string, dir: string): string[] {
  const files = unzipSync(readFileSync(zip));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return Object.keys(files).sort();
}

/**
 * The test LMS: scorm-again's SCORM 1.2 runtime as window.API, every call and its error code
 * recorded, the learner's record kept in sessionStorage between launches (as an LMS keeps it
 * between attempts), and the course's launch page in a frame.
 */
const LMS_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script src="scorm12.js"></script><script src="lms.js"></script></head>
<body style="margin:0"><iframe id="course" title="Course" style="width:1200px;height:820px;border:0"></iframe></body></html>`;
const LMS_SCRIPT = `
const record = JSON.parse(sessionStorage.getItem('record') || '{}');
const log = JSON.parse(sessionStorage.getItem('log') || '[]');
const api = new Scorm12API({ autocommit: false, logLevel: 5 });
const initial = { 'cmi.core.student_id': 's1', 'cmi.core.student_name': 'Student, Test' };
if (record['cmi.core.lesson_status']) initial['cmi.core.lesson_status'] = record['cmi.core.lesson_status'];
for (const k of ['cmi.core.lesson_location', 'cmi.suspend_data', 'cmi.core.score.raw']) if (record[k]) initial[k] = record[k];
initial['cmi.core.entry'] = record['cmi.core.exit'] === 'suspend' ? 'resume' : (record['cmi.core.lesson_status'] ? '' : 'ab-initio');
api.loadFromFlattenedJSON(initial);
window.attempt = (Number(sessionStorage.getItem('attempt') || '0') + 1);
sessionStorage.setItem('attempt', String(window.attempt));
const wrapped = {};
for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']) {
  wrapped[name] = (...args) => {
    const result = api[name](...args);
    if (!name.startsWith('LMSGet') || name === 'LMSGetValue') {
      const error = api.LMSGetLastError();
      log.push({ attempt: window.attempt, name, args, result: String(result), error });
      if (name === 'LMSSetValue' && error === '0') record[args[0]] = args[1];
      sessionStorage.setItem('log', JSON.stringify(log));
      sessionStorage.setItem('record', JSON.stringify(record));
    }
    return result;
  };
}
window.API = wrapped;
window.lmsLog = () => JSON.parse(sessionStorage.getItem('log') || '[]');
addEventListener('DOMContentLoaded', () => { document.getElementById('course').src = 'course/scorm.html' + location.search; });
`;

interface Call {
  attempt: number;
  name: string;
  args: string[];
  result: string;
  error: string;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lms-'));
  packages = await writePackages({ dist: 'dist', out: join(work, 'packages'), build: BUILD, hostedUrl: HOSTED });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  rmSync(work, { recursive: true, force: true });
});

/** A test LMS serving the unzipped SCORM package `zip`; returns its address. */
async function lmsFor(zip: string, name: string): Promise<string> {
  const root = join(work, name);
  const files = unzipTo(zip, join(root, 'course'));
  expect(files).toContain('imsmanifest.xml');
  expect(files).toContain('scorm.html');
  cpSync('node_modules/scorm-again/dist/scorm12.js', join(root, 'scorm12.js'));
  writeFileSync(join(root, 'lms.html'), LMS_PAGE);
  writeFileSync(join(root, 'lms.js'), LMS_SCRIPT);
  return serve(root);
}

/** The SCO's launch parameters, as the LMS passes them from the manifest's item. */
function launchParameters(zip: string): string {
  const xml = new TextDecoder().decode(unzipSync(readFileSync(zip))['imsmanifest.xml']);
  return (/parameters="([^"]*)"/.exec(xml)?.[1] ?? '').replace(/&amp;/g, '&');
}

/** The map inside the SCO's frame inside the LMS page. */
async function mapFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/course/embed.html')), { timeout: 30_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/course/embed.html'))!;
  await frame.waitForSelector('.map[data-ready="true"]', { timeout: 90_000 });
  return frame;
}

/** SCORM 1.2 call order: LMSInitialize first and once, nothing after LMSFinish, no errors. */
function checkOrder(calls: Call[]): void {
  expect(calls.filter((c) => c.error !== '0'), 'no call failed').toEqual([]);
  expect(calls[0].name).toBe('LMSInitialize');
  expect(calls.filter((c) => c.name === 'LMSInitialize')).toHaveLength(1);
  const finish = calls.findIndex((c) => c.name === 'LMSFinish');
  if (finish >= 0) expect(calls.slice(finish + 1)).toEqual([]);
  for (const c of calls) expect(typeof c.result).toBe('string');
}

describe('the SCORM 1.2 package in a test LMS', () => {
  it('initialises, reports incomplete then completed after every phase, records the date, resumes there, and fetches nothing outside the package', { timeout: 240_000 }, async () => {
    const lms = await lmsFor(packages.scorm, 'lms');

    const w = await openPage(browser, { viewport: { width: 1240, height: 860 } });
    await w.page.goto(`${lms}lms.html`);
    let frame = await mapFrame(w.page);
    const calls = async (): Promise<Call[]> => w.page.evaluate(() => (window as unknown as { lmsLog: () => Call[] }).lmsLog());
    const value = (cs: Call[], el: string) => cs.filter((c) => c.name === 'LMSSetValue' && c.args[0] === el).map((c) => c.args[1]);

    await expect.poll(async () => value(await calls(), 'cmi.core.lesson_status')).toEqual(['incomplete']);
    // Three phases forward with the slider's Page Up key (one phase a press).
    const slider = frame.getByRole('slider').first();
    for (let i = 0; i < 3; i++) await slider.press('PageUp');
    await expect.poll(async () => value(await calls(), 'cmi.core.lesson_location').at(-1)).toMatch(/^1951-01-0\d$/);
    const leftAt = value(await calls(), 'cmi.core.lesson_location').at(-1)!;

    // Leaving the course: session time, exit "suspend", commit, LMSFinish.
    await w.page.goto('about:blank');
    await w.page.goto(`${lms}lms.html`);
    const first = (await calls()).filter((c) => c.attempt === 1);
    checkOrder(first);
    expect(first.at(-1)!.name).toBe('LMSFinish');
    expect(value(first, 'cmi.core.exit')).toEqual(['suspend']);
    expect(value(first, 'cmi.core.session_time')[0]).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    expect(first.findLastIndex((c) => c.name === 'LMSCommit')).toBeGreaterThan(first.findIndex((c) => c.args[0] === 'cmi.core.exit'));

    // The second attempt opens where the first was left.
    frame = await mapFrame(w.page);
    expect(new URL(frame.url()).searchParams.get('date')).toBe(leftAt);
    const second = () => calls().then((cs) => cs.filter((c) => c.attempt === 2));
    await expect.poll(async () => (await second()).some((c) => c.name === 'LMSGetValue' && c.args[0] === 'cmi.suspend_data')).toBe(true);
    const again = frame.getByRole('slider').first();
    await again.press('Home');
    for (let i = 0; i < PHASES.length; i++) await again.press('PageUp');
    await expect.poll(async () => value(await second(), 'cmi.core.lesson_status').at(-1), { timeout: 20_000 }).toBe('completed');
    const suspend = JSON.parse(value(await second(), 'cmi.suspend_data').at(-1)!) as { p: string[] };
    expect([...suspend.p].sort()).toEqual([...PHASES].sort());

    await w.page.goto('about:blank');
    await w.page.goto(`${lms}lms.html`);
    const done = (await calls()).filter((c) => c.attempt === 2);
    checkOrder(done);
    expect(value(done, 'cmi.core.exit')).toEqual(['']);

    const outside = w.requests.filter((u) => !u.startsWith(lms) && u !== 'about:blank' && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    // The course's own files only: nothing from the LMS's folder but the LMS page itself.
    expect(w.requests.filter((u) => u.startsWith(lms) && !/\/(lms\.html|lms\.js|scorm12\.js)$/.test(u) && !u.startsWith(`${lms}course/`))).toEqual([]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('a lesson SCO reports its score and completes at its last stop', { timeout: 240_000 }, async () => {
    const lesson: Lesson = {
      version: 1,
      title: 'Seoul falls',
      start: '1951-01-01',
      end: '1951-01-06',
      lang: 'en',
      autoplay: false,
      speed: 'fast',
      narrative: 'closed',
      controls: true,
      stops: [
        { date: '1951-01-02', caption: 'The offensive breaks the Imjin line.' },
        { date: '1951-01-04', caption: 'Seoul is abandoned.', question: { kind: 'choice', prompt: 'Which city fell on 4 January?', options: ['Seoul', 'Pusan'], correct: 0, explanation: 'Seoul fell on 4 January 1951.' } },
      ],
    } as Lesson;
    const out = await writePackages({ dist: 'dist', out: join(work, 'lesson-packages'), build: BUILD, lesson: { param: encodeLesson(lesson), title: lesson.title, stops: 2, questions: 1 } });
    const parameters = launchParameters(out.scorm);
    expect(parameters).toMatch(/^\?lesson=1\.[\w-]+&stops=2&questions=1$/);
    const lms = await lmsFor(out.scorm, 'lesson-lms');
    const w = await openPage(browser, { viewport: { width: 1240, height: 860 } });
    await w.page.goto(`${lms}lms.html${parameters}`);
    const frame = await mapFrame(w.page);
    const calls = async (): Promise<Call[]> => w.page.evaluate(() => (window as unknown as { lmsLog: () => Call[] }).lmsLog());
    const value = (cs: Call[], el: string) => cs.filter((c) => c.name === 'LMSSetValue' && c.args[0] === el).map((c) => c.args[1]);

    await frame.getByRole('button', { name: 'Start the lesson' }).click();
    await expect.poll(() => frame.getByText('Stop 1 of 2').count(), { timeout: 60_000 }).toBe(1);
    await frame.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(() => frame.getByText('Stop 2 of 2').count(), { timeout: 60_000 }).toBe(1);
    await frame.getByRole('radio', { name: 'Seoul' }).check();
    await frame.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(async () => value(await calls(), 'cmi.core.score.raw').at(-1)).toBe('100');
    await expect.poll(async () => value(await calls(), 'cmi.core.lesson_status').at(-1)).toBe('completed');
    await w.page.goto('about:blank');
    await w.page.goto(`${lms}lms.html${parameters}`);
    const done = (await calls()).filter((c) => c.attempt === 1);
    checkOrder(done);
    expect(value(done, 'cmi.core.exit')).toEqual(['']);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('runs as the plain map without an LMS', { timeout: 120_000 }, async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}scorm.html?lang=ko`);
    await expect.poll(() => w.page.frames().some((f) => f.url().includes('embed.html'))).toBe(true);
    const frame = w.page.frames().find((f) => f.url().includes('embed.html'))!;
    await frame.waitForSelector('.map[data-ready="true"]', { timeout: 90_000 });
    expect(new URL(frame.url()).searchParams.get('lang')).toBe('ko');
    const box = await w.page.locator('iframe').boundingBox();
    expect(box!.width).toBe(1280);
    expect(box!.height).toBe(860);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('the package manifests', () => {
  /** Parses XML in the browser (DOMParser) and returns what the rules below need. */
  async function parse(xml: string) {
    const w = await openPage(browser);
    const result = await w.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const all = [...doc.getElementsByTagName('*')];
      const byLocal = (name: string) => all.filter((e) => e.localName === name);
      return {
        error,
        rootName: doc.documentElement.localName,
        rootNs: doc.documentElement.namespaceURI,
        schema: byLocal('schema')[0]?.textContent,
        schemaversion: byLocal('schemaversion')[0]?.textContent,
        identifiers: all.map((e) => e.getAttribute('identifier')).filter((x): x is string => x !== null),
        orgDefault: byLocal('organizations')[0]?.getAttribute('default'),
        organizations: byLocal('organization').map((o) => o.getAttribute('identifier')),
        items: byLocal('item').map((i) => ({ id: i.getAttribute('identifier'), ref: i.getAttribute('identifierref'), title: [...i.children].find((c) => c.localName === 'title')?.textContent })),
        resources: byLocal('resource').map((r) => ({
          id: r.getAttribute('identifier'),
          type: r.getAttribute('type'),
          href: r.getAttribute('href'),
          scormtype: r.getAttributeNS('http://www.adlnet.org/xsd/adlcp_rootv1p2', 'scormtype'),
          files: [...r.children].filter((c) => c.localName === 'file').map((f) => f.getAttribute('href')),
        })),
      };
    }, xml);
    await w.context.close();
    return result;
  }
  const NCNAME = /^[A-Za-z_][\w.-]*$/;

  it('SCORM 1.2: well-formed, required elements, unique identifiers, one SCO, every file listed and present', async () => {
    const zip = unzipSync(readFileSync(packages.scorm));
    const m = await parse(new TextDecoder().decode(zip['imsmanifest.xml']));
    expect(m.error).toBeNull();
    expect(m.rootName).toBe('manifest');
    expect(m.rootNs).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect([m.schema, m.schemaversion]).toEqual(['ADL SCORM', '1.2']);
    expect(new Set(m.identifiers).size).toBe(m.identifiers.length);
    for (const id of m.identifiers) expect(id).toMatch(NCNAME);
    expect(m.organizations).toContain(m.orgDefault);
    const resourceIds = m.resources.map((r) => r.id);
    for (const item of m.items) {
      expect(item.title).toBeTruthy();
      if (item.ref) expect(resourceIds).toContain(item.ref);
    }
    const scos = m.resources.filter((r) => r.scormtype === 'sco');
    expect(scos).toHaveLength(1);
    expect(scos[0].type).toBe('webcontent');
    const listed = m.resources.flatMap((r) => r.files);
    const inZip = Object.keys(zip).filter((f) => f !== 'imsmanifest.xml');
    expect([...listed].sort()).toEqual([...inZip].sort());
    expect(listed).toContain(scos[0].href);
    expect(inZip).toContain('VERSION.txt');
    expect(new TextDecoder().decode(zip['VERSION.txt'])).toContain('0.1.0, commit test');
  });

  it('Common Cartridge 1.3: well-formed, required elements, the map as web content, a web link to the hosted map, every file referenced', async () => {
    const zip = unzipSync(readFileSync(packages.cartridge));
    const m = await parse(new TextDecoder().decode(zip['imsmanifest.xml']));
    expect(m.error).toBeNull();
    expect(m.rootNs).toBe('http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1');
    expect([m.schema, m.schemaversion]).toEqual(['IMS Common Cartridge', '1.3.0']);
    expect(new Set(m.identifiers).size).toBe(m.identifiers.length);
    for (const id of m.identifiers) expect(id).toMatch(NCNAME);
    const allowed = ['webcontent', 'imswl_xmlv1p3'];
    for (const r of m.resources) expect(allowed).toContain(r.type);
    const web = m.resources.find((r) => r.type === 'webcontent')!;
    expect(web.href).toBe(`${CC_WEB_DIR}/index.html`);
    for (const f of web.files) expect(f!.startsWith(`${CC_WEB_DIR}/`)).toBe(true);
    const listed = m.resources.flatMap((r) => r.files);
    const inZip = Object.keys(zip).filter((f) => f !== 'imsmanifest.xml');
    expect([...listed].sort()).toEqual([...inZip].sort());
    const link = await parse(new TextDecoder().decode(zip[CC_LINK_FILE]));
    expect(link.error).toBeNull();
    expect(link.rootName).toBe('webLink');
    expect(link.rootNs).toBe('http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3');
    expect(new TextDecoder().decode(zip[CC_LINK_FILE])).toContain(`href="${HOSTED}"`);
  });

  it('the offline zip holds the whole site, its read-me and version, and no test pages', () => {
    const names = Object.keys(unzipSync(readFileSync(packages.offline)));
    for (const f of ['index.html', 'embed.html', 'print.html', 'sw.js', 'README.txt', 'VERSION.txt', 'data/korea-1951-01/manifest.json']) expect(names).toContain(`korea-1951/${f}`);
    expect(names.filter((n) => /mount\.html|baseline\.html|scorm\.html/.test(n))).toEqual([]);
  });
});

describe('offline after one visit', () => {
  it('works with the network off: reload, play the month, open a unit card', { timeout: 180_000 }, async () => {
    const w = await openPage(browser, { serviceWorkers: 'allow' });
    await w.page.goto(`${base}?date=1951-01-10`);
    await waitForMap(w.page, 90_000);
    await expect.poll(() => w.page.getByText(/saved in your browser/).count(), { timeout: 60_000 }).toBe(1);
    await w.context.setOffline(true);
    await w.page.reload();
    await waitForMap(w.page, 90_000);
    await w.page.getByRole('button', { name: /^play$/i }).click();
    await expect.poll(() => w.page.locator('.map').getAttribute('data-drawn-day'), { timeout: 20_000 }).not.toBe(null);
    await w.page.getByRole('button', { name: /^pause$/i }).click();
    await w.page.locator('.forces > summary').click();
    await w.page.locator('.forces li button').first().click();
    await expect.poll(() => w.page.locator('.forces .card p').last().textContent()).toMatch(/\w{4,}/);
    // The embed is built on its own (src/build/build-site.ts): the worker precaches its files too.
    await w.page.goto(`${base}embed.html?date=1951-01-15&narrative=open`);
    await waitForMap(w.page, 90_000);
    await expect.poll(() => w.page.locator('.narrative .cite a').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The page of the phases without JavaScript (linked from the embed's <noscript> line) too:
    // every picture and the Korean font come from the cache.
    await w.page.goto(`${base}noscript/index.html`);
    expect(await w.page.locator('.ns-phase').count()).toBe(9);
    for (const img of await w.page.locator('.ns-phase img').all()) {
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    }
    expect(await w.page.evaluate(() => getComputedStyle(document.querySelector('.ns')!).display)).toBe('grid');
    await w.page.evaluate(() => document.fonts.ready);
    expect(await w.page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Noto Sans KR') && f.status === 'loaded'))).toBe(true);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });

  it('a new build replaces the cache atomically: the old entries are gone once the new version is applied', { timeout: 180_000 }, async () => {
    // Two deployments of the same site: the second with changed data, its worker made by
    // Workbox with the build's own options, as `npm run build` makes it.
    const site = join(work, 'site');
    cpSync('dist', site, { recursive: true });
    const url = await serve(site);
    const w = await openPage(browser, { serviceWorkers: 'allow' });
    await w.page.goto(url);
    await waitForMap(w.page, 90_000);
    await expect.poll(() => w.page.getByText(/saved in your browser/).count(), { timeout: 60_000 }).toBe(1);
    const cached = () =>
      w.page.evaluate(async () => {
        const out: string[] = [];
        for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) out.push(req.url);
        return out;
      });
    const before = await cached();
    const sourcesBefore = before.find((u) => u.includes('data/sources.json'));
    expect(sourcesBefore).toBeTruthy();

    const sources = join(site, 'data/sources.json');
    writeFileSync(sources, readFileSync(sources, 'utf8').replace(/\}\s*$/, '}\n'));
    await generateSW({ ...workboxOptions, globDirectory: site, swDest: join(site, SW_FILE) });
    await w.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(() => w.page.getByText(/new version of the map is ready/).count(), { timeout: 60_000 }).toBe(1);
    // Until the reader applies it, the page still runs on the old version's cache only.
    expect(await cached()).toContain(sourcesBefore);
    await w.page.getByRole('button', { name: /reload to update/i }).click();
    await waitForMap(w.page, 90_000);
    await expect.poll(async () => (await cached()).includes(sourcesBefore!), { timeout: 30_000 }).toBe(false);
    // Workbox deletes the old version's entries one by one after activation: wait for the last.
    await expect.poll(async () => (await cached()).length, { timeout: 30_000 }).toBe(before.length);
    const after = await cached();
    expect(after.filter((u) => u.includes('data/sources.json'))).toHaveLength(1);
    await w.context.close();
  });
});
