import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Tells `set` whether the element is on screen: any part of it in the window or within `margin`
 * of it (so a scroll of ordinary speed finds it already up to date), focused within, or being
 * printed. What is drawn only for the eye can wait while it is not (issue 14: the ground chart's
 * cursor was redrawn in every frame of playback, scrolled off screen). Starts on; stays on where
 * IntersectionObserver is missing.
 */
export function onScreen(set: (on: boolean) => void, margin = '96px'): Attachment<Element> {
  return (node) => {
    if (typeof IntersectionObserver === 'undefined') return;
    let seen = true;
    let printing = false;
    let focused = false;
    const tell = () => set(seen || printing || focused);
    // The last entry is the newest state of the one element observed.
    const observer = new IntersectionObserver((entries) => ((seen = entries[entries.length - 1].isIntersecting), tell()), { rootMargin: margin });
    observer.observe(node);
    // Printing lays the page out anew: drawn before the print is, not a frame later.
    const before = () => ((printing = true), flushSync(tell));
    const after = () => ((printing = false), tell());
    const focusIn = () => ((focused = true), flushSync(tell));
    const focusOut = () => ((focused = false), tell());
    addEventListener('beforeprint', before);
    addEventListener('afterprint', after);
    node.addEventListener('focusin', focusIn);
    node.addEventListener('focusout', focusOut);
    return () => {
      observer.disconnect();
      removeEventListener('beforeprint', before);
      removeEventListener('afterprint', after);
      node.removeEventListener('focusin', focusIn);
      node.removeEventListener('focusout', focusOut);
    };
  };
}
