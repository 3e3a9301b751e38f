/** Compare mode's page side, loaded with `import()` when compare is first asked for (../compare-gate.svelte.ts). */
export { CompareSession } from './session.svelte.ts';
export { default as ComparePanel } from './ComparePanel.svelte';
export { default as SwipeDivider } from './SwipeDivider.svelte';
export { compareSentences } from '../../lib/compare-text.ts';
