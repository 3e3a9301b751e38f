/**
 * The language a page opens in — the URL's `?lang=`, else the browser's preference — and
 * whether its interface catalogue is in yet, for the app, the embed and the print view.
 */
import { hasMessages, loadMessages, preferredLang } from '../lib/i18n.ts';
import { langParam } from '../lib/params.ts';
import type { Lang } from '../lib/types.ts';

export class PageLang {
  /** The language the page opens in. */
  readonly first: Lang;
  /** Its catalogue is loaded (at once for English; if loading fails, `t` answers in English). */
  ready = $state(false);

  constructor(search: string = location.search, languages: readonly string[] = navigator.languages) {
    this.first = langParam(search) ?? preferredLang(languages);
    this.ready = hasMessages(this.first);
    void loadMessages(this.first)
      .catch(() => undefined)
      .finally(() => (this.ready = true));
  }
}
