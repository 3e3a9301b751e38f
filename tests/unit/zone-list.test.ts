/**
 * The zones' drawing order is kept once (src/lib/zone-list.ts), and the SVG drawing that uses it
 * stays free of turf (the print view's and the no-WebGL fallback's chunk must not pull it in).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ZONES } from '../../src/lib/zone-list.ts';
import { ZONES as AREAS_ZONES } from '../../src/lib/areas.ts';
import { CHANGE_STYLE } from '../../src/map/compare-colors.ts';

const SRC = resolve(import.meta.dirname, '../../src');

/** Every module a file pulls in at run time (static imports, not `import type`), by path. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.startsWith(SRC)) return seen;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm)) {
    const spec = m[1];
    runtimeImports(spec.startsWith('.') ? join(dirname(file), spec) : spec, seen);
  }
  return seen;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|svelte)$/.test(n) ? [p] : [];
  });
}

describe('the zone list', () => {
  it('is the one list the area sums and the SVG drawing share, in drawing order', () => {
    expect(ZONES).toEqual(['PVA/KPA', 'UN', 'noMansLand']);
    expect(AREAS_ZONES).toBe(ZONES);
    // The overlay draws its kinds of change in CHANGE_STYLE's order: the same.
    expect(Object.keys(CHANGE_STYLE)).toEqual(ZONES);
  });

  it('is written out in one module only', () => {
    const copies = sources(SRC).filter((f) => /\[\s*'PVA\/KPA',\s*'UN',\s*'noMansLand'\s*\]/.test(readFileSync(f, 'utf8')));
    expect(copies.map((f) => f.slice(SRC.length + 1))).toEqual(['lib/zone-list.ts']);
  });

  it('keeps turf out of the SVG drawing', () => {
    const deps = [...runtimeImports(join(SRC, 'lib/svg-map.ts'))];
    expect(deps).toContain(join(SRC, 'lib/zone-list.ts'));
    expect(deps.filter((d) => /turf|areas\.ts$/.test(d))).toEqual([]);
  });
});
