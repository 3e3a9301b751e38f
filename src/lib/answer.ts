/**
 * The answer to "who held this place on this date?" as one sentence that leads with it:
 * "Seoul, 4 January 1951: held by the PVA/KPA, 4.6 km behind the front." Used by the place
 * card and the live region (issue 12 #2), so what is seen and what is heard are the same words.
 * The zone (issue 13) chooses the sentence: no-man's land was held by neither side, and
 * infiltrated ground is said to be so after its holder.
 */
import type { HolderAnswer } from './holder.ts';
import type { Lang } from './types.ts';
import { parseMoment } from './dates.ts';
import { formatKm, formatMoment, t, type MessageKey } from './i18n.ts';

/** "37.566° N, 126.978° E": only for a point that has no name. */
export function formatLngLat(p: readonly [number, number]): string {
  return `${p[1].toFixed(3)}° N, ${p[0].toFixed(3)}° E`;
}

/** The sentence for each zone: held ground names its holder; no-man's land was held by neither side. */
const SENTENCE = {
  held: 'query.answer',
  "no-man's land": 'query.answerNoMansLand',
  infiltrated: 'query.answerInfiltrated',
} as const satisfies Record<HolderAnswer['zone'], MessageKey>;

/** The answer sentence; `name` is the place's name in `lang`, if the point is a named place. */
export function answerText(lang: Lang, answer: HolderAnswer, name?: string): string {
  return t(lang, SENTENCE[answer.zone] ?? 'query.answer', {
    place: name ?? formatLngLat(answer.lngLat),
    date: formatMoment(lang, parseMoment(answer.date) ?? 0),
    side: t(lang, answer.side === 'UN' ? 'side.UN' : 'side.PVA/KPA'),
    km: formatKm(lang, answer.frontDistanceKm),
  });
}
