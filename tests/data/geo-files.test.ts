/**
 * Every data file under geo/ parses, is used by a pack, and every pack validates.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadPack, joinPath } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import type { Manifest } from '../../src/lib/types.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'scripts' || name === 'raw' ? [] : walk(path);
    return /\.(geo)?json$/.test(name) ? [path] : [];
  });
}

const files = walk('geo');
const manifests = files.filter((f) => f.endsWith('manifest.json'));

describe('geo/', () => {
  it.each(files)('%s is valid JSON', (file) => {
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
  });

  it.each(manifests)('%s validates completely', async (manifest) => {
    const pack = await loadPack(manifest, fsJsonReader);
    expect(pack.prepared.length).toBeGreaterThan(1);
  });

  it('has no stray data file that no pack uses', () => {
    const used = new Set<string>();
    for (const m of manifests) {
      used.add(resolve(m));
      const man = JSON.parse(readFileSync(m, 'utf8')) as Manifest;
      const f = man.files as unknown as Record<string, unknown>;
      const paths = Object.values(f).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v as Record<string, string>)));
      for (const p of paths) used.add(resolve(joinPath(m, p)));
    }
    const stray = files.filter((f) => !used.has(resolve(f))).map((f) => relative('.', f));
    expect(stray).toEqual([]);
  });
});
