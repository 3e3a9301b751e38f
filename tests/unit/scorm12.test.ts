import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeProgress, encodeProgress, findApi, isComplete, scoreOf, ScormSession, SUSPEND_MAX, timespan, type ApiHost, type Scorm12Api } from '../../src/lib/scorm12.ts';
import { RecordingLms } from '../fixtures/scorm-recorder.ts';

const PHASES = ['offensive', 'line-d', 'thunderbolt'];

describe('findApi', () => {
  const api = new RecordingLms().api;
  const frame = (parent: ApiHost | null, extra: Partial<ApiHost> = {}): ApiHost => {
    const w = { parent, ...extra } as { parent: ApiHost | null };
    if (w.parent === null) w.parent = w as ApiHost;
    return w as ApiHost;
  };

  it('finds the API on a parent two frames up', () => {
    const top = frame(null, { API: api });
    expect(findApi(frame(frame(top)))).toBe(api);
  });

  it('finds the API through the opener when no parent has it', () => {
    const lms = frame(null, { API: api });
    expect(findApi(frame(null, { opener: frame(lms) }))).toBe(api);
  });

  it('is undefined without an LMS, and when a parent of another origin throws', () => {
    expect(findApi(frame(null))).toBeUndefined();
    const hostile = { get parent(): ApiHost { throw new Error('cross-origin'); }, get API(): unknown { throw new Error('cross-origin'); } };
    expect(findApi(frame(hostile as ApiHost))).toBeUndefined();
  });

  it('ignores an API object without the SCORM 1.2 functions (e.g. a SCORM 2004 API_1484_11 shape)', () => {
    expect(findApi(frame(null, { API: { Initialize() {} } }))).toBeUndefined();
  });
});

describe('ScormSession', () => {
  it('initialises, marks the attempt incomplete, then completed once every phase is viewed, and finishes with a valid time', () => {
    const lms = new RecordingLms();
    let t = 0;
    const s = new ScormSession(lms.api, { phases: PHASES }, () => t);
    expect(lms.value('cmi.core.lesson_status')).toBe('incomplete');
    s.viewed('1950-12-31', 'offensive');
    s.viewed('1951-01-10', 'line-d');
    expect(lms.value('cmi.core.lesson_status')).toBe('incomplete');
    s.viewed('1951-01-26', 'thunderbolt');
    expect(lms.value('cmi.core.lesson_status')).toBe('completed');
    expect(lms.value('cmi.core.lesson_location')).toBe('1951-01-26');
    t = 61_500;
    s.finish();
    s.finish();
    expect(lms.value('cmi.core.session_time')).toBe('0000:01:01.50');
    expect(lms.value('cmi.core.exit')).toBe('');
    expect(lms.errors).toEqual([]);
    expect(lms.calls.at(0)).toBe('LMSInitialize');
    expect(lms.calls.at(-1)).toBe('LMSFinish');
    expect(lms.calls.filter((c) => c === 'LMSFinish')).toHaveLength(1);
  });

  it('resumes where the student left off: date and phases seen carry over; an unfinished attempt exits with suspend', () => {
    const lms = new RecordingLms();
    const first = new ScormSession(lms.api, { phases: PHASES });
    first.viewed('1951-01-10', 'line-d');
    first.finish();
    expect(lms.value('cmi.core.exit')).toBe('suspend');
    const again = lms.relaunch();
    const second = new ScormSession(again.api, { phases: PHASES });
    expect(second.resumeDate).toBe('1951-01-10');
    expect(second.done.viewed).toEqual(['line-d']);
    second.viewed('1950-12-31', 'offensive');
    second.viewed('1951-01-25', 'thunderbolt');
    expect(again.value('cmi.core.lesson_status')).toBe('completed');
    second.finish();
    expect(again.errors).toEqual([]);
  });

  it('reports a lesson score from first answers and completes when every stop is reached', () => {
    const lms = new RecordingLms();
    const s = new ScormSession(lms.api, { stops: 3, questions: 2 });
    s.reachedStop(0);
    s.answered(0, false);
    s.answered(0, true);
    s.reachedStop(1);
    s.answered(1, true);
    expect(lms.value('cmi.core.score.raw')).toBe('50');
    expect(lms.value('cmi.core.lesson_status')).toBe('incomplete');
    s.reachedStop(2);
    expect(lms.value('cmi.core.lesson_status')).toBe('completed');
    s.finish();
    expect(lms.errors).toEqual([]);
  });

  it('does nothing when the LMS refuses LMSInitialize', () => {
    const lms = new RecordingLms({ refuseInitialize: true });
    const s = new ScormSession(lms.api, { phases: PHASES });
    expect(s.active).toBe(false);
    s.viewed('1951-01-01', 'offensive');
    s.finish();
    expect(lms.calls).toEqual(['LMSInitialize']);
  });

  it('never changes a completed status back', () => {
    const lms = new RecordingLms();
    new ScormSession(lms.api, { phases: ['offensive'] }).viewed('1950-12-31', 'offensive');
    const again = lms.relaunch();
    const s = new ScormSession(again.api, { phases: ['offensive'] });
    s.finish();
    expect(again.value('cmi.core.lesson_status')).toBe('completed');
    expect(again.value('cmi.core.exit')).toBe('');
  });
});

describe('progress and values', () => {
  it('round-trips progress within the suspend_data limit', () => {
    fc.assert(
      fc.property(
        fc.record({
          viewed: fc.uniqueArray(fc.string({ maxLength: 20 }), { maxLength: 20 }),
          stops: fc.uniqueArray(fc.nat(999), { maxLength: 30 }),
          answers: fc.dictionary(fc.nat(999).map(String), fc.boolean(), { maxKeys: 30 }),
        }),
        (p) => {
          const text = encodeProgress(p as never);
          expect(text.length).toBeLessThanOrEqual(SUSPEND_MAX);
          const back = decodeProgress(text);
          expect(back.viewed).toEqual(p.viewed);
          expect(back.stops).toEqual(p.stops);
          expect(Object.keys(back.answers).sort()).toEqual(Object.keys(p.answers).sort());
        },
      ),
    );
  });

  it('reads any unreadable suspend_data as a fresh start, never throwing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const p = decodeProgress(text);
        expect(Array.isArray(p.viewed) && Array.isArray(p.stops)).toBe(true);
      }),
    );
    expect(decodeProgress('{"v":1,"p":[1,"a"],"s":[-1,2],"a":[[0,1],["x",1]]}')).toEqual({ viewed: ['a'], stops: [2], answers: { 0: true } });
  });

  it('formats CMITimespan values', () => {
    expect(timespan(0)).toBe('0000:00:00.00');
    expect(timespan(3_723_450)).toBe('0001:02:03.45');
    expect(timespan(1e15)).toMatch(/^9999:59:59\.99$/);
    fc.assert(fc.property(fc.nat(), (ms) => /^\d{4}:[0-5]\d:[0-5]\d\.\d\d$/.test(timespan(ms))));
  });

  it('scores only lessons with questions and completes only a reached goal', () => {
    const p = { viewed: ['offensive'], stops: [0, 1], answers: { 0: true, 1: false } };
    expect(scoreOf(p, { phases: PHASES })).toBeUndefined();
    expect(scoreOf(p, { stops: 2, questions: 2 })).toBe(50);
    expect(scoreOf(p, { stops: 2, questions: 0 })).toBeUndefined();
    expect(isComplete(p, { stops: 2, questions: 2 })).toBe(true);
    expect(isComplete(p, { phases: PHASES })).toBe(false);
  });
});

// The recorder itself must reject what SCORM 1.2 forbids, or the tests above prove nothing.
describe('the recording LMS', () => {
  it('flags calls out of order and invalid values', () => {
    const lms = new RecordingLms();
    const api: Scorm12Api = lms.api;
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    api.LMSInitialize('');
    api.LMSSetValue('cmi.core.lesson_status', 'done');
    api.LMSSetValue('cmi.core.score.raw', '101');
    api.LMSSetValue('cmi.core.session_time', '1:2:3');
    api.LMSFinish('');
    api.LMSCommit('');
    expect(lms.errors).toHaveLength(5);
  });
});

describe('the SCO page', () => {
  it('passes its own parameters on to the map, resumes at the recorded date and names its origin', async () => {
    const { scoFrameUrl, lessonGoal, parseScoMessage } = await import('../../src/lib/sco.ts');
    const url = new URL(scoFrameUrl('?lang=ko&lesson=1.abc&stops=2&questions=1&evil=<x>', 'https://lms.school.example', '1951-01-10'), 'https://lms.school.example/course/');
    expect(url.pathname).toBe('/course/embed.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ lang: 'ko', lesson: '1.abc', date: '1951-01-10', narrative: 'open', parentOrigin: 'https://lms.school.example' });
    expect(new URL(scoFrameUrl('', 'null'), 'https://x/').searchParams.has('parentOrigin')).toBe(false);
    expect(lessonGoal('?lesson=1.abc&stops=2&questions=1')).toEqual({ stops: 2, questions: 1 });
    expect(lessonGoal('?stops=2&questions=1')).toBeUndefined();
    expect(lessonGoal('?lesson=1.abc&stops=2&questions=3')).toBeUndefined();
    expect(parseScoMessage({ type: 'campaign-map:stop', stop: 1, stops: 2, date: '1951-01-04' })).toEqual({ type: 'stop', stop: 1 });
    expect(parseScoMessage({ type: 'campaign-map:datechange', date: '1951-13-01', phase: 'x' })).toBeUndefined();
    fc.assert(fc.property(fc.anything(), (data) => parseScoMessage(data) === undefined || typeof parseScoMessage(data) === 'object'));
  });
});
