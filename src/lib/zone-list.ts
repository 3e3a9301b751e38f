/**
 * The zones the land is split into at one moment, in drawing order. A module of its own, with no
 * imports, so the SVG drawing (svg-map.ts) shares the list with the area sums (areas.ts)
 * without bringing in turf.
 */
export type Zone = 'PVA/KPA' | 'UN' | 'noMansLand';
export const ZONES: readonly Zone[] = ['PVA/KPA', 'UN', 'noMansLand'];
