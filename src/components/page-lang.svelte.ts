/**
 * The language a page opens in — the URL's `?lang=`, else (on pages that open lessons) the
 * language of the link's lesson, else the browser's preference — and whether its interface
 * catalogue is in yet, for the app, the embed, the print view and the lesson builder.
 */
import { hasMessages, loadMessages, preferredLang } from '../lib/i18n.ts';
import { hasLesson, langParam, lessonLangOf } from '../lib/params.ts';
import type { Lang } from '../lib/types.ts';

export class PageLang {
  /** The language the page opens in, as known at once (see `lessonLang` for a lesson's). */
  readonly first: Lang;
  /**
   * Where the link carries a lesson but no `?lang=` (pages created with `lessons: true`): the
   * language the page opens in once the lesson is read — the lesson's, else `first`. The page
   * loads its data in it; `ready` waits for its catalogue.
   */
  readonly lessonLang: Promise<Lang> | undefined;
  /** Its catalogue is loaded (at once for English; if loading fails, `t` answers in English). */
  ready = $state(false);

  constructor(
    options: { lessons?: boolean } = {},
    search: string = location.search,
    languages: readonly string[] = navigator.languages,
  ) {
    const asked = langParam(search);
    this.first = asked ?? preferredLang(languages);
    const first = this.first;
    if (options.lessons && !asked && hasLesson(search)) {
      this.lessonLang = lessonLangOf(search).then((l) => l ?? first, () => first);
      void this.lessonLang.then((l) => this.#load(l));
    } else {
      this.ready = hasMessages(first);
      void this.#load(first);
    }
  }

  #load(lang: Lang): Promise<void> {
    return loadMessages(lang)
      .catch(() => undefined)
      .finally(() => (this.ready = true));
  }
}
