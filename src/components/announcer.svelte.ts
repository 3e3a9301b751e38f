/**
 * The page's one polite live region: what it says and when (issue 12 #2, #3). Things the user
 * asks for are said at once; what follows a date change waits until the date settles (no
 * further change for `settleMs`), so dragging, stepping or playing never queues a stream of
 * announcements.
 */
export class Announcer {
  /** The live region's text. */
  text = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly settleMs = 700) {}

  /** Says `text` now (again, if it is what was said last), cancelling a pending settled text. */
  say(text: string): void {
    clearTimeout(this.#timer);
    if (!text) return;
    // A no-break space makes the same words a change, so a repeated question is answered aloud.
    this.text = text === this.text ? `${text}\u00a0` : text;
  }

  /** Once the date has settled, says what `compose` then returns (nothing if it is empty). */
  settle(compose: () => string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.say(compose()), this.settleMs);
  }

  /** Cancels what is pending (the page is going away). */
  destroy(): void {
    clearTimeout(this.#timer);
  }
}
