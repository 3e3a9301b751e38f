/**
 * Validation of a pack's zones file (zones.geojson): PVA/KPA forward lines, each at a front
 * keyframe's `date` and never south of that front, and infiltration areas with a period.
 */
import type { Position } from 'geojson';
import { northPolygon } from './territory.ts';
import {
  checkDatedGraded, checkSegmentCertainty, checkSources, coastToCoast, inRegion, isCertainty, isObj, isPosition, isStr, lineCoords, Report,
  type Json, type Obj, type PackContext, type Problem,
} from './validate.ts';

/** A forward vertex this close to its front (km) counts as on it: the lines share vertices where the sides were in contact. */
const ON_LINE_KM = 0.05;

/** Checks zones.geojson against the front keyframes it refers to. */
export function validateZones(file: string, data: Json, fronts: Json, closure: readonly Position[], ctx: PackContext): Problem[] {
  const r = new Report(file);
  if (!isObj(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    r.add('must be a GeoJSON FeatureCollection');
    return r.problems;
  }
  const frontByDate = frontLines(fronts);
  const ids = new Set<string>();
  data.features.forEach((f: Json, i: number) => {
    const id = isObj(f) && isObj(f.properties) && isStr(f.properties.id) ? f.properties.id : `#${i}`;
    if (!isObj(f) || f.type !== 'Feature' || !isObj(f.geometry) || !isObj(f.properties)) { r.add('is not a GeoJSON Feature with properties', id); return; }
    if (ids.has(id)) r.add('duplicate id', id);
    ids.add(id);
    const p = f.properties;
    if (p.kind === 'forward') checkForward(r, f, p, id, frontByDate, closure, ctx);
    else if (p.kind === 'infiltrated') checkInfiltration(r, f, p, id, ctx);
    else r.add('`kind` must be "forward" (a PVA/KPA forward line) or "infiltrated" (an area)', id);
  });
  return r.problems;
}

/** Front coordinates by keyframe `date`, from a fronts file already checked (or skipped when malformed). */
function frontLines(fronts: Json): Map<string, Position[]> {
  const out = new Map<string, Position[]>();
  if (!isObj(fronts) || !Array.isArray(fronts.features)) return out;
  for (const f of fronts.features as Obj[]) {
    const p = isObj(f) ? f.properties : undefined;
    const g = isObj(f) ? f.geometry : undefined;
    if (isObj(p) && isStr(p.date) && isObj(g) && Array.isArray(g.coordinates) && g.coordinates.every(isPosition)) out.set(p.date, g.coordinates as Position[]);
  }
  return out;
}

function checkForward(r: Report, f: Obj, p: Obj, id: string, frontByDate: Map<string, Position[]>, closure: readonly Position[], ctx: PackContext): void {
  if ((f.geometry as Obj).type !== 'LineString') { r.add('a forward line must be a LineString', id); return; }
  if (!isCertainty(p.certainty)) r.add('`certainty` must be 1, 2 or 3', id);
  checkSources(r, p.sources, ctx.sources, id);
  const coords = lineCoords(r, f, id, ctx.geometry);
  if (!coords) return;
  checkSegmentCertainty(r, p, coords, id);
  coastToCoast(r, coords, ctx, id);
  const front = isStr(p.date) ? frontByDate.get(p.date) : undefined;
  if (!front) { r.add(`\`date\` ${JSON.stringify(p.date)} is not the date of a front keyframe (a forward line belongs to one)`, id); return; }
  const geometry = ctx.geometry;
  if (!geometry) return;
  const north = northPolygon(front, closure);
  const south = coords.findIndex((q) => !geometry.inside(q, north) && geometry.distanceToLineKm(q, front) > ON_LINE_KM);
  if (south >= 0) r.add(`vertex ${south} [${coords[south].join(', ')}] lies south of the UN front of the same date (a forward line runs on or north of it)`, id);
}

function checkInfiltration(r: Report, f: Obj, p: Obj, id: string, ctx: PackContext): void {
  const g = f.geometry as Obj;
  if (g.type !== 'Polygon') { r.add('an infiltrated area must be a Polygon', id); return; }
  if (!isStr(p.name_en) || !isStr(p.name_ko)) r.add('needs `name_en` and `name_ko`', id);
  const dates = checkDatedGraded(r, p, ctx, id);
  if (dates && (dates.from < ctx.start - 1 || dates.to > ctx.end)) r.add('dates lie outside the pack range', id);
  const ring = Array.isArray(g.coordinates) ? g.coordinates[0] : undefined;
  const valid = Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition);
  if (!valid) { r.add('needs one closed ring of at least four [lon, lat] positions', id); return; }
  const pts = ring as Position[];
  if (pts[0][0] !== pts[pts.length - 1][0] || pts[0][1] !== pts[pts.length - 1][1]) r.add('its ring must end where it starts', id);
  if (!pts.every(inRegion)) r.add('has coordinates outside the region', id);
}
