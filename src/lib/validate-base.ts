/**
 * What every check of a pack shares (a problem, the report that collects them, the basic
 * tests), and the one a page runs on its own before drawing: the shape of the basemap's
 * TopoJSON (it is decoded before it is drawn). The others (validate-manifest.ts, validate.ts)
 * are loaded when they run, the embed's after its first view (LoadOptions.checks 'later').
 */
import type { Position } from 'geojson';

/** One problem found in a data file. */
export interface Problem {
  file: string;
  feature?: string;
  message: string;
}

export type Json = unknown;
export type Obj = Record<string, Json>;

export const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isStr = (v: Json): v is string => typeof v === 'string' && v.length > 0;

/** Collects problems for one file; `at` names the feature under check. */
export class Report {
  readonly problems: Problem[] = [];
  constructor(private readonly file: string) {}
  add(message: string, feature?: string): void {
    this.problems.push({ file: this.file, feature, message });
  }
}

export function isPosition(p: Json): p is Position {
  return Array.isArray(p) && p.length >= 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/** The basemap's layers, as TopoJSON object names or GeoJSON file keys. */
export const BASEMAP_LAYERS = ['mainland', 'land', 'rivers', 'parallel'] as const;

/** A basemap that decoded but holds no mainland polygon: the same problem wherever it is found. */
export const noMainland = (file: string): Problem => ({ file, message: 'must hold a Polygon feature (the mainland)' });

/** Checks the shape of a TopoJSON file before it is decoded: it must hold the objects `layers`. */
export function validateTopology(file: string, data: Json, layers: readonly string[] = BASEMAP_LAYERS): Problem[] {
  const r = new Report(file);
  if (!isObj(data) || data.type !== 'Topology' || !Array.isArray(data.arcs) || !isObj(data.objects)) {
    r.add('must be a TopoJSON Topology with arcs and objects');
    return r.problems;
  }
  const objects = data.objects as Obj;
  for (const k of layers) {
    const o = objects[k];
    if (!isObj(o) || o.type !== 'GeometryCollection' || !Array.isArray(o.geometries)) r.add('is missing or not a GeometryCollection', k);
  }
  return r.problems;
}

/** Formats a problem as one line: `file: feature: message`. */
export function formatProblem(p: Problem): string {
  return p.feature ? `${p.file}: ${p.feature}: ${p.message}` : `${p.file}: ${p.message}`;
}
