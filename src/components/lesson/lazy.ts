/**
 * What a page needs to run a lesson, in one chunk: loaded with `import()` only when the link
 * carries a lesson, so the map without one never downloads it.
 */
export { LessonRun } from './lesson-run.svelte.ts';
export { default as LessonPanel } from './LessonPanel.svelte';
