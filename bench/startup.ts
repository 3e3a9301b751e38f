/**
 * Start-up figures (c2) and (f) of `npm run bench`, on their own and quicker, and for A/B
 * comparisons: `npx tsx bench/startup.ts [--runs N] [--no-build] [--dirs a,b] [--gl]`.
 *
 * Builds the app (benchmark build) into dist-bench/ unless `--no-build`, serves every build
 * folder of `--dirs` (default: dist-bench) and opens, round after round (interleaved, so every
 * page sees the same machine load), each folder's app (embed.html), bare-MapLibre baseline
 * (bench/baseline.html) and content baseline (bench/content.html: the same content as plain
 * MapLibre style layers, no app code) — the baselines from the first folder only. Prints, per
 * page, the median of navigation → complete map (the ready marker), of long-task time up to
 * it, and of each campaign:* step; the ratios of those medians to the baseline's (as `npm run
 * bench`), and the median (and range) of each run's ratio to the baseline of its own round. With `--gl`, also counts per page the WebGL
 * programs linked and the frames drawn (colour clears of the default framebuffer) up to the
 * ready marker, and the time the main thread waited in getProgramParameter.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { preview } from 'vite';
import { buildSite } from '../src/build/build-site.ts';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from '../tests/browser/chromium.ts';
import { writeContentData } from './content-data.ts';

export const READY = '.map[data-ready="true"], body[data-ready="true"]';

// Page scripts are passed as strings: tsx would wrap named functions in a helper the page lacks.

/** Records when the ready marker appears, and every long task, from the very start of the document. */
export const READY_PROBE = `
  window.longTasks = [];
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.longTasks.push([e.startTime, e.duration]); });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(function () {
    if (document.querySelector('.map[data-ready="true"], body[data-ready="true"]')) {
      window.readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
`;

/**
 * Counts, until the ready marker, WebGL programs linked, frames drawn (clears of the default
 * framebuffer's colour) and the main thread's time in getProgramParameter (waits for links).
 */
const GL_PROBE = `
  window.glStats = { programs: 0, frames: 0, linkWait: 0, fragments: [], calls: {} };
  (function () {
    var P = WebGL2RenderingContext.prototype;
    var done = function () { return window.readyAt !== undefined; };
    var stats = window.glStats;
    var types = new WeakMap();
    var createShader = P.createShader;
    P.createShader = function (type) { var sh = createShader.call(this, type); if (sh) types.set(sh, type); return sh; };
    Object.getOwnPropertyNames(P).forEach(function (name) {
      var d = Object.getOwnPropertyDescriptor(P, name);
      if (!d || typeof d.value !== 'function' || name === 'constructor' || name === 'createShader') return;
      var f = d.value;
      P[name] = function () {
        if (done()) return f.apply(this, arguments);
        if (name === 'linkProgram') stats.programs++;
        if (name === 'clear' && (arguments[0] & this.COLOR_BUFFER_BIT) && !stats.fbo) stats.frames++;
        if (name === 'shaderSource' && types.get(arguments[0]) === this.FRAGMENT_SHADER) {
          var defines = (arguments[1].match(/#define [A-Za-z_]+/g) || []).map(function (x) { return x.slice(8).replace('HAS_UNIFORM_u_', ''); }).filter(function (x) { return x !== 'SDF_PX' && x !== 'EXTRUDE_SCALE' && x.indexOf('DEVICE') !== 0 && x !== 'PROJECTION_MERCATOR'; });
          stats.fragments.push(arguments[1].length + (defines.length ? ' ' + defines.join(',') : ''));
        }
        if (name === 'bindFramebuffer') stats.fbo = arguments[1];
        var t0 = performance.now();
        var r = f.apply(this, arguments);
        var dt = performance.now() - t0;
        var c = stats.calls[name] || (stats.calls[name] = [0, 0]);
        c[0]++; c[1] += dt;
        if (name === 'getProgramParameter') stats.linkWait += dt;
        return r;
      };
    });
  })();
`;

export interface StartupRun {
  ready: number;
  busy: number;
  marks: Record<string, number>;
  gl?: { programs: number; frames: number; linkWait: number; fragments: string[]; calls: Record<string, [number, number]> };
}

/** Milliseconds from navigation start to the first ready frame, long-task time up to it, and the page's campaign:* marks. */
export async function startup(page: Page, url: string): Promise<StartupRun> {
  await page.goto(url);
  await page.waitForSelector(READY, { timeout: 60_000 });
  // Long tasks are reported after they end: give the last one before the ready marker a moment.
  await page.waitForTimeout(300);
  return page.evaluate(`({
    ready: window.readyAt,
    busy: window.longTasks.reduce(function (sum, t) { return sum + Math.max(0, Math.min(t[0] + t[1], window.readyAt) - t[0]); }, 0),
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter(function (m) { return m.name.indexOf('campaign:') === 0; }).map(function (m) { return [m.name.slice(9), m.startTime]; })),
    gl: window.glStats,
  })`) as Promise<StartupRun>;
}

/** One fresh context at 1024×768 (as `npm run bench`), the page opened and measured. */
export async function startupRun(browser: Browser, url: string, gl = false): Promise<StartupRun> {
  const w = await openPage(browser, { viewport: { width: 1024, height: 768 } });
  try {
    await w.page.addInitScript(READY_PROBE);
    if (gl) await w.page.addInitScript(GL_PROBE);
    return await startup(w.page, url);
  } finally {
    await w.context.close();
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runs = Number(option('--runs') ?? 7);
  const dirs = (option('--dirs') ?? 'dist-bench').split(',');
  const gl = args.includes('--gl');
  process.env.BENCH = '1';
  process.env.VITE_BENCH = '1';
  if (!args.includes('--no-build')) await writeContentData();
  if (!args.includes('--no-build')) await buildSite({ logLevel: 'error', outDir: dirs[0] });
  const servers = await Promise.all(dirs.map((outDir) => preview({ preview: { host: '127.0.0.1', port: 0 }, build: { outDir }, logLevel: 'error' })));
  const bases = servers.map((s) => {
    const address = s.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return `http://127.0.0.1:${address.port}/`;
  });
  const pages = { app: 'embed.html', baseline: 'bench/baseline.html', content: 'bench/content.html' } as const;
  const browser = await launch();
  const results = new Map<string, (StartupRun & { round: number })[]>();
  const load: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      load.push(loadavg()[0]);
      for (const [d, base] of bases.entries()) {
        for (const [kind, path] of Object.entries(pages)) {
          // The baselines are the same page in every build: measured in the first folder's only.
          if (!existsSync(join(dirs[d], path)) || (d > 0 && kind !== 'app')) continue;
          const key = `${dirs[d]} ${kind}`;
          const run = await startupRun(browser, base + path, gl).catch((e: Error) => (process.stderr.write(`${key}: ${e.message}\n`), undefined));
          if (run) results.set(key, [...(results.get(key) ?? []), { ...run, round: i }]);
        }
      }
      process.stderr.write(`round ${i + 1}/${runs} done (load ${loadavg()[0].toFixed(1)})\n`);
    }
  } finally {
    await browser.close();
    for (const s of servers) s.httpServer.close();
  }
  const out = (s: string) => process.stdout.write(s);
  out(`${runs} interleaved rounds; load average (1 min) at each round's start: ${load.map((l) => l.toFixed(1)).join(' ')}\n\n`);
  out('| page | complete (ms) | long tasks (ms) | complete ÷ baseline | long tasks ÷ baseline | per round: complete ÷ baseline | per round: long tasks ÷ baseline |\n|---|---|---|---|---|---|---|\n');
  const base = results.get(`${dirs[0]} baseline`) ?? [];
  for (const dir of dirs) {
    const baseReady = median(base.map((r) => r.ready));
    const baseBusy = median(base.map((r) => r.busy));
    for (const kind of Object.keys(pages)) {
      const rs = results.get(`${dir} ${kind}`);
      if (!rs) continue;
      const ready = median(rs.map((r) => r.ready));
      const busy = median(rs.map((r) => r.busy));
      // Each run against the baseline of its own round (a minute apart at most): the machine's
      // load drifts less within a round than across them. Median and range.
      const paired = (f: (r: StartupRun) => number) => {
        const xs = rs.flatMap((r) => base.filter((b) => b.round === r.round).map((b) => f(r) / Math.max(1, f(b))));
        return xs.length ? `×${median(xs).toFixed(2)} (×${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` : '—';
      };
      out(`| ${dir} ${kind} | ${ready.toFixed(0)} | ${busy.toFixed(0)} | ×${(ready / baseReady).toFixed(2)} | ×${(busy / Math.max(1, baseBusy)).toFixed(2)} | ${paired((r) => r.ready)} | ${paired((r) => r.busy)} |\n`);
    }
  }
  out('\nsteps, median ms from navigation:\n');
  for (const [key, rs] of results) {
    const names = [...new Set(rs.flatMap((r) => Object.keys(r.marks)))];
    const steps = names.map((n) => [n, median(rs.map((r) => r.marks[n]).filter((x) => x !== undefined))] as const).sort((a, b) => a[1] - b[1]);
    out(`  ${key}: ${steps.map(([n, v]) => `${n} ${v.toFixed(0)}`).join(', ')}\n`);
    if (gl && rs[0].gl) {
      out(`    programs ${median(rs.map((r) => r.gl!.programs))}, frames ${median(rs.map((r) => r.gl!.frames))}, link waits ${median(rs.map((r) => r.gl!.linkWait)).toFixed(0)} ms\n`);
      out(`    fragment shaders (chars, defines): ${rs[0].gl.fragments.join(' | ')}\n`);
      const names = [...new Set(rs.flatMap((r) => Object.keys(r.gl!.calls)))];
      const time = names.map((n) => [n, median(rs.map((r) => r.gl!.calls[n]?.[1] ?? 0)), median(rs.map((r) => r.gl!.calls[n]?.[0] ?? 0))] as const).sort((a, b) => b[1] - a[1]);
      out(`    GL calls, median ms (count): ${time.slice(0, 10).map(([n, t, c]) => `${n} ${t.toFixed(0)} (${c})`).join(', ')}\n`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
