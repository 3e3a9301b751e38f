/**
 * Compare mode on the campaign map (campaign-map.ts), loaded with `import()` when compare is
 * first asked for, so the map's first view carries none of it: the swipe (date A's front,
 * zones and units left of the divider, drawn by the custom layers), the overlay's GeoJSON
 * layers (compare-layers.ts), no arrows or unit labels while comparing (they belong to one
 * moment), and where the unit symbols are on screen in the swipe (for coverLabels).
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CampaignView } from '../lib/view.ts';
import type { FrontLayer, SplitState } from './front-layer.ts';
import { UNITS_LAYER_ID, type UnitsLayer } from './units-layer.ts';
import { hideOverlay, showOverlay } from './compare-layers.ts';

/** Compare mode as the map draws it; the shown view (update) is date B. */
export interface MapCompare {
  view: 'swipe' | 'overlay';
  /** Date A's view: left of the divider (swipe), its front as a second line (overlay). */
  a: CampaignView;
  /** The swipe divider, 0–1 of the map's width from the left. */
  split: number;
  /** The ground that changed hands from A to B (lib/areas.ts GroundChange.shapes), once computed. */
  changes?: FeatureCollection;
}

/** A unit symbol's screen box, [x0, y0, x1, y1] in CSS pixels. */
export type Box = [number, number, number, number];

/** What compare mode needs of the campaign map: all of it is the map's own state, read when used. */
export interface CompareHost {
  map: MapLibreMap;
  /** Compare as last asked for (undefined: the single date). */
  compare(): MapCompare | undefined;
  /** The view on screen (date B), once one is. */
  current(): CampaignView | undefined;
  /** The custom layers, once the pack is in. */
  front(): FrontLayer | undefined;
  units(): UnitsLayer | undefined;
  /** The front layer's state for a view: the front pair and blend, and the zones'. */
  momentOf(v: CampaignView): SplitState | undefined;
}

/** Compare mode's part of the map; every call follows the host's `compare()` of the moment. */
export interface CompareMode {
  /**
   * Shows compare's GeoJSON parts as they now are (or hides them): called when compare changes,
   * once the campaign is on the map, and when a lost context is back. The map must be loaded.
   */
  draw(): void;
  /**
   * For each view sent to the map: the overlay follows a new date B, and the custom layers are
   * split at the swipe's divider (or no longer). True if that changes the picture.
   */
  frame(dateChanged: boolean): boolean;
  /**
   * The unit symbols' boxes on screen while comparing: date A's left of the divider and B's right
   * of it (each cut at the divider), none in the overlay; undefined when not comparing.
   * `boxesOf` gives a view's boxes between two x positions.
   */
  unitBoxes(boxesOf: (v: CampaignView, left: number, right: number) => Box[]): Box[] | undefined;
}

/** Arrows and unit labels: hidden while comparing. */
const ONE_MOMENT = ['arrows-solid', 'arrows-dashed', 'arrow-heads', 'arrow-labels', 'units'];

/** Creates compare mode for the map of `host`. */
export function createCompareMode(host: CompareHost): CompareMode {
  const { map } = host;
  return {
    draw() {
      const compare = host.compare();
      for (const id of ONE_MOMENT) map.setLayoutProperty(id, 'visibility', compare ? 'none' : 'visible');
      map.setLayoutProperty(UNITS_LAYER_ID, 'visibility', compare?.view === 'overlay' ? 'none' : 'visible');
      const b = host.current();
      if (compare?.view === 'overlay' && b) showOverlay(map, { a: compare.a, b, changes: compare.changes }, 'mask');
      else hideOverlay(map);
    },
    frame(dateChanged) {
      const compare = host.compare();
      if (compare?.view === 'overlay' && dateChanged) this.draw();
      const swipe = compare?.view === 'swipe' ? compare : undefined;
      // Both run (no short-circuit): each layer keeps its own record of what it draws.
      const frontSplit = host.front()?.showSplit(swipe ? host.momentOf(swipe.a) : undefined, swipe?.split ?? 0) === true;
      const unitsSplit = host.units()?.showSplit(swipe?.a.day, swipe?.split ?? 0) === true;
      return frontSplit || unitsSplit;
    },
    unitBoxes(boxesOf) {
      const compare = host.compare();
      const b = host.current();
      if (!compare || !b) return undefined;
      if (compare.view === 'overlay') return [];
      const x = compare.split * map.getContainer().clientWidth;
      return [...boxesOf(compare.a, -Infinity, x), ...boxesOf(b, x, Infinity)];
    },
  };
}
