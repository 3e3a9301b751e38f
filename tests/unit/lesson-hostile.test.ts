/**
 * Property-based: whatever arrives in `?lesson=` or a lesson file, decoding never throws, never
 * lets an invalid lesson through, and any lesson that validates survives a round trip.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { LESSON_LIMITS, decodeLesson, encodeLesson, lessonFileText, lessonProblems, parseLessonFile, type Lesson } from '../../src/lib/lesson.ts';
import { parseAppParams, parseEmbedParams } from '../../src/lib/params.ts';
import { dayOf } from '../../src/lib/dates.ts';

const PACK = ['1950-12-31', '1951-01-31'] as const;
const isoDay = fc.integer({ min: 0, max: 35 }).map((n) => new Date(Date.UTC(1950, 11, 29 + n)).toISOString().slice(0, 10));
/** Text as teachers (and attackers) write it: markup, links, Hangul, emoji, controls. */
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'grapheme', maxLength: max }),
    fc.constantFrom('<img src=x onerror=alert(1)>', 'https://evil.example/', '<a href="javascript:alert(1)">x</a>', '서울 함락', '\u202Eevil', ''),
  );
const question = fc.oneof(
  fc.record({ kind: fc.constant('choice'), prompt: anyText(220), options: fc.array(anyText(120), { maxLength: 7 }), correct: fc.integer({ min: -1, max: 6 }), explanation: anyText(420) }),
  fc.record({ kind: fc.constant('text'), prompt: anyText(220), accepted: fc.array(anyText(120), { maxLength: 7 }), explanation: anyText(420) }),
  fc.anything(),
);
const stop = fc.record({ date: fc.oneof(isoDay, fc.string()), caption: anyText(420), question: question }, { requiredKeys: ['date', 'caption'] });
/** Lesson-shaped values, mostly near-valid so the checks deep inside are reached. */
const lessonish = fc.oneof(
  fc.record({
    version: fc.constantFrom(1, 1, 1, 2, '1'),
    title: anyText(120),
    start: isoDay, end: isoDay,
    lang: fc.constantFrom('en', 'ko', 'fr'),
    autoplay: fc.oneof(fc.boolean(), fc.constant('1')),
    speed: fc.constantFrom('slow', 'normal', 'fast', 'warp'),
    narrative: fc.constantFrom('open', 'closed', 'none'),
    controls: fc.boolean(),
    stops: fc.array(stop, { maxLength: 14 }),
  }),
  fc.anything(),
);
/** Non-blank text within a limit, of any characters. */
const fits = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((t) => t.length <= max && t.trim().length > 0);
const validLesson: fc.Arbitrary<Lesson> = fc
  .record({
    title: fits(LESSON_LIMITS.title),
    lang: fc.constantFrom('en' as const, 'ko' as const),
    autoplay: fc.boolean(),
    speed: fc.constantFrom('slow' as const, 'normal' as const, 'fast' as const),
    narrative: fc.constantFrom('open' as const, 'closed' as const, 'none' as const),
    controls: fc.boolean(),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: LESSON_LIMITS.stops }),
    captions: fc.array(fits(LESSON_LIMITS.caption), { minLength: LESSON_LIMITS.stops, maxLength: LESSON_LIMITS.stops }),
    questions: fc.array(
      fc.option(fc.oneof(
        fc.record({ kind: fc.constant('choice' as const), prompt: fits(LESSON_LIMITS.prompt), options: fc.array(fits(LESSON_LIMITS.option), { minLength: 2, maxLength: 5 }), correct: fc.nat(1), explanation: fc.string({ maxLength: LESSON_LIMITS.explanation }) }),
        fc.record({ kind: fc.constant('text' as const), prompt: fits(LESSON_LIMITS.prompt), accepted: fc.array(fits(LESSON_LIMITS.option), { minLength: 1, maxLength: 5 }), explanation: fc.string({ maxLength: LESSON_LIMITS.explanation }) }),
      ), { nil: undefined }),
      { minLength: LESSON_LIMITS.stops, maxLength: LESSON_LIMITS.stops },
    ),
  })
  .map(({ days, captions, questions, ...rest }) => ({
    version: 1 as const, ...rest, start: '1950-12-31', end: '1951-01-31',
    stops: [...days].sort((a, b) => a - b).map((d, i) => ({
      date: new Date(Date.UTC(1950, 11, 31 + d)).toISOString().slice(0, 10),
      caption: captions[i],
      ...(questions[i] ? { question: questions[i] } : {}),
    })),
  }));
const asParam = (v: unknown) => `1.${Buffer.from(deflateSync(strToU8(JSON.stringify(v) ?? 'null'))).toString('base64url')}`;

/** Every text of a lesson, to check nothing longer than its limit got through. */
function texts(l: Lesson): [string, number][] {
  const out: [string, number][] = [[l.title, LESSON_LIMITS.title]];
  for (const s of l.stops) {
    out.push([s.caption, LESSON_LIMITS.caption]);
    const q = s.question;
    if (!q) continue;
    out.push([q.prompt, LESSON_LIMITS.prompt], [q.explanation, LESSON_LIMITS.explanation]);
    for (const o of q.kind === 'choice' ? q.options : q.accepted) out.push([o, LESSON_LIMITS.option]);
  }
  return out;
}

describe('hostile lessons', () => {
  it('decoding any string never throws, and a lesson that comes out is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ maxLength: 60 }).map((s) => `1.${s}`), fc.base64String().map((s) => `1.${s}`)), (param) => {
        const r = decodeLesson(param, ...PACK);
        if (r.ok) expect(lessonProblems(r.lesson, ...PACK)).toEqual([]);
        else expect(['tooLong', 'version', 'encoding', 'invalid']).toContain(r.error);
      }),
      { numRuns: 2000 },
    );
  });

  it('every valid lesson, whatever its text, round-trips through a link and a file unchanged', () => {
    fc.assert(
      fc.property(validLesson, (lesson) => {
        expect(lessonProblems(lesson, ...PACK)).toEqual([]);
        const param = encodeLesson(lesson);
        if (param.length <= LESSON_LIMITS.param) expect(decodeLesson(param, ...PACK)).toEqual({ ok: true, lesson });
        else expect(decodeLesson(param, ...PACK)).toEqual({ ok: false, error: 'tooLong' });
        expect(parseLessonFile(lessonFileText(lesson), ...PACK)).toEqual({ ok: true, lesson });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a well-encoded lesson of any shape is used only if it validates, with every text within its limit', () => {
    fc.assert(
      fc.property(lessonish, (value) => {
        const r = decodeLesson(asParam(value), ...PACK);
        const f = parseLessonFile(JSON.stringify(value) ?? '', ...PACK);
        expect(f.ok).toBe(r.ok);
        if (!r.ok) return;
        expect(lessonProblems(r.lesson, ...PACK)).toEqual([]);
        for (const [s, max] of texts(r.lesson)) expect(s.length).toBeLessThanOrEqual(max);
        expect(r.lesson.stops.length).toBeGreaterThan(0);
        expect(r.lesson.stops.length).toBeLessThanOrEqual(LESSON_LIMITS.stops);
        // Valid lessons round-trip exactly (as long as they fit in a link).
        const again = encodeLesson(r.lesson);
        if (again.length <= LESSON_LIMITS.param) expect(decodeLesson(again, ...PACK)).toEqual(r);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('the page parameters stay in range whatever lesson comes with them', () => {
    const start = dayOf(PACK[0]);
    const end = dayOf(PACK[1]);
    fc.assert(
      fc.property(lessonish, fc.constantFrom('', '&date=1951-01-25', '&start=1951-01-10', '&lang=xx&speed=fast'), (value, extra) => {
        const q = `?lesson=${asParam(value)}${extra}`;
        const a = parseAppParams(q, start, end, decodeLesson);
        const e = parseEmbedParams(q, start, end, decodeLesson);
        for (const p of [a, e]) {
          expect(p.day).toBeGreaterThanOrEqual(start);
          expect(p.day).toBeLessThanOrEqual(end);
          if (p.lesson) expect(p.day).toBe(dayOf(p.lesson.start));
          else expect(p.notices.some((n) => n.key.startsWith('notice.lesson.'))).toBe(true);
        }
        expect(e.start).toBeLessThanOrEqual(e.day);
        expect(e.day).toBeLessThanOrEqual(e.end);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
