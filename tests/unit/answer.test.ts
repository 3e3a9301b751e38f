import { beforeAll, describe, expect, it } from 'vitest';
import { answerText } from '../../src/lib/answer.ts';
import { loadMessages } from '../../src/lib/i18n.ts';

beforeAll(() => loadMessages('ko'));

describe('the place answer', () => {
  const answer = { date: '1951-01-04', lngLat: [126.978, 37.566] as [number, number], side: 'PVA/KPA' as const, zone: 'held' as const, frontDistanceKm: 4.62 };

  it('leads with the named place and the answer, with no coordinates', () => {
    expect(answerText('en', answer, 'Seoul')).toBe('Seoul, 4 January 1951: held by the PVA/KPA, 4.6 km behind the front.');
    expect(answerText('ko', answer, '서울')).toMatch(/^서울, 1951년 1월 4일: 중공군·북한군 쪽, 전선에서 4\.6km 뒤\.$/);
  });

  it("says no-man's land was held by neither side, and infiltrated ground after its holder", () => {
    expect(answerText('en', { ...answer, date: '1951-01-08', side: 'PVA/KPA', zone: "no-man's land", frontDistanceKm: 12.04 }, 'Osan')).toBe(
      'Osan, 8 January 1951: in no-man’s land, held by neither side, 12.0 km north of the UN front.',
    );
    expect(answerText('en', { ...answer, date: '1951-01-12', side: 'UN', zone: 'infiltrated', frontDistanceKm: 30 }, 'Danyang')).toBe(
      'Danyang, 12 January 1951: held by the UN, 30.0 km behind the front, in ground PVA/KPA troops had infiltrated.',
    );
    expect(answerText('ko', { ...answer, zone: "no-man's land" }, '오산')).toMatch(/^오산, 1951년 1월 4일: 어느 쪽도 차지하지 않은 무인지대/);
  });

  it('gives coordinates only for a point with no name', () => {
    expect(answerText('en', { ...answer, side: 'UN' })).toBe('37.566° N, 126.978° E, 4 January 1951: held by the UN, 4.6 km behind the front.');
  });
});
