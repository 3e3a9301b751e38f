/**
 * Every user-facing string comes from a message catalogue: this walks each component's
 * template and fails on literal words in text or in user-facing attributes, and on {@html}.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'svelte/compiler';

const DIR = 'src/components';
const USER_FACING_ATTRS = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext', 'aria-description']);
const WORD = /[A-Za-z\u3131-\u318e\uac00-\ud7a3]{2,}/;

type Node = { type: string; data?: string; name?: string; value?: unknown; [k: string]: unknown };

function walk(node: unknown, visit: (n: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  const n = node as Node;
  if (typeof n.type === 'string') visit(n);
  for (const [key, value] of Object.entries(n)) {
    if (key === 'parent' || key === 'metadata') continue;
    // Attribute values are text too (class names, ids): only user-facing ones are checked, below.
    if (key === 'attributes' && Array.isArray(value)) {
      for (const a of value as Node[]) if (a.type === 'Attribute') visit(a);
      continue;
    }
    walk(value, visit);
  }
}

function literalWords(file: string): string[] {
  const ast = parse(readFileSync(file, 'utf8'), { modern: true });
  const found: string[] = [];
  walk(ast.fragment, (n) => {
    if (n.type === 'Text' && typeof n.data === 'string' && WORD.test(n.data)) found.push(`text "${n.data.trim()}"`);
    if (n.type === 'Attribute' && typeof n.name === 'string' && USER_FACING_ATTRS.has(n.name) && Array.isArray(n.value)) {
      for (const part of n.value as Node[]) if (part.type === 'Text' && WORD.test(String(part.data))) found.push(`${n.name}="${part.data}"`);
    }
    if (n.type === 'HtmlTag') found.push('{@html} (data must never be inserted as HTML)');
  });
  return found;
}

const components = readdirSync(DIR).filter((f) => f.endsWith('.svelte'));

describe('components', () => {
  it('exist', () => {
    expect(components.length).toBeGreaterThan(5);
  });

  it.each(components)('%s has no hard-coded user-facing words and no {@html}', (file) => {
    expect(literalWords(join(DIR, file))).toEqual([]);
  });

  it('the checker itself catches a literal word', () => {
    const tmp = join(import.meta.dirname, '..', 'fixtures', 'in', 'HardCoded.svelte');
    expect(literalWords(tmp)).toEqual(['text "Play"', 'aria-label="Close the panel"', '{@html} (data must never be inserted as HTML)']);
  });
});
