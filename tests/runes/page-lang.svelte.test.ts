/**
 * The language a page opens in (src/components/page-lang.svelte.ts): where a lesson in the link
 * says it (a link without `lang=`), the page is not ready to show anything until the lesson has
 * been read and that language's catalogue is in, and it opens in that language; any other link
 * opens as before, at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LESSON_LANG_WAIT_MS, PageLang } from '../../src/components/page-lang.svelte.ts';
import { hasMessages, t } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/types.ts';

describe('PageLang', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens a lesson link in the lesson’s language, ready only once its catalogue is in', async () => {
    let say!: (l: Lang | undefined) => void;
    const page = new PageLang('?lesson=1.x', ['en-US'], new Promise((done) => (say = done)));
    const opened: Lang[] = [];
    page.open((l) => opened.push(l));
    expect([page.ready, opened]).toEqual([false, []]);
    say('ko');
    await expect.poll(() => page.ready).toBe(true);
    expect(opened).toEqual(['ko']);
    expect(hasMessages('ko')).toBe(true);
    expect(t('ko', 'player.play')).not.toBe(t('en', 'player.play'));
  });

  it('opens in the browser’s language where the lesson says none (unusable or unreadable)', async () => {
    const page = new PageLang('?lesson=1.x', ['en-US'], Promise.resolve(undefined));
    const opened: Lang[] = [];
    page.open((l) => opened.push(l));
    await expect.poll(() => page.ready).toBe(true);
    expect(opened).toEqual(['en']);
  });

  it('does not stay blank where the lesson never says (its code stalled): opens in the browser’s language after a wait', async () => {
    vi.useFakeTimers();
    const page = new PageLang('?lesson=1.x', ['en-US'], new Promise(() => {}));
    const opened: Lang[] = [];
    page.open((l) => opened.push(l));
    await vi.advanceTimersByTimeAsync(LESSON_LANG_WAIT_MS - 1);
    expect([page.ready, opened]).toEqual([false, []]);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await expect.poll(() => page.ready).toBe(true);
    expect(opened).toEqual(['en']);
  });

    it('opens any other link at once, an English page ready at once', () => {
    const page = new PageLang('?date=1951-01-04', ['en-US']);
    const opened: Lang[] = [];
    page.open((l) => opened.push(l));
    expect([page.ready, opened]).toEqual([true, ['en']]);
  });
});
