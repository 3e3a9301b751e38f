/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
  /** Set only by `npm run bench`: exposes a repaint hook on the map element (see campaign-map.ts). */
  readonly VITE_BENCH?: string;
  /** Set by the browser tests' build (tests/browser/global-setup.ts): test hooks on the map. */
  readonly VITE_TEST_HOOKS?: string;
}
