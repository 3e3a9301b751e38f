/**
 * Every page the build takes in: a classic `<script src>` (like the sample lesson's
 * `../embed.js`, the host script as a teacher's page links it) must carry `vite-ignore`, or
 * Vite warns at every build that it "can't be bundled without type="module" attribute". Vite
 * leaves such a tag as written and drops the attribute from the built page.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EMBED_INPUT, otherInputs } from '../../src/build/build-site.ts';

const PAGES = Object.values({ ...EMBED_INPUT, ...otherInputs({ BENCH: '1', TEST_PAGES: '1' }) }).filter((p) => p.endsWith('.html'));

describe('the pages the build takes in', () => {
  it.each(PAGES)('%s: no classic script with a src that Vite would warn about', (page) => {
    const tags = readFileSync(page, 'utf8').match(/<script\b[^>]*>/g) ?? [];
    const warned = tags.filter((t) => /\ssrc=/.test(t) && !/\stype="module"/.test(t) && !/\svite-ignore\b/.test(t));
    expect(warned).toEqual([]);
  });

  it('the sample lesson links the host script as a teacher would', () => {
    expect(PAGES).toContain('examples/lesson.html');
    expect(readFileSync('examples/lesson.html', 'utf8')).toMatch(/<script vite-ignore src="\.\.\/embed\.js"><\/script>/);
  });
});
