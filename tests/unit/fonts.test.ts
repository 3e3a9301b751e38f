import { describe, expect, it } from 'vitest';
import { LANG_NAME_LETTERS, codePointRanges, hangulOf, labelFontFaces } from '../../src/map/fonts.ts';

describe('font faces', () => {
  it('the language-names face covers exactly the Hangul letters of the names, never Latin', () => {
    expect(hangulOf('English한국어')).toBe('한국어');
    expect(codePointRanges('English한국어 한국')).toEqual(['U+D55C', 'U+AD6D', 'U+C5B4']);
    expect(codePointRanges('English')).toEqual([]);
    expect(LANG_NAME_LETTERS).toBe('한국어');
  });

  it('the map draws only Hangul from a file: Latin labels come from the system font', () => {
    const faces = labelFontFaces('http://example.test/app/');
    expect(faces.map((f) => f.url)).toEqual(['http://example.test/app/fonts/noto-sans-kr-hangul.woff2']);
    expect(faces[0]['unicode-range']).not.toContainEqual(expect.stringMatching(/^U\+0000/));
  });
});
