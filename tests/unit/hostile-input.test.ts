/**
 * Property-based: the URL and message parsers never throw and never let an unvalidated value
 * through, whatever they are given.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAppParams, parseEmbedParams } from '../../src/lib/params.ts';
import { acceptInbound, parseInbound } from '../../src/lib/messages.ts';
import { parseQueryArgs } from '../../src/lib/query-args.ts';
import { dayOf, isoOf, parseIsoDate } from '../../src/lib/dates.ts';
import { embedUrl, shareLink } from '../../src/lib/share.ts';
import { isLang } from '../../src/lib/i18n.ts';

const start = dayOf('1950-12-31');
const end = dayOf('1951-01-31');
const KEYS = ['date', 'start', 'end', 'present', 'autoplay', 'speed', 'narrative', 'controls', 'lang', 'interactive', 'parentOrigin', 'x'];

/** Query strings built from allowed keys with hostile values, plus raw junk. */
const queries = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('%', '%E0%A4%A', '1951-13-45', '"><img src=x onerror=alert(1)>', '1951-01-04'))), { maxLength: 8 })
    .map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);

describe('URL parameters', () => {
  it('parseAppParams never throws and always yields a date in range and a valid language', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const p = parseAppParams(q, start, end);
        expect(p.start).toBeGreaterThanOrEqual(start);
        expect(p.end).toBeLessThanOrEqual(end);
        expect(p.start).toBeLessThanOrEqual(p.end);
        expect(p.day).toBeGreaterThanOrEqual(p.start);
        expect(p.day).toBeLessThanOrEqual(p.end);
        expect(p.lang === undefined || isLang(p.lang)).toBe(true);
        expect(typeof p.present).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
    // 3000 runs: generous on a loaded machine (not a speed assertion).
  }, 60_000);

  it('parseEmbedParams never throws and every field is one of its allowed values', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const p = parseEmbedParams(q, start, end);
        expect(p.start).toBeGreaterThanOrEqual(start);
        expect(p.end).toBeLessThanOrEqual(end);
        expect(p.start).toBeLessThanOrEqual(p.end);
        expect(p.day).toBeGreaterThanOrEqual(p.start);
        expect(p.day).toBeLessThanOrEqual(p.end);
        expect(['slow', 'normal', 'fast']).toContain(p.speed);
        expect(['open', 'closed', 'none']).toContain(p.narrative);
        expect(typeof p.autoplay).toBe('boolean');
        if (p.parentOrigin !== undefined) expect(p.parentOrigin).toMatch(/^https?:\/\/[^/]+$/);
        for (const n of p.notices) for (const v of Object.values(n.vars)) expect(v.length).toBeLessThanOrEqual(41);
      }),
      { numRuns: 3000 },
    );
    // 3000 runs: generous on a loaded machine (not a speed assertion).
  }, 60_000);
});

/** Share dialog choices: any date range inside the pack, a date in it (the dialog clamps it), any language, speed and switches. */
const days = fc.integer({ min: start, max: end }).map(isoOf);
const shareOptions = fc.record({
  date: days, a: days, b: days, lang: fc.constantFrom('en', 'ko'), speed: fc.constantFrom('slow', 'normal', 'fast'),
  autoplay: fc.boolean(), narrativeOpen: fc.boolean(), locked: fc.boolean(),
}).map(({ a, b, date, ...o }) => {
  const [first, last] = a < b ? [a, b] : [b, a];
  return { ...o, start: first, end: last, date: date < first ? first : date > last ? last : date };
});
const PACK = { start: isoOf(start), end: isoOf(end) };

describe('share links read back', () => {
  it('the app opens what the Share link says: date, range, language', () => {
    fc.assert(
      fc.property(shareOptions, (o) => {
        const url = new URL(shareLink('https://school.example/map/', o, PACK));
        const p = parseAppParams(url.search, start, end);
        expect(p.notices).toEqual([]);
        expect([isoOf(p.start), isoOf(p.end), p.lang]).toEqual([o.start, o.end, o.lang]);
        expect(isoOf(p.day)).toBe(o.date);
      }),
      { numRuns: 500 },
    );
  });

  it('the embed opens with every option the snippet asks for', () => {
    fc.assert(
      fc.property(shareOptions, (o) => {
        const url = new URL(embedUrl('https://school.example/map/', o, PACK));
        const p = parseEmbedParams(url.search, start, end);
        expect(p.notices).toEqual([]);
        expect(p).toMatchObject({
          day: dayOf(o.date), start: dayOf(o.start), end: dayOf(o.end), lang: o.lang, speed: o.speed, autoplay: o.autoplay,
          narrative: o.narrativeOpen ? 'open' : 'closed', interactive: !o.locked, controls: true,
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('messages', () => {
  it('parseInbound never throws and passes only documented shapes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom('campaign-map:setDate', 'campaign-map:play', 'campaign-map:pause', 'x'), date: fc.oneof(fc.string(), fc.constant('1951-01-04')) }, { requiredKeys: [] })), (data) => {
        const m = parseInbound(data);
        if (m === undefined) return;
        expect(['campaign-map:setDate', 'campaign-map:play', 'campaign-map:pause']).toContain(m.type);
        if (m.type === 'campaign-map:setDate') expect(parseIsoDate(m.date)).not.toBeUndefined();
      }),
      { numRuns: 3000 },
    );
    // 3000 runs: generous on a loaded machine (not a speed assertion).
  }, 60_000);

  it('acceptInbound refuses every origin but the parent', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const origin = new URL(url).origin;
        fc.pre(origin !== 'https://school.example');
        expect(acceptInbound(origin, 'https://school.example', { type: 'campaign-map:play' })).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('geo:query arguments', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('--date', '--at', '--pack', '1951-01-04', '126.9,37.5'))), (argv) => {
        const r = parseQueryArgs(argv, 'm.json');
        expect('error' in r || Number.isFinite(r.day)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
