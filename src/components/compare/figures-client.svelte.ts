/**
 * Compare's figures for the page: asked of a worker (figures.worker.ts) so no frame waits for
 * the clipping, kept per pair of dates, and exposed as reactive state. Where workers cannot
 * start, the figures are computed in idle time on the page instead.
 */
import type { Pack } from '../../lib/campaign.ts';
import type { CompareFigures } from '../../lib/compare.ts';

export interface FiguresRequest {
  id: number;
  a: string;
  b: string;
}
export type FiguresReply = { id: number; figures: CompareFigures } | { id: number; error: string };

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** The pack without what the figures never read (units, arrows, texts, other land): less to copy. */
function slim(pack: Pack): Pack {
  return {
    ...pack,
    tracks: [],
    arrows: [],
    units: {},
    narratives: {},
    unitNotes: {},
    glossaries: {},
    sources: undefined,
    lines: EMPTY,
    basemap: { mainland: pack.basemap.mainland, land: EMPTY, rivers: EMPTY, parallel: EMPTY },
  };
}

export class CompareFiguresClient {
  /** The figures of the newest pair asked for, once computed. */
  figures = $state.raw<CompareFigures>();
  /** The pair being computed, if any. */
  busy = $state(false);
  error = $state<string>();
  #worker: Worker | undefined;
  #cache = new Map<string, CompareFigures>();
  #next = 0;
  #wanted = '';
  #pending = new Map<number, string>();
  /** Who waits for a pair's figures (see figuresFor). */
  #waiting = new Map<string, { done: (f: CompareFigures) => void; fail: (e: Error) => void }[]>();

  constructor(private readonly pack: Pack) {}

  #start(): Worker | undefined {
    if (this.#worker) return this.#worker;
    try {
      this.#worker = new Worker(new URL('./figures.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return undefined;
    }
    this.#worker.onmessage = (e: MessageEvent<FiguresReply>) => this.#reply(e.data);
    this.#worker.postMessage({ pack: slim(this.pack) });
    return this.#worker;
  }

  #reply(r: FiguresReply) {
    const key = this.#pending.get(r.id);
    this.#pending.delete(r.id);
    if (key === undefined) return;
    if ('figures' in r) this.#cache.set(key, r.figures);
    for (const w of this.#waiting.get(key) ?? []) {
      if ('figures' in r) w.done(r.figures);
      else w.fail(new Error(r.error));
    }
    this.#waiting.delete(key);
    if (key !== this.#wanted) return;
    this.busy = false;
    if ('figures' in r) this.figures = r.figures;
    else this.error = r.error;
  }

  /** Asks for A → B; `figures` follows when they are in (at once if computed before). */
  request(a: string, b: string): void {
    const key = `${a},${b}`;
    if (key === this.#wanted) return;
    this.#wanted = key;
    this.error = undefined;
    const known = this.#cache.get(key);
    if (known) {
      this.figures = known;
      this.busy = false;
      return;
    }
    this.busy = true;
    const id = ++this.#next;
    this.#pending.set(id, key);
    const worker = this.#start();
    if (worker) worker.postMessage({ id, a, b } satisfies FiguresRequest);
    else void this.#onPage(id, a, b);
  }

  /** The figures of A → B once computed (asked for if they are not): for a picture of compare. */
  figuresFor(a: string, b: string): Promise<CompareFigures> {
    const key = `${a},${b}`;
    const known = this.#cache.get(key);
    if (known) return Promise.resolve(known);
    return new Promise((done, fail) => {
      this.#waiting.set(key, [...(this.#waiting.get(key) ?? []), { done, fail }]);
      if ([...this.#pending.values()].includes(key)) return;
      // Not on its way: asked for as the pair shown.
      this.#wanted = '';
      this.request(a, b);
    });
  }

  /** Without a worker: the same functions, in idle time once the page has drawn. */
  async #onPage(id: number, a: string, b: string) {
    const { compareFigures, landIndexOf } = await import('../../lib/compare.ts');
    await new Promise((done) => (window.requestIdleCallback ?? setTimeout)(done));
    try {
      this.#reply({ id, figures: compareFigures(this.pack, landIndexOf(this.pack), a, b) });
    } catch (err) {
      this.#reply({ id, error: String(err) });
    }
  }

  destroy(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
