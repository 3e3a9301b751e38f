/**
 * A second campaign map, hidden off screen at the export size, that draws the moments of an
 * export: the map the user sees is never resized or moved, so it stays usable meanwhile.
 */
import type { FeatureCollection } from 'geojson';
import type { Pack } from '../lib/campaign.ts';
import type { Lang } from '../lib/types.ts';
import { viewAt } from '../lib/view.ts';
import { createCampaignMap, type MapFrame, type SymbolImage } from '../map/campaign-map.ts';

/** What an export needs of the page: the campaign and the view the user is looking at. */
export interface ExportInput {
  pack: Pack;
  symbols: Record<string, SymbolImage>;
  surroundings?: FeatureCollection;
  /** The area to show ([[west, south], [east, north]]), fitted into the export's frame. */
  bounds: [[number, number], [number, number]];
  refLines: readonly string[];
}

/** A hidden map of one size and language. */
export interface ExportMap {
  /** Draws moment `day` (a day number) and gives the map's canvas. */
  frame(day: number): Promise<MapFrame>;
  destroy(): void;
}

/** Opens a hidden map of `width` × `height` canvas pixels showing `input` in `lang`. */
export function openExportMap(input: ExportInput, width: number, height: number, lang: Lang): ExportMap {
  const container = document.createElement('div');
  // Laid out (MapLibre sizes its canvas from the box) but off screen, hidden from assistive
  // technology and from the keyboard.
  Object.assign(container.style, { position: 'fixed', left: '-100000px', top: '0', width: `${width}px`, height: `${height}px` });
  container.setAttribute('aria-hidden', 'true');
  container.inert = true;
  document.body.append(container);
  const map = createCampaignMap({
    container,
    bounds: input.bounds,
    lang,
    interactive: false,
    controls: false,
    pixelRatio: 1,
    preserveDrawingBuffer: true,
    refLines: input.refLines,
  });
  map.setPack(input.pack, input.symbols);
  if (input.surroundings) map.setSurroundings(input.surroundings);
  return {
    frame: (day) => map.renderMoment(viewAt(input.pack, day)),
    destroy() {
      map.destroy();
      container.remove();
    },
  };
}
