import { beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/locales/en.ts';
import { ko } from '../../src/locales/ko.ts';
import { formatDate, formatKm, formatMoment, formatShortDate, isLang, loadMessages, preferredLang, t } from '../../src/lib/i18n.ts';
import { dayOf } from '../../src/lib/dates.ts';

describe('loading catalogues', () => {
  it('answers in English until a catalogue is loaded, then in its language', async () => {
    // This file's other tests load Korean in beforeAll; a fresh module shows the order.
    vi.resetModules();
    const fresh: typeof import('../../src/lib/i18n.ts') = await import('../../src/lib/i18n.ts');
    expect(fresh.hasMessages('en')).toBe(true);
    expect(fresh.hasMessages('ko')).toBe(false);
    expect(fresh.t('ko', 'error.retry')).toBe(en['error.retry']);
    await fresh.loadMessages('ko');
    expect(fresh.hasMessages('ko')).toBe(true);
    expect(fresh.t('ko', 'error.retry')).toBe(ko['error.retry']);
  });
});

beforeAll(() => loadMessages('ko'));

describe('catalogues', () => {
  it('Korean has exactly the English keys, none empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(ko)) expect(v.trim(), k).not.toBe('');
  });

  it('placeholders match between languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(names(ko[k]), k).toEqual(names(en[k]));
  });
});

describe('formatting', () => {
  const jan4 = dayOf('1951-01-04');
  it('writes dates in words in each language', () => {
    expect(formatDate('en', jan4)).toBe('4 January 1951');
    expect(formatDate('ko', jan4)).toBe('1951년 1월 4일');
    // A moment between two day steps belongs to the later date (a date alone is the end of its day).
    expect(formatDate('en', dayOf('1950-12-31') + 0.7)).toBe('1 January 1951');
    expect(formatShortDate('en', jan4)).toBe('4 Jan');
    expect(formatShortDate('ko', jan4)).toBe('1월 4일');
  });

  it('gives the time of day in words between day steps, in each language', () => {
    expect(formatMoment('en', jan4)).toBe('4 January 1951');
    expect(formatMoment('ko', jan4)).toBe('1951년 1월 4일');
    const afternoon = dayOf('1951-01-05') + 14 / 24;
    expect(formatMoment('en', afternoon)).toBe('6 January 1951, afternoon (14:00)');
    expect(formatMoment('ko', afternoon)).toBe('1951년 1월 6일 오후(14:00)');
    expect(formatMoment('en', dayOf('1951-01-02') + 3 / 24)).toBe('3 January 1951, before dawn (03:00)');
    expect(formatMoment('ko', dayOf('1951-01-02') + 3 / 24)).toBe('1951년 1월 3일 새벽(03:00)');
    expect(formatMoment('en', dayOf('1951-01-03') + 22 / 24)).toBe('4 January 1951, night (22:00)');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'slider.valuetext', { date: 'D', phase: 'P' })).toBe('D – P');
    expect(t('en', 'slider.valuetext', { date: 'D' })).toBe('D – {phase}');
  });

  it('formats kilometres', () => {
    expect(formatKm('en', 23.14)).toBe('23.1 km');
    expect(formatKm('ko', 23.14)).toBe('23.1km');
  });

  it('picks the browser language when supported', () => {
    expect(preferredLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(preferredLang(['fr-FR', 'en-GB'])).toBe('en');
    expect(preferredLang(['fr'])).toBe('en');
    expect(preferredLang(undefined)).toBe('en');
    expect(isLang('ko')).toBe(true);
    expect(isLang('KO')).toBe(false);
  });
});
