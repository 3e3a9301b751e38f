import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import {
  LESSON_LIMITS, decodeLesson, encodeLesson, lessonFileText, lessonProblems, parseLessonFile, type Lesson,
} from '../../src/lib/lesson.ts';
import { isCorrect, normalizeAnswer, scoreOf } from '../../src/lib/lesson-answers.ts';
import { expandLesson, hasLesson, lessonDecoder, lessonLang, parseAppParams, parseEmbedParams } from '../../src/lib/params.ts';
import { dayOf } from '../../src/lib/dates.ts';

const PACK = ['1950-12-31', '1951-01-31'] as const;
const start = dayOf(PACK[0]);
const end = dayOf(PACK[1]);

/** A three-stop lesson with one question of each kind. */
function sample(): Lesson {
  return {
    version: 1, title: 'Seoul falls', start: '1951-01-01', end: '1951-01-20', lang: 'en', autoplay: false,
    speed: 'normal', narrative: 'closed', controls: true,
    stops: [
      { date: '1951-01-03', caption: 'The UN prepares to leave Seoul.' },
      { date: '1951-01-04', caption: 'Seoul falls.', question: { kind: 'choice', prompt: 'Which city fell?', options: ['Seoul', 'Pusan', 'Wonju'], correct: 0, explanation: 'Seoul fell on 4 January.' } },
      { date: '1951-01-15', caption: '서울 남쪽', question: { kind: 'text', prompt: 'Name the line.', accepted: ['Line D', 'D'], explanation: '' } },
    ],
  };
}

/** The raw parameter for any JSON value, made the way a tamperer would. */
function raw(value: unknown, version = 1): string {
  const b = deflateSync(strToU8(JSON.stringify(value)));
  return `${version}.${Buffer.from(b).toString('base64url')}`;
}

describe('lesson links', () => {
  it('round-trips a lesson through the link parameter', () => {
    const param = encodeLesson(sample());
    expect(param).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(decodeLesson(param, ...PACK)).toEqual({ ok: true, lesson: sample() });
  });

  it('round-trips through a saved file, and drops unknown keys', () => {
    expect(parseLessonFile(lessonFileText(sample()), ...PACK)).toEqual({ ok: true, lesson: sample() });
    const extra = { ...sample(), evil: '<script>', stops: sample().stops.map((s) => ({ ...s, html: '<b>' })) };
    const r = decodeLesson(raw(extra), ...PACK);
    expect(r).toEqual({ ok: true, lesson: sample() });
  });

  it('refuses other versions, in the prefix or in the JSON', () => {
    expect(decodeLesson(raw(sample(), 2), ...PACK)).toEqual({ ok: false, error: 'version' });
    expect(decodeLesson(raw({ ...sample(), version: 2 }), ...PACK)).toEqual({ ok: false, error: 'version' });
    expect(parseLessonFile(JSON.stringify({ ...sample(), version: 0 }), ...PACK)).toEqual({ ok: false, error: 'version' });
  });

  it('refuses a link longer than the limit before decoding it', () => {
    expect(decodeLesson(`1.${'A'.repeat(LESSON_LIMITS.param)}`, ...PACK)).toEqual({ ok: false, error: 'tooLong' });
  });

  it('refuses a DEFLATE bomb without expanding it', () => {
    const bomb = raw({ ...sample(), title: 'x'.repeat(2_000_000) });
    expect(bomb.length).toBeLessThan(LESSON_LIMITS.param);
    expect(decodeLesson(bomb, ...PACK)).toEqual({ ok: false, error: 'encoding' });
  });

  it('reports damaged links as encoding errors', () => {
    const good = encodeLesson(sample());
    for (const bad of ['', '1.', '1', 'x.abc', '1.abc$', good.slice(0, good.length - 8), '1.' + Buffer.from('not deflate').toString('base64url'), raw('not an object'), '1.' + Buffer.from(deflateSync(new Uint8Array([0xff, 0xfe]))).toString('base64url')]) {
      const r = decodeLesson(bad, ...PACK);
      expect(r.ok, bad).toBe(false);
    }
  });

  it('a lesson can be valid yet too long for a link (the builder says so instead of making one)', () => {
    // Varied Hangul, as real captions are: 3 bytes a letter that DEFLATE cannot squeeze much.
    let seed = 1;
    const hangul = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0xac00 + ((seed = (seed * 48271) % 2147483647) % 11172))).join('');
    const big = sample();
    big.stops = Array.from({ length: LESSON_LIMITS.stops }, (_, i) => ({ date: `1951-01-${String(i + 2).padStart(2, '0')}`, caption: hangul(LESSON_LIMITS.caption) }));
    expect(lessonProblems(big, ...PACK)).toEqual([]);
    expect(encodeLesson(big).length).toBeGreaterThan(LESSON_LIMITS.param);
    // A dozen stops with short captions fit easily.
    big.stops.forEach((s) => (s.caption = hangul(60)));
    expect(encodeLesson(big).length).toBeLessThan(LESSON_LIMITS.param);
  });
});

describe('lesson validation', () => {
  const problems = (l: unknown) => lessonProblems(l, ...PACK).map((p) => `${p.code}${p.stop ?? ''}`);

  it('finds nothing wrong with a good lesson', () => {
    expect(problems(sample())).toEqual([]);
  });

  it('names each problem and the stop it is in', () => {
    const l = sample();
    l.title = ' ';
    l.stops[0].date = '1951-01-25';
    l.stops[1].caption = 'x'.repeat(LESSON_LIMITS.caption + 1);
    (l.stops[1].question as { correct: number }).correct = 3;
    (l.stops[2].question as { accepted: string[] }).accepted = [];
    expect(problems(l)).toEqual(['title', 'stopDate0', 'caption1', 'correct1', 'accepted2']);
  });

  it('requires stops in date order on dates of their own, within the lesson', () => {
    const l = sample();
    l.stops[1].date = '1951-01-03';
    expect(problems(l)).toEqual(['stopOrder1']);
    l.stops[1].date = '1951-01-21';
    expect(problems(l)).toContain('stopDate1');
  });

  it('requires a range within the pack, first before last', () => {
    expect(problems({ ...sample(), start: '1950-12-30' })).toContain('range');
    expect(problems({ ...sample(), start: '1951-01-20', end: '1951-01-01' })).toContain('range');
    expect(problems({ ...sample(), end: '1951-02-30' })).toContain('range');
  });

  it('holds the number of stops and choices to the limits', () => {
    const many = { ...sample(), stops: Array.from({ length: LESSON_LIMITS.stops + 1 }, (_, i) => ({ date: `1951-01-${String(i + 2).padStart(2, '0')}`, caption: 'c' })) };
    expect(problems(many)).toContain('tooManyStops');
    expect(problems({ ...sample(), stops: [] })).toEqual(['noStops']);
    const l = sample();
    (l.stops[1].question as { options: string[] }).options = ['one'];
    expect(problems(l)).toContain('options1');
  });

  it('refuses wrong types anywhere', () => {
    expect(problems(null)).toEqual(['shape']);
    expect(problems([])).toEqual(['shape']);
    expect(problems({ ...sample(), autoplay: 'yes' })).toEqual(['shape']);
    expect(problems({ ...sample(), lang: 'fr' })).toEqual(['shape']);
    expect(problems({ ...sample(), stops: [{ date: 19510104, caption: 1 }] })).toEqual(['stopDate0', 'caption0']);
    expect(problems({ ...sample(), stops: [{ date: '1951-01-04', caption: 'c', question: { kind: 'html' } }] })).toEqual(['shape0']);
  });
});

describe('lessons in the URL parameters', () => {
  it('a lesson sets the range, language, playback and panels, and opens on its first day', () => {
    const p = parseEmbedParams(`?lesson=${encodeLesson({ ...sample(), lang: 'ko', autoplay: true, speed: 'fast', narrative: 'none', controls: false })}&date=1951-01-10`, start, end, decodeLesson);
    expect(p.lesson?.title).toBe('Seoul falls');
    expect([p.start, p.end, p.day]).toEqual([dayOf('1951-01-01'), dayOf('1951-01-20'), dayOf('1951-01-01')]);
    expect([p.lang, p.autoplay, p.speed, p.narrative, p.controls]).toEqual(['ko', true, 'fast', 'none', false]);
    expect(p.notices).toEqual([]);
  });

  it('explicit parameters still win over the lesson’s settings', () => {
    const p = parseEmbedParams(`?lesson=${encodeLesson(sample())}&lang=ko&controls=0&parentOrigin=https://school.example`, start, end, decodeLesson);
    expect([p.lang, p.controls, p.parentOrigin]).toEqual(['ko', false, 'https://school.example']);
  });

  it('the full map opens a lesson on its first day', () => {
    const p = parseAppParams(`?lesson=${encodeLesson(sample())}`, start, end, decodeLesson);
    expect(p.lesson?.stops).toHaveLength(3);
    expect(p.day).toBe(dayOf('1951-01-01'));
  });

  it('compare= beside a lesson gives way to the lesson with a notice, in the full map and the embed', () => {
    const q = `?lesson=${encodeLesson(sample())}&compare=1951-01-02,1951-01-10`;
    for (const p of [parseAppParams(q, start, end, decodeLesson), parseEmbedParams(q, start, end, decodeLesson)]) {
      expect(p.lesson?.title).toBe('Seoul falls');
      expect(p.compare).toBeUndefined();
      expect(p.day).toBe(dayOf('1951-01-01'));
      expect(p.notices).toEqual([{ key: 'notice.compareInLesson', vars: {} }]);
    }
    // A broken lesson is dropped: the plain map then opens compare as asked.
    const broken = parseAppParams(`?lesson=${encodeLesson(sample()).slice(0, -10)}&compare=1951-01-02,1951-01-10`, start, end, decodeLesson);
    expect(broken.compare).toEqual(['1951-01-02', '1951-01-10']);
    expect(broken.notices.map((n) => n.key)).toEqual(['notice.lesson.encoding']);
  });

  it('a broken lesson leaves the plain map with a notice', () => {
    const broken = encodeLesson(sample()).slice(0, -10);
    for (const p of [parseAppParams(`?lesson=${broken}&date=1951-01-04`, start, end, decodeLesson), parseEmbedParams(`?lesson=${broken}&date=1951-01-04`, start, end, decodeLesson)]) {
      expect(p.lesson).toBeUndefined();
      expect(p.day).toBe(dayOf('1951-01-04'));
      expect(p.notices).toEqual([{ key: 'notice.lesson.encoding', vars: {} }]);
    }
    expect(expandLesson(`?lesson=${raw({ ...sample(), title: '' })}`, start, end, decodeLesson).notices[0].key).toBe('notice.lesson.invalid');
  });
});

describe('the lesson code is fetched only for a link with a lesson', () => {
  it('gives a decoder only when the link has ?lesson=', async () => {
    expect(hasLesson('?date=1951-01-04')).toBe(false);
    expect(await lessonDecoder('?date=1951-01-04')).toBeUndefined();
    expect(hasLesson(`?lesson=${encodeLesson(sample())}`)).toBe(true);
    expect(await lessonDecoder(`?lesson=${encodeLesson(sample())}`)).toBe(decodeLesson);
  });

  it('without the decoder (it could not be fetched) the plain map opens with a notice', () => {
    const p = parseEmbedParams(`?lesson=${encodeLesson(sample())}&date=1951-01-04`, start, end);
    expect(p.lesson).toBeUndefined();
    expect(p.day).toBe(dayOf('1951-01-04'));
    expect(p.notices).toEqual([{ key: 'notice.lesson.invalid', vars: {} }]);
  });
});

describe('answers', () => {
  const [, choice, text] = sample().stops.map((s) => s.question);

  it('checks a choice by its index', () => {
    expect(isCorrect(choice!, { kind: 'choice', option: 0 })).toBe(true);
    expect(isCorrect(choice!, { kind: 'choice', option: 1 })).toBe(false);
    expect(isCorrect(choice!, { kind: 'text', text: 'Seoul' })).toBe(false);
  });

  it('checks free text ignoring case, width, spacing and punctuation', () => {
    expect(normalizeAnswer('  Line   D. ')).toBe('line d');
    expect(normalizeAnswer('ＬＩＮＥ Ｄ')).toBe('line d');
    expect(isCorrect(text!, { kind: 'text', text: 'line d!' })).toBe(true);
    expect(isCorrect(text!, { kind: 'text', text: 'd' })).toBe(true);
    expect(isCorrect(text!, { kind: 'text', text: 'Line B' })).toBe(false);
    expect(isCorrect(text!, { kind: 'text', text: '...' })).toBe(false);
  });

  it('scores only stops with questions', () => {
    expect(scoreOf(sample().stops, [undefined, true, undefined])).toEqual({ questions: 2, answered: 1, correct: 1 });
    expect(scoreOf(sample().stops, [undefined, false, true])).toEqual({ questions: 2, answered: 2, correct: 1 });
  });
});

describe('lessonLang (the language a lesson link without lang= opens in)', () => {
  const ko = { ...sample(), lang: 'ko' as const };
  const manifest = async () => ({ start: PACK[0], end: PACK[1] });

  it('is the lesson’s own language, read against the pack’s range', async () => {
    expect(await lessonLang(`?lesson=${encodeLesson(ko)}`, manifest)).toBe('ko');
    expect(await lessonLang(`?lesson=${encodeLesson(sample())}`, manifest)).toBe('en');
  });

  it('is nothing to wait for without a lesson, or where the link names a language (even a bad one)', () => {
    expect(lessonLang('?date=1951-01-04', manifest)).toBeUndefined();
    expect(lessonLang(`?lesson=${encodeLesson(ko)}&lang=en`, manifest)).toBeUndefined();
    expect(lessonLang(`?lesson=${encodeLesson(ko)}&lang=fr`, manifest)).toBeUndefined();
  });

  it('is undefined for a lesson the page will not use, or a manifest that cannot be read', async () => {
    expect(await lessonLang(`?lesson=${encodeLesson({ ...ko, start: '1950-06-25' })}`, manifest)).toBeUndefined();
    expect(await lessonLang('?lesson=1.garbage', manifest)).toBeUndefined();
    expect(await lessonLang(`?lesson=${raw({ ...ko, lang: 'fr' })}`, manifest)).toBeUndefined();
    expect(await lessonLang(`?lesson=${encodeLesson(ko)}`, () => Promise.reject(new Error('offline')))).toBeUndefined();
    expect(await lessonLang(`?lesson=${encodeLesson(ko)}`, async () => null)).toBeUndefined();
  });
});
