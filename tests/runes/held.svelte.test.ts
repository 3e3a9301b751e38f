/**
 * A value drawn only for the eye, held while its element is off screen during playback
 * (src/components/held.svelte.ts, issue 14): it follows its source on screen or paused, keeps
 * what it showed off screen while playing, and catches up as the element comes back, is
 * focused, is printed or playback stops.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { heldWhileAway } from '../../src/components/held.svelte.ts';

/** The one IntersectionObserver made: tells it whether its element is in view. */
let report: (on: boolean) => void = () => {};
class FakeObserver {
  constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
    report = (on) => callback([{ isIntersecting: !on }, { isIntersecting: on }]);
  }
  observe() {}
  disconnect() {}
}

function setUp() {
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  const page = new EventTarget();
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
  const state = $state({ day: 1, playing: false });
  const node = new EventTarget() as unknown as Element;
  let held!: ReturnType<typeof heldWhileAway<number>>;
  const stop = $effect.root(() => {
    held = heldWhileAway(() => state.day, () => state.playing);
    held.attach(node);
  });
  const shown = () => (flushSync(), held.value);
  return { state, node, page, shown, stop };
}

describe('heldWhileAway', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('follows on screen; off screen it holds while playing and catches up when playback stops', () => {
    const { state, shown, stop } = setUp();
    expect(shown()).toBe(1);
    report(false);
    state.day = 2;
    // Off screen but paused: still follows.
    expect(shown()).toBe(2);
    state.playing = true;
    state.day = 3;
    state.day = 4;
    expect(shown()).toBe(2);
    state.playing = false;
    expect(shown()).toBe(4);
    stop();
  });

  it('catches up as the element comes back on screen, and follows there while playing', () => {
    const { state, shown, stop } = setUp();
    expect(shown()).toBe(1);
    state.playing = true;
    report(false);
    state.day = 5;
    expect(shown()).toBe(1);
    report(true);
    expect(shown()).toBe(5);
    state.day = 6;
    expect(shown()).toBe(6);
    stop();
  });

  it('follows while focused within or printed, off screen and playing', () => {
    const { state, node, page, shown, stop } = setUp();
    expect(shown()).toBe(1);
    state.playing = true;
    report(false);
    state.day = 7;
    expect(shown()).toBe(1);
    node.dispatchEvent(new Event('focusin'));
    expect(shown()).toBe(7);
    node.dispatchEvent(new Event('focusout'));
    state.day = 8;
    expect(shown()).toBe(7);
    page.dispatchEvent(new Event('beforeprint'));
    expect(shown()).toBe(8);
    page.dispatchEvent(new Event('afterprint'));
    state.day = 9;
    expect(shown()).toBe(8);
    stop();
  });

  it('holds nothing where IntersectionObserver is missing', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const state = $state({ day: 1, playing: true });
    let held!: ReturnType<typeof heldWhileAway<number>>;
    const stop = $effect.root(() => {
      held = heldWhileAway(() => state.day, () => state.playing);
      held.attach(new EventTarget() as unknown as Element);
    });
    state.day = 2;
    flushSync();
    expect(held.value).toBe(2);
    stop();
  });
});
