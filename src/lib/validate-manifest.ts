/**
 * The manifest's check: a module of its own, loaded when it runs (before the other files are
 * read, or with their checks after the embed's first view: LoadOptions.checks 'later').
 */
import { parseIsoDate } from './dates.ts';
import { LANGS } from './types.ts';
import { BASEMAP_LAYERS, isObj, isPosition, isStr, Report, type Json, type Obj, type Problem } from './validate-base.ts';

/** Checks a manifest. */
export function validateManifest(file: string, data: Json): Problem[] {
  const r = new Report(file);
  if (!isObj(data)) { r.add('must be an object'); return r.problems; }
  if (!isStr(data.id)) r.add('lacks `id`');
  if (!isObj(data.title) || !LANGS.every((l) => isStr((data.title as Obj)[l]))) r.add(`\`title\` needs ${LANGS.join(', ')}`);
  const start = parseIsoDate(data.start);
  const end = parseIsoDate(data.end);
  if (start === undefined || end === undefined || end <= start) r.add('`start` and `end` must be ISO dates with start < end');
  const cam = data.camera;
  if (!isObj(cam) || !isPosition(cam.center) || typeof cam.zoom !== 'number' || !Array.isArray(cam.bounds)) r.add('`camera` needs center, zoom and bounds');
  if (!Array.isArray(data.northClosure) || data.northClosure.length < 2 || !data.northClosure.every(isPosition)) r.add('`northClosure` needs at least two [lon, lat] points');
  const files = data.files;
  if (!isObj(files) || !isStr(files.fronts) || !isStr(files.places) || !isObj(files.narrative) || !isStr(files.sources)) r.add('`files` needs fronts, places, narrative and sources');
  else if (!isStr(files.basemap) && (!isObj(files.basemap) || !BASEMAP_LAYERS.every((k) => isStr((files.basemap as Obj)[k])))) r.add('`files.basemap` needs a TopoJSON path, or mainland, land, rivers and parallel paths');
  else for (const l of LANGS) if (!isStr((files.narrative as Obj)[l])) r.add(`\`files.narrative\` lacks "${l}"`);
  if (isObj(files) && files.surroundings !== undefined && !isStr(files.surroundings)) r.add('`files.surroundings` must be the path of a TopoJSON file');
  if (isObj(files) && files.basemapOverview !== undefined && !isStr(files.basemapOverview)) r.add('`files.basemapOverview` must be the path of a TopoJSON file');
  if (isObj(files) && files.glossary !== undefined && (!isObj(files.glossary) || !LANGS.every((l) => isStr((files.glossary as Obj)[l])))) r.add(`\`files.glossary\` needs a path per language (${LANGS.join(', ')})`);
  if (isObj(files) && files.zones !== undefined && !isStr(files.zones)) r.add('`files.zones` must be the path of a GeoJSON file');
  if (isObj(files) && files.unitNotes !== undefined) {
    if (!isStr(files.units)) r.add('`files.unitNotes` needs `files.units`');
    else if (!isObj(files.unitNotes) || !LANGS.every((l) => isStr((files.unitNotes as Obj)[l]))) r.add(`\`files.unitNotes\` needs a path per language (${LANGS.join(', ')})`);
  }
  if (!Array.isArray(data.phases) || data.phases.length === 0) { r.add('needs a non-empty `phases` list'); return r.problems; }
  let prev = -Infinity;
  const ids = new Set<string>();
  for (const p of data.phases) {
    const id = isObj(p) && isStr(p.id) ? p.id : undefined;
    if (!id) { r.add('a phase lacks `id`'); continue; }
    if (ids.has(id)) r.add('duplicate phase id', id);
    ids.add(id);
    const d = parseIsoDate((p as Obj).start);
    if (d === undefined) r.add('phase `start` is not an ISO date', id);
    else {
      if (d <= prev) r.add('phases must be in date order', id);
      if (start !== undefined && end !== undefined && (d < start || d > end)) r.add('phase starts outside the pack range', id);
      prev = d;
    }
  }
  if (start !== undefined && isObj(data.phases[0]) && parseIsoDate(data.phases[0].start) !== start) r.add('the first phase must start on the pack `start` date');
  return r.problems;
}
