/**
 * Compare mode's figures in words, for the panel and the text alternative: areas rounded as
 * a reader would say them, the places that changed hands with their days, the largest advance.
 */
import type { Pack } from './campaign.ts';
import type { Lang, PlaceFeature, Side } from './types.ts';
import type { CompareFigures } from './compare.ts';
import { dayOf } from './dates.ts';
import { addEnglish, formatDate, formatKm, formatShortDate, t } from './i18n.ts';
import { enCompare } from '../locales/en-compare.ts';
import { holdablePlaces, nearestPlace } from './changes.ts';
import { enDescribe } from '../locales/en-describe.ts';

// Compare's English messages are a part of their own, loaded with compare.
addEnglish(enCompare);
addEnglish(enDescribe);

/**
 * km² rounded as one would say them: two significant figures from 100 km² up (17,178 →
 * 17,000; 828 → 830), tens below, and 0 under 1 km² (slivers where two lines share a course).
 */
export function roundKm2(km2: number): number {
  if (!(km2 >= 1)) return 0;
  if (km2 < 100) return Math.round(km2 / 10) * 10 || 10;
  const step = 10 ** (Math.floor(Math.log10(km2)) - 1);
  return Math.round(km2 / step) * step;
}

/** An area in words: "about 17,000 km²", or "none". */
export function formatKm2(lang: Lang, km2: number): string {
  const r = roundKm2(km2);
  if (r === 0) return t(lang, 'compare.none');
  return t(lang, 'compare.km2', { value: r.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB') });
}

/** An area in figures for tables: "17,178 km²" (whole km²). */
export function formatKm2Exact(lang: Lang, km2: number): string {
  return t(lang, 'compare.km2Exact', { value: Math.round(km2).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB') });
}

function placeName(p: PlaceFeature | undefined, lang: Lang): string {
  return p ? (lang === 'ko' ? p.properties.name_ko : p.properties.name_en) : '';
}

const sideName = (lang: Lang, side: Side) => t(lang, `side.${side}`);

/** Places named in a sentence; the panel lists them all. */
const MAX_IN_SENTENCE = 8;

/**
 * The places that changed hands, in words with the day each did ("Seoul (4 Jan), Suwon
 * (7 Jan)"): with `max`, the larger places first and a count of the rest.
 */
export function changedPlacesText(pack: Pack, figures: CompareFigures, lang: Lang, max = Infinity): string {
  const byId = new Map(pack.places.features.map((p) => [p.properties.id, p]));
  const rank = (id: string) => byId.get(id)?.properties.rank ?? 3;
  const named = max < figures.places.length ? [...figures.places].sort((x, y) => rank(x.id) - rank(y.id)).slice(0, max) : figures.places;
  const order = new Map(figures.places.map((c, i) => [c.id, i]));
  const text = [...named]
    .sort((x, y) => order.get(x.id)! - order.get(y.id)!)
    .map((c) => t(lang, 'compare.placeOn', { place: placeName(byId.get(c.id), lang), date: formatShortDate(lang, dayOf(c.date)) }))
    .join(t(lang, 'describe.listSeparator'));
  const rest = figures.places.length - named.length;
  return rest > 0 ? text + t(lang, 'describe.andMore', { count: rest }) : text;
}

/** The sentences that answer "what changed between A and B, and how much?". */
export function compareSentences(pack: Pack, figures: CompareFigures, lang: Lang): string[] {
  const { gained, lost, held } = figures.change;
  const out = [
    t(lang, 'compare.sentence', {
      a: formatDate(lang, dayOf(figures.a)),
      b: formatDate(lang, dayOf(figures.b)),
      pvaGained: formatKm2(lang, gained['PVA/KPA']),
      pvaLost: formatKm2(lang, lost['PVA/KPA']),
      unGained: formatKm2(lang, gained.UN),
      unLost: formatKm2(lang, lost.UN),
    }),
  ];
  if (roundKm2(held.a.noMansLand) || roundKm2(held.b.noMansLand)) {
    out.push(t(lang, 'compare.noMansLand', { a: formatKm2(lang, held.a.noMansLand), b: formatKm2(lang, held.b.noMansLand) }));
  }
  out.push(figures.places.length ? t(lang, 'compare.places', { places: changedPlacesText(pack, figures, lang, MAX_IN_SENTENCE) }) : t(lang, 'compare.noPlaces'));
  const best = figures.advances.find((a) => a.km >= 1);
  if (best) {
    const near = nearestPlace(holdablePlaces(pack), best.at);
    out.push(t(lang, 'compare.advance', { km: formatKm(lang, best.km), side: sideName(lang, best.side), place: placeName(near, lang) }));
  }
  return out;
}
