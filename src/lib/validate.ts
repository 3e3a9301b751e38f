/**
 * Validation of a campaign pack's files. Pure: takes parsed JSON, returns problems that name
 * the file, the feature and what is wrong. Shared by `geo:check`, the build and the app.
 * The geometric checks (self-intersections, coast to coast, forward lines north of their front)
 * are computed by functions passed in (PackContext.geometry, see validate-geometry.ts), so a
 * page can load their code after its first view.
 */
import type { Feature, Polygon, Position } from 'geojson';
import { parseIsoDate, parseMoment, periodEnd, periodStart } from './dates.ts';
import { LANGS } from './types.ts';
import { isObj, isStr, isPosition, Report, type Json, type Obj, type Problem } from './validate-base.ts';

export { BASEMAP_LAYERS, formatProblem, isObj, isPosition, isStr, Report, validateTopology, type Json, type Obj, type Problem } from './validate-base.ts';
export { validateManifest } from './validate-manifest.ts';

/** The region every coordinate must fall in: the peninsula and its seas. */
export const REGION: [number, number, number, number] = [122, 32, 133, 44];

const isStrArray = (v: Json): v is string[] => Array.isArray(v) && v.every(isStr);
export const isCertainty = (v: Json): boolean => v === 1 || v === 2 || v === 3;

export function inRegion(p: Position): boolean {
  const [w, s, e, n] = REGION;
  return p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n;
}

/** Checks a citation list; keys are looked up only when the source index was loaded. */
export function checkSources(r: Report, keys: Json, sources: Obj | undefined, id?: string): void {
  if (!isStrArray(keys) || keys.length === 0) {
    r.add('has no `sources` (a non-empty list of source keys)', id);
    return;
  }
  if (sources) for (const k of keys) if (!(k in sources)) r.add(`cites unknown source key "${k}"`, id);
}

/** Checks geo/sources.json. */
export function validateSources(file: string, data: Json): Problem[] {
  const r = new Report(file);
  if (!isObj(data)) {
    r.add('must be an object keyed by source key');
    return r.problems;
  }
  for (const [key, s] of Object.entries(data)) {
    if (!isObj(s)) { r.add('must be an object', key); continue; }
    for (const field of ['author', 'title', 'licence']) if (!isStr(s[field])) r.add(`lacks \`${field}\``, key);
    if (typeof s.year !== 'number' && !isStr(s.year)) r.add('lacks `year`', key);
    if (s.url !== undefined && !(isStr(s.url) && /^https?:\/\//.test(s.url))) r.add('has a `url` that is not http(s)', key);
    if (s.date !== undefined && !(isStr(s.date) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date))) r.add('has a `date` that is not YYYY, YYYY-MM or YYYY-MM-DD', key);
  }
  return r.problems;
}

/**
 * Checks the manifest's key events: each has a unique id, a date or local time whose calendar
 * date lies in the pack's range, a label in every language, sources that resolve (when the
 * source index is loaded), and the events come in time order.
 */
export function validateEvents(file: string, data: Json, ctx: Pick<PackContext, 'start' | 'end' | 'sources'>): Problem[] {
  const r = new Report(file);
  if (data === undefined) return r.problems;
  if (!Array.isArray(data)) { r.add('`events` must be a list'); return r.problems; }
  const ids = new Set<string>();
  let prev = -Infinity;
  data.forEach((e, i) => {
    const id = isObj(e) && isStr(e.id) ? e.id : `events[${i}]`;
    if (!isObj(e) || !isStr(e.id)) { r.add('an event lacks `id`', id); return; }
    if (ids.has(id)) r.add('duplicate event id', id);
    ids.add(id);
    const moment = parseMoment(e.date);
    const day = isStr(e.date) ? parseIsoDate(e.date.slice(0, 10)) : undefined;
    if (moment === undefined || day === undefined) r.add('`date` is not an ISO date (YYYY-MM-DD) or local time (YYYY-MM-DDTHH:MM, 00:00–24:00)', id);
    else {
      if (day < ctx.start || day > ctx.end) r.add('`date` lies outside the pack range', id);
      if (moment < prev) r.add('events must be in time order', id);
      prev = moment;
    }
    if (!isObj(e.label) || !LANGS.every((l) => isStr((e.label as Obj)[l]) && ((e.label as Obj)[l] as string).trim().length > 0)) r.add(`\`label\` needs ${LANGS.join(', ')}`, id);
    else if (LANGS.some((l) => ((e.label as Obj)[l] as string).length > EVENT_LABEL_MAX)) r.add(`\`label\` must be short (at most ${EVENT_LABEL_MAX} characters)`, id);
    checkSources(r, e.sources, ctx.sources, id);
  });
  return r.problems;
}

/** The longest event label: it is a name in a list beside the slider, not a sentence. */
export const EVENT_LABEL_MAX = 40;

/** Context the feature checks need. */
export interface PackContext {
  /** The source index; when absent (a page that loads it later, or never) keys are not looked up. */
  sources?: Obj;
  phaseIds: Set<string>;
  start: number;
  end: number;
  /** Mainland polygon, for the coast-to-coast check (optional). */
  mainland?: Feature<Polygon>;
  /** Unit ids of the pack, for checking positions. */
  unitIds?: Set<string>;
  /** SIDC check (milsymbol), available in Node tools only; skipped when absent. */
  isValidSidc?: (sidc: string) => boolean;
  /** The geometric predicates (validate-geometry.ts); the geometric checks are skipped when absent. */
  geometry?: GeometryChecks;
}

/** The geometric predicates the checks need (turf's, in validate-geometry.ts). */
export interface GeometryChecks {
  /** Whether a line crosses itself. */
  selfIntersects(coords: Position[]): boolean;
  /** Whether a point lies inside (or on the edge of) a polygon. */
  inside(p: Position, area: Feature<Polygon>): boolean;
  /** Distance in km from a point to a line. */
  distanceToLineKm(p: Position, line: Position[]): number;
}

function featureList(r: Report, data: Json, geometry: string): Obj[] {
  if (!isObj(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    r.add('must be a GeoJSON FeatureCollection');
    return [];
  }
  const out: Obj[] = [];
  const ids = new Set<string>();
  data.features.forEach((f: Json, i: number) => {
    const id = isObj(f) && isObj(f.properties) && isStr(f.properties.id) ? f.properties.id : `#${i}`;
    if (!isObj(f) || f.type !== 'Feature' || !isObj(f.geometry) || !isObj(f.properties)) { r.add('is not a GeoJSON Feature with properties', id); return; }
    if (id.startsWith('#')) r.add('lacks a string `id` property', id);
    if (ids.has(id)) r.add('duplicate id', id);
    ids.add(id);
    if (f.geometry.type !== geometry) { r.add(`geometry must be a ${geometry}`, id); return; }
    out.push(f);
  });
  return out;
}

/** The positions of a line, checked (in the region; not crossing itself when `geometry` is given); undefined when unusable. */
export function lineCoords(r: Report, f: Obj, id: string, geometry: GeometryChecks | undefined): Position[] | undefined {
  const coords = (f.geometry as Obj).coordinates;
  if (!Array.isArray(coords) || coords.length < 2 || !coords.every(isPosition)) { r.add('needs at least two valid [lon, lat] positions', id); return undefined; }
  const outside = coords.findIndex((p) => !inRegion(p));
  if (outside >= 0) { r.add(`vertex ${outside} [${coords[outside].join(', ')}] lies outside the region ${REGION.join(',')}`, id); return undefined; }
  if (geometry?.selfIntersects(coords)) r.add('intersects itself', id);
  return coords;
}

/** A front-like line runs west to east and (with the mainland and the geometric predicates) from sea to sea. */
export function coastToCoast(r: Report, coords: Position[], ctx: Pick<PackContext, 'mainland' | 'geometry'>, id: string): void {
  const { mainland, geometry } = ctx;
  if (!mainland) return;
  if (geometry) {
    if (geometry.inside(coords[0], mainland)) r.add('must start at sea (west of the coast)', id);
    if (geometry.inside(coords[coords.length - 1], mainland)) r.add('must end at sea (east of the coast)', id);
  }
  if (coords[0][0] >= coords[coords.length - 1][0]) r.add('must run west to east', id);
}

/** Checks an optional per-segment grading: one grade (1–3) per segment. */
export function checkSegmentCertainty(r: Report, p: Obj, coords: Position[], id: string): void {
  const sc = p.segmentCertainty;
  if (sc === undefined) return;
  if (!Array.isArray(sc) || sc.length !== coords.length - 1 || !sc.every(isCertainty)) r.add('`segmentCertainty` needs one grade (1–3) per segment', id);
}

/** Checks the front keyframes. */
export function validateFronts(file: string, data: Json, ctx: PackContext): Problem[] {
  const r = new Report(file);
  let prev = -Infinity;
  for (const f of featureList(r, data, 'LineString')) {
    const p = f.properties as Obj;
    const id = String(p.id);
    const day = parseMoment(p.date);
    if (day === undefined) r.add('`date` is not an ISO date (YYYY-MM-DD) or local time (YYYY-MM-DDTHH:MM, 00:00–24:00)', id);
    else {
      if (day <= prev) r.add('fronts must be in date order (and time order within a day) with one per moment', id);
      // The pack's range covers whole days: from 00:00 of its first day (before the slider's first step).
      if (day < ctx.start - 1 || day > ctx.end) r.add('`date` lies outside the pack range', id);
      prev = day;
    }
    if (!isStr(p.phase) || !ctx.phaseIds.has(p.phase)) r.add(`\`phase\` "${String(p.phase)}" is not a manifest phase`, id);
    if (!isCertainty(p.certainty)) r.add('`certainty` must be 1, 2 or 3', id);
    checkSources(r, p.sources, ctx.sources, id);
    const coords = lineCoords(r, f, id, ctx.geometry);
    if (!coords) continue;
    checkSegmentCertainty(r, p, coords, id);
    coastToCoast(r, coords, ctx, id);
  }
  if (prev === -Infinity) r.add('has no front keyframes');
  return r.problems;
}

/**
 * The checks every dated, graded, sourced feature shares: `from` and `to` as ISO dates or local
 * times (`YYYY-MM-DDTHH:MM`), the period from `from` not ending before it starts, a certainty
 * grade and source keys. Returns the two moments named (a date alone: the end of that day) when valid.
 */
export function checkDatedGraded(r: Report, p: Obj, ctx: PackContext, id: string): { from: number; to: number } | undefined {
  const from = parseMoment(p.from);
  const to = parseMoment(p.to);
  const valid = from !== undefined && to !== undefined && periodEnd(String(p.to)) >= periodStart(String(p.from));
  if (!valid) r.add('`from` and `to` must be ISO dates or local times (YYYY-MM-DDTHH:MM), from ≤ to', id);
  if (!isCertainty(p.certainty)) r.add('`certainty` must be 1, 2 or 3', id);
  checkSources(r, p.sources, ctx.sources, id);
  return valid ? { from, to } : undefined;
}

/** Checks the reference lines. */
export function validateLines(file: string, data: Json, ctx: PackContext): Problem[] {
  const r = new Report(file);
  for (const f of featureList(r, data, 'LineString')) {
    const p = f.properties as Obj;
    const id = String(p.id);
    if (!isStr(p.name_en) || !isStr(p.name_ko)) r.add('needs `name_en` and `name_ko`', id);
    checkDatedGraded(r, p, ctx, id);
    const coords = lineCoords(r, f, id, ctx.geometry);
    if (coords) checkSegmentCertainty(r, p, coords, id);
  }
  return r.problems;
}

/** Checks the places. */
export function validatePlaces(file: string, data: Json, ctx: PackContext): Problem[] {
  const r = new Report(file);
  for (const f of featureList(r, data, 'Point')) {
    const p = f.properties as Obj;
    const id = String(p.id);
    if (!isStr(p.name_en) || !isStr(p.name_ko)) r.add('needs `name_en` and `name_ko`', id);
    if (p.rank !== 1 && p.rank !== 2 && p.rank !== 3) r.add('`rank` must be 1, 2 or 3', id);
    if (!['G', 'W', 'E', 'D'].includes(String(p.coordSrc))) r.add('`coordSrc` must be G, W, E or D', id);
    checkSources(r, p.sources, ctx.sources, id);
    const c = (f.geometry as Obj).coordinates;
    if (!isPosition(c) || !inRegion(c)) r.add('has coordinates outside the region', id);
  }
  return r.problems;
}

/**
 * Checks one language's narrative; with `heads`, a narrative's heads file (names and summaries
 * only, see narrativeHeads in campaign.ts), which has no paragraphs.
 */
export function validateNarrative(file: string, data: Json, lang: string, ctx: PackContext, heads = false): Problem[] {
  const r = new Report(file);
  if (!isObj(data) || data.lang !== lang || !isStr(data.title) || !isObj(data.phases)) {
    r.add(`must be an object with lang "${lang}", title and phases`);
    return r.problems;
  }
  for (const id of ctx.phaseIds) {
    const ph = data.phases[id];
    if (!isObj(ph)) { r.add('has no text for this phase', id); continue; }
    if (!isStr(ph.name) || !isStr(ph.summary)) r.add('needs `name` and `summary`', id);
    if (heads) continue;
    if (!Array.isArray(ph.paragraphs) || ph.paragraphs.length === 0) { r.add('needs paragraphs', id); continue; }
    ph.paragraphs.forEach((para: Json, i: number) => {
      if (!isObj(para) || !isStr(para.text)) r.add(`paragraph ${i + 1} has no text`, id);
      else checkSources(r, para.sources, ctx.sources, `${id} ¶${i + 1}`);
    });
  }
  for (const id of Object.keys(data.phases)) if (!ctx.phaseIds.has(id)) r.add('is not a manifest phase', id);
  return r.problems;
}

const ECHELONS = ['army-group', 'army', 'corps', 'division', 'brigade', 'regiment', 'battalion'];

/** Checks units.json. */
export function validateUnits(file: string, data: Json, ctx: PackContext): Problem[] {
  const r = new Report(file);
  if (!isObj(data)) { r.add('must be an object keyed by unit id'); return r.problems; }
  for (const [key, u] of Object.entries(data)) {
    if (!isObj(u)) { r.add('must be an object', key); continue; }
    if (u.id !== key) r.add('`id` must equal its key', key);
    for (const f of ['name_en', 'name_ko', 'army', 'type']) if (!isStr(u[f])) r.add(`lacks \`${f}\``, key);
    if (u.side !== 'UN' && u.side !== 'PVA/KPA') r.add('`side` must be "UN" or "PVA/KPA"', key);
    if (!ECHELONS.includes(String(u.echelon))) r.add(`\`echelon\` must be one of ${ECHELONS.join(', ')}`, key);
    if (!isStr(u.sidc) || u.sidc.length !== 15) r.add('`sidc` must be a 15-character SIDC', key);
    else {
      const hostile = u.sidc[1] === 'H';
      if (u.side === 'UN' ? u.sidc[1] !== 'F' : !hostile) r.add('`sidc` affiliation must be F (friendly) for UN and H (hostile) for PVA/KPA', key);
      if (ctx.isValidSidc && !ctx.isValidSidc(u.sidc)) r.add(`\`sidc\` "${u.sidc}" is not a valid symbol code`, key);
    }
    if (u.parent !== undefined && !(isStr(u.parent) && u.parent in data)) r.add(`\`parent\` "${String(u.parent)}" is not a unit`, key);
    checkSources(r, u.sources, ctx.sources, key);
  }
  return r.problems;
}

/** Checks one language's unit notes: a non-empty text for every unit and none for others. */
export function validateUnitNotes(file: string, data: Json, lang: string, unitIds: ReadonlySet<string>): Problem[] {
  const r = new Report(file);
  if (!isObj(data) || data.lang !== lang || !isObj(data.notes)) {
    r.add(`must be an object with lang "${lang}" and notes`);
    return r.problems;
  }
  for (const id of unitIds) if (!isStr(data.notes[id]) || !data.notes[id].trim()) r.add('has no note for this unit', id);
  for (const id of Object.keys(data.notes)) if (!unitIds.has(id)) r.add('is not in units.json', id);
  return r.problems;
}

/** Checks one language's glossary: each term a heading, the forms it takes in the text, a definition. */
export function validateGlossary(file: string, data: Json, lang: string): Problem[] {
  const r = new Report(file);
  if (!isObj(data) || data.lang !== lang || !isObj(data.terms) || Object.keys(data.terms).length === 0) {
    r.add(`must be an object with lang "${lang}" and a non-empty \`terms\` object`);
    return r.problems;
  }
  const forms = new Map<string, string>();
  for (const [id, t] of Object.entries(data.terms)) {
    if (!isObj(t)) { r.add('must be an object', id); continue; }
    if (!isStr(t.term)) r.add('lacks `term`', id);
    if (!isStr(t.definition) || !t.definition.trim()) r.add('lacks `definition`', id);
    if (!isStrArray(t.forms) || t.forms.length === 0) { r.add('needs `forms`: the words as the narrative writes them', id); continue; }
    for (const f of t.forms) {
      const key = f.toLowerCase();
      if (forms.has(key) && forms.get(key) !== id) r.add(`form "${f}" is also a form of "${forms.get(key)}"`, id);
      forms.set(key, id);
    }
  }
  return r.problems;
}

/** Checks unit-positions.geojson. */
export function validateUnitPositions(file: string, data: Json, ctx: PackContext): Problem[] {
  const r = new Report(file);
  const lastTo = new Map<string, number>();
  for (const f of featureList(r, data, 'Point')) {
    const p = f.properties as Obj;
    const id = String(p.id);
    if (!isStr(p.unit) || !ctx.unitIds?.has(p.unit)) r.add(`\`unit\` "${String(p.unit)}" is not in units.json`, id);
    const dates = checkDatedGraded(r, p, ctx, id);
    if (dates) {
      if (dates.from < ctx.start || dates.to > ctx.end) r.add('dates lie outside the pack range', id);
      // A date names the whole day: a position that starts on the day the previous one ends overlaps it.
      const prev = lastTo.get(String(p.unit));
      if (prev !== undefined && periodStart(String(p.from)) < prev) r.add('overlaps or precedes the previous position of its unit (list positions in date order)', id);
      lastTo.set(String(p.unit), periodEnd(String(p.to)));
    }
    const c = (f.geometry as Obj).coordinates;
    if (!isPosition(c) || !inRegion(c)) r.add('has coordinates outside the region', id);
  }
  return r.problems;
}

const ARROW_KINDS = ['attack', 'raid', 'withdrawal', 'infiltration'];

/** Checks arrows.geojson. */
export function validateArrows(file: string, data: Json, ctx: PackContext): Problem[] {
  const r = new Report(file);
  for (const f of featureList(r, data, 'LineString')) {
    const p = f.properties as Obj;
    const id = String(p.id);
    if (p.side !== 'UN' && p.side !== 'PVA/KPA') r.add('`side` must be "UN" or "PVA/KPA"', id);
    if (!ARROW_KINDS.includes(String(p.kind))) r.add(`\`kind\` must be one of ${ARROW_KINDS.join(', ')}`, id);
    if (!isStr(p.label_en) || !isStr(p.label_ko)) r.add('needs `label_en` and `label_ko`', id);
    checkDatedGraded(r, p, ctx, id);
    lineCoords(r, f, id, ctx.geometry);
  }
  return r.problems;
}
