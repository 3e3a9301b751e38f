/**
 * The GeoJSON layers that drew the territory and the front before the GPU front layer
 * (src/map/front-layer.ts) replaced them, kept as the reference its pixels are tested against.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { COLORS, DASHES } from '../../src/map/colors.ts';

function frontLayer(certainty: 1 | 2 | 3): LayerSpecification {
  const dash = DASHES[certainty];
  return {
    id: `front-${certainty}`,
    type: 'line',
    source: 'front',
    filter: ['==', ['get', 'certainty'], certainty],
    layout: { 'line-join': 'round', 'line-cap': certainty === 3 ? 'round' : 'butt' },
    paint: {
      'line-color': COLORS.front,
      'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 9, 4.5],
      ...(dash ? { 'line-dasharray': dash } : {}),
    },
  };
}

/**
 * Territory (needs the 'territory' image), the zones (the 'no-mans-land' and 'infiltrated'
 * images; sources 'no-mans-land', 'infiltrated' and 'forward' fed with the CPU view's zones),
 * casing and the three certainty styles.
 */
export function referenceLayers(): LayerSpecification[] {
  return [
    { id: 'north-fill', type: 'fill', source: 'north', paint: { 'fill-pattern': 'territory', 'fill-antialias': false } },
    { id: 'no-mans-land-fill', type: 'fill', source: 'no-mans-land', paint: { 'fill-pattern': 'no-mans-land', 'fill-antialias': false } },
    { id: 'infiltrated-fill', type: 'fill', source: 'infiltrated', paint: { 'fill-pattern': 'infiltrated', 'fill-opacity': ['get', 'opacity'], 'fill-antialias': false } },
    {
      id: 'infiltrated-outline',
      type: 'line',
      source: 'infiltrated',
      paint: { 'line-color': COLORS.infiltrated, 'line-opacity': ['*', 0.8, ['get', 'opacity']], 'line-width': 1.3, 'line-dasharray': [4, 2.5] },
    },
    // The whole forward line, dotted (the front hides it where the two coincide).
    {
      id: 'forward-line',
      type: 'line',
      source: 'forward',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLORS.front, 'line-opacity': 0.9, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.4, 9, 2.2], 'line-dasharray': [0, 2.6] },
    },
    {
      id: 'front-casing',
      type: 'line',
      source: 'front',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.frontCasing, 'line-opacity': 0.85, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 5, 9, 8] },
    },
    frontLayer(1),
    frontLayer(2),
    frontLayer(3),
  ];
}
