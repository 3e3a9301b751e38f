/**
 * A Vitest environment for unit tests of rune modules (`*.svelte.ts`): Node's globals, with
 * modules compiled and resolved for the browser (Svelte's client runtime, so `$effect` runs),
 * and no DOM: the `runes` project of vite.config.ts, which also resolves packages for the browser.
 */
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup: () => ({ teardown() {} }),
} satisfies Environment;
