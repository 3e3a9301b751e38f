/**
 * The embed's first script in one file. In the embed's own build (src/build/build-site.ts)
 * every module the page runs at once (its script's static imports, and theirs) goes into the
 * `shell` group, which the bundler merges with the page's entry: one script where the shell
 * group of vite.config.ts (what the other pages share) made two, without the names one
 * imported from the other and compressed as one (≈ −1 KB gzip, README Performance (d) 7d).
 *
 * Libraries join only where `libraries` names them: a library imported by a first-view module
 * for code the first view never runs (zones.ts's point-in-polygon, used by the place answer)
 * stays with the lazy code that runs it. So modules join without their dependencies
 * (`includeDependenciesRecursively: false`), and the build fails if the first script then
 * imports a chunk of its own (a library missing from the list, in a chunk that imports the
 * first script back).
 */
import type { Plugin, UserConfig } from 'vite';

/** Options: which builds are the embed's, and the libraries the first script may take. */
export interface EmbedChunkOptions {
  isEmbedOnly: (config: UserConfig) => boolean;
  libraries: RegExp;
}

export function embedChunkPlugin(options: EmbedChunkOptions): Plugin {
  const firstScript = new Set<string>();
  const inFirstScript = (id: string) => firstScript.has(id) && (!/[\\/]node_modules[\\/]/.test(id) || options.libraries.test(id));
  return {
    name: 'embed-chunk',
    apply: (config, env) => env.command === 'build' && options.isEmbedOnly(config),
    buildEnd() {
      const add = (id: string) => {
        if (firstScript.has(id)) return;
        firstScript.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) add(next);
      };
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) add(id);
    },
    outputOptions(output) {
      const split = output.codeSplitting;
      if (typeof split !== 'object') return null;
      const groups = (split.groups ?? []).map((g) => (g.name === 'shell' ? { ...g, test: inFirstScript } : g));
      return { ...output, codeSplitting: { ...split, includeDependenciesRecursively: false, groups } };
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        if (chunk.imports.length) this.error(`the embed's first script (${chunk.fileName}) imports ${chunk.imports.join(', ')}: add its library to embedChunkPlugin's libraries (vite.config.ts)`);
      }
    },
  };
}
