/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
  /** Set only by `npm run bench`: exposes a repaint hook on the map element (see campaign-map.ts). */
  readonly VITE_BENCH?: string;
}
