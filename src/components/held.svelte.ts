import type { Attachment } from 'svelte/attachments';
import { onScreen } from './on-screen.ts';

/**
 * A value drawn only for the eye, held while its element is off screen during playback (issue
 * 14: a panel scrolled away was laid out and painted again in every frame of playback it
 * changed in). `value` follows `get` while the element the attachment is on is on screen (see
 * onScreen), or playback is off, and otherwise keeps what it last showed; it catches up as the
 * element comes back, is focused or printed, or playback stops. `get` should return a value
 * that compares equal when nothing shown changed (a string, say), so holding it holds
 * everything derived from it.
 */
export function heldWhileAway<T>(get: () => T, playing: () => boolean): { readonly value: T; readonly attach: Attachment<Element> } {
  let visible = $state(true);
  let shown: { value: T } | undefined;
  const value = $derived.by(() => {
    const now = get();
    if (visible || !playing() || !shown) shown = { value: now };
    return shown.value;
  });
  return {
    get value() {
      return value;
    },
    attach: onScreen((on) => (visible = on)),
  };
}
