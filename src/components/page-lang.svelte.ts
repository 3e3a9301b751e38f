/**
 * The language a page opens in — the URL's `?lang=`, else the language of a lesson in the
 * link, else the browser's preference — and whether its interface catalogue is in yet, for
 * the app, the embed and the print view.
 */
import { untrack } from 'svelte';
import { hasMessages, loadMessages, preferredLang } from '../lib/i18n.ts';
import { langParam } from '../lib/params.ts';
import { fontsFor } from '../map/fonts.ts';
import type { Lang } from '../lib/types.ts';

/**
 * The longest a page stays blank waiting for the lesson in its link to say its language (its
 * code stalled on a slow or failing network): it then opens in the link's or the browser's
 * language, and switches to the lesson's once that is read (LinkLang), as before the wait.
 */
export const LESSON_LANG_WAIT_MS = 3000;

export class PageLang {
  /** The language the page opens in where the link (`lang=`) or the browser says it; a lesson in the link may say another (see open). */
  readonly first: Lang;
  /** Its catalogue is loaded (at once for English; if loading fails, `t` answers in English). */
  ready = $state(false);
  /** The language the page opens in, once known. */
  readonly #opening: Promise<Lang> | undefined;

  /**
   * `lessonLang` is the language of a lesson in a link that names none (params.ts lessonLang):
   * until it is read, and its catalogue (and for Korean its font) is in, the page is not
   * ready, so its first words are in that language, not English first (a link without a
   * lesson, or with `lang=`, waits for nothing more than before).
   */
  constructor(search: string = location.search, languages: readonly string[] = navigator.languages, lessonLang?: Promise<Lang | undefined>) {
    this.first = langParam(search) ?? preferredLang(languages);
    if (lessonLang) {
      const first = this.first;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waited = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), LESSON_LANG_WAIT_MS)));
      this.#opening = Promise.race([lessonLang, waited]).then((l) => {
        clearTimeout(timer);
        return l ?? first;
      });
      void this.#opening
        .then((l) => Promise.all([loadMessages(l).catch(() => undefined), fontsFor(l === 'ko' ? '가' : '')]))
        .finally(() => (this.ready = true));
      return;
    }
    this.ready = hasMessages(this.first);
    void loadMessages(this.first)
      .catch(() => undefined)
      .finally(() => (this.ready = true));
  }

  /** Calls `start` with the language the page opens in: at once, or once the link's lesson has said it. */
  open(start: (lang: Lang) => void): void {
    if (this.#opening) void this.#opening.then(start);
    else start(this.first);
  }
}

/**
 * Loads a language's narrative (`useLang`: the campaign loader's) and interface catalogue
 * together, before a page switches to it; the narrative's load error as text, if any (a
 * catalogue that cannot be loaded leaves `t` answering in English).
 */
export async function loadLanguage(useLang: (lang: Lang) => Promise<string | undefined>, lang: Lang): Promise<string | undefined> {
  const [error] = await Promise.all([useLang(lang), loadMessages(lang).catch(() => undefined)]);
  return error;
}

/**
 * The language a link asks for where it differs from the one the page opened in (a lesson's
 * link without `lang=`, read with the lesson's code): handed to `apply` once `ready()` (the pack
 * is in), once. Creates an effect: construct it while a component initialises.
 */
export class LinkLang {
  want = $state<Lang>();

  constructor(ready: () => boolean, apply: (lang: Lang) => void) {
    $effect(() => {
      const want = this.want;
      if (!ready() || !want) return;
      untrack(() => {
        this.want = undefined;
        apply(want);
      });
    });
  }
}
