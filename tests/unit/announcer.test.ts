import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer } from '../../src/components/announcer.svelte.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the live region announcer', () => {
  it('says what is asked at once, and the same words again as a change', () => {
    const live = new Announcer(700);
    live.say('Seoul, 4 January 1951: held by the PVA/KPA, 4.6 km behind the front.');
    expect(live.text).toBe('Seoul, 4 January 1951: held by the PVA/KPA, 4.6 km behind the front.');
    const first = live.text;
    live.say(first);
    expect(live.text).not.toBe(first);
    expect(live.text.trim()).toBe(first);
  });

  it('says what follows a date change once, when the date has settled', () => {
    const live = new Announcer(700);
    const compose = vi.fn(() => 'settled');
    for (let i = 0; i < 30; i++) {
      live.settle(compose);
      vi.advanceTimersByTime(100);
    }
    expect(live.text).toBe('');
    vi.advanceTimersByTime(700);
    expect(compose).toHaveBeenCalledTimes(1);
    expect(live.text).toBe('settled');
  });

  it('an answer said at once cancels a pending settled text; nothing is said for an empty one', () => {
    const live = new Announcer(700);
    live.settle(() => 'late');
    live.say('now');
    vi.advanceTimersByTime(2000);
    expect(live.text).toBe('now');
    live.settle(() => '');
    vi.advanceTimersByTime(2000);
    expect(live.text).toBe('now');
    live.settle(() => 'never');
    live.destroy();
    vi.advanceTimersByTime(2000);
    expect(live.text).toBe('now');
  });
});
