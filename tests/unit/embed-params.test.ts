import { describe, expect, it } from 'vitest';
import { parseEmbedParams, parseOrigin } from '../../src/lib/params.ts';
import { embedUrl, iframeSnippet, shareLink } from '../../src/lib/share.ts';
import { dayOf } from '../../src/lib/dates.ts';

const start = dayOf('1950-12-31');
const end = dayOf('1951-01-31');

describe('parseEmbedParams', () => {
  it('has documented defaults', () => {
    expect(parseEmbedParams('', start, end)).toEqual({
      day: start, lang: undefined, notices: [], start, end,
      autoplay: false, speed: 'normal', narrative: 'closed', controls: true, interactive: true, parentOrigin: undefined,
    });
  });

  it('reads every allowed parameter', () => {
    const p = parseEmbedParams('?date=1951-01-10&start=1951-01-07&end=1951-01-20&autoplay=1&speed=fast&narrative=open&controls=0&lang=ko&interactive=false&parentOrigin=https%3A%2F%2Fschool.example%2Fpath', start, end);
    expect(p).toMatchObject({
      day: dayOf('1951-01-10'), start: dayOf('1951-01-07'), end: dayOf('1951-01-20'), autoplay: true, speed: 'fast',
      narrative: 'open', controls: false, lang: 'ko', interactive: false, parentOrigin: 'https://school.example', notices: [],
    });
  });

  it('falls back with one notice per bad value and ignores unknown keys', () => {
    const p = parseEmbedParams('?speed=warp&narrative=<b>&controls=maybe&autoplay=2&parentOrigin=javascript:alert(1)&foo=bar', start, end);
    expect(p).toMatchObject({ speed: 'normal', narrative: 'closed', controls: true, autoplay: false, parentOrigin: undefined });
    expect(p.notices.map((n) => n.vars.name).sort()).toEqual(['autoplay', 'controls', 'narrative', 'parentOrigin', 'speed']);
  });

  it('keeps the date inside a narrowed range and rejects an inverted one', () => {
    expect(parseEmbedParams('?start=1951-01-07&date=1951-01-02', start, end).day).toBe(dayOf('1951-01-07'));
    const inverted = parseEmbedParams('?start=1951-01-20&end=1951-01-07', start, end);
    expect([inverted.start, inverted.end]).toEqual([start, end]);
    expect(inverted.notices.length).toBeGreaterThan(0);
  });

  it('parses origins strictly', () => {
    expect(parseOrigin('https://a.example:8443/x?y')).toBe('https://a.example:8443');
    expect(parseOrigin('file:///etc/passwd')).toBeUndefined();
    expect(parseOrigin('%')).toBeUndefined();
  });
});

describe('share', () => {
  const pack = { start: '1950-12-31', end: '1951-01-31' };

  it('builds the link and the iframe snippet', () => {
    expect(shareLink('https://maps.example/korea/', { date: '1951-01-04', lang: 'ko' }, pack)).toBe('https://maps.example/korea/index.html?date=1951-01-04&lang=ko');
    const src = embedUrl('https://maps.example/korea/index.html', { date: '1951-01-04', lang: 'en' }, pack);
    const s = iframeSnippet(src, 'Map "1951"');
    expect(s).toBe('<iframe src="https://maps.example/korea/embed.html?date=1951-01-04&amp;lang=en" title="Map &quot;1951&quot;" width="100%" height="640" loading="lazy" allow="fullscreen" style="border:0"></iframe>');
  });

  it('writes every chosen option and leaves defaults out', () => {
    const o = { date: '1951-01-10', lang: 'ko', start: '1951-01-04', end: '1951-01-25', speed: 'fast', autoplay: true, narrativeOpen: true, locked: true } as const;
    expect(embedUrl('https://m.example/', o, pack)).toBe('https://m.example/embed.html?date=1951-01-10&start=1951-01-04&end=1951-01-25&lang=ko&speed=fast&autoplay=1&narrative=open&interactive=0');
    // The full map takes the range and language; the embed-only options are not its business.
    expect(shareLink('https://m.example/', o, pack)).toBe('https://m.example/index.html?date=1951-01-10&start=1951-01-04&end=1951-01-25&lang=ko');
    // Compare's dates go into both, readable, when they lie in the chosen range.
    const c = { ...o, compare: ['1951-01-05', '1951-01-20'] as const };
    expect(shareLink('https://m.example/', c, pack)).toBe('https://m.example/index.html?date=1951-01-10&start=1951-01-04&end=1951-01-25&lang=ko&compare=1951-01-05,1951-01-20');
    expect(embedUrl('https://m.example/', c, pack)).toContain('&compare=1951-01-05,1951-01-20&');
    expect(shareLink('https://m.example/', { ...o, compare: ['1951-01-01', '1951-01-20'] }, pack)).not.toContain('compare');
    const defaults = { date: '1951-01-10', lang: 'en', ...pack, speed: 'normal', autoplay: false, narrativeOpen: false, locked: false } as const;
    expect(embedUrl('https://m.example/', defaults, pack)).toBe('https://m.example/embed.html?date=1951-01-10&lang=en');
  });
});
