/**
 * Compare mode's page state (src/components/compare/session.svelte.ts), shared by the app and
 * the embed: opening (from a link's dates or from the date shown), changing, the divider,
 * leaving for date B, the worker asked once per pair, the figures of the dates shown only; and
 * the gate that loads it (src/components/compare-gate.svelte.ts): one import, what is asked
 * meanwhile done in order, the report of each change. Runs its effects in an effect root, with
 * a fake worker.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import type { FeatureCollection } from 'geojson';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { dayOf, isoOf } from '../../src/lib/dates.ts';
import { CompareSession, type CompareHost } from '../../src/components/compare/session.svelte.ts';
import { CompareGate } from '../../src/components/compare-gate.svelte.ts';

/** A worker that records what it is sent and answers only when told to. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: Record<string, unknown>[] = [];
  terminated = false;
  onmessage?: (e: { data: unknown }) => void;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: Record<string, unknown>) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** The figures of the request `id` for A → B, with one changed shape. */
  answer(id: number, a: string, b: string, shapes: FeatureCollection) {
    this.onmessage?.({ data: { id, figures: { a, b, change: { held: {}, gained: {}, lost: {}, shapes }, places: [], advances: [] } } });
  }
}

let pack: Pack;
const FIRST = dayOf('1900-01-01');
const LAST = dayOf('1900-01-11');

beforeAll(async () => {
  pack = await loadPack('tests/fixtures/packs/areas/manifest.json', fsJsonReader);
});
afterEach(() => {
  FakeWorker.made = [];
  vi.unstubAllGlobals();
});

/** A page holding a session: its date, playback and pack as state, as App and EmbedApp hold them. */
function page(initial: { day: number; pack?: Pack }) {
  const host = $state({ day: initial.day, playing: true, pack: initial.pack });
  let session!: CompareSession;
  const stop = $effect.root(() => {
    session = new CompareSession({
      pack: () => host.pack,
      day: () => host.day,
      setDay: (d) => (host.day = d),
      stop: () => (host.playing = false),
      range: () => [FIRST, LAST],
    });
  });
  return { host, session, stop };
}

describe('compare session', () => {
  it('opens on the dates given, in that order, stops playback and shows date B', () => {
    const { host, session, stop } = page({ day: FIRST + 2.5 });
    session.open(['1900-01-08', '1900-01-03']);
    expect(session.state).toEqual({ a: '1900-01-08', b: '1900-01-03', view: 'swipe', split: 0.5 });
    expect(session.dates).toEqual(['1900-01-08', '1900-01-03']);
    expect(host.day).toBe(dayOf('1900-01-03'));
    expect(host.playing).toBe(false);
    // The same date twice, as a link or a message asked: obeyed as given.
    session.open(['1900-01-04', '1900-01-04']);
    expect(session.dates).toEqual(['1900-01-04', '1900-01-04']);
    stop();
  });

  it('opens without dates from the start of the range to the date shown (its calendar day), or to the end when that is the start', () => {
    const a = page({ day: FIRST + 4.25 });
    a.session.open();
    expect(a.session.dates).toEqual([isoOf(FIRST), isoOf(FIRST + 5)]);
    expect(a.host.day).toBe(FIRST + 5);
    a.stop();
    const b = page({ day: FIRST });
    b.session.open();
    expect(b.session.dates).toEqual([isoOf(FIRST), isoOf(LAST)]);
    b.stop();
  });

  it('changes dates and view, moves the divider, keeps both when reopened, and leaves for date B', () => {
    const { host, session, stop } = page({ day: FIRST });
    session.setSplit(0.3);
    expect(session.state).toBeUndefined();
    session.open(['1900-01-02', '1900-01-06']);
    session.change({ a: '1900-01-02', b: '1900-01-09', view: 'overlay' });
    expect(host.day).toBe(dayOf('1900-01-09'));
    session.setSplit(0.25);
    session.open(['1900-01-03', '1900-01-05']);
    expect(session.state).toEqual({ a: '1900-01-03', b: '1900-01-05', view: 'overlay', split: 0.25 });
    expect(session.label('en', host.day)).toBe('Map of 5 January 1900 with the front of 3 January 1900 and the ground that changed hands');
    host.day = FIRST;
    expect(session.leave()).toBe(true);
    expect(session.state).toBeUndefined();
    expect(host.day).toBe(dayOf('1900-01-05'));
    expect(session.leave()).toBe(false);
    expect(session.label('en', host.day)).toBeUndefined();
    stop();
  });

  it('asks the worker once per pair, draws the figures of the dates shown only, and ends the worker with the page', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    // Vite resolves a worker's URL against the page's address.
    vi.stubGlobal('self', { location: new URL('http://127.0.0.1/') });
    const { session, stop } = page({ day: FIRST, pack });
    expect(session.map).toBeUndefined();
    session.open(['1900-01-01', '1900-01-06']);
    // Date A's view at once, the changed ground once the figures are in.
    expect(session.map).toMatchObject({ view: 'swipe', split: 0.5, changes: undefined });
    expect(session.map?.a.iso).toBe('1900-01-01');
    flushSync();
    const [worker] = FakeWorker.made;
    expect(worker.sent.map((m) => ('id' in m ? [m.a, m.b] : 'pack'))).toEqual(['pack', ['1900-01-01', '1900-01-06']]);
    session.change({ a: '1900-01-01', b: '1900-01-08', view: 'swipe' });
    flushSync();
    session.setSplit(0.7);
    flushSync();
    expect(worker.sent).toHaveLength(3);
    const shapes: FeatureCollection = { type: 'FeatureCollection', features: [] };
    // The answer for the pair no longer shown is kept, not drawn.
    worker.answer(1, '1900-01-01', '1900-01-06', shapes);
    expect(session.compared).toBeUndefined();
    worker.answer(2, '1900-01-01', '1900-01-08', shapes);
    expect(session.compared?.b).toBe('1900-01-08');
    expect(session.map?.changes).toBe(shapes);
    // Back to a pair worked out before: from the cache, without asking again.
    session.change({ a: '1900-01-01', b: '1900-01-06', view: 'swipe' });
    flushSync();
    expect(worker.sent).toHaveLength(3);
    expect(session.compared?.b).toBe('1900-01-06');
    stop();
    expect(worker.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(1);
  });

});

/** A page holding a compare gate, as App and EmbedApp hold it. */
function gatePage(initial: { day: number }) {
  const host = $state({ day: initial.day, playing: true });
  const failures: number[] = [];
  let gate!: CompareGate;
  const pageHost: CompareHost = {
    pack: () => undefined,
    day: () => host.day,
    setDay: (d) => (host.day = d),
    stop: () => (host.playing = false),
    range: () => [FIRST, LAST],
  };
  const stop = $effect.root(() => {
    gate = new CompareGate(pageHost, () => failures.push(1));
  });
  return { host, gate, failures, stop };
}

describe('compare gate', () => {
  it('loads compare\'s code once, when first asked for, and does what was asked meanwhile in the order asked', async () => {
    const { host, gate, failures, stop } = gatePage({ day: FIRST + 2 });
    const done: string[] = [];
    // Before compare is asked for, an action is done at once, without a session.
    gate.run((s) => done.push(`before ${s === undefined}`));
    expect(done).toEqual(['before true']);
    expect(gate.loading).toBe(false);
    // A link's compare=, then (as messages arriving while the import is under way) a new date, then a new pair.
    gate.open(['1900-01-02', '1900-01-06']);
    expect(gate.loading).toBe(true);
    gate.run((s) => {
      done.push(`leave ${s?.leave()}`);
      host.day = FIRST + 8;
    });
    gate.open(['1900-01-03', '1900-01-05']);
    gate.run((s) => done.push(`last ${s?.dates?.join(',')}`));
    expect(done).toEqual(['before true']);
    expect(gate.session).toBeUndefined();
    // Compiling compare's code here takes a while.
    await vi.waitFor(() => expect(gate.loading).toBe(false), { timeout: 30_000 });
    expect(done).toEqual(['before true', 'leave true', 'last 1900-01-03,1900-01-05']);
    expect(gate.session?.state).toEqual({ a: '1900-01-03', b: '1900-01-05', view: 'swipe', split: 0.5 });
    expect(host.day).toBe(dayOf('1900-01-05'));
    expect(host.playing).toBe(false);
    expect(gate.kit?.SwipeDivider).toBeDefined();
    // Once in, actions are done at once, and nothing is loaded again.
    const session = gate.session;
    gate.open(['1900-01-04', '1900-01-09']);
    expect(gate.loading).toBe(false);
    expect(gate.session).toBe(session);
    expect(gate.session?.dates).toEqual(['1900-01-04', '1900-01-09']);
    expect(failures).toEqual([]);
    stop();
  });

  it('reports each change of the dates once, only while live, and null when left', async () => {
    const { gate, stop } = gatePage({ day: FIRST });
    const live = $state({ now: false });
    const reports: ([string, string] | null)[] = [];
    const off = $effect.root(() => gate.reportChanges(() => live.now, (d) => reports.push(d)));
    gate.open(['1900-01-01', '1900-01-05']);
    await vi.waitFor(() => expect(gate.loading).toBe(false), { timeout: 30_000 });
    const session = gate.session!;
    flushSync();
    expect(reports).toEqual([]);
    live.now = true;
    flushSync();
    expect(reports).toEqual([['1900-01-01', '1900-01-05']]);
    session.setSplit(0.2);
    session.change({ a: '1900-01-01', b: '1900-01-05', view: 'overlay' });
    flushSync();
    expect(reports).toHaveLength(1);
    session.change({ a: '1900-01-02', b: '1900-01-05', view: 'overlay' });
    flushSync();
    session.leave();
    flushSync();
    expect(reports).toEqual([['1900-01-01', '1900-01-05'], ['1900-01-02', '1900-01-05'], null]);
    off();
    stop();
  });
});
