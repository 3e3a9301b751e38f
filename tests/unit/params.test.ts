import { describe, expect, it } from 'vitest';
import { langParam, parseAppParams, parseCompareDates, parseEmbedParams, urlFor } from '../../src/lib/params.ts';
import { dayOf } from '../../src/lib/dates.ts';

const start = dayOf('1950-12-31');
const end = dayOf('1951-01-31');

describe('parseAppParams', () => {
  it('opens the requested date and language', () => {
    const p = parseAppParams('?date=1951-01-04&lang=ko', start, end);
    expect(p.day).toBe(dayOf('1951-01-04'));
    expect(p.lang).toBe('ko');
    expect(p.notices).toEqual([]);
  });

  it('defaults to the start with no notice when nothing is given', () => {
    expect(parseAppParams('', start, end)).toEqual({ day: start, lang: undefined, start, end, present: false, notices: [] });
  });

  it('falls back to the start with a notice on a malformed date', () => {
    const p = parseAppParams('?date=1951-13-45', start, end);
    expect(p.day).toBe(start);
    expect(p.notices).toEqual([{ key: 'notice.badDate', vars: { value: '1951-13-45', fallback: '1950-12-31' } }]);
  });

  it('clamps an out-of-range date to the nearest end with a notice', () => {
    const late = parseAppParams('?date=1951-03-15', start, end);
    expect(late.day).toBe(end);
    expect(late.notices[0].key).toBe('notice.dateOutOfRange');
    expect(parseAppParams('?date=1950-06-25', start, end).day).toBe(start);
  });

  it('never throws on hostile input and keeps echoed values short', () => {
    for (const s of ['%', '?date=%', '?date=%E0%A4%A', '?lang=<img src=x onerror=alert(1)>', '?date="><img src=x onerror=alert(1)>', '?' + 'a'.repeat(10000), '?date=' + 'x'.repeat(500)]) {
      const p = parseAppParams(s, start, end);
      expect(p.day).toBe(start);
      for (const n of p.notices) for (const v of Object.values(n.vars)) expect(v.length).toBeLessThanOrEqual(41);
    }
  });

  it('narrows the range with start and end as the embed does, and keeps the date inside it', () => {
    const p = parseAppParams('?start=1951-01-04&end=1951-01-15&date=1951-01-20', start, end);
    expect([p.start, p.end, p.day]).toEqual([dayOf('1951-01-04'), dayOf('1951-01-15'), dayOf('1951-01-15')]);
    expect(p.notices.map((n) => n.key)).toEqual(['notice.dateOutOfRange']);
    expect(parseAppParams('?start=1951-01-04', start, end).day).toBe(dayOf('1951-01-04'));
    const inverted = parseAppParams('?start=1951-01-20&end=1951-01-07', start, end);
    expect([inverted.start, inverted.end]).toEqual([start, end]);
    expect(inverted.notices.map((n) => n.vars.name)).toEqual(['end']);
    const outside = parseAppParams('?start=1950-06-25', start, end);
    expect(outside.start).toBe(start);
    expect(outside.notices.map((n) => n.vars.name)).toEqual(['start']);
  });

  it('reads present=1', () => {
    expect(parseAppParams('?present=1', start, end).present).toBe(true);
    expect(parseAppParams('?present=0', start, end).present).toBe(false);
    expect(parseAppParams('?present=big', start, end)).toMatchObject({ present: false, notices: [{ key: 'notice.badParam' }] });
  });

  it('ignores unknown keys and rejects unknown languages with a notice', () => {
    const p = parseAppParams('?foo=bar&lang=fr', start, end);
    expect(p.lang).toBeUndefined();
    expect(p.notices.map((n) => n.key)).toEqual(['notice.badLang']);
  });
});

describe('compare=', () => {
  it('opens compare mode on two dates inside the range, in the order given', () => {
    expect(parseAppParams('?compare=1951-01-01,1951-01-24', start, end)).toMatchObject({ compare: ['1951-01-01', '1951-01-24'], notices: [] });
    expect(parseAppParams('?compare=1951-01-24%2C1951-01-01', start, end).compare).toEqual(['1951-01-24', '1951-01-01']);
    expect(parseEmbedParams('?compare=1951-01-01,1951-01-07', start, end)).toMatchObject({ compare: ['1951-01-01', '1951-01-07'], notices: [] });
    expect(parseAppParams('?date=1951-01-04', start, end).compare).toBeUndefined();
  });

  it.each(['', '1951-01-01', '1951-01-01,', '1951-01-01,1951-01-24,1951-01-31', '1951-01-01;1951-01-24', '1951-01-01,1951-02-30', '1950-06-25,1951-01-24', '1951-01-01,<script>'])(
    'drops compare=%s with a notice and opens the normal map',
    (value) => {
      const p = parseAppParams(`?compare=${encodeURIComponent(value)}&date=1951-01-04`, start, end);
      expect(p.compare).toBeUndefined();
      expect(p.day).toBe(dayOf('1951-01-04'));
      expect(p.notices).toEqual([{ key: 'notice.badCompare', vars: expect.objectContaining({ start: '1950-12-31', end: '1951-01-31' }) }]);
    },
  );

  it('gives way to present mode with a notice, not silently; a bad value still says what is wrong', () => {
    const p = parseAppParams('?compare=1951-01-01,1951-01-24&present=1&date=1951-01-04', start, end);
    expect([p.present, p.compare, p.day]).toEqual([true, undefined, dayOf('1951-01-04')]);
    expect(p.notices).toEqual([{ key: 'notice.compareInPresent', vars: {} }]);
    expect(parseAppParams('?compare=1951-01-01&present=1', start, end).notices.map((n) => n.key)).toEqual(['notice.badCompare']);
    expect(parseAppParams('?compare=1951-01-01,1951-01-24&present=0', start, end)).toMatchObject({ compare: ['1951-01-01', '1951-01-24'], notices: [] });
  });

  it('checks both dates against a narrowed range', () => {
    const p = parseAppParams('?start=1951-01-04&end=1951-01-15&compare=1951-01-01,1951-01-10', start, end);
    expect(p.compare).toBeUndefined();
    expect(p.notices[0]).toMatchObject({ key: 'notice.badCompare', vars: { start: '1951-01-04', end: '1951-01-15' } });
  });

  it('parses the setCompare message\'s pair the same way', () => {
    expect(parseCompareDates(['1951-01-01', '1951-01-24'], start, end)).toEqual(['1951-01-01', '1951-01-24']);
    expect(parseCompareDates(['1951-01-01', '1951-03-24'], start, end)).toBeUndefined();
    expect(parseCompareDates([1, 2], start, end)).toBeUndefined();
    expect(parseCompareDates(undefined, start, end)).toBeUndefined();
  });
});

describe('langParam', () => {
  it('reads a known language and ignores anything else', () => {
    expect(langParam('?lang=ko')).toBe('ko');
    expect(langParam('?date=1951-01-04&lang=en')).toBe('en');
    expect(langParam('?lang=fr')).toBeUndefined();
    expect(langParam('?lang=%E0%A4%A')).toBeUndefined();
    expect(langParam('')).toBeUndefined();
  });
});

describe('urlFor', () => {
  it('sets date and lang and keeps other parameters', () => {
    expect(urlFor('http://h/x/?a=1&date=1951-01-01', '1951-01-04', 'ko')).toBe('http://h/x/?a=1&date=1951-01-04&lang=ko');
  });

  it('writes compare=A,B while compare is open and drops it when left', () => {
    const open = urlFor('http://h/x/?date=1951-01-01', '1951-01-24', 'en', ['1951-01-01', '1951-01-24']);
    expect(open).toBe('http://h/x/?date=1951-01-24&lang=en&compare=1951-01-01,1951-01-24');
    expect(parseAppParams(new URL(open).search, start, end).compare).toEqual(['1951-01-01', '1951-01-24']);
    expect(urlFor(open, '1951-01-24', 'en')).toBe('http://h/x/?date=1951-01-24&lang=en');
  });
});
