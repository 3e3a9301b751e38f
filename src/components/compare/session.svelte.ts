/**
 * Compare mode's state for a page (the app and the embed share it): dates A and B (B is also
 * the page's date), swipe or overlay, the divider, and the figures worked out for A → B.
 * Loaded with the rest of compare's code (index.ts) when compare is first asked for (issue 15
 * #6): the page's first view holds only ../compare-gate.svelte.ts.
 */
import type { Pack } from '../../lib/campaign.ts';
import { dayOf, isoOf } from '../../lib/dates.ts';
import { formatDate, t } from '../../lib/i18n.ts';
import type { CompareDates, CompareView } from '../../lib/params.ts';
import type { Lang } from '../../lib/types.ts';
import { viewAt } from '../../lib/view.ts';
import type { MapCompare } from '../../map/campaign-map.ts';
import type { ExportCompare } from '../../export/export-map.ts';
import { CompareFiguresClient } from './figures-client.svelte.ts';

/** What is compared and how: dates A and B, swipe or overlay, the divider (0–1 from the left). */
export interface CompareState {
  a: string;
  b: string;
  view: CompareView;
  split: number;
}

/** What the session needs of its page. */
export interface CompareHost {
  /** The campaign, once loaded. */
  pack(): Pack | undefined;
  /**
   * The campaign with its detailed basemap, for the figures (areas of the mainland), where the
   * page's pack holds the overview (undefined until the detail is in: the page loads it while
   * compare is open). Default: `pack`.
   */
  exactPack?(): Pack | undefined;
  /** The page's date (a day number): date B while compare is open. */
  day(): number;
  setDay(day: number): void;
  /** Stops playback: compare shows two still dates. */
  stop(): void;
  /** The range the dates may take, as day numbers [first, last]. */
  range(): [number, number];
}

export class CompareSession {
  #host: CompareHost;
  /** Open with these dates and view, or closed (undefined). */
  state = $state.raw<CompareState>();
  /** Works out the figures (in a worker), once the pack is in. */
  readonly figures = $derived.by(() => {
    const pack = this.#host.exactPack ? this.#host.exactPack() : this.#host.pack();
    return pack ? new CompareFiguresClient(pack) : undefined;
  });
  /** Date A's view (B's is the page's own). */
  #viewA = $derived.by(() => {
    const pack = this.#host.pack();
    return pack && this.state ? viewAt(pack, dayOf(this.state.a)) : undefined;
  });
  /** The figures of the dates shown, once worked out (not those of a pair asked for before). */
  readonly compared = $derived.by(() => {
    const [s, f] = [this.state, this.figures?.figures];
    return s && f?.a === s.a && f.b === s.b ? f : undefined;
  });
  /** What the map draws for compare, or undefined for the single-date map. */
  readonly map = $derived.by((): MapCompare | undefined => {
    const [s, a] = [this.state, this.#viewA];
    return s && a ? { view: s.view, a, split: s.split, changes: this.compared?.change.shapes } : undefined;
  });

  /**
   * Creates the session's effects (a worker per pack, asked for each pair of dates): construct
   * it while a component initialises.
   */
  constructor(host: CompareHost) {
    this.#host = host;
    $effect(() => {
      const f = this.figures;
      return () => f?.destroy();
    });
    // Asking the worker is talking to the outside world; its answer comes back as the client's state.
    $effect(() => {
      if (this.state && this.figures) this.figures.request(this.state.a, this.state.b);
    });
  }

  /** The dates compared, as links and messages give them; undefined when closed. */
  get dates(): CompareDates | undefined {
    return this.state ? [this.state.a, this.state.b] : undefined;
  }

  /**
   * Opens compare on `dates` (as given), or, without them, from the start of the range to the
   * date shown (to the end of the range when the date shown is the start). Playback stops and
   * the page's date becomes B; an open compare keeps its view and divider.
   */
  open(dates?: CompareDates): void {
    this.#host.stop();
    const [first, last] = this.#host.range();
    let [a, b] = dates ?? [isoOf(first), isoOf(Math.ceil(this.#host.day() - 1e-9))];
    if (!dates && a === b) b = isoOf(last);
    this.state = { a, b, view: this.state?.view ?? 'swipe', split: this.state?.split ?? 0.5 };
    this.#host.setDay(dayOf(b));
  }

  /** New dates or view from compare's panel; the page's date follows B. */
  change(next: { a: string; b: string; view: CompareView }): void {
    if (!this.state) return;
    this.state = { ...this.state, ...next };
    this.#host.setDay(dayOf(next.b));
  }

  /** The swipe divider moved (0–1 from the left). */
  setSplit(split: number): void {
    if (this.state) this.state = { ...this.state, split };
  }

  /** Back to one date: date B. False if compare was not open. */
  leave(): boolean {
    if (!this.state) return false;
    this.#host.setDay(dayOf(this.state.b));
    this.state = undefined;
    return true;
  }

  /**
   * What a picture of compare draws: the view, date A, the divider and the figures (waited for;
   * without them, and so without the overlay's shading, if they cannot be worked out).
   */
  async picture(): Promise<ExportCompare | undefined> {
    const s = this.state;
    if (!s) return undefined;
    const found = await this.figures?.figuresFor(s.a, s.b).catch(() => undefined);
    return { view: s.view, a: dayOf(s.a), split: s.split, changes: found?.change.shapes, figures: found };
  }

  /** The map's accessible name while comparing ("Map comparing … with …"), B being `bDay`. */
  label(lang: Lang, bDay: number | undefined): string | undefined {
    const s = this.state;
    if (!s || bDay === undefined) return undefined;
    return t(lang, s.view === 'swipe' ? 'compare.mapSwipe' : 'compare.mapOverlay', { a: formatDate(lang, dayOf(s.a)), b: formatDate(lang, bDay) });
  }
}
