/**
 * Key events on the slider: placing them in the range, stepping from one to the next, which
 * ones a move of the date reaches, stacking their markers, and validating them in the manifest.
 */
import { describe, expect, it } from 'vitest';
import { eventFrom, eventsReached, placeEvents, stackRows } from '../../src/lib/events.ts';
import { validateEvents } from '../../src/lib/validate.ts';
import { dayOf, momentOf } from '../../src/lib/dates.ts';
import type { KeyEvent } from '../../src/lib/types.ts';
import manifest from '../../geo/korea-1951-01/manifest.json' with { type: 'json' };
import sources from '../../geo/sources.json' with { type: 'json' };

const ev = (id: string, date: string): KeyEvent => ({ id, date, label: { en: id, ko: id }, sources: ['TEST'] });
const min = dayOf('1950-12-31');
const max = dayOf('1951-01-31');
const events = placeEvents([ev('b', '1951-01-04'), ev('a', '1950-12-31T17:00'), ev('c', '1951-01-06T14:00'), ev('late', '1951-02-02')], min, max);

describe('placing events on the slider', () => {
  it('orders and numbers the events in the range; one earlier on the first day sits at its start', () => {
    expect(events.map((e) => [e.id, e.n])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(events[0].day).toBe(min);
    expect(events[1].day).toBe(dayOf('1951-01-04'));
    expect(events[2].day).toBeCloseTo(momentOf('1951-01-06T14:00'), 9);
    // A narrowed range keeps only its own events, numbered afresh.
    expect(placeEvents([ev('b', '1951-01-04'), ev('a', '1950-12-31T17:00')], dayOf('1951-01-02'), max).map((e) => [e.id, e.n])).toEqual([['b', 1]]);
  });

  it('steps to the next and previous event from any moment', () => {
    expect(eventFrom(events, min, 1)?.id).toBe('b');
    expect(eventFrom(events, dayOf('1951-01-04'), 1)?.id).toBe('c');
    expect(eventFrom(events, dayOf('1951-01-04') - 0.1, 1)?.id).toBe('b');
    expect(eventFrom(events, max, 1)).toBeUndefined();
    expect(eventFrom(events, dayOf('1951-01-04'), -1)?.id).toBe('a');
    expect(eventFrom(events, min, -1)).toBeUndefined();
  });

  it('reports the events a move passes or lands on going forward, and only one landed on going back', () => {
    expect(eventsReached(events, min, dayOf('1951-01-05')).map((e) => e.id)).toEqual(['b']);
    expect(eventsReached(events, dayOf('1951-01-03'), dayOf('1951-01-04')).map((e) => e.id)).toEqual(['b']);
    expect(eventsReached(events, dayOf('1951-01-04'), dayOf('1951-01-04') + 0.01).map((e) => e.id)).toEqual([]);
    expect(eventsReached(events, min, max).map((e) => e.id)).toEqual(['b', 'c']);
    expect(eventsReached(events, dayOf('1951-01-10'), dayOf('1951-01-04')).map((e) => e.id)).toEqual(['b']);
    expect(eventsReached(events, dayOf('1951-01-10'), dayOf('1951-01-05')).map((e) => e.id)).toEqual([]);
    expect(eventsReached(events, dayOf('1951-01-04'), dayOf('1951-01-04'))).toEqual([]);
  });

  it('stacks markers into rows so that none comes within the gap of another', () => {
    expect(stackRows([0, 10, 30, 33, 36, 60], 12, 2)).toEqual([0, 1, 0, 1, 2, 0]);
    expect(stackRows([], 12)).toEqual([]);
  });
});

describe('validating events', () => {
  const ctx = { start: min, end: max, sources: { TEST: {} } };
  it('accepts the pack\'s events: dated in the range, labelled in both languages, sources that resolve', () => {
    expect(validateEvents('manifest.json', manifest.events, { start: min, end: max, sources })).toEqual([]);
    expect(manifest.events.length).toBeGreaterThanOrEqual(10);
    expect(validateEvents('manifest.json', undefined, ctx)).toEqual([]);
  });

  it('names each bad event and what is wrong with it', () => {
    const msgs = (data: unknown) => validateEvents('m.json', data, ctx).map((p) => `${p.feature ?? ''}: ${p.message}`);
    expect(msgs({})).toEqual([': `events` must be a list']);
    expect(msgs([{ date: '1951-01-04' }])).toEqual(['events[0]: an event lacks `id`']);
    expect(msgs([ev('x', '1951-01-32')])[0]).toMatch(/^x: `date` is not an ISO date/);
    expect(msgs([ev('x', '1951-02-01')])).toEqual(['x: `date` lies outside the pack range']);
    // 17:00 on the range's first calendar day is inside it.
    expect(msgs([ev('x', '1950-12-31T17:00')])).toEqual([]);
    expect(msgs([ev('x', '1951-01-05'), ev('y', '1951-01-04')])).toEqual(['y: events must be in time order']);
    expect(msgs([ev('x', '1951-01-04'), ev('x', '1951-01-05')])).toEqual(['x: duplicate event id']);
    expect(msgs([{ ...ev('x', '1951-01-04'), label: { en: 'Seoul falls' } }])).toEqual(['x: `label` needs en, ko']);
    expect(msgs([{ ...ev('x', '1951-01-04'), label: { en: 'x'.repeat(41), ko: 'x' } }])).toEqual(['x: `label` must be short (at most 40 characters)']);
    expect(msgs([{ ...ev('x', '1951-01-04'), sources: ['NOPE'] }])).toEqual(['x: cites unknown source key "NOPE"']);
    expect(msgs([{ ...ev('x', '1951-01-04'), sources: [] }])[0]).toMatch(/has no `sources`/);
  });
});
