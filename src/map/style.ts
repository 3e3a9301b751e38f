/**
 * The map style as plain data: sources start empty and are filled by the map module; layer
 * order does the land clipping (the front layer, added by the map module before 'mask', sits
 * under a sea mask). Large fills skip
 * antialiasing: their edges lie under the coast and front lines, and the outline pass is one
 * more shader program to compile at start-up.
 */
import type { StyleSpecification, LayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { Lang } from '../lib/types.ts';
import { LABEL_FONT, type FontFace } from './fonts.ts';
import { COLORS, DASHES } from './colors.ts';

export { COLORS, DASHES };



/** The area the map may show ([west, south], [east, north]); the basemap's land covers it. */
export const MAX_BOUNDS: [[number, number], [number, number]] = [[118, 31], [138, 44]];

/** How the map's camera opens and where it may go: campaign-map.ts, and the poster that stands in for it. */
export const CAMERA = { padding: 10, minZoom: 5, maxZoom: 10, maxBounds: MAX_BOUNDS } as const;

/** Source ids the map module fills. */
export const SOURCES = ['mainland', 'land', 'mask', 'rivers', 'parallel', 'places', 'ref-lines', 'arrows', 'units'] as const;
export type SourceId = (typeof SOURCES)[number];

const empty = { type: 'FeatureCollection', features: [] } as const;

/**
 * A constant colour or opacity written as a per-feature expression (it reads a property no
 * feature has). MapLibre compiles a shader program per layer type *and* per set of per-feature
 * paint properties; the arrows need per-feature colour and opacity (side and fade), so every
 * other fill, line and text layer declares its colour and opacity the same way and shares the
 * arrows' programs instead of needing its own. Each program compiles before the first frame
 * that uses it: about 50 ms on software WebGL, tens of ms on a Chromebook's GPU. Fills declared
 * so are blended rather than drawn in MapLibre's opaque pass; an A/B run of the bench's forced
 * repaints showed no measurable difference per frame (mean 71.2 vs 69.8 ms, within the noise).
 */
export function perFeature<T extends string | number>(value: T): ExpressionSpecification {
  return ['coalesce', ['get', 'style:constant'], value];
}

/** Paint shared by fill layers of one colour (see perFeature). */
const fillPaint = (color: string) => ({ 'fill-color': perFeature(color), 'fill-opacity': perFeature(1), 'fill-antialias': false });
/** Colour and opacity of a line layer (see perFeature). */
const linePaint = (color: string, opacity = 1) => ({ 'line-color': perFeature(color), 'line-opacity': perFeature(opacity) });
/** Colour, opacity and halo of a text layer (see perFeature). */
const textPaint = (color: string, haloWidth: number) => ({
  'text-color': perFeature(color),
  'text-opacity': perFeature(1),
  'text-halo-color': COLORS.labelHalo,
  'text-halo-width': haloWidth,
});

/** The label text for `lang`: Hangul in Korean, modern romanisation in English. */
export function labelField(lang: Lang): ExpressionSpecification {
  return lang === 'ko' ? ['get', 'name_ko'] : ['get', 'name_en'];
}

/** Arrow label text for `lang`. */
export function arrowLabelField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'ko' ? 'label_ko' : 'label_en'];
}

/** Unit label text for `lang`, shown only when zoomed in (symbols alone at campaign scale). */
export function unitLabelField(lang: Lang): ExpressionSpecification {
  return ['step', ['zoom'], '', 7.8, ['get', lang === 'ko' ? 'name_ko' : 'name_en']];
}


/**
 * Rivers, named ones wider. Two layers with zoom-only widths rather than one with a width per
 * feature: a per-feature width needs its own shader program, and each program costs tens of
 * milliseconds to compile at start-up on software WebGL.
 */
function riverLayer(id: string, named: boolean, widthAt5: number, widthAt9: number): LayerSpecification {
  const hasName: ExpressionSpecification = ['to-boolean', ['get', 'name_en']];
  return {
    id,
    type: 'line',
    source: 'rivers',
    filter: named ? hasName : ['!', hasName],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { ...linePaint(COLORS.river), 'line-width': ['interpolate', ['linear'], ['zoom'], 5, widthAt5, 9, widthAt9] },
  };
}

const arrowColor: ExpressionSpecification = ['match', ['get', 'side'], 'UN', COLORS.arrowUN, COLORS.arrowPVA];
/**
 * An arrow's fade, set per frame as feature state (the map module): every arrow stays in its
 * source, so playback re-tiles nothing. Without a state yet, hidden.
 */
const arrowOpacity: ExpressionSpecification = ['coalesce', ['feature-state', 'opacity'], 0];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];

function arrowShaft(id: string, kinds: string[], dash?: number[]): LayerSpecification {
  return {
    id,
    type: 'line',
    source: 'arrows',
    filter: ['all', isLine, ['in', ['get', 'kind'], ['literal', kinds]]],
    layout: { 'line-cap': 'butt', 'line-join': 'round' },
    paint: {
      'line-color': arrowColor,
      'line-opacity': arrowOpacity,
      'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 9, 5],
      ...(dash ? { 'line-dasharray': dash } : {}),
    },
  };
}

/** Reference lines, arrows and units: drawn above the basemap, below place labels. */
function overlayLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: 'ref-lines',
      type: 'line',
      source: 'ref-lines',
      filter: ['all', ['==', ['get', 'shown'], true], ['!=', ['get', 'certainty'], 3]],
      paint: { ...linePaint(COLORS.refLine), 'line-width': 2.5, 'line-dasharray': [4, 2] },
    },
    {
      // Stretches no source names (e.g. Line D through Pyeongchang and Jeongseon): dotted.
      id: 'ref-lines-approx',
      type: 'line',
      source: 'ref-lines',
      filter: ['all', ['==', ['get', 'shown'], true], ['==', ['get', 'certainty'], 3]],
      layout: { 'line-cap': 'round' },
      paint: { ...linePaint(COLORS.refLine), 'line-width': 2.5, 'line-dasharray': [0.6, 1.8] },
    },
    {
      id: 'ref-line-labels',
      type: 'symbol',
      source: 'ref-lines',
      filter: ['all', ['==', ['get', 'shown'], true], ['==', ['get', 'labelled'], true]],
      layout: {
        'symbol-placement': 'line',
        'text-field': labelField(lang),
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'symbol-spacing': 300,
        'text-offset': [0, 0.8],
      },
      paint: textPaint(COLORS.refLine, 1.8),
    },
    arrowShaft('arrows-solid', ['attack', 'withdrawal']),
    arrowShaft('arrows-dashed', ['raid', 'infiltration'], [2, 1.2]),
    {
      id: 'arrow-heads',
      type: 'fill',
      source: 'arrows',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': arrowColor, 'fill-opacity': arrowOpacity, 'fill-antialias': false },
    },
    {
      id: 'arrow-labels',
      type: 'symbol',
      source: 'arrows',
      filter: isLine,
      layout: {
        'symbol-placement': 'line-center',
        'text-field': arrowLabelField(lang),
        'text-font': [LABEL_FONT],
        'text-size': 11,
        'text-offset': [0, -0.9],
        'text-allow-overlap': false,
        // Hidden arrows are in the source too (see arrowOpacity): their labels must not keep
        // other labels off the map.
        'text-ignore-placement': true,
      },
      paint: { 'text-color': arrowColor, 'text-opacity': arrowOpacity, 'text-halo-color': COLORS.labelHalo, 'text-halo-width': 1.6 },
    },
    {
      // Unit labels only: the symbols are drawn by the units layer (units-layer.ts). The source
      // holds every stop once; feature state shows the stops of the moment (a label does not
      // follow a moving unit), so playback re-tiles nothing.
      id: 'units',
      type: 'symbol',
      source: 'units',
      layout: {
        'text-field': unitLabelField(lang),
        'text-font': [LABEL_FONT],
        'text-size': 10,
        'text-anchor': 'top',
        'text-offset': [0, 1.6],
        // Hidden stops' labels must not keep other labels off the map.
        'text-ignore-placement': true,
      },
      paint: { ...textPaint(COLORS.label, 1.5), 'text-opacity': ['coalesce', ['feature-state', 'shown'], 0] },
    },
  ];
}

/** All layers, bottom to top. */
export function layers(lang: Lang): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
    { id: 'mainland', type: 'fill', source: 'mainland', paint: fillPaint(COLORS.land) },
    // The territory and the front are a custom layer (front-layer.ts), added here: under the mask.
    { id: 'mask', type: 'fill', source: 'mask', paint: fillPaint(COLORS.sea) },
    { id: 'land', type: 'fill', source: 'land', paint: fillPaint(COLORS.neighbourLand) },
    { id: 'land-coast', type: 'line', source: 'land', paint: { ...linePaint(COLORS.coast), 'line-width': 0.6 } },
    { id: 'mainland-coast', type: 'line', source: 'mainland', paint: { ...linePaint(COLORS.coast), 'line-width': 0.8 } },
    riverLayer('rivers-minor', false, 0.5, 1),
    riverLayer('rivers', true, 1.2, 2.4),
    {
      id: 'parallel',
      type: 'line',
      source: 'parallel',
      paint: { ...linePaint(COLORS.parallel), 'line-width': 1.2, 'line-dasharray': [6, 3, 1, 3] },
    },
    {
      id: 'parallel-label',
      type: 'symbol',
      source: 'parallel',
      layout: {
        'symbol-placement': 'line',
        'text-field': labelField(lang),
        'text-font': [LABEL_FONT],
        'text-size': 11,
        'text-offset': [0, -0.7],
      },
      paint: textPaint(COLORS.parallel, 1.5),
    },
    {
      id: 'river-labels',
      type: 'symbol',
      source: 'rivers',
      filter: ['to-boolean', ['get', 'name_en']],
      layout: {
        'symbol-placement': 'line',
        'text-field': labelField(lang),
        'text-font': [LABEL_FONT],
        'text-size': 11,
        'symbol-spacing': 400,
      },
      paint: textPaint(COLORS.river, 1.5),
    },
    ...overlayLayers(lang),
    {
      // Dots as icons (colors.ts placeDot), not circles: the units' icon program draws them, so the
      // circle program is never compiled.
      id: 'place-dots',
      type: 'symbol',
      source: 'places',
      filter: ['match', ['get', 'kind'], ['city', 'town', 'village'], true, false],
      layout: {
        'icon-image': ['match', ['get', 'rank'], 1, 'dot-1', 2, 'dot-2', 'dot-3'],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
      paint: { 'icon-opacity': perFeature(1) },
    },
    {
      id: 'place-labels',
      type: 'symbol',
      source: 'places',
      layout: {
        'text-field': labelField(lang),
        'text-font': [LABEL_FONT],
        'text-size': ['match', ['get', 'rank'], 1, 14, 2, 12, 11],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
        'symbol-sort-key': ['get', 'rank'],
      },
      // A unit symbol drawn over a minor place's label hides it (feature state `covered`, set by
      // campaign-map.ts): the unit wins over a town, a major city's name over the unit.
      paint: { ...textPaint(COLORS.label, 1.6), 'text-opacity': ['case', ['boolean', ['feature-state', 'covered'], false], 0, 1] },
    },
    {
      // A major city's name moved clear of a unit symbol on its place: shown instead of its
      // place-labels label while a symbol covers that (feature state `covered`). Right of the
      // symbol; campaign-map.ts sets the offset from the widest symbol once the symbols are in.
      id: 'place-labels-clear',
      type: 'symbol',
      source: 'places',
      filter: ['==', ['get', 'rank'], 1],
      layout: {
        'text-field': labelField(lang),
        'text-font': [LABEL_FONT],
        'text-size': 14,
        'text-anchor': 'left',
        'text-offset': [1.4, 0],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { ...textPaint(COLORS.label, 1.6), 'text-opacity': ['case', ['boolean', ['feature-state', 'covered'], false], 1, 0] },
    },
  ];
}

/** The whole style, with empty sources the map module fills on load. */
export function style(lang: Lang, fontFaces: FontFace[]): StyleSpecification {
  // Places by their id, so a label can be hidden by feature state (campaign-map.ts coverLabels).
  const sources = Object.fromEntries(SOURCES.map((id) => [id, { type: 'geojson', data: empty, ...(id === 'places' ? { promoteId: 'id' } : {}) }]));
  return {
    version: 8,
    sources,
    layers: layers(lang),
    'font-faces': { [LABEL_FONT]: fontFaces },
  } as StyleSpecification;
}
