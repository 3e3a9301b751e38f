/**
 * Compare mode for a page whose first view does not need it (issue 15 #6, issue 14 d): the
 * session and its panel, divider and figures (./compare/index.ts) are loaded with `import()`
 * when compare is first asked for (a compare= link, the host's setCompare, the Compare button).
 * What the page asks of compare meanwhile waits for that one import, in the order asked.
 */
import type { CompareHost, CompareSession } from './compare/session.svelte.ts';

/** Compare's code: the session, its components and the figures' sentences. */
export type CompareKit = typeof import('./compare/index.ts');

export class CompareGate {
  #host: CompareHost;
  #failed: () => void;
  /** The import and the actions waiting for it, while there are any: what is asked meanwhile runs after them. */
  #queue: Promise<unknown> | undefined;
  #end: (() => void) | undefined;
  /** Compare's code, once in. */
  kit = $state.raw<CompareKit>();
  /** The page's compare session, once compare's code is in. */
  session = $state.raw<CompareSession>();
  /** Compare's code is on its way (or what was asked meanwhile is not yet done). */
  loading = $state(false);
  /** The map is drawn as SVG (no WebGL): both dates side by side, with no swipe or overlay to choose. */
  svg = $state(false);

  /**
   * `failed` is called when compare's code cannot be loaded (it is tried again when next asked).
   * Creates an effect (the session's end with the page): construct it while a component initialises.
   */
  constructor(host: CompareHost, failed: () => void) {
    this.#host = host;
    this.#failed = failed;
    $effect(() => () => this.#end?.());
  }

  /** Loads compare's code and starts the session (once; again after a failure). */
  load(): void {
    if (this.session || this.loading) return;
    this.loading = true;
    this.#wait(
      import('./compare/index.ts').then(
        (kit) => {
          // The session's effects live until the page ends.
          this.#end = $effect.root(() => {
            this.session = new kit.CompareSession(this.#host);
          });
          this.kit = kit;
        },
        () => this.#failed(),
      ),
    );
  }

  /** Makes `next` the end of the queue, which empties once it is done (unless more was added). */
  #wait(next: Promise<unknown>): void {
    const queue = (this.#queue = next);
    void next.finally(() => {
      if (this.#queue !== queue) return;
      this.#queue = undefined;
      this.loading = false;
    });
  }

  /**
   * Runs `act` with the session (undefined if compare was never asked for, or its code could
   * not be loaded): at once, or after compare's code while it is on its way, so what a page
   * asks (a message, a link, a click) is done in the order asked.
   */
  run(act: (session: CompareSession | undefined) => void): void {
    const now = () => act(this.session);
    // After what is waiting, whether it went well or not.
    if (this.#queue) this.#wait(this.#queue.then(now, now));
    else now();
  }

  /** Opens compare on `dates`, or on the session's default pair (CompareSession.open). */
  open(dates?: Parameters<CompareSession['open']>[0]): void {
    this.load();
    this.run((s) => s?.open(dates));
  }

  /**
   * Calls `report` once per change of the dates (`null` when compare is left), while `live()`
   * is true. It creates an effect: call it while a component initialises, after the effects
   * whose reports must come first (the embed's `ready`).
   */
  reportChanges(live: () => boolean, report: (dates: [string, string] | null) => void): void {
    let last = '';
    $effect(() => {
      if (!live()) return;
      const s = this.session?.state;
      const now = s ? `${s.a},${s.b}` : '';
      if (now === last) return;
      last = now;
      report(s ? [s.a, s.b] : null);
    });
  }
}
