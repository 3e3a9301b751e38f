/**
 * The page without JavaScript draws its Korean text with the app's Hangul subset (see
 * src/build/noscript.ts): every Korean letter it shows must be in that subset, which is cut
 * from the text usedText returns, or a system without a Korean font shows boxes for it.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { loadMessages } from '../../src/lib/i18n.ts';
import { noscriptFiles, NOSCRIPT_PAGE } from '../../src/build/noscript.ts';
import { usedText } from '../../src/build/fonts-plugin.ts';
import { hangulOf } from '../../src/map/fonts.ts';

describe('the page without JavaScript and the Hangul subset', () => {
  it('every Korean letter of the page is in the subset, and its stylesheet declares our faces only', async () => {
    const [pack] = await Promise.all([loadPack('geo/korea-1951-01/manifest.json', fsJsonReader), loadMessages('ko')]);
    const files = noscriptFiles(pack, "default-src 'self'");
    const used = new Set(await usedText(process.cwd()));
    const page = hangulOf(files[NOSCRIPT_PAGE]);
    expect(page.length).toBeGreaterThan(100);
    expect([...page].filter((c) => !used.has(c)).join('')).toBe('');
    const css = files['noscript/noscript.css'];
    expect(css.match(/url\([^)]*\)/g)).toEqual(['url(../fonts/noto-sans-kr-hangul.woff2)', 'url(../fonts/noto-sans-cjk-kr-han.woff2)']);
    expect(css).toMatch(/:lang\(ko\)\{font-family:"Noto Sans KR"/);
  });
});
