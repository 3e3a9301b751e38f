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

/** Territory (needs the 'territory' image), casing and the three certainty styles. */
export function referenceLayers(): LayerSpecification[] {
  return [
    { id: 'north-fill', type: 'fill', source: 'north', paint: { 'fill-pattern': 'territory', 'fill-antialias': false } },
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
