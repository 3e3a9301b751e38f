/**
 * The first-view file (`first-view.json`, written by the build beside each manifest): exactly
 * what a page's default opening view draws at the pack's opening moment (the manifest's
 * `start`, the slider's first step), so the embed draws its first view from one small file and
 * loads the full data files once that view is complete.
 *
 * It is a derived copy for drawing only: the keyframes that bracket the opening moment (fronts,
 * forward lines, unit positions, arrows and infiltration areas shown then), the units and symbols
 * those positions use and every place, each trimmed to the fields the map draws. No `sources` and
 * no notes: every citation stays in the full files (geo/), which the page loads before it shows
 * any (the narrative, the place answer, the description).
 *
 * Build and tests only; the pages read the file with first-view-read.ts.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Lang, Manifest, Unit, UnitPositionProps } from './types.ts';
import { LANGS } from './types.ts';
import { dayOf, momentOf, periodEnd, periodStart } from './dates.ts';
import { fadeOpacity } from './forces.ts';
import type { FirstViewFile } from './first-view-read.ts';
import { viewAt, type CampaignView } from './view.ts';
import type { Pack } from './campaign.ts';

/** The data files a first view replaces: the pack's files as read (published JSON), by manifest-relative path. */
export interface FullFiles {
  fronts: FeatureCollection;
  places: FeatureCollection;
  units?: Record<string, Unit>;
  positions?: FeatureCollection;
  arrows?: FeatureCollection;
  zones?: FeatureCollection;
  /** Pre-rendered unit symbols by unit id (unit-symbols.json). */
  symbols?: Record<string, unknown>;
}

type Props = Record<string, unknown>;

/** Only the listed properties of an object (in that order), the rest dropped. */
const pick = (p: Props, keys: readonly string[]): Props => Object.fromEntries(keys.filter((k) => k in p).map((k) => [k, p[k]]));
const only = (f: Feature, keys: readonly string[]): Feature => ({ type: 'Feature', properties: pick((f.properties ?? {}) as Props, keys), geometry: f.geometry });
/** The keys of names and labels in languages other than `lang` (`name_ko` in English). */
const otherLang = (lang: Lang) => new RegExp(`_(${LANGS.filter((l) => l !== lang).join('|')})$`);
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** What the map draws of each kind of feature (lib/forces.ts, zones.ts, morph.ts, map/style.ts). */
const FRONT_KEYS = ['id', 'date', 'phase', 'certainty', 'segmentCertainty'] as const;
const PLACE_KEYS = ['id', 'name_en', 'name_ko', 'rank', 'kind'] as const;
const POSITION_KEYS = ['id', 'unit', 'from', 'to', 'certainty'] as const;
const ARROW_KEYS = ['id', 'side', 'kind', 'from', 'to', 'label_en', 'label_ko', 'certainty'] as const;
const FORWARD_KEYS = ['id', 'kind', 'date', 'certainty', 'segmentCertainty'] as const;
const INFILTRATION_KEYS = ['id', 'kind', 'from', 'to', 'name_en', 'name_ko', 'certainty'] as const;
const UNIT_KEYS = ['id', 'name_en', 'name_ko', 'side'] as const;

/** The opening moment of a pack's default view: the manifest's start (the slider's first step). */
export const openingDay = (m: Manifest): number => dayOf(m.start);

/**
 * The front keyframes drawn at `day`, as frontAt finds them: the last at or before it (or the
 * first), and the next one when `day` lies between the two.
 */
function frontsAt(fronts: readonly Feature[], day: number): Feature[] {
  const dated = fronts.map((f) => ({ f, day: momentOf((f.properties as Props).date as string) })).sort((a, b) => a.day - b.day);
  let i = 0;
  while (i + 1 < dated.length && dated[i + 1].day <= day) i++;
  const keep = [dated[i]];
  if (dated[i + 1] && day > dated[i].day) keep.push(dated[i + 1]);
  return keep.map((d) => d.f);
}

/**
 * The positions of each unit drawn at `day`, as unitsAt finds them: the stop it is at, or the
 * two stops it moves between.
 */
function positionsAt(positions: readonly Feature[], day: number): Feature[] {
  const byUnit = new Map<string, { f: Feature; from: number; to: number }[]>();
  for (const f of positions) {
    const p = f.properties as unknown as UnitPositionProps;
    const stops = byUnit.get(p.unit) ?? [];
    stops.push({ f, from: periodStart(p.from), to: periodEnd(p.to) });
    byUnit.set(p.unit, stops);
  }
  const keep = new Set<Feature>();
  for (const s of byUnit.values()) {
    s.sort((a, b) => a.from - b.from);
    if (day <= s[0].from || day > s[s.length - 1].to) continue;
    for (let i = 0; i < s.length; i++) {
      if (day > s[i].from && day <= s[i].to) {
        keep.add(s[i].f);
        break;
      }
      if (i + 1 < s.length && day > s[i].to && day <= s[i + 1].from) {
        keep.add(s[i].f).add(s[i + 1].f);
        break;
      }
    }
  }
  return positions.filter((f) => keep.has(f));
}

/** Shown at `day` (faded in or out, not hidden), as arrowsAt and zonesAt decide. */
const shownAt = (f: Feature, day: number): boolean => {
  const p = f.properties as Props;
  return fadeOpacity(periodStart(p.from as string), periodEnd(p.to as string), day) > 0;
};

/**
 * The first-view file of a pack in `lang`: what its default view draws at the opening moment,
 * each file under its path relative to the manifest (as in `manifest.files`), names and labels
 * in `lang` only (the map draws one language).
 */
export function firstViewOf(m: Manifest, files: FullFiles, lang: Lang): FirstViewFile {
  const keys = (list: readonly string[]) => list.filter((k) => !otherLang(lang).test(k));
  const day = openingDay(m);
  const fronts = frontsAt(files.fronts.features, day);
  const frontDates = new Set(fronts.map((f) => (f.properties as Props).date));
  const positions = positionsAt(files.positions?.features ?? [], day);
  const unitIds = new Set(positions.map((f) => (f.properties as Props).unit as string));
  const out: Record<string, unknown> = {
    [m.files.fronts]: collection(fronts.map((f) => only(f, FRONT_KEYS))),
    [m.files.places]: collection(files.places.features.map((f) => only(f, keys(PLACE_KEYS)))),
  };
  if (m.files.units && files.units) {
    const units = Object.values(files.units).filter((u) => unitIds.has(u.id));
    out[m.files.units] = Object.fromEntries(units.map((u) => [u.id, pick(u as unknown as Props, keys(UNIT_KEYS))]));
  }
  if (m.files.unitPositions && files.positions) out[m.files.unitPositions] = collection(positions.map((f) => only(f, POSITION_KEYS)));
  if (m.files.arrows && files.arrows) out[m.files.arrows] = collection(files.arrows.features.filter((f) => shownAt(f, day)).map((f) => only(f, keys(ARROW_KEYS))));
  if (m.files.zones && files.zones) {
    out[m.files.zones] = collection(
      files.zones.features.flatMap((f) => {
        const p = f.properties as Props;
        if (p.kind === 'forward') return frontDates.has(p.date) ? [only(f, FORWARD_KEYS)] : [];
        return p.kind === 'infiltrated' && shownAt(f, day) ? [only(f, keys(INFILTRATION_KEYS))] : [];
      }),
    );
  }
  if (files.symbols) {
    // And the widest symbol: it sets how far the map moves a city's name clear of the symbols (map/campaign-map.ts).
    const right = (s: unknown) => { const x = s as { width?: number; anchor?: { x?: number } }; return (x.width ?? 0) - (x.anchor?.x ?? 0); };
    const widest = Object.entries(files.symbols).reduce<[string, unknown] | undefined>((w, e) => (!w || right(e[1]) > right(w[1]) ? e : w), undefined);
    out[SYMBOLS_FILE] = Object.fromEntries(Object.entries(files.symbols).filter(([id]) => unitIds.has(id) || id === widest?.[0]));
  }
  return { date: m.start, files: out };
}

/** File name of the pre-rendered symbols beside each manifest (src/build/geo-data-plugin.ts). */
export const SYMBOLS_FILE = 'unit-symbols.json';

/** What a view draws in `lang`: without what it cites, nor the names in other languages. */
export function drawnIn(view: CampaignView, lang: Lang): unknown {
  return JSON.parse(JSON.stringify(view, (k, v: unknown) => (k === 'sources' || k === 'next' || otherLang(lang).test(k) ? undefined : v)));
}

/**
 * What differs between the opening views of the full pack and of the pack built from its
 * first-view file (none when the file draws the same picture), for the build and geo:check.
 */
export function firstViewProblems(full: Pack, first: Pack, lang: Lang): string[] {
  const day = openingDay(full.manifest);
  const problems: string[] = [];
  const [a, b] = [drawnIn(viewAt(full, day), lang), drawnIn(viewAt(first, day), lang)] as Record<string, unknown>[];
  for (const key of Object.keys(a)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) problems.push(`the first view in ${lang} draws a different ${key} at ${full.manifest.start} than the full data`);
  }
  const labels = (p: Pack) => JSON.stringify(p.places.features.map((f) => pick(f.properties as unknown as Props, PLACE_KEYS.filter((k) => !otherLang(lang).test(k)))));
  if (labels(full) !== labels(first)) problems.push(`the first view in ${lang} does not label the places as the full data does`);
  return problems;
}
