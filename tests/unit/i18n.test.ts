import { beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/locales/en.ts';
import { enApp } from '../../src/locales/en-app.ts';
import { enBuilder } from '../../src/locales/en-builder.ts';
import { enLegend } from '../../src/locales/en-legend.ts';
import { enNotices } from '../../src/locales/en-notices.ts';
import { enOffline } from '../../src/locales/en-offline.ts';
import { enPresent } from '../../src/locales/en-present.ts';
import { enPrint } from '../../src/locales/en-print.ts';
import { enDescribe } from '../../src/locales/en-describe.ts';
import { enCompare } from '../../src/locales/en-compare.ts';
import { enExport } from '../../src/locales/en-export.ts';
import { enForces } from '../../src/locales/en-forces.ts';
import { enLesson } from '../../src/locales/en-lesson.ts';
import { enShare } from '../../src/locales/en-share.ts';
import { enPlaces } from '../../src/locales/en-places.ts';
import { ko } from '../../src/locales/ko.ts';
import { formatDate, formatKm, formatMoment, formatShortDate, formatShownMoment, formatWidestMoment, isLang, loadMessages, preferredLang, t } from '../../src/lib/i18n.ts';
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
  // English comes in parts (the built-in catalogue, and those a feature adds); Korean is one file.
  const parts: Record<string, Record<string, string>> = { core: en, app: enApp, builder: enBuilder, legend: enLegend, notices: enNotices, offline: enOffline, present: enPresent, print: enPrint, describe: enDescribe, compare: enCompare, export: enExport, forces: enForces, lesson: enLesson, share: enShare, places: enPlaces };
  const english: Record<string, string> = Object.assign({}, ...Object.values(parts));

  it('the English parts share no key and each holds only its feature\'s keys', () => {
    const sizes = Object.values(parts).reduce((n, p) => n + Object.keys(p).length, 0);
    expect(Object.keys(english)).toHaveLength(sizes);
    for (const k of Object.keys(enBuilder)) expect(k).toMatch(/^builder\./);
    for (const k of Object.keys(enCompare)) expect(k).toMatch(/^compare\./);
    for (const k of Object.keys(enDescribe)) expect(k).toMatch(/^describe\./);
    for (const k of Object.keys(enPrint)) expect(k).toMatch(/^print\./);
    for (const k of Object.keys(enPresent)) expect(k).toMatch(/^present\./);
    for (const k of Object.keys(enExport)) expect(k).toMatch(/^export\./);
    for (const k of Object.keys(enForces)) expect(k).toMatch(/^(forces|army|echelon|branch)\./);
    for (const k of Object.keys(enOffline)) expect(k).toMatch(/^offline\./);
    for (const k of Object.keys(enLesson)) expect(k).toMatch(/^lesson\./);
    for (const k of Object.keys(enShare)) expect(k).toMatch(/^share\./);
    for (const k of Object.keys(enPlaces)) expect(k).toMatch(/^(held|unit|near|place|front|query)\./);
    for (const k of Object.keys(enLegend)) expect(k).toMatch(/^legend\./);
    for (const k of Object.keys(enNotices)) expect(k).toMatch(/^notice\./);
    // The full map's own controls and headings, which the embed does not show.
    for (const k of Object.keys(enApp)) expect(k).toMatch(/^(app|print|compare|present|builder|notice|narrative|live)\./);
  });

  it('Korean has exactly the English keys, none empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(english).sort());
    for (const [k, v] of Object.entries(ko)) expect(v.trim(), k).not.toBe('');
    // Part by part too, so a key moved into a part stays translated.
    for (const [name, part] of Object.entries(parts)) for (const k of Object.keys(part)) expect(ko, `${name}: ${k}`).toHaveProperty([k]);
  });

  it('placeholders match between languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(english) as (keyof typeof ko)[]) expect(names(ko[k]), k).toEqual(names(english[k]));
  });

  it('a part\'s message reads in English once its feature has added it, and as its key before', async () => {
    vi.resetModules();
    const fresh: typeof import('../../src/lib/i18n.ts') = await import('../../src/lib/i18n.ts');
    expect(fresh.t('en', 'builder.title')).toBe('builder.title');
    fresh.addEnglish(enBuilder);
    expect(fresh.t('en', 'builder.title')).toBe(enBuilder['builder.title']);
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

  it('shows the date alone while playback runs, the moment with its hour otherwise', () => {
    const afternoon = dayOf('1951-01-05') + 14 / 24;
    expect(formatShownMoment('en', afternoon, false)).toBe('6 January 1951, afternoon (14:00)');
    expect(formatShownMoment('en', afternoon, true)).toBe('6 January 1951');
    expect(formatShownMoment('ko', afternoon, true)).toBe('1951년 1월 6일');
    // Every hour of two days: playing, the date the moment belongs to, as its full form begins
    // (the end of a day, a day step, is still that day: never the next one's date).
    for (let h = 0; h <= 48; h++) {
      const d = dayOf('1951-01-03') + h / 24;
      for (const lang of ['en', 'ko'] as const) {
        expect(formatShownMoment(lang, d, false)).toBe(formatMoment(lang, d));
        expect(formatMoment(lang, d).startsWith(formatShownMoment(lang, d, true))).toBe(true);
      }
    }
    expect(formatShownMoment('en', dayOf('1951-01-04'), true)).toBe('4 January 1951');
  });

  it('gives the widest form of a day’s moment, as long as any of its moments, for the room kept for it', () => {
    expect(formatWidestMoment('en', dayOf('1951-01-05') + 14 / 24)).toBe('6 January 1951, before dawn (00:00)');
    expect(formatWidestMoment('en', dayOf('1951-01-04'))).toBe('4 January 1951, before dawn (00:00)');
    for (let h = 0; h <= 48; h++) {
      const d = dayOf('1951-01-03') + h / 24;
      for (const lang of ['en', 'ko'] as const) {
        expect(formatWidestMoment(lang, d).startsWith(formatShownMoment(lang, d, true))).toBe(true);
        expect(formatWidestMoment(lang, d).length).toBeGreaterThanOrEqual(formatMoment(lang, d).length);
      }
    }
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
