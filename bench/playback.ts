/**
 * Figure (b) of `npm run bench` on its own, longer and interleaved:
 * `npm run bench:playback [-- --rounds N] [--window ms] [--no-build] [--dirs a,b] [--json] [--trace dir] [--content all|play|none]`.
 *
 * Builds the app (benchmark build) into dist-bench/ unless `--no-build`, serves every build
 * folder of `--dirs` (default: dist-bench) and opens each folder's app page (index.html) on the
 * opening date, at 1024×768 as `npm run bench`, at Fast and scrolled to the top as a user
 * watching playback has it (checking Fast scrolls the map mostly out of the window): the map's
 * canvas and the date slider wholly in the window, checked and printed, also after each round. After one unmeasured playback window (a warm-up
 * that also tells which days playback covers), round after round, on the same page and camera,
 * `--window` ms each (default 3000): Fast playback from the opening date; the map forced to
 * repaint every frame while paused at the dates that playback covers (the window split into
 * REPAINT_DATES equal parts, each at one date spread evenly over the days playback drew, reached
 * and settled before its frames count); and, the older baseline, forced repaints on the opening
 * date only. Every window (and each of the matched repaint's parts) runs RUN_IN_MS before its
 * frames are counted, so none counts the quick first frames after a pause. The matched repaint runs first in even rounds and last in odd ones, playback always
 * between the two baselines, so a drifting machine load falls on all alike; the folders take
 * turns inside each round. The camera is the same in all modes: the map never moves it by
 * itself (the manifest's phase cameras are not applied to it; only the reset button and the
 * reader do), and the bench touches neither. Prints, per folder: the mean, median and p90
 * frame interval of each mode over all rounds and playback's ratios to both baselines (as
 * `npm run bench` judges them: against the matched dates), and each round's ratio of means
 * with the load average then, so noise (ratios scattered on both sides of 1) can be told from
 * a cost (every round above 1).
 *
 * Beside the app, in the same rounds and not judged: the content baseline of (b)
 * (bench/content-play.ts, `bench/content.html?play`: bare MapLibre drawing the opening view,
 * a range input and date texts, no app code), whose playback changes the map and the DOM, the
 * map only, the DOM only, or nothing (a control) (`--content all`, the default; `play` the
 * first alone; `control` the first and the control; `none` none), printed with their ratios and CPU per frame beside the app's: what any page that
 * draws this map and changes a few elements each frame pays on this GPU.
 *
 * `--trace dir` adds, after the rounds, one window of each mode under a Chromium trace and a
 * V8 CPU profile (written to dir), and prints what the main thread did per frame in each:
 * busy time, garbage collection, the top trace events and JS functions by self time, DOM
 * mutations, and the busy time of the GPU process and the map's workers.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { preview } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../src/build/build-site.ts';
import { launch, openPage } from '../tests/browser/chromium.ts';
import { READY } from './startup.ts';
import { writeContentData } from './content-data.ts';

/**
 * `repaint`: forced repaints at the dates playback draws (the baseline (b) is judged against);
 * `repaintAtStart`: forced repaints on the opening date only (the older baseline, still reported).
 */
export type PlaybackMode = 'repaint' | 'play' | 'repaintAtStart';

/** Into how many sub-windows the matched repaint window is split, each paused at one date. */
export const REPAINT_DATES = 4;

/** One round: the modes' frame intervals (ms), in the order they ran, and the load average at its start. */
export interface PlaybackRound {
  round: number;
  first: PlaybackMode;
  load: number;
  repaint: number[];
  play: number[];
  repaintAtStart: number[];
  /** The days playback drew in this round (first, last), and the days the matched repaint was paused at. */
  playDays: [number, number];
  repaintDays: number[];
  /** CPU ms each mode's window cost, by Chromium process type (see chromiumCpu). */
  cpu: Record<PlaybackMode, Record<string, number>>;
  /** The frames those windows ran, their run-ins' too (RUN_IN_MS): what `cpu` is per frame of. */
  cpuFrames: Record<PlaybackMode, number>;
  /** Whether the map's canvas and the date slider were wholly in the window at the round's end. */
  inView: boolean;
}

/**
 * CPU time (ms, user + system) used so far by each kind of Chromium process this script
 * started (renderer, gpu-process, browser, …), from /proc: what a window of frames cost the
 * machine, whatever else runs on it (frame intervals stretch with the load; the work does not).
 * Empty where /proc is missing.
 */
export function chromiumCpu(): Record<string, number> {
  const out: Record<string, number> = {};
  if (!existsSync('/proc/self/stat')) return out;
  const tick = 1000 / 100; // USER_HZ
  const parent = new Map<number, number>();
  const stats = new Map<number, { ms: number; type: string }>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) in parentheses.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(f[1]));
      if (!stat.includes('(chromium') && !stat.includes('(chrome')) continue;
      const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '))?.[1] ?? 'browser';
      stats.set(pid, { ms: (Number(f[11]) + Number(f[12])) * tick, type });
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = pid, n = 0; p > 1 && n < 20; p = parent.get(p) ?? 0, n++) if (p === process.pid) return true;
    return false;
  };
  for (const [pid, { ms, type }] of stats) if (ours(pid)) out[type] = (out[type] ?? 0) + ms;
  return out;
}

// Page scripts are passed as strings: tsx would wrap named functions in a helper the page lacks.

/**
 * The day the map element `el` (a page script's variable) shows: its `benchDrawnDay` where the
 * page sets one (the content baseline's play mode, whose DOM may be static), else its
 * `data-drawn-day` (the app).
 */
const DRAWN_DAY = (el: string) => `(typeof ${el}.benchDrawnDay === 'number' ? ${el}.benchDrawnDay : Number(${el}.dataset.drawnDay))`;

/**
 * Frames of every window run this long (ms) before they are counted. Each window starts after a
 * pause (the page put on its date and left to settle), when the software GPU process has no
 * frames queued: its first frames come quicker than the ones that follow. Without a run-in, the
 * matched repaint (REPAINT_DATES windows, each after a pause) counted four such starts to the
 * playback's one: the content baseline's control — a "playback" that changes nothing, its own
 * frame loop repainting the map just as the forced repaint does — measured ×1.35 of the matched
 * repaint (GPU process +13 ms a frame, slower in 6 of 6 rounds) and ×1.04 of the one-window
 * repaint on the opening date (bench:playback, 7 Dec 01:38, load 7.5–10.8).
 */
export const RUN_IN_MS = 500;

/**
 * Frame intervals over `ms` of the page as it runs, after a run-in of RUN_IN_MS (not counted);
 * with `repaint`, the (paused) page's map is forced to repaint every frame (its bench-build
 * hook), the baseline for playback.
 */
export async function frameIntervals(page: Page, ms: number, repaint = false): Promise<number[]> {
  return page.evaluate(`new Promise(function (resolve) {
    var el = document.querySelector('.map');
    var map = ${repaint} ? el : null;
    var out = [], last = performance.now(), t0 = last + ${RUN_IN_MS};
    // The day on the map at each counted frame (read back with drawnDays).
    var days = window.benchDrawnDays = [];
    // Every frame of the window, the run-in's too: what its CPU time is shared among.
    window.benchFrames = 0;
    requestAnimationFrame(function tick(now) {
      if (map) map.benchRepaint();
      window.benchFrames++;
      if (now >= t0) {
        days.push(${DRAWN_DAY('el')});
        out.push(now - last);
      }
      last = now;
      if (now - t0 < ${ms}) requestAnimationFrame(tick); else resolve(out.slice(1));
    });
  })`) as Promise<number[]>;
}

/** The first and last day the map showed during the last frameIntervals window. */
async function drawnDays(page: Page): Promise<[number, number]> {
  const days = (await page.evaluate('window.benchDrawnDays')) as number[];
  return [days[0], days[days.length - 1]];
}

/**
 * `n` dates spread evenly over [from, to] (the middles of n equal parts), on the slider's
 * steps (an hour): where the matched repaint baseline pauses.
 */
export function repaintDates(from: number, to: number, n = REPAINT_DATES): number[] {
  return Array.from({ length: n }, (_, k) => Math.round((from + ((k + 0.5) * (to - from)) / n) * 24) / 24);
}

/** Play or pause (a click in the page: the button may be hidden by `--hide`). */
async function togglePlay(page: Page): Promise<void> {
  await page.evaluate(`document.querySelector('button.play').click()`);
}

/** Puts the slider (and so the map) on `day`, and waits until the map has drawn it and settled. */
async function goTo(page: Page, day: number): Promise<void> {
  await page.evaluate(`(async function () {
    var slider = document.querySelector('#date-slider');
    var map = document.querySelector('.map');
    slider.value = String(${day});
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    for (var i = 0; i < 600 && Math.abs(${DRAWN_DAY('map')} - Number(slider.value)) > 1e-6; i++) await new Promise(function (r) { requestAnimationFrame(r); });
  })()`);
  // The labels under unit symbols are looked at when the map is idle: let that happen first.
  await page.waitForTimeout(400);
}

/** One window of `mode` from `day`: playback at the page's speed (Fast, set by openPlayback), or forced repaints. */
export async function playbackWindow(page: Page, mode: PlaybackMode, day: number, ms: number, go = true): Promise<number[]> {
  if (go) await goTo(page, day);
  if (mode !== 'play') return frameIntervals(page, ms, true);
  await togglePlay(page);
  try {
    return await frameIntervals(page, ms);
  } finally {
    await togglePlay(page);
  }
}

/** Where the map's canvas and the date slider are in the window (CSS px, top–bottom), and whether both are wholly in it. */
export interface InView { scrollY: number; canvas: [number, number]; slider: [number, number]; inView: boolean }

export async function inView(page: Page): Promise<InView> {
  return page.evaluate(`(function () {
    var box = function (sel) { var r = document.querySelector(sel).getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right].map(Math.round); };
    var inside = function (b) { return b[0] >= 0 && b[1] <= innerHeight && b[2] >= 0 && b[3] <= innerWidth; };
    var canvas = box('.map canvas'), slider = box('#date-slider');
    return { scrollY: scrollY, canvas: canvas.slice(0, 2), slider: slider.slice(0, 2), inView: inside(canvas) && inside(slider) };
  })()`) as Promise<InView>;
}

/** One page as the rounds drive it: the day it opens on, and where its map and slider were when opened. */
export interface PlaybackPage { page: Page; close: () => Promise<void>; day: number; view: InView }

/**
 * Opens the app page on the opening date at the bench's size, at Fast speed, scrolled to the
 * top as a user watching playback has it: the map and the date slider wholly in the window
 * (`view` says whether they are).
 */
export async function openPlayback(browser: Browser, base: string): Promise<PlaybackPage> {
  const w = await openPage(browser, { viewport: { width: 1024, height: 768 } });
  await w.page.goto(`${base}?date=1950-12-31`);
  await w.page.waitForSelector(READY, { timeout: 60_000 });
  await w.page.getByLabel('Fast', { exact: true }).check();
  // Checking Fast scrolls the speed buttons into view, and the map mostly out of it (its top at
  // y = -365 at 1024×768: 155 px of map seen): back to the top, where the user watches playback.
  await w.page.evaluate('scrollTo(0, 0)');
  const day = Number(await w.page.locator('#date-slider').inputValue());
  return { page: w.page, close: () => w.context.close(), day, view: await inView(w.page) };
}

/**
 * The content baseline of (b) (bench/content-play.ts): `bench/content.html?play` plus `query`
 * (e.g. `&dom=static`), at the bench's size; bare MapLibre, a range input and date texts.
 */
export async function openContentPlayback(browser: Browser, base: string, query = ''): Promise<PlaybackPage> {
  const w = await openPage(browser, { viewport: { width: 1024, height: 768 } });
  await w.page.goto(`${base}bench/content.html?play${query}`);
  await w.page.waitForSelector(READY, { timeout: 60_000 });
  const day = Number(await w.page.locator('#date-slider').inputValue());
  return { page: w.page, close: () => w.context.close(), day, view: await inView(w.page) };
}

/** The content baseline's variants measured beside the app: what changes in playback. */
export const CONTENT_VARIANTS = [
  { name: 'content: map and DOM change', query: '' },
  { name: 'content: map changes, DOM static', query: '&dom=static' },
  { name: 'content: DOM changes, map repaints', query: '&map=static' },
  // A control: playback that changes nothing (the page's own frame loop repainting the map),
  // so what remains against the forced repaint is the bench's, not the page's.
  { name: 'content: nothing changes (control)', query: '&map=static&dom=static' },
] as const;

/** A one-line summary of a view check. */
export function describeView(v: InView): string {
  return `map canvas ${v.canvas.join('–')}, date slider ${v.slider.join('–')} px, scrollY ${v.scrollY}: ${v.inView ? 'both wholly in the 768 px window' : 'WARNING: not wholly in the window'}`;
}

/**
 * Round `i` on one page, `ms` per mode: Fast playback from `day`; forced repaints at the dates
 * that playback covers (`ms` split into REPAINT_DATES equal sub-windows, each paused at one
 * date, reached and settled before its frames are counted, so no jump is counted as a repaint);
 * and forced repaints on `day` alone. Matched repaint first in even rounds, last in odd ones
 * (playback always between the two baselines). The matched repaint uses the days this round's
 * playback drew when it ran after it, else `covered` (the days the playback before drew: from
 * the same date at the same speed, the same range give or take a frame).
 */
export async function playbackRound(page: Page, day: number, i: number, ms: number, covered: [number, number]): Promise<PlaybackRound> {
  const order: PlaybackMode[] = i % 2 === 0 ? ['repaint', 'play', 'repaintAtStart'] : ['repaintAtStart', 'play', 'repaint'];
  const round: PlaybackRound = {
    round: i, first: order[0], load: loadavg()[0], repaint: [], play: [], repaintAtStart: [], playDays: covered, repaintDays: [],
    cpu: { repaint: {}, play: {}, repaintAtStart: {} }, cpuFrames: { repaint: 0, play: 0, repaintAtStart: 0 }, inView: false,
  };
  const add = async (mode: PlaybackMode, before: Record<string, number>) => {
    for (const [type, t] of Object.entries(chromiumCpu())) round.cpu[mode][type] = (round.cpu[mode][type] ?? 0) + t - (before[type] ?? 0);
    round.cpuFrames[mode] += (await page.evaluate('window.benchFrames')) as number;
  };
  for (const mode of order) {
    if (mode === 'repaint') {
      round.repaintDays = repaintDates(...round.playDays);
      for (const d of round.repaintDays) {
        await goTo(page, d);
        const before = chromiumCpu();
        round.repaint.push(...(await frameIntervals(page, ms / round.repaintDays.length, true)));
        await add(mode, before);
      }
      continue;
    }
    await goTo(page, day);
    const before = chromiumCpu();
    round[mode] = await playbackWindow(page, mode, day, ms, false);
    await add(mode, before);
    if (mode === 'play') round.playDays = await drawnDays(page);
  }
  round.inView = (await inView(page)).inView;
  return round;
}

/** One unmeasured playback window from `day`: warms the page up; returns the days it drew. */
export async function playbackCovers(page: Page, day: number, ms: number): Promise<[number, number]> {
  await playbackWindow(page, 'play', day, ms);
  return drawnDays(page);
}

/**
 * `rounds` rounds on several pages, interleaved: one unmeasured playback window per page first
 * (a warm-up that gives the days the first round's matched repaint is paused at), then in each
 * round every page takes its turn (the first one first in even rounds, last in odd ones), so
 * the pages see the same machine load. Returns each page's rounds.
 */
export async function interleavedRounds(pages: readonly { page: Page; day: number }[], rounds: number, ms: number, done?: (round: number) => void): Promise<PlaybackRound[][]> {
  const covered: [number, number][] = [];
  for (const p of pages) covered.push(await playbackCovers(p.page, p.day, ms));
  const out: PlaybackRound[][] = pages.map(() => []);
  for (let i = 0; i < rounds; i++) {
    const order = pages.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) out[k].push(await playbackRound(pages[k].page, pages[k].day, i, ms, out[k][i - 1]?.playDays ?? covered[k]));
    done?.(i);
  }
  return out;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The q-quantile (nearest rank, as `npm run bench`'s p95). */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/**
 * What (b) reports from a set of rounds: the modes' pooled statistics, playback's ratios to the
 * matched-date repaint (judged) and to the opening-date repaint (`atStart`), and each round's ratios.
 */
export function playbackFigures(rounds: PlaybackRound[]) {
  const play = rounds.flatMap((r) => r.play);
  const repaint = rounds.flatMap((r) => r.repaint);
  const of = (xs: number[]) => ({ mean: mean(xs), median: quantile(xs, 0.5), p90: quantile(xs, 0.9), p95: quantile(xs, 0.95), frames: xs.length });
  const p = of(play);
  const r = of(repaint);
  const s = of(rounds.flatMap((x) => x.repaintAtStart));
  const perRound = rounds.map((x) => ({
    load: x.load,
    first: x.first,
    meanRatio: mean(x.play) / mean(x.repaint),
    medianRatio: quantile(x.play, 0.5) / quantile(x.repaint, 0.5),
    atStartMeanRatio: mean(x.play) / mean(x.repaintAtStart),
    playMeanMs: mean(x.play),
    repaintMeanMs: mean(x.repaint),
    repaintAtStartMeanMs: mean(x.repaintAtStart),
    playDays: x.playDays,
    repaintDays: x.repaintDays,
  }));
  const ratios = perRound.map((x) => x.meanRatio).sort((a, b) => a - b);
  // CPU ms a frame, by process type, over all rounds.
  const cpuPerFrame = (mode: PlaybackMode) => {
    const frames = rounds.reduce((n, x) => n + (x.cpuFrames?.[mode] || x[mode].length), 0);
    const types = [...new Set(rounds.flatMap((x) => Object.keys(x.cpu[mode])))];
    return Object.fromEntries(types.map((type) => [type, rounds.reduce((t, x) => t + (x.cpu[mode][type] ?? 0), 0) / Math.max(1, frames)]));
  };
  return {
    play: p,
    repaint: r,
    ratio: p.mean / r.mean,
    medianRatio: p.median / r.median,
    p90Ratio: p.p90 / r.p90,
    perRound,
    atStart: { repaint: s, ratio: p.mean / s.mean, medianRatio: p.median / s.median, p90Ratio: p.p90 / s.p90 },
    cpuPerFrame: { play: cpuPerFrame('play'), repaint: cpuPerFrame('repaint'), repaintAtStart: cpuPerFrame('repaintAtStart') },
    /** Median and range of the rounds' ratios of means; how many rounds had playback slower. */
    roundRatio: { median: quantile(ratios, 0.5), min: ratios[0], max: ratios[ratios.length - 1], above: ratios.filter((x) => x > 1).length, rounds: ratios.length },
  };
}

export type PlaybackFigures = ReturnType<typeof playbackFigures>;

/**
 * The unjudged content line of (b): for the app and each content baseline variant, playback ÷
 * forced repaint at its dates (mean, median) and the CPU ms a frame of the GPU process and the
 * renderer in both modes.
 */
export function describeContent(rows: readonly { name: string; f: PlaybackFigures }[]): string {
  const x = (v: number) => `×${v.toFixed(2)}`;
  const cpu = (f: PlaybackFigures, type: string) => `${type} ${(f.cpuPerFrame.play[type] ?? 0).toFixed(1)} vs ${(f.cpuPerFrame.repaint[type] ?? 0).toFixed(1)}`;
  const width = Math.max(...rows.map((r) => r.name.length));
  return [
    `(b) content baseline, not judged — bare MapLibre drawing the opening view at the app's map size, a range input and date texts, no app code (bench/content-play.ts), in the same rounds:`,
    `  playback ÷ forced repaint at its dates, mean; median (rounds' ratios of means); CPU ms a frame, playback vs repaint`,
    ...rows.map(({ name, f }) => `  ${name.padEnd(width)}  ${x(f.ratio)}; ${x(f.medianRatio)} (${f.perRound.map((r) => x(r.meanRatio)).join(' ')}); ${cpu(f, 'gpu-process')}, ${cpu(f, 'renderer')}, ${cpu(f, 'browser')}`),
  ].join('\n');
}

/** The figures as lines of text. */
export function describeFigures(name: string, f: PlaybackFigures): string {
  const ms = (x: number) => x.toFixed(1);
  const x = (v: number) => `×${v.toFixed(2)}`;
  return [
    `${name}: ${f.perRound.length} rounds, ${f.play.frames} playback frames, ${f.repaint.frames} repaint frames at playback's dates, ${f.atStart.repaint.frames} on the opening date`,
    `  playback ÷ repaint at the dates playback drew (judged):`,
    `  mean   ${ms(f.play.mean)} ÷ ${ms(f.repaint.mean)} ms = ${x(f.ratio)}`,
    `  median ${ms(f.play.median)} ÷ ${ms(f.repaint.median)} ms = ${x(f.medianRatio)}`,
    `  p90    ${ms(f.play.p90)} ÷ ${ms(f.repaint.p90)} ms = ${x(f.p90Ratio)}`,
    `  playback ÷ repaint on the opening date only: mean ${ms(f.play.mean)} ÷ ${ms(f.atStart.repaint.mean)} ms = ${x(f.atStart.ratio)}; median ${ms(f.play.median)} ÷ ${ms(f.atStart.repaint.median)} = ${x(f.atStart.medianRatio)}; p90 ${x(f.atStart.p90Ratio)}`,
    `  CPU ms a frame (playback | repaint at its dates | repaint on the opening date): ${Object.keys({ ...f.cpuPerFrame.play, ...f.cpuPerFrame.repaint }).map((type) => `${type} ${(f.cpuPerFrame.play[type] ?? 0).toFixed(1)} | ${(f.cpuPerFrame.repaint[type] ?? 0).toFixed(1)} | ${(f.cpuPerFrame.repaintAtStart[type] ?? 0).toFixed(1)}`).join(', ')}`,
    `  per round, ratio of means: median ${x(f.roundRatio.median)} (${x(f.roundRatio.min)}–${x(f.roundRatio.max)}); playback slower in ${f.roundRatio.above} of ${f.roundRatio.rounds}`,
    `  rounds (load, first mode, days played, repaint days, play ÷ repaint mean ms; ÷ opening-date repaint): ${f.perRound.map((r) => `${r.load.toFixed(1)} ${r.first} ${r.playDays.map((d) => d.toFixed(2)).join('–')} [${r.repaintDays.map((d) => d.toFixed(2)).join(' ')}] ${ms(r.playMeanMs)}÷${ms(r.repaintMeanMs)}=${x(r.meanRatio)}; ÷${ms(r.repaintAtStartMeanMs)}=${x(r.atStartMeanRatio)}`).join(' | ')}`,
  ].join('\n');
}

// ---- --trace: what each mode's frames cost ----------------------------------------------

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> }; cat?: string }

interface CpuProfile { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] }

/**
 * Counts DOM mutations from now until read: records by type, and per element touched (tag, id
 * or first class, attribute) the records and the number of frames in which it changed.
 */
const MUTATIONS_PROBE = `(function () {
  var m = window.benchMutations = { attributes: 0, characterData: 0, childList: 0, targets: {} };
  var frame = 0, running = true;
  requestAnimationFrame(function count() { frame++; if (running) requestAnimationFrame(count); });
  window.benchMutationObserver = new MutationObserver(function (records) {
    records.forEach(function (r) {
      m[r.type]++;
      var el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      var key = r.type + ' ' + (el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') : '?') + (r.attributeName ? ' @' + r.attributeName : '');
      var t = m.targets[key] || (m.targets[key] = [0, 0, -1]);
      t[0]++;
      if (t[2] !== frame) { t[1]++; t[2] = frame; }
    });
  });
  window.benchMutationObserver.observe(document, { subtree: true, attributes: true, characterData: true, childList: true });
  window.benchMutationsStop = function () { running = false; window.benchMutationObserver.disconnect(); return m; };
})()`;

/** Merged length of intervals [start, end) in µs. */
function union(intervals: [number, number][]): number {
  const s = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of s) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** Self time (ms) of each JS function in a CPU profile, top `n`. */
function selfTimes(profile: CpuProfile, n: number): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** One traced window of `mode`: trace + CPU profile + DOM mutations, summarised per frame. */
async function tracedWindow(browser: Browser, page: Page, mode: PlaybackMode, day: number, ms: number, dir: string, tag: string): Promise<string> {
  await goTo(page, day);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8', 'v8.execute', 'disabled-by-default-v8.gc', 'blink.user_timing', 'toplevel', 'gpu', 'viz'],
  });
  await page.evaluate(MUTATIONS_PROBE);
  await cdp.send('Profiler.start');
  let frames: number[];
  if (mode === 'repaint') frames = await frameIntervals(page, ms, true);
  else {
    await togglePlay(page);
    frames = await frameIntervals(page, ms);
    await togglePlay(page);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const mutations = (await page.evaluate('window.benchMutationsStop()')) as { attributes: number; characterData: number; childList: number; targets: Record<string, [number, number]> };
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await cdp.detach();
  writeFileSync(join(dir, `${tag}-${mode}.trace.json`), JSON.stringify(trace));
  writeFileSync(join(dir, `${tag}-${mode}.cpuprofile`), JSON.stringify(profile));

  const events = trace.traceEvents;
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const processes = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name' && e.args?.name) processes.set(e.pid, e.args.name);
  // The page's renderer main thread: the one with the most frames fired.
  const fires = new Map<string, number>();
  for (const e of events) if (e.name === 'FireAnimationFrame') fires.set(`${e.pid}:${e.tid}`, (fires.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...fires].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mainPid = Number(main?.split(':')[0]);
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const t0 = Math.min(...complete.filter((e) => `${e.pid}:${e.tid}` === main).map((e) => e.ts));
  const t1 = Math.max(...complete.filter((e) => `${e.pid}:${e.tid}` === main).map((e) => e.ts + (e.dur ?? 0)));
  const span = (t1 - t0) / 1000;
  const busyOf = (pred: (e: TraceEvent) => boolean) => union(complete.filter(pred).map((e) => [e.ts, e.ts + (e.dur ?? 0)])) / 1000;
  const n = frames.length + 1;
  const perFrame = (x: number) => (x / n).toFixed(2);
  const onMain = (e: TraceEvent) => `${e.pid}:${e.tid}` === main;
  const totals = new Map<string, [number, number]>();
  for (const e of complete.filter(onMain)) {
    const t = totals.get(e.name) ?? [0, 0];
    t[0] += (e.dur ?? 0) / 1000;
    t[1]++;
    totals.set(e.name, t);
  }
  const gc = [...totals].filter(([name]) => /GC|Scavenge|MarkCompact/i.test(name)).sort((a, b) => b[1][0] - a[1][0]);
  const gcMain = busyOf((e) => onMain(e) && /^(MinorGC|MajorGC|V8\.GC_SCAVENGER|V8\.GC_MARK_COMPACTOR|BlinkGC\.AtomicPhase)/.test(e.name));
  const workers = [...threads].filter(([key, name]) => Number(key.split(':')[0]) === mainPid && /Worker/i.test(name)).map(([key]) => key);
  const gpuMain = [...threads].filter(([key, name]) => name === 'CrGpuMain' && /GPU/i.test(processes.get(Number(key.split(':')[0])) ?? 'GPU')).map(([key]) => key);
  const onGpu = (e: TraceEvent) => gpuMain.includes(`${e.pid}:${e.tid}`);
  const sumOf = (name: string) => complete.filter((e) => onGpu(e) && e.name === name).reduce((t, e) => t + (e.dur ?? 0) / 1000, 0);
  const countOf = (name: string) => complete.filter((e) => onGpu(e) && e.name === name).length;
  const lines = [
    `${mode}: ${frames.length} frames in ${span.toFixed(0)} ms traced (mean ${mean(frames).toFixed(1)} ms, median ${quantile(frames, 0.5).toFixed(1)})`,
    `  renderer main thread busy ${busyOf(onMain).toFixed(0)} ms (${perFrame(busyOf(onMain))} ms a frame); GC on it ${gcMain.toFixed(1)} ms (${perFrame(gcMain)} a frame)`,
    `  GPU process main thread busy ${busyOf((e) => gpuMain.includes(`${e.pid}:${e.tid}`)).toFixed(0)} ms; the page's workers busy ${busyOf((e) => workers.includes(`${e.pid}:${e.tid}`)).toFixed(0)} ms (${workers.length} threads)`,
    `  GPU process: page raster (RasterDecoderImpl::DoEndRasterCHROMIUM) ${sumOf('RasterDecoderImpl::DoEndRasterCHROMIUM').toFixed(0)} ms in ${countOf('RasterDecoderImpl::DoEndRasterCHROMIUM')} (${perFrame(sumOf('RasterDecoderImpl::DoEndRasterCHROMIUM'))} ms a frame); SwapBuffers (the queued WebGL and raster work, then the composite) ${sumOf('SkiaOutputSurfaceImplOnGpu::SwapBuffers').toFixed(0)} ms (${perFrame(sumOf('SkiaOutputSurfaceImplOnGpu::SwapBuffers'))} a frame); WebGL ${sumOf('WebGL').toFixed(0)} ms`,
    `  DOM mutations: ${mutations.attributes} attributes, ${mutations.characterData} text, ${mutations.childList} child lists (${((mutations.attributes + mutations.characterData + mutations.childList) / n).toFixed(1)} a frame); by target (records in frames): ${Object.entries(mutations.targets).sort((a, b) => b[1][1] - a[1][1] || b[1][0] - a[1][0]).slice(0, 16).map(([k, [r, f]]) => `${k} ${r} in ${f}`).join(', ')}`,
    `  trace events on the main thread (total ms, count): ${[...totals].sort((a, b) => b[1][0] - a[1][0]).slice(0, 22).map(([k, [t, c]]) => `${k} ${t.toFixed(0)} (${c})`).join(', ')}`,
    `  GC events: ${gc.slice(0, 8).map(([k, [t, c]]) => `${k} ${t.toFixed(1)} (${c})`).join(', ') || 'none'}`,
    `  JS self time, top functions (ms): ${selfTimes(profile, 25).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rounds = Number(option('--rounds') ?? 8);
  const windowMs = Number(option('--window') ?? 3000);
  const dirs = (option('--dirs') ?? 'dist-bench').split(',');
  const traceDir = option('--trace');
  const asJson = args.includes('--json');
  process.env.BENCH = '1';
  process.env.VITE_BENCH = '1';
  if (!args.includes('--no-build')) {
    // The benchmark build includes the baselines' pages, which need their data.
    await writeContentData();
    await buildSite({ logLevel: 'error', outDir: dirs[0] });
  }
  const servers = await Promise.all(dirs.map((outDir) => preview({ preview: { host: '127.0.0.1', port: 0 }, build: { outDir }, logLevel: 'error' })));
  const bases = servers.map((s) => {
    const address = s.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return `http://127.0.0.1:${address.port}/`;
  });
  // A diagnostic: `--hide selector[|selector…]` adds, for each folder, a page per selector with
  // those elements hidden (display: none), in the same rounds: what drawing them costs in playback.
  // Likewise `--eval code[|code…]`: a page per script, run in it once it is open.
  const hide = option('--hide')?.split('|') ?? [];
  const scripts = option('--eval')?.split('|') ?? [];
  // The content baseline of (b) (bench/content-play.ts), from the first folder, in the same
  // rounds: `--content all` (default) its four variants, `play` the first alone, `control` the
  // first and the control, `none` none.
  const content = option('--content') ?? 'all';
  const contentVariants = content === 'none' ? [] : content === 'play' ? CONTENT_VARIANTS.slice(0, 1) : content === 'control' ? [CONTENT_VARIANTS[0], CONTENT_VARIANTS[3]] : CONTENT_VARIANTS;
  const variants: { name: string; d: number; css: string; js: string; content?: string }[] = [
    ...dirs.flatMap((dir, d) => [
      { name: dir, d, css: '', js: '' },
      ...hide.map((sel) => ({ name: `${dir} hiding ${sel}`, d, css: `${sel} { display: none !important; }`, js: '' })),
      ...scripts.map((js) => ({ name: `${dir} with ${js}`, d, css: '', js })),
    ]),
    ...contentVariants.map((c) => ({ name: c.name, d: 0, css: '', js: '', content: c.query })),
  ];
  const browser = await launch();
  const results: Record<string, PlaybackRound[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
  const traces: string[] = [];
  const views: Record<string, InView> = {};
  const loadStart = loadavg()[0];
  try {
    const pages = [];
    for (const v of variants) {
      const p = v.content === undefined ? await openPlayback(browser, bases[v.d]) : await openContentPlayback(browser, bases[v.d], v.content);
      // A constructed style sheet: the pages' CSP refuses a <style> element.
      if (v.css) await p.page.evaluate(`(function () { var s = new CSSStyleSheet(); s.replaceSync(${JSON.stringify(v.css)}); document.adoptedStyleSheets = document.adoptedStyleSheets.concat([s]); })()`);
      if (v.js) await p.page.evaluate(v.js);
      views[v.name] = await inView(p.page);
      pages.push(p);
    }
    const done = await interleavedRounds(pages, rounds, windowMs, (i) => process.stderr.write(`round ${i + 1}/${rounds} done (load ${loadavg()[0].toFixed(1)})\n`));
    variants.forEach((v, k) => (results[v.name] = done[k]));
    if (traceDir) {
      mkdirSync(traceDir, { recursive: true });
      for (const [k, v] of variants.entries()) {
        // The traced repaint is on the opening date (as repaintAtStart).
        for (const mode of ['repaint', 'play'] as const) traces.push(`${v.name} ${await tracedWindow(browser, pages[k].page, mode, pages[k].day, windowMs, traceDir, `${v.name.replace(/\W+/g, '_')}`)}`);
      }
    }
    for (const p of pages) await p.close();
  } finally {
    await browser.close();
    for (const s of servers) s.httpServer.close();
  }
  const figures = Object.fromEntries(variants.filter(() => rounds > 0).map((v) => [v.name, playbackFigures(results[v.name])]));
  if (asJson) {
    process.stdout.write(`${JSON.stringify({ date: new Date().toISOString(), windowMs, rounds, load: { start: loadStart, end: loadavg()[0] }, views, figures, intervals: results })}\n`);
    return;
  }
  process.stdout.write(`(b) playback ÷ forced repaint, ${rounds} interleaved rounds of ${windowMs} ms per mode; load average (1 min) ${loadStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end\n`);
  for (const v of variants) process.stdout.write(`  ${v.name}: ${describeView(views[v.name])}${rounds ? `; at the rounds' ends ${results[v.name].filter((r) => r.inView).length} of ${rounds} in view` : ''}\n`);
  process.stdout.write('\n');
  for (const d of Object.keys(figures)) process.stdout.write(`${describeFigures(d, figures[d])}\n\n`);
  const contentRows = variants.filter((v) => v.content !== undefined || (v.d === 0 && !v.css && !v.js)).filter((v) => figures[v.name]).map((v) => ({ name: v.name, f: figures[v.name] }));
  if (contentVariants.length && rounds > 0) process.stdout.write(`${describeContent(contentRows)}\n\n`);
  if (traces.length) process.stdout.write(`${traces.join('\n\n')}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
