/**
 * Golden-file helper: compares GeoJSON output (rounded to 6 decimals) with
 * tests/fixtures/out/<name>; `REGEN=1 npm test` rewrites the files instead.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const OUT = join(import.meta.dirname, '..', 'fixtures', 'out');

function round(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(round);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  return value;
}

/** Asserts that `actual` matches the golden file `name` (or rewrites it under REGEN=1). */
export function expectGolden(name: string, actual: unknown): void {
  const file = join(OUT, name);
  const text = `${JSON.stringify(round(actual), null, 1)}\n`;
  if (process.env.REGEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden file ${name} is missing; run REGEN=1 npm test locally`);
    writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/** Reads a fixture from tests/fixtures/in. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'in', name), 'utf8')) as T;
}
