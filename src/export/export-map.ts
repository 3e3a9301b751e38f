/**
 * A second campaign map, hidden off screen at the export size, that draws the moments of an
 * export: the map the user sees is never resized or moved, so it stays usable meanwhile.
 */
import type { FeatureCollection } from 'geojson';
import type { Pack } from '../lib/campaign.ts';
import type { CompareFigures } from '../lib/compare.ts';
import type { Lang } from '../lib/types.ts';
import { viewAt } from '../lib/view.ts';
import { splitOn } from '../lib/export-plan.ts';
import { createCampaignMap, type MapFrame, type SymbolImage } from '../map/campaign-map.ts';

/** What an export needs of the page: the campaign and the view the user is looking at. */
export interface ExportInput {
  pack: Pack;
  symbols: Record<string, SymbolImage>;
  surroundings?: FeatureCollection;
  /** The area to show ([[west, south], [east, north]]), fitted into the export's frame. */
  bounds: [[number, number], [number, number]];
  refLines: readonly string[];
  /** Compare mode, when open: the picture shows the comparison. */
  compare?: ExportCompare;
}

/** Compare mode as the page shows it (date B is the export's moment). */
export interface ExportCompare {
  view: 'swipe' | 'overlay';
  /** Date A (a day number). */
  a: number;
  /** The swipe's divider: 0–1 of the width of `bounds` (the page's map) from the left. */
  split: number;
  /** The ground that changed hands from A to B (the overlay's shading), once computed. */
  changes?: FeatureCollection;
  /** Compare's figures, once computed: a line of them goes under the title. */
  figures?: CompareFigures;
}

/** A hidden map of one size and language. */
export interface ExportMap {
  /** Draws moment `day` (a day number) and gives the map's canvas. */
  frame(day: number): Promise<MapFrame>;
  /** The area this map shows ([[west, south], [east, north]]). */
  bounds: [[number, number], [number, number]];
  /** Where the swipe's divider falls on this map (0–1 of its width), when comparing by swipe. */
  split?: number;
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
  const c = input.compare;
  const bounds = map.visibleBounds();
  const split = c ? splitOn(input.bounds, c.split, bounds) : undefined;
  if (c && split !== undefined) map.setCompare({ view: c.view, a: viewAt(input.pack, c.a), split, changes: c.changes });
  return {
    async frame(day) {
      const frame = await map.renderMoment(viewAt(input.pack, day));
      // Browser-test builds only (tests/browser/export-compare.test.ts): the labels under unit symbols in the frame taken.
      if (import.meta.env.VITE_TEST_HOOKS) Object.assign(window, { exportLabels: (container as unknown as { labelsUnderUnits(): unknown }).labelsUnderUnits() });
      return frame;
    },
    bounds,
    split: c?.view === 'swipe' ? split : undefined,
    destroy() {
      map.destroy();
      container.remove();
    },
  };
}

