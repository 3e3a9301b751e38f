/**
 * The Han face (src/build/han-font.ts) holds every CJK character the data and catalogues use
 * that the Hangul file does not, and the page declares it for them: no title or name is drawn
 * as empty boxes for want of a glyph.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { usedText } from '../../src/build/fonts-plugin.ts';
import { cjkOf, HAN_RANGES } from '../../src/map/fonts.ts';

const inRanges = (c: string) =>
  HAN_RANGES.some((r) => {
    const [a, b = a] = r.slice(2).split('-').map((h) => Number.parseInt(h, 16));
    const cp = c.codePointAt(0)!;
    return cp >= a && cp <= b;
  });

describe('the Han face', () => {
  it('holds every non-Hangul CJK character of the data and catalogues, within the ranges the page declares', async () => {
    const used = cjkOf(await usedText(process.cwd()));
    // The data has some (三八线上的钟摆, 彭德懷, 《타임》): the check is not vacuous.
    expect(used.length).toBeGreaterThan(10);
    const { chars } = JSON.parse(readFileSync('src/assets/fonts/noto-sans-cjk-kr-han.json', 'utf8')) as { chars: string };
    const missing = [...used].filter((c) => !chars.includes(c));
    // If this fails, run `npm run fonts:han` (needs Noto Sans CJK, Debian's fonts-noto-cjk).
    expect(missing).toEqual([]);
    expect([...used].filter((c) => !inRanges(c))).toEqual([]);
    expect(readFileSync('src/assets/fonts/noto-sans-cjk-kr-han.woff2').subarray(0, 4).toString('latin1')).toBe('wOF2');
  });

  it('finds CJK characters other than Hangul, once each', () => {
    expect(cjkOf('펑더화이(彭德懷), 《타임》, 彭')).toBe('彭德懷《》');
    expect(cjkOf('서울 Seoul')).toBe('');
  });
});
