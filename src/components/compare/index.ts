/** Compare mode's page side, loaded with `import()` when compare is first opened. */
export { default as ComparePanel } from './ComparePanel.svelte';
export { default as SwipeDivider } from './SwipeDivider.svelte';
export { CompareFiguresClient } from './figures-client.svelte.ts';
export { compareSentences } from '../../lib/compare-text.ts';
