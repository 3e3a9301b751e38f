/**
 * Present mode's keys: what a presentation clicker sends, and where the date goes on each
 * press. Pure: no DOM, so the rules are tested in Node.
 */

/** A step through the phases: 1 forward, -1 back. */
export type PhaseStep = 1 | -1;

/**
 * The step a clicker key asks for: PageDown, Right arrow and Space go forward; PageUp and
 * Left go back (what common clickers send for "next slide" and "previous slide").
 */
export function clickerStep(key: string): PhaseStep | undefined {
  if (key === 'PageDown' || key === 'ArrowRight' || key === ' ') return 1;
  if (key === 'PageUp' || key === 'ArrowLeft') return -1;
  return undefined;
}

/**
 * The day one phase away from `day`: forward, the next phase's first day (else `max`); back,
 * the first day of the phase before (from inside a phase, that phase's own first day; else
 * `min`). `phaseDays` are the phases' first days, ascending.
 */
export function phaseStep(phaseDays: readonly number[], day: number, dir: PhaseStep, min: number, max: number): number {
  // Days are fractional during playback: a hair of slack so "on a phase's first day" holds.
  const EPS = 1e-9;
  if (dir > 0) return Math.min(max, phaseDays.find((p) => p > day + EPS && p >= min) ?? max);
  const before = phaseDays.filter((p) => p < day - EPS && p >= min);
  return before.length ? before[before.length - 1] : min;
}

/** What has focus when a key is pressed, as far as the clicker rules need to know. */
export interface KeyTarget {
  /** Lower-case tag name, e.g. `input`, `button`, `canvas`. */
  tag: string;
  /** The element is editable text (contenteditable). */
  editable?: boolean;
}

/**
 * Whether the focused element keeps a key for itself instead of the clicker: form fields keep
 * every key (the date slider's arrows step a day and its Page keys a phase, as the WAI-ARIA
 * slider pattern says; radio buttons take the arrows); buttons, links and summaries keep Space,
 * which presses them; the map canvas keeps its arrows, which move the map.
 */
export function keepsKey(target: KeyTarget, key: string): boolean {
  if (target.editable || ['input', 'select', 'textarea'].includes(target.tag)) return true;
  if (key === ' ' && ['button', 'a', 'summary'].includes(target.tag)) return true;
  return target.tag === 'canvas' && key.startsWith('Arrow');
}
