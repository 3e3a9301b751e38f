/**
 * The notices a page shows. They are added as things happen (the link read, once per load of
 * the data; a language that could not be loaded; a message that was not obeyed), never replaced
 * wholesale, and a notice already on the list is not shown twice. Notices added `once` (those
 * about the link) are said once per page: reading the link again neither repeats them nor brings
 * back one the user dismissed.
 */
import type { Notice } from '../lib/params.ts';

/** Two notices are the same if they have the same key and the same values. */
const identity = (n: Notice) => JSON.stringify([n.key, Object.entries(n.vars).sort(([a], [b]) => a.localeCompare(b))]);

export class NoticeList {
  /** What is shown, oldest first. */
  shown = $state.raw<readonly Notice[]>([]);
  /** Notices added `once` so far, shown or dismissed. */
  readonly #said = new Set<string>();

  /** Adds each of `notices` that is not shown already (with `once`: nor said before). */
  add(notices: readonly Notice[], { once = false }: { once?: boolean } = {}): void {
    const ids = new Set(this.shown.map(identity));
    const fresh: Notice[] = [];
    for (const n of notices) {
      const id = identity(n);
      if (ids.has(id) || (once && this.#said.has(id))) continue;
      ids.add(id);
      if (once) this.#said.add(id);
      fresh.push(n);
    }
    if (fresh.length) this.shown = [...this.shown, ...fresh];
  }

  /** Removes the notice at `index` (its Dismiss button). */
  dismiss(index: number): void {
    this.shown = this.shown.filter((_, i) => i !== index);
  }
}
