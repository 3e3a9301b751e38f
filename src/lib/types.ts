/**
 * Data model of a campaign pack (see geo/README.md for the full property tables).
 * Everything here is plain JSON-compatible data; no DOM, no MapLibre.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon, MultiPolygon } from 'geojson';

/** Language codes the UI and narrative are written in. */
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** A string in every supported language. */
export type Localized = Record<Lang, string>;

/** Certainty grade: 1 documented, 2 reconstructed from named places, 3 approximate. */
export type Certainty = 1 | 2 | 3;

/** The two sides; the PVA/KPA side is the one north of a front line. */
export type Side = 'UN' | 'PVA/KPA';

/** One bibliographic source, keyed in geo/sources.json. */
export interface Source {
  author: string;
  title: string;
  publisher?: string;
  year: number | string;
  /** Date of publication or of the document, where the work has one: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  chapter?: string;
  url?: string;
  licence: string;
  note?: string;
}
export type SourceIndex = Record<string, Source>;

/** A dated phase of the campaign, as listed in the manifest. */
export interface Phase {
  /** Stable id, e.g. "line-b". */
  id: string;
  /** First day of the phase, ISO date (UTC). */
  start: string;
  /** Camera to show this phase (optional). */
  camera?: { center: [number, number]; zoom: number };
}

/** Properties of a front keyframe (a LineString drawn west to east). */
export interface FrontProps {
  id: string;
  /** The moment this line describes: `YYYY-MM-DD` (the end of that day) or `YYYY-MM-DDTHH:MM` (local time in Korea). */
  date: string;
  phase: string;
  /** Worst certainty along the line. */
  certainty: Certainty;
  /** Optional per-segment certainty, length = coordinates.length - 1. */
  segmentCertainty?: Certainty[];
  sources: string[];
  note?: string;
}
export type FrontFeature = Feature<LineString, FrontProps>;

/** Properties of a labelled place. */
export interface PlaceProps {
  id: string;
  /** Modern Revised Romanization. */
  name_en: string;
  /** Hangul. */
  name_ko: string;
  /** Spelling used in 1951 US Army works (McCune–Reischauer), if different. */
  name_1951?: string;
  /** 1 = always shown, 2 = shown from mid zoom, 3 = shown when zoomed in. */
  rank: 1 | 2 | 3;
  kind: 'city' | 'town' | 'village' | 'river' | 'feature';
  /** Coordinate provenance as in the fact sheet: G GeoNames, W Wikipedia, E estimate, D derived. */
  coordSrc: 'G' | 'W' | 'E' | 'D';
  sources: string[];
}
export type PlaceFeature = Feature<Point, PlaceProps>;

/** A reference line such as Line B, C, D or the 38th parallel. */
export interface RefLineProps {
  id: string;
  name_en: string;
  name_ko: string;
  /** ISO dates the line was in force (planned or held). */
  from: string;
  to: string;
  /** The worst grade along the line. */
  certainty: Certainty;
  /** Optional per-segment certainty, length = coordinates.length - 1 (as for fronts). */
  segmentCertainty?: Certainty[];
  sources: string[];
}

/** One paragraph of narrative with the source keys that support it. */
export interface Paragraph {
  text: string;
  sources: string[];
}

/** Narrative for one phase in one language. */
export interface PhaseText {
  /** Short name, e.g. "Seoul abandoned". */
  name: string;
  /** One-line summary for small screens and screen readers. */
  summary: string;
  paragraphs: Paragraph[];
}

/** Narrative file: one per language. */
export interface Narrative {
  lang: Lang;
  title: string;
  phases: Record<string, PhaseText>;
}

/** A key event marked on the date slider (manifest `events`). */
export interface KeyEvent {
  /** Stable id, e.g. "seoul-falls". */
  id: string;
  /** `YYYY-MM-DD` (the end of that day, as everywhere in the data) or `YYYY-MM-DDTHH:MM` (local time in Korea). */
  date: string;
  /** A short label in every language (a few words: it names the event, the narrative tells it). */
  label: Localized;
  /** Source keys in geo/sources.json that date the event. */
  sources: string[];
}

/** The pack manifest (geo/<pack>/manifest.json). */
export interface Manifest {
  id: string;
  title: Localized;
  /** Slider range, ISO dates inclusive. */
  start: string;
  end: string;
  camera: { center: [number, number]; zoom: number; bounds: [[number, number], [number, number]] };
  /**
   * How the north (PVA/KPA) side is closed into a polygon: from the east end of a front
   * line through these points (lon, lat) and back to its west end. They must lie at sea
   * or off the map, so that the closing edges never cross land that matters.
   */
  northClosure: [number, number][];
  phases: Phase[];
  /** Key events for the date slider, in date order (optional). */
  events?: KeyEvent[];
  files: {
    fronts: string;
    places: string;
    lines?: string;
    /** No-man's land forward lines and infiltration areas (zones.geojson), optional. */
    zones?: string;
    /** Formations, keyed by id (units.json). */
    units?: string;
    /** Per language, the unit cards' notes (loaded when a card is first needed). */
    unitNotes?: Record<Lang, string>;
    /** Per language, the glossary: words the narrative explains in pop-ups. */
    glossary?: Record<Lang, string>;
    /** Dated unit positions (Point features). */
    unitPositions?: string;
    /** Dated arrows (LineString features). */
    arrows?: string;
    narrative: Record<Lang, string>;
    /** Path of the shared sources file, relative to the manifest. */
    sources: string;
    /**
     * The basemap, relative to the manifest: one TopoJSON file whose objects are named
     * mainland, land, rivers and parallel (compact), or four GeoJSON files.
     */
    basemap: string | { mainland: string; land: string; rivers: string; parallel: string };
    /**
     * The basemap drawn more coarsely, for views no deeper than OVERVIEW_MAX_ZOOM
     * (lib/basemap-level.ts), relative to the manifest: a TopoJSON file with the same four
     * objects. Optional: a page that starts with it (LoadOptions.basemap 'overview') loads
     * `basemap` once its map goes deeper (see loadDetail).
     */
    basemapOverview?: string;
    /**
     * Land around the campaign drawn for context (neighbouring countries), relative to the
     * manifest: a TopoJSON file with one object, land. Outside the first view, so pages load it
     * once their map's first view is complete (see loadSurroundings); drawn with the basemap's land.
     */
    surroundings?: string;
  };
}

export type Territory = Feature<Polygon | MultiPolygon, { side: Side }>;
export type Fronts = FeatureCollection<LineString, FrontProps>;
export type Places = FeatureCollection<Point, PlaceProps>;

/** Echelon of a formation, as drawn on its symbol. */
export type Echelon = 'army-group' | 'army' | 'corps' | 'division' | 'brigade' | 'regiment' | 'battalion';

/** A formation shown on the map (geo/<pack>/units.json, keyed by id). */
export interface Unit {
  id: string;
  name_en: string;
  name_ko: string;
  side: Side;
  /** Nation or army, e.g. "PVA", "KPA", "US", "ROK", "UK", "Commonwealth", "Turkey", "France". */
  army: string;
  /** MIL-STD-2525C 15-character SIDC, framed from the UN point of view (friendly / hostile). */
  sidc: string;
  echelon: Echelon;
  /** Branch in words, e.g. "infantry", "armour". */
  type: string;
  commander_en?: string;
  commander_ko?: string;
  /** Parent formation id, if shown. */
  parent?: string;
  sources: string[];
}

/**
 * One language's notes for the unit cards (geo/<pack>/unit-notes.<lang>.json): a sentence or
 * two per unit on its role this month, keyed by unit id. Kept out of units.json so that a page
 * loads card texts only in the language it shows, and only when it shows a card.
 */
export interface UnitNotes {
  lang: Lang;
  notes: Record<string, string>;
}

/** One word the narrative explains (geo/<pack>/glossary.<lang>.json). */
export interface GlossaryTerm {
  /** The word as a heading, e.g. "salient". */
  term: string;
  /** The forms it takes in the narrative (case-insensitive in Latin script); its first one in each phase gets a pop-up. */
  forms: string[];
  /** A plain-words definition for a reader of about fourteen. */
  definition: string;
}

/** One language's glossary, keyed by term id. */
export interface Glossary {
  lang: Lang;
  terms: Record<string, GlossaryTerm>;
}

/** A dated position of a unit (geo/<pack>/unit-positions.geojson, Point features). */
export interface UnitPositionProps {
  id: string;
  unit: string;
  /** The unit sits here on the days `from` to `to` (ISO dates, inclusive: from 00:00 of `from`
   * to 24:00 of `to`); it moves linearly on the days between one position's `to` and the next
   * position's `from`, and is hidden before the first `from` and after the last `to`. */
  from: string;
  to: string;
  certainty: Certainty;
  sources: string[];
  note?: string;
}

/** An arrow for a thrust, raid or infiltration (geo/<pack>/arrows.geojson, LineString features
 * drawn from tail to head). */
export interface ArrowProps {
  id: string;
  side: Side;
  kind: 'attack' | 'raid' | 'withdrawal' | 'infiltration';
  /** Shown from `from` to `to` (ISO dates); fades in and out over half a day at each end. */
  from: string;
  to: string;
  label_en: string;
  label_ko: string;
  certainty: Certainty;
  sources: string[];
}
