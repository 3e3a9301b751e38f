/**
 * A text alternative for the map at a date, generated from the same data the map draws:
 * where the front runs, which key places each side holds, and what changed since the
 * start of the previous phase.
 */
import type { Pack } from './campaign.ts';
import type { Lang, PlaceFeature } from './types.ts';
import { viewAt, type CampaignView } from './view.ts';
import { distanceToFrontKm, sideOf, zoneOf } from './holder.ts';
import { addEnglish, formatDate, formatMoment, t } from './i18n.ts';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import { enDescribe } from '../locales/en-describe.ts';

// The description's English messages are a part of their own, loaded with it.
addEnglish(enDescribe);

/** Places closer than this to the front are named as lying "near" it. */
const NEAR_KM = 15;
/** At most this many places are named in one list. */
const MAX_NAMED = 7;

function placeName(p: PlaceFeature, lang: Lang): string {
  return lang === 'ko' ? p.properties.name_ko : p.properties.name_en;
}

function list(lang: Lang, names: string[]): string {
  const shown = names.slice(0, MAX_NAMED);
  return shown.join(t(lang, 'describe.listSeparator')) + (names.length > MAX_NAMED ? t(lang, 'describe.andMore', { count: names.length - MAX_NAMED }) : '');
}

/** Towns and cities that matter for a summary: ranks 1 and 2. */
function keyPlaces(pack: Pack): PlaceFeature[] {
  return pack.places.features.filter((f) => f.properties.rank <= 2 && f.properties.kind !== 'feature');
}

/** The sentences describing `view` (computed from `pack`), in `lang`. */
export function describeView(pack: Pack, view: CampaignView, lang: Lang): string[] {
  const places = keyPlaces(pack);
  const near = places
    .map((p) => ({ p, km: distanceToFrontKm(view.front.coords, p.geometry.coordinates) }))
    .filter((x) => x.km <= NEAR_KM)
    .sort((a, b) => a.p.geometry.coordinates[0] - b.p.geometry.coordinates[0])
    .map((x) => placeName(x.p, lang));
  const sides = places.map((p) => ({ p, side: sideOf(view.north, p.geometry.coordinates) }));
  const rank1 = sides.filter((s) => s.p.properties.rank === 1);
  const un = rank1.filter((s) => s.side === 'UN').map((s) => placeName(s.p, lang));
  const pva = rank1.filter((s) => s.side === 'PVA/KPA').map((s) => placeName(s.p, lang));
  const out = [
    t(lang, 'describe.front', { date: formatMoment(lang, view.day), places: near.length ? list(lang, near) : t(lang, 'describe.none') }),
    t(lang, 'describe.un', { places: un.length ? list(lang, un) : t(lang, 'describe.none') }),
    t(lang, 'describe.pva', { places: pva.length ? list(lang, pva) : t(lang, 'describe.none') }),
  ];
  if (view.phaseIndex > 0) {
    const since = pack.phaseDays[view.phaseIndex - 1];
    const before = viewAt(pack, since);
    const changed = sides.filter((s) => sideOf(before.north, s.p.geometry.coordinates) !== s.side);
    const toPva = changed.filter((s) => s.side === 'PVA/KPA').map((s) => placeName(s.p, lang));
    const toUn = changed.filter((s) => s.side === 'UN').map((s) => placeName(s.p, lang));
    const date = formatDate(lang, since);
    if (toPva.length) out.push(t(lang, 'describe.lostByUN', { date, places: list(lang, toPva) }));
    if (toUn.length) out.push(t(lang, 'describe.gainedByUN', { date, places: list(lang, toUn) }));
    if (!toPva.length && !toUn.length) out.push(t(lang, 'describe.noChange', { date }));
  }
  const inBand = places.filter((p) => zoneOf(view.zones, p.geometry.coordinates, sideOf(view.north, p.geometry.coordinates)) === "no-man's land").map((p) => placeName(p, lang));
  if (view.zones.noMansLand.features.length) out.push(t(lang, 'describe.noMansLand', { places: inBand.length ? list(lang, inBand) : t(lang, 'describe.none') }));
  for (const area of view.zones.infiltrated.features) {
    const inside = places.filter((p) => booleanPointInPolygon(point(p.geometry.coordinates), area)).map((p) => placeName(p, lang));
    out.push(t(lang, 'describe.infiltrated', { name: lang === 'ko' ? area.properties.name_ko : area.properties.name_en, places: inside.length ? list(lang, inside) : t(lang, 'describe.none') }));
  }
  if (view.front.interpolated) out.push(t(lang, 'describe.interpolated'));
  return out;
}
