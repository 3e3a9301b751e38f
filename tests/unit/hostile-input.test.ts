/**
 * Property-based: the URL and message parsers never throw and never let an unvalidated value
 * through, whatever they are given.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAppParams, parseEmbedParams } from '../../src/lib/params.ts';
import { acceptInbound, parseInbound } from '../../src/lib/messages.ts';
import { parseQueryArgs } from '../../src/lib/query-args.ts';
import { dayOf, parseIsoDate } from '../../src/lib/dates.ts';
import { isLang } from '../../src/lib/i18n.ts';

const start = dayOf('1950-12-31');
const end = dayOf('1951-01-31');
const KEYS = ['date', 'start', 'end', 'autoplay', 'speed', 'narrative', 'controls', 'lang', 'interactive', 'parentOrigin', 'x'];

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
        expect(p.day).toBeGreaterThanOrEqual(start);
        expect(p.day).toBeLessThanOrEqual(end);
        expect(p.lang === undefined || isLang(p.lang)).toBe(true);
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
