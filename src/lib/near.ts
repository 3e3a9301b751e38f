/**
 * Where a point is, in words a reader can place without the map: the nearest named place and
 * how far and which way from it ("12.0 km north-east of Suwon"). The unit card reads it as the
 * unit's position on the date shown (issue 12 #4). Pure.
 */
import type { Position } from 'geojson';
import { bearing } from '@turf/bearing';
import { distance } from '@turf/distance';
import type { Lang, PlaceFeature, PlaceProps } from './types.ts';
import { addEnglish, formatKm, t, type MessageKey } from './i18n.ts';
import { enPlaces } from '../locales/en-places.ts';

// The place card's English messages are a part of their own (the embed shows no place card).
addEnglish(enPlaces);

/** The nearest place to a point, its distance and the compass point from it (0 north … 7 north-west). */
export interface Near {
  place: PlaceProps;
  km: number;
  octant: number;
}

/** Closer than this, a point is "at" the place rather than some way from it. */
const AT_KM = 3;

/** The nearest settlement or named feature to `at` (rivers are long lines, not points to measure from). */
export function nearestPlace(at: Position, places: readonly PlaceFeature[]): Near | undefined {
  let best: Near | undefined;
  for (const f of places) {
    if (f.properties.kind === 'river') continue;
    const km = distance(f.geometry.coordinates, at, { units: 'kilometers' });
    if (!best || km < best.km) {
      const deg = (bearing(f.geometry.coordinates, at) + 360) % 360;
      best = { place: f.properties, km, octant: Math.round(deg / 45) % 8 };
    }
  }
  return best;
}

/** "at Suwon" or "12.0 km north-east of Suwon" (in Korean "수원 북동쪽 12.0km"). */
export function nearWords(lang: Lang, near: Near): string {
  const place = lang === 'ko' ? near.place.name_ko : near.place.name_en;
  if (near.km < AT_KM) return t(lang, 'near.at', { place });
  return t(lang, 'near.from', { place, km: formatKm(lang, near.km), dir: t(lang, `near.dir${near.octant}` as MessageKey) });
}
