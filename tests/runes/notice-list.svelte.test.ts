/**
 * The notices a page shows (src/components/notice-list.svelte.ts): reading the link a second time
 * (the data loaded again after a failure) adds to what is shown instead of replacing it, repeats
 * nothing, and does not bring back a notice about the link that the user dismissed.
 */
import { describe, expect, it } from 'vitest';
import { NoticeList } from '../../src/components/notice-list.svelte.ts';
import type { Notice } from '../../src/lib/params.ts';

const badDate: Notice = { key: 'notice.badDate', vars: { value: '1951-13-01', fallback: '1950-12-31' } };
const inLesson: Notice = { key: 'notice.compareInLesson', vars: {} };
const textFailed: Notice = { key: 'notice.textFailed', vars: { lang: '한국어', error: 'HTTP 404' } };

describe('NoticeList', () => {
  it('keeps what is shown when the link is read again, without repeating it', () => {
    const n = new NoticeList();
    n.add([badDate, inLesson], { once: true });
    n.add([textFailed]);
    // Read again (as applyUrl is, once per load): nothing lost, nothing twice.
    n.add([badDate, inLesson], { once: true });
    expect(n.shown).toEqual([badDate, inLesson, textFailed]);
  });

  it('tells notices apart by their values, not only their key, in any order of the values', () => {
    const n = new NoticeList();
    n.add([badDate, { key: 'notice.badDate', vars: { value: 'x', fallback: '1950-12-31' } }]);
    n.add([{ key: 'notice.badDate', vars: { fallback: '1950-12-31', value: '1951-13-01' } }]);
    expect(n.shown.map((x) => x.vars.value)).toEqual(['1951-13-01', 'x']);
  });

  it('does not bring back a notice about the link once dismissed, but says a new failure again', () => {
    const n = new NoticeList();
    n.add([badDate, inLesson], { once: true });
    n.dismiss(0);
    expect(n.shown).toEqual([inLesson]);
    n.add([badDate, inLesson], { once: true });
    expect(n.shown).toEqual([inLesson]);
    n.add([textFailed]);
    n.dismiss(1);
    n.add([textFailed]);
    expect(n.shown).toEqual([inLesson, textFailed]);
  });

  it('shows a list that changes as a whole (a new array each time)', () => {
    const n = new NoticeList();
    const before = n.shown;
    n.add([inLesson]);
    expect(n.shown).not.toBe(before);
    const after = n.shown;
    n.add([inLesson]);
    expect(n.shown).toBe(after);
  });
});
