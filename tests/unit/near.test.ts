import { beforeAll, describe, expect, it } from 'vitest';
import type { PlaceFeature, PlaceProps } from '../../src/lib/types.ts';
import { nearestPlace, nearWords } from '../../src/lib/near.ts';
import { loadMessages } from '../../src/lib/i18n.ts';

beforeAll(() => loadMessages('ko'));

const place = (id: string, name_en: string, name_ko: string, lngLat: [number, number], kind: PlaceProps['kind'] = 'city'): PlaceFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: lngLat },
  properties: { id, name_en, name_ko, rank: 1, kind, coordSrc: 'G', sources: [] },
});
const places = [
  place('seoul', 'Seoul', '서울', [126.978, 37.566]),
  place('suwon', 'Suwon', '수원', [127.009, 37.291]),
  // A river's point is its label, not somewhere a unit is "near".
  place('han', 'Han River', '한강', [127.0, 37.4], 'river'),
];

describe('where a point is, in words', () => {
  it('names the nearest place, how far and which way', () => {
    // About 11 km due east of Suwon (0.125° of longitude at 37.3° N).
    const near = nearestPlace([127.134, 37.291], places)!;
    expect(near.place.id).toBe('suwon');
    expect(near.octant).toBe(2);
    expect(nearWords('en', near)).toMatch(/^1[01]\.\d km east of Suwon$/);
    expect(nearWords('ko', near)).toMatch(/^수원 동쪽 1[01]\.\dkm$/);
  });

  it('says "at" a place within a few kilometres, and skips rivers', () => {
    const near = nearestPlace([127.0, 37.401], places)!;
    expect(near.place.id).not.toBe('han');
    expect(nearWords('en', nearestPlace([126.98, 37.57], places)!)).toBe('at Seoul');
    expect(nearWords('ko', nearestPlace([126.98, 37.57], places)!)).toBe('서울');
  });

  it('has nothing to say without places', () => {
    expect(nearestPlace([127, 37], [])).toBeUndefined();
  });
});
