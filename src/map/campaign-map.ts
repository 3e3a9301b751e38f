/**
 * The one module that talks to MapLibre. It creates the map, adds sources and layers once,
 * then only updates them (setData, layout properties, camera), and tears down in destroy().
 * Performance marks (campaign:*) time each start-up step for `npm run bench`.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Point, Position } from 'geojson';
import { withLand, type Basemap, type Pack } from '../lib/campaign.ts';
import { basemapLevel, shouldLoadDetail } from '../lib/basemap-level.ts';
import { certaintyRuns, viewAt, type CampaignView } from '../lib/view.ts';
import type { Lang } from '../lib/types.ts';
import { seaMask } from '../lib/territory.ts';
import { arrowFeatures, spanAt, unitSpans, unitStopLabels, type UnitSpan } from '../lib/forces.ts';
import { createUnitsLayer, iconScale, startUnitsProgram, UNITS_LAYER_ID, type UnitsLayer } from './units-layer.ts';
import { t } from '../lib/i18n.ts';
import { LABEL_FONT, labelFontFaces } from './fonts.ts';
import { CAMERA, SOURCES, arrowLabelField, labelField, style, unitLabelField } from './style.ts';
import { placeDot } from './colors.ts';
import { ResetViewControl } from './reset-control.ts';
import { morphPairs, type MorphPairs } from '../lib/morph-pairs.ts';
import { createFrontLayer, FRONT_LAYER_ID, startFrontPrograms, type FrontLayer, type SplitState } from './front-layer.ts';
import type { CompareMode, MapCompare } from './compare-mode.ts';

export type { MapCompare } from './compare-mode.ts';

/** Options for createCampaignMap. */
export interface CampaignMapOptions {
  container: HTMLElement;
  /** The area to show first (the manifest's camera bounds): the map starts before the data is in. */
  bounds: [[number, number], [number, number]];
  lang: Lang;
  /** Called with [lon, lat] when the user clicks or taps the map, and the id of the place hit, if any. */
  onQuery?: (lngLat: [number, number], placeId?: string) => void;
  /** Called once the style, the pack (see setPack) and the symbols are in and drawn: the first view is complete. */
  onReady?: () => void;
  /** Called when the GPU context is lost (and again with `false` when it comes back). */
  onContextLost?: (lost: boolean) => void;
  /** Keep the drawing buffer so tests can read pixels (costs speed; tests only). */
  preserveDrawingBuffer?: boolean;
  /** Ids of the reference lines shown at start. */
  refLines?: readonly string[];
  /** Called with a unit id when the user clicks a unit symbol. */
  onUnit?: (id: string) => void;
  /** False locks pan and zoom (clicks still answer), so an embed is no scroll trap. */
  interactive?: boolean;
  /**
   * One finger (or the wheel) scrolls the page and two fingers (or Ctrl + wheel) move the map:
   * for touch devices and embeds, so a page with a map in it can still be scrolled past it.
   */
  cooperativeGestures?: boolean;
  /** Ids of the elements that describe the canvas (its keys, the text description): aria-describedby. */
  describedBy?: string;
  /** Canvas pixels per CSS pixel (default: the screen's). An export map uses 1: its canvas is the frame. */
  pixelRatio?: number;
  /** False leaves out the zoom, reset and scale controls (an export map draws its own scale). */
  controls?: boolean;
  /**
   * Called (once) when the view needs the detailed basemap, or soon will as the reader zooms in
   * (lib/basemap-level.ts): a page whose pack holds the overview then loads it (setDetail). When
   * the map opens deeper than the overview is drawn for, it waits for the detail before drawing.
   */
  onNeedDetail?: () => void;
}

/** One drawn moment of an export map (see CampaignMap.renderMoment). */
export interface MapFrame {
  /** The map's canvas, holding the moment (the map keeps its drawing buffer). */
  canvas: HTMLCanvasElement;
  /** Metres per canvas pixel at the centre of the view, for a scale bar. */
  metresPerPixel: number;
}

/** A pre-rendered symbol (see src/build/unit-symbols.ts). */
export interface SymbolImage {
  svg: string;
  width: number;
  height: number;
  anchor: { x: number; y: number };
}

/** Handle returned by createCampaignMap. */
export interface CampaignMap {
  /** Gives the map its campaign (once): basemap, places, lines and unit symbols. */
  setPack(pack: Pack, symbols: Record<string, SymbolImage>): void;
  /** Adds land around the campaign to the basemap's (kept until the pack is in, if it comes first). */
  setSurroundings(land: FeatureCollection): void;
  /**
   * The detailed basemap, for a pack loaded with the overview (see onNeedDetail), drawn from
   * then on; null when it could not be loaded (the overview stays).
   */
  setDetail(detail: Basemap | null): void;
  /** Shows the view (kept until the pack is in, if it comes first). */
  update(view: CampaignView): void;
  setLang(lang: Lang): void;
  /** Shows exactly these reference lines. */
  setRefLines(ids: readonly string[]): void;
  /** Returns the camera to the pack's default view (the `bounds` the map started with). */
  resetView(): void;
  /** The area in view, [[west, south], [east, north]]: what a picture or video of "this view" shows. */
  visibleBounds(): [[number, number], [number, number]];
  /**
   * Shows `view` and resolves once the map has drawn it completely (the frame, then every tile,
   * label and symbol): for an export map, created with `preserveDrawingBuffer`, whose canvas
   * is then read. Resolves after `onReady`; rejects if the map is destroyed or loses its context.
   */
  renderMoment(view: CampaignView): Promise<MapFrame>;
  /**
   * Opens compare mode, changes it, or (undefined) returns to the single date. Compare's code
   * (compare-mode.ts) is loaded when compare is first opened; it is drawn once in.
   */
  setCompare(compare: MapCompare | undefined): void;
  destroy(): void;
}


/** Mask bounds: wider than any view so the mask's edge never shows. */
const MASK_BOUNDS: [number, number, number, number] = [110, 25, 145, 50];

/** Image pixel ratio for symbols: drawn at twice their size so they stay crisp on any screen. */
const SYMBOL_RATIO = 2;

/**
 * Rasterises a symbol into a canvas padded so the symbol's anchor (the position it marks)
 * is the centre: MapLibre anchors icons at their centre, and data-driven offsets don't work.
 */
async function symbolBitmap(s: SymbolImage): Promise<ImageData> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.svg)}`;
  await img.decode();
  const halfW = Math.max(s.anchor.x, s.width - s.anchor.x);
  const halfH = Math.max(s.anchor.y, s.height - s.anchor.y);
  const w = Math.ceil(2 * halfW * SYMBOL_RATIO);
  const h = Math.ceil(2 * halfH * SYMBOL_RATIO);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.drawImage(img, (halfW - s.anchor.x) * SYMBOL_RATIO, (halfH - s.anchor.y) * SYMBOL_RATIO, s.width * SYMBOL_RATIO, s.height * SYMBOL_RATIO);
  return ctx.getImageData(0, 0, w, h);
}

function refLineData(pack: Pack, shown: readonly string[]): FeatureCollection {
  // A line graded per segment is drawn as runs of one grade (dotted where approximate);
  // only the first run of each line carries its label, so a line is named once.
  return {
    type: 'FeatureCollection',
    features: pack.lines.features.flatMap((f) => {
      const coords = f.geometry.coordinates;
      const grades = f.properties.segmentCertainty ?? coords.slice(1).map(() => f.properties.certainty);
      return certaintyRuns(coords, grades).features.map((run, i) => ({
        ...run,
        properties: { ...f.properties, certainty: run.properties.certainty, shown: shown.includes(f.properties.id), labelled: i === 0 },
      }));
    }),
  };
}

/** Replaces a GeoJSON source's data; resolves once the worker has it. */
function setData(map: maplibregl.Map, id: string, data: GeoJSON.GeoJSON): Promise<void> | undefined {
  return map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data);
}

let warm = false;

/**
 * Starts MapLibre's web worker now, so it loads while the page fetches its data rather than
 * after the map is created. Called once at page start; createCampaignMap calls it too.
 */
export function warmUpMap(): void {
  if (warm) return;
  warm = true;
  // MapLibre 6 ships its worker as a separate file; without this the built app never loads.
  maplibregl.setWorkerUrl(workerUrl);
  maplibregl.prewarm();
}

/**
 * Rasterises every symbol, each distinct drawing once (units of one type share a symbol, and
 * an SVG costs tens of milliseconds to rasterise on a slow machine). Started with the map, so
 * decoding overlaps the style's loading.
 */
async function decodeSymbols(symbols: Record<string, SymbolImage>): Promise<[string, ImageData][]> {
  const bitmaps = new Map<string, Promise<ImageData>>();
  const entries = Object.entries(symbols).map(([id, s]) => {
    const key = JSON.stringify([s.svg, s.width, s.height, s.anchor]);
    let bitmap = bitmaps.get(key);
    if (!bitmap) bitmaps.set(key, (bitmap = symbolBitmap(s)));
    return bitmap.then((data) => [id, data] as [string, ImageData]);
  });
  return Promise.all(entries);
}

/**
 * Creates the campaign map in `container`. Throws if WebGL is unavailable (MapLibre fails to
 * create its context): there is no separate probe, since creating a context is slow.
 */
export function createCampaignMap(options: CampaignMapOptions): CampaignMap {
  warmUpMap();
  let pack: Pack | undefined;
  let surroundings: FeatureCollection | undefined;
  /** The detailed basemap of a pack holding the overview, once given (null: it could not be loaded). */
  let detail: Basemap | null | undefined;
  // Symbols decode asynchronously (from setPack); without them (a failure) units stay hidden.
  let symbolImages: Promise<[string, ImageData][]> = Promise.resolve([]);
  let lang = options.lang;
  performance.mark('campaign:map-created');
  const map = new maplibregl.Map({
    container: options.container,
    style: style(lang, labelFontFaces(document.baseURI)),
    bounds: options.bounds,
    // The poster (Poster.svelte) frames its picture the same way: lib/poster.ts openingFrame.
    fitBoundsOptions: { padding: CAMERA.padding },
    maxBounds: CAMERA.maxBounds,
    minZoom: CAMERA.minZoom,
    maxZoom: CAMERA.maxZoom,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    canvasContextAttributes: options.preserveDrawingBuffer ? { preserveDrawingBuffer: true } : undefined,
    pixelRatio: options.pixelRatio,
    locale: mapLocale(lang),
    cooperativeGestures: options.interactive !== false && options.cooperativeGestures === true,
    // Labels appear at once instead of fading in over 300 ms: less motion while the front moves,
    // and no animation frames to draw (on a slow machine the map is ready ~300 ms sooner).
    fadeDuration: 0,
  });
  // The custom layers' shaders compile in the GPU process while the style and the data load
  // (getContext returns the context MapLibre made; compiling changes none of its GL state).
  const gl = map.getCanvas().getContext('webgl2');
  if (gl) {
    startFrontPrograms(gl);
    startUnitsProgram(gl);
  }
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  /** Whether onNeedDetail was called. */
  let detailAsked = false;
  /** The zoom at the last look, to tell zooming in from out. */
  let lastZoom = map.getZoom();
  const askDetail = (zoomingIn: boolean) => {
    if (detailAsked || !shouldLoadDetail(map.getZoom(), map.getPixelRatio(), zoomingIn)) return;
    detailAsked = true;
    options.onNeedDetail?.();
  };
  // A map that opens deeper than the overview is drawn for asks at once, beside the pack's loading.
  askDetail(false);
  map.on('zoom', () => {
    const zoom = map.getZoom();
    askDetail(zoom > lastZoom);
    lastZoom = zoom;
  });
  // The canvas is a tab stop (MapLibre's keyboard pan and zoom): say what it shows and which keys it takes.
  if (options.describedBy) map.getCanvas().setAttribute('aria-describedby', options.describedBy);
  /** The map's labels in `next` (the style was built in the language the map was created in). */
  const labelIn = (next: Lang) => {
    map.setLayoutProperty('place-labels', 'text-field', labelField(next));
    map.setLayoutProperty('place-labels-clear', 'text-field', labelField(next));
    map.setLayoutProperty('river-labels', 'text-field', labelField(next));
    map.setLayoutProperty('parallel-label', 'text-field', labelField(next));
    map.setLayoutProperty('ref-line-labels', 'text-field', labelField(next));
    map.setLayoutProperty('arrow-labels', 'text-field', arrowLabelField(next));
    map.setLayoutProperty('units', 'text-field', unitLabelField(next));
  };
  /**
   * MapLibre sets its own strings at construction (from `locale`) and has no public way to
   * change them, so a language change relabels the zoom buttons and canvas in the DOM.
   */
  const relabel = () => {
    const container = map.getContainer();
    for (const [selector, key] of [['.maplibregl-ctrl-zoom-in', 'map.zoomIn'], ['.maplibregl-ctrl-zoom-out', 'map.zoomOut']] as const) {
      const button = container.querySelector(selector);
      button?.setAttribute('title', t(lang, key));
      button?.setAttribute('aria-label', t(lang, key));
    }
    map.getCanvas().setAttribute('aria-label', t(lang, 'map.canvas'));
    resetControl?.setLabel(t(lang, 'map.resetView'));
    // The cooperative-gestures hint, written by MapLibre at construction.
    for (const [selector, key] of [['.maplibregl-desktop-message', desktopHint()], ['.maplibregl-mobile-message', 'map.hintTouch']] as const) {
      const hint = container.querySelector(selector);
      if (hint) hint.textContent = t(lang, key);
    }
  };
  /** Back to the view the map opened with; no flight when the reader prefers reduced motion. */
  const resetView = () => {
    map.fitBounds(options.bounds, { padding: CAMERA.padding, animate: !matchMedia('(prefers-reduced-motion: reduce)').matches });
  };
  let resetControl: ResetViewControl | undefined;
  if (options.interactive === false) {
    for (const handler of [map.scrollZoom, map.dragPan, map.boxZoom, map.doubleClickZoom, map.touchZoomRotate, map.keyboard]) handler.disable();
    // A locked map takes no keys, so its canvas would be an empty tab stop (issue 12 #5).
    map.getCanvas().setAttribute('tabindex', '-1');
  } else if (options.controls !== false) {
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    resetControl = new ResetViewControl(t(lang, 'map.resetView'), resetView);
    map.addControl(resetControl, 'top-right');
  }
  if (options.controls !== false) map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');

  /** The style is in (MapLibre's `load`). */
  let styleLoaded = false;
  /** Resolved once the first view is complete, symbols included (when onReady is called). */
  let setReady: () => void = () => {};
  const ready = new Promise<void>((done) => (setReady = done));
  /** The style and the pack are in and the campaign's data is on the map. */
  let loaded = false;
  let removed = false;
  // Between a context loss and its restoration MapLibre has no style: hold updates until then.
  let lost = false;
  let refLines = options.refLines ?? [];
  /** The newest view asked for and not yet sent to the map. */
  let pending: CampaignView | undefined;
  /** The view sent to the map and not yet on screen; nothing more is sent until it is drawn. */
  let inFlight: { view: CampaignView } | undefined;
  /** The last view sent, re-sent after a lost GPU context comes back. */
  let current: CampaignView | undefined;
  /** The front and territory (added once the pack is in), and the pairs it blends. */
  let frontLayer: FrontLayer | undefined;
  let pairs: MorphPairs | undefined;
  /** The PVA/KPA forward line's pairs (no-man's land's north edge), drawn by the same layer. */
  let forwardPairs: MorphPairs | undefined;
  /** The infiltrated areas' ids, in the order the layer holds them. */
  let areaIds: string[] = [];
  /** The unit symbols (added once the pack is in), every stop and move, and symbol sizes. */
  let unitsLayer: UnitsLayer | undefined;
  let spans: UnitSpan[] = [];
  const symbolSize = new Map<string, [number, number]>();
  /** Each unit symbol's drawing around its anchor: left, top, right, bottom (CSS pixels at icon scale 1). */
  const symbolExtent = new Map<string, [number, number, number, number]>();


  /** Whether each stop's label is shown (by span index), to set only changes. */
  let labelShown: boolean[] = [];
  /** Shows the labels of the units at a stop at `day` (feature state); true if any changed. */
  const showUnitLabels = (day: number): boolean => {
    let changed = false;
    spans.forEach((s, k) => {
      if (s.moving) return;
      const shown = spanAt(s, day) !== undefined;
      if (labelShown[k] === shown) return;
      labelShown[k] = shown;
      changed = true;
      map.setFeatureState({ source: 'units', id: k }, { shown: shown ? 1 : 0 });
    });
    return changed;
  };

  /**
   * Screen boxes [x0, y0, x1, y1] of the unit symbols on screen (CSS pixels): the view's, or in
   * the swipe date A's left of the divider and date B's right of it (each cut at the divider).
   */
  const unitBoxes = (): [number, number, number, number][] => {
    if (!current) return [];
    const scale = iconScale(map.getZoom());
    const boxesOf = (v: CampaignView, left: number, right: number) =>
      v.units.features.flatMap((f): [number, number, number, number][] => {
        const e = symbolExtent.get(f.properties.unit);
        if (!e || !symbolSize.has(f.properties.unit)) return [];
        const p = map.project(f.geometry.coordinates as [number, number]);
        const [x0, x1] = [Math.max(left, p.x - e[0] * scale), Math.min(right, p.x + e[2] * scale)];
        return x1 > x0 ? [[x0, p.y - e[1] * scale, x1, p.y + e[3] * scale]] : [];
      });
    return compareMode?.unitBoxes(boxesOf) ?? boxesOf(current, -Infinity, Infinity);
  };
  /** Half the widest unit symbol at zoom 0 (its right extent), px: where moved city names start (see place-labels-clear). */
  let widestHalf = 0;
  /** Measures label text as MapLibre draws labels (Hangul in the page's Noto Sans KR, Latin in the system's sans-serif). */
  let measurer: CanvasRenderingContext2D | null | undefined;
  /**
   * The screen box of a major city's name moved right of its symbol (place-labels-clear: 14 px,
   * `widestHalf` scaled + 10 px right of its place, left-anchored), with MapLibre's 2 px padding.
   */
  const movedNameBox = (city: maplibregl.MapGeoJSONFeature): [[number, number], [number, number]] => {
    const p = map.project((city.geometry as Point).coordinates as [number, number]);
    measurer ??= document.createElement('canvas').getContext('2d');
    if (measurer) measurer.font = `14px "${LABEL_FONT}", sans-serif`;
    const name = String(city.properties[lang === 'ko' ? 'name_ko' : 'name_en'] ?? '');
    const width = measurer?.measureText(name).width ?? name.length * 9;
    const x = p.x + widestHalf * iconScale(map.getZoom()) + 10;
    return [[x - 2, p.y - 10], [x + width + 2, p.y + 10]];
  };
  /** Ids of the places whose labels a unit symbol covers (hidden by feature state). */
  let covered = new Set<string>();
  /** Labels hidden or shown by coverLabels that no frame has drawn yet (an export waits for them). */
  let labelsPending = false;
  /** What coverLabels last looked at: the unit symbols' boxes on screen. */
  let coverKey = '';
  /**
   * Hides the place labels under a unit symbol, so no unit sits on a place's name: a town's
   * (rank 2, 3) name gives way to the unit; a major city's (rank 1) is drawn right of the symbol
   * instead (place-labels-clear), or, where a symbol is there too, stays where it was, drawn over
   * the symbol: the more important label wins. Custom
   * layers take no part in MapLibre's label placement, so this asks the placement which labels
   * each symbol's box hits (queryRenderedFeatures) and hides those by feature state: no data
   * goes to MapLibre's worker, so playback stays as cheap. A hidden label keeps its place
   * (others do not move into it). Runs after a frame in which a symbol's box moved on screen
   * (a unit moved, or the camera did), and when idle (labels placed since).
   */
  const coverLabels = (force = false) => {
    if (!loaded || lost || removed) return;
    // Keyed on where the symbols are on screen (to the pixel), not on the moment: during
    // playback most frames move no symbol, and those ask MapLibre nothing.
    const boxes = unitBoxes();
    const key = `${compare?.view}|${boxes.map((b) => b.map(Math.round).join(',')).join(';')}`;
    if (key === coverKey && !force) return;
    coverKey = key;
    const next = new Set<string>();
    const blocked = new Set<string>();
    /** The major cities under a symbol, whose names move. */
    const cities = new Map<string, maplibregl.MapGeoJSONFeature>();
    for (const [x0, y0, x1, y1] of boxes) {
      for (const hit of map.queryRenderedFeatures([[x0, y0], [x1, y1]], { layers: ['place-labels', 'place-labels-clear'] })) {
        if (typeof hit.id !== 'string') continue;
        (hit.layer.id === 'place-labels' ? next : blocked).add(hit.id);
        if (hit.layer.id === 'place-labels' && hit.properties.rank === 1) cities.set(hit.id, hit);
      }
    }
    // A major city whose moved name would meet a symbol too keeps its own: it wins, drawn over it.
    for (const id of blocked) next.delete(id);
    // A town's label that a moved name would meet gives way to it, as to a symbol.
    for (const [id, city] of cities) {
      if (!next.has(id)) continue;
      for (const hit of map.queryRenderedFeatures(movedNameBox(city), { layers: ['place-labels'] })) {
        if (typeof hit.id === 'string' && hit.properties.rank !== 1) next.add(hit.id);
      }
    }
    for (const id of new Set([...covered, ...next])) {
      if (covered.has(id) === next.has(id)) continue;
      map.setFeatureState({ source: 'places', id }, { covered: next.has(id) });
      labelsPending = true;
    }
    covered = next;
  };

  /** Each arrow's opacity on the map (by the arrow's index in the pack), to set only changes. */
  let arrowShown: number[] = [];
  /** Sets the arrows' fades of `view` as feature state; true if any changed. */
  const fadeArrows = (view: CampaignView): boolean => {
    if (!pack) return false;
    const opacity = new Map(view.arrows.features.map((f) => [f.properties.id, f.properties.opacity]));
    let changed = false;
    pack.arrows.forEach((a, i) => {
      const o = opacity.get(a.props.id) ?? 0;
      if (arrowShown[i] === o) return;
      arrowShown[i] = o;
      changed = true;
      for (const id of [2 * i, 2 * i + 1]) map.setFeatureState({ source: 'arrows', id }, { opacity: o });
    });
    return changed;
  };

  /** Waiting for a view to be on screen (renderMoment), resolved by `drawn`. */
  let awaited: { view: CampaignView; done: () => void } | undefined;

  /** Compare mode as last asked for (see setCompare), and its code once loaded. */
  let compare: MapCompare | undefined;
  let compareMode: CompareMode | undefined;
  let compareLoading: Promise<void> | undefined;
  /** Loads compare's code (once; again after a failure) and draws compare as it is by then. */
  const loadCompare = () =>
    (compareLoading ??= import('./compare-mode.ts').then(
      (m) => {
        compareMode = m.createCompareMode({ map, compare: () => compare, current: () => current, front: () => frontLayer, units: () => unitsLayer, momentOf });
        if (removed) return;
        drawCompare();
        pending ??= current;
        flush();
      },
      (e: unknown) => {
        compareLoading = undefined;
        console.warn('Compare could not be loaded:', e);
      },
    ));

  /** The front layer's state for a view: the front pair and blend, and the zones'. */
  const momentOf = (v: CampaignView): SplitState | undefined => {
    const pair = pairs?.pairOf(v.front);
    if (!pair) return undefined;
    // No band where the view's forward line is the front itself (lib/zones.ts zonesAt).
    const band = v.zones.forward !== v.front ? forwardPairs?.pairOf(v.zones.forward) : undefined;
    const fades = new Map(v.zones.infiltrated.features.map((f) => [f.properties.id, f.properties.opacity]));
    return { index: pair.index, weight: pair.weight, forward: band?.index ?? -1, forwardWeight: band?.weight ?? 0, opacity: areaIds.map((id) => fades.get(id) ?? 0) };
  };

  /** Shows compare's GeoJSON parts as they now are (compare-mode.ts), once the campaign is on the map. */
  const drawCompare = () => {
    if (loaded && !lost) compareMode?.draw();
  };

  /** Marks `view` as on screen (tests and benchmarks read this attribute). */
  const drawn = (view: CampaignView) => {
    options.container.dataset.drawnDay = String(view.day);
    if (awaited?.view === view) awaited.done();
  };

  /**
   * Shows the newest view at once, unless the one before is not drawn yet: then it waits, and
   * only the newest waiting view is shown when the map has drawn. A slider input therefore
   * reaches the screen in the next frame the map renders, and updates never queue up. Nothing
   * is sent to MapLibre's worker: the front, territory, zones and units are uniforms of custom
   * layers, arrow fades and unit labels feature state.
   */
  const flush = () => {
    if (!pending || !loaded || lost || inFlight || swapping) return;
    const v = pending;
    pending = undefined;
    const dateChanged = current?.iso !== v.iso;
    current = v;
    const m = momentOf(v);
    const frontMoved = m !== undefined && frontLayer?.show(m.index, m.weight) === true;
    const zonesMoved = m !== undefined && frontLayer?.showZones(m.forward, m.forwardWeight, m.opacity) === true;
    const unitsMoved = unitsLayer?.show(v.day) === true;
    // Compare's swipe and overlay follow the view (once compare's code is in).
    const compared = compareMode?.frame(dateChanged) === true;
    // Every step runs (no short-circuit): each keeps its own record of what is on the map.
    const changed = [frontMoved, zonesMoved, unitsMoved, compared, fadeArrows(v), showUnitLabels(v.day)].some(Boolean);
    if (!changed) {
      // Nothing moved (a plateau): the screen already shows this view.
      drawn(v);
      return;
    }
    inFlight = { view: v };
    map.triggerRepaint();
  };

  /** Whether a frame has shown the campaign: the front and everything under it. */
  let campaignShown = false;
  /** After each frame: once the view in flight is on screen, say so and send the next one. */
  const onRender = () => {
    // This frame drew the labels' feature state as it was set before it.
    labelsPending = false;
    coverLabels();
    if (inFlight) {
      drawn(inFlight.view);
      inFlight = undefined;
      flush();
    }
    if (!campaignShown && current && !inFlight && SOURCES.every((id) => map.isSourceLoaded(id))) {
      // The first frame a reader sees the front on the basemap (labels and unit symbols may
      // still be on their way: the map is complete at campaign:complete).
      campaignShown = true;
      performance.mark('campaign:front-shown');
    }
  };
  map.on('render', onRender);
  // Labels placed after the last change (tiles, glyphs coming in) are looked at once all is drawn.
  map.on('idle', () => coverLabels(true));
  if (import.meta.env.VITE_TEST_HOOKS) {
    /**
     * The place labels drawn over a unit symbol (its box shrunk by 1.5 px: touching is not
     * covering), as the label test counts them: a major city's own name is allowed where its
     * moved name would meet a symbol too. With `pending`: whether a change to them is not yet drawn.
     */
    const labelsUnderUnits = () => {
      const boxes = unitBoxes();
      const meeting = (layer: string, pad: number) =>
        boxes.flatMap(([x0, y0, x1, y1]) => map.queryRenderedFeatures([[x0 + pad, y0 + pad], [x1 - pad, y1 - pad]], { layers: [layer] }));
      const movedNear = new Set(meeting('place-labels-clear', -1.5).map((f) => f.id));
      const under = ['place-labels', 'place-labels-clear'].flatMap((layer) =>
        meeting(layer, 1.5).filter((f) => {
          const drawnHere = (layer === 'place-labels') !== (f.state.covered === true);
          return drawnHere && !(layer === 'place-labels' && f.properties.rank === 1 && movedNear.has(f.id));
        }),
      );
      return { units: boxes.length, under: [...new Set(under.map((f) => String(f.id)))], pending: labelsPending };
    };
    // Browser-test builds only (tests/browser/labels.test.ts, export-compare.test.ts): the map, the unit symbols' boxes, labels under them.
    Object.assign(options.container, { testMap: map, unitBoxes, labelsUnderUnits });
  }
  if (import.meta.env.VITE_BENCH) {
    // Benchmark builds only: lets `npm run bench` force repaints of an unchanged map (its
    // baseline for playback), and `bench:playback --eval` reach the map (benchMap) to switch
    // layers off in an ablation. Removed from every other build.
    Object.assign(options.container, { benchRepaint: () => map.triggerRepaint(), benchMap: map });
  }

  /**
   * Writes the front layer's other keyframe pairs in idle time once the map is complete, a
   * few milliseconds at a time, so playback and the slider find them ready (a pair drawn
   * before that is written when drawn).
   */
  const prepareInIdle = () => {
    const idle = window.requestIdleCallback ?? ((run: IdleRequestCallback) => setTimeout(() => run({ didTimeout: false, timeRemaining: () => 8 }), 50));
    const step: IdleRequestCallback = (deadline) => {
      if (removed || !frontLayer) return;
      while (deadline.timeRemaining() > 2) if (!frontLayer.prepare()) return;
      idle(step);
    };
    idle(step);
  };

  /** The basemap drawn: the detail once given, else the pack's own (which may be the overview). */
  const basemap = (p: Pack): Basemap => detail ?? p.basemap;
  /**
   * Draws the basemap's layers and the sea mask cut from its mainland (the territory under the
   * mask is clipped to the same coast). Once at start, and once more when the detail comes in.
   */
  const drawBasemap = (p: Pack) => {
    const b = basemap(p);
    setData(map, 'mainland', b.mainland);
    setData(map, 'mask', seaMask(b.mainland.geometry.coordinates[0] as Position[], MASK_BOUNDS));
    setData(map, 'land', withLand(b.land, surroundings));
    setData(map, 'rivers', b.rivers);
    setData(map, 'parallel', b.parallel);
  };
  /** The overview must not be drawn: the view is deeper than it is drawn for and the detail is on its way. */
  const awaitingDetail = (p: Pack) => p.basemap.overview === true && detail === undefined && basemapLevel(map.getZoom(), map.getPixelRatio()) === 'detail';

  /**
   * Pack `p`'s places, lines, arrows and unit labels into their sources, and its front and units
   * drawn by new GPU layers (the matched keyframe pairs uploaded once): at the start, and when
   * the embed's first-view pack gives way to the full data.
   */
  const putCampaign = (p: Pack) => {
    setData(map, 'places', p.places as FeatureCollection);
    setData(map, 'ref-lines', refLineData(p, refLines));
    setData(map, 'arrows', arrowFeatures(p.arrows));
    arrowShown = [];
    spans = unitSpans(p.tracks);
    setData(map, 'units', unitStopLabels(p.tracks, spans));
    labelShown = [];
    pairs = morphPairs(p.prepared);
    forwardPairs = morphPairs(p.zones.forward);
    areaIds = p.zones.infiltrations.map((a) => a.props.id);
    frontLayer = createFrontLayer(pairs, p.manifest.northClosure, { forward: forwardPairs, areas: p.zones.infiltrations.map((a) => a.ring) });
    unitsLayer = createUnitsLayer(spans);
    if (lost) return;
    map.addLayer(frontLayer, 'mask');
    // Under the unit labels, as a symbol layer draws icons under its text.
    map.addLayer(unitsLayer, 'units');
  };

  /** Puts the campaign on the map once both the style and the pack are in, in either order. */
  const start = () => {
    if (!pack || !styleLoaded || loaded || removed) return;
    // Opened deeper than the overview is drawn for: the campaign waits for the detail (asked for at creation).
    if (awaitingDetail(pack)) {
      askDetail(false);
      return;
    }
    drawBasemap(pack);
    putCampaign(pack);
    loaded = true;
    // A language set before the data was in (a lesson's, read after the map was created).
    labelIn(lang);
    if (compare) drawCompare();
    flush();
    // The map is ready once the symbols are in (or failed: units then stay hidden).
    void symbolImages.then((images) => {
      if (removed) return;
      for (const [id, data] of images) symbolSize.set(id, [data.width / SYMBOL_RATIO, data.height / SYMBOL_RATIO]);
      // A major city's moved name starts 10 px right of the widest symbol (clear of its label padding and
      // of a unit a little off the city's dot), at every zoom (ems of 14 px).
      const half = (widestHalf = Math.max(0, ...[...symbolExtent.values()].map(([, , right]) => right)));
      const at = (zoom: number): maplibregl.ExpressionSpecification => ['literal', [(half * iconScale(zoom) + 10) / 14, 0]];
      if (half > 0) map.setLayoutProperty('place-labels-clear', 'text-offset', ['interpolate', ['linear'], ['zoom'], 5, at(5), 8, at(8), 10, at(10)]);
      unitsLayer?.setImages(images, SYMBOL_RATIO);
      performance.mark('campaign:symbols-added');
      map.triggerRepaint();
      map.once('idle', () => {
        performance.mark('campaign:complete');
        setReady();
        options.onReady?.();
        prepareInIdle();
      });
    });
  };

  map.on('load', () => {
    performance.mark('campaign:style-loaded');
    for (const rank of [1, 2, 3] as const) map.addImage(`dot-${rank}`, placeDot(rank), { pixelRatio: 2 });
    styleLoaded = true;
    start();
  });
  /**
   * The unit whose symbol is under `point` (a few pixels of slack), nearest first: the units
   * layer draws them, so the hit test is the same box arithmetic on the view's positions.
   */
  const unitAt = (point: maplibregl.Point): string | undefined => {
    const scale = iconScale(map.getZoom());
    let best: { unit: string; d: number } | undefined;
    for (const f of current?.units.features ?? []) {
      const size = symbolSize.get(f.properties.unit);
      if (!size) continue;
      const p = map.project(f.geometry.coordinates as [number, number]);
      const dx = Math.abs(p.x - point.x);
      const dy = Math.abs(p.y - point.y);
      if (dx > (size[0] * scale) / 2 + 6 || dy > (size[1] * scale) / 2 + 6) continue;
      const d = Math.hypot(dx, dy);
      if (!best || d < best.d) best = { unit: f.properties.unit, d };
    }
    return best?.unit;
  };
  map.on('click', (e) => {
    // A few pixels of slack so a tap on a small dot or its label still picks the place.
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [[e.point.x - 6, e.point.y - 6], [e.point.x + 6, e.point.y + 6]];
    const unit = unitAt(e.point);
    if (unit && options.onUnit) {
      options.onUnit(unit);
      return;
    }
    const hit = map.queryRenderedFeatures(box, { layers: ['place-dots', 'place-labels'] })[0];
    const id = typeof hit?.properties?.id === 'string' ? hit.properties.id : undefined;
    options.onQuery?.([round(e.lngLat.lng), round(e.lngLat.lat)], id);
  });
  const canvas = map.getCanvas();
  /**
   * Takes the front layer out before MapLibre handles the loss (a capture listener on the
   * container runs before the canvas's own): MapLibre cannot restore custom layers and warns
   * about each one left in. It is added again, with new buffers, once the style is back.
   */
  const beforeLost = () => {
    for (const id of [FRONT_LAYER_ID, UNITS_LAYER_ID]) if (map.getLayer(id)) map.removeLayer(id);
  };
  const onLost = () => {
    lost = true;
    options.onContextLost?.(true);
  };
  const onRestored = () => {
    lost = false;
    // A restored context has lost every buffer: upload everything again, and what changed
    // while it was lost (surroundings, reference lines).
    arrowShown = [];
    labelShown = [];
    covered = new Set();
    coverKey = '';
    options.onContextLost?.(false);
    inFlight = undefined;
    pending ??= current;
    map.once('style.load', () => {
      // onAdd compiles and uploads again into the new context; the pair shown is kept.
      if (frontLayer && !removed && !map.getLayer(FRONT_LAYER_ID)) map.addLayer(frontLayer, 'mask');
      if (unitsLayer && !removed && !map.getLayer(UNITS_LAYER_ID)) map.addLayer(unitsLayer, 'units');
      drawCompare();
      map.triggerRepaint();
    });
    map.once('render', () => {
      if (pack && loaded) {
        drawBasemap(pack);
        setData(map, 'ref-lines', refLineData(pack, refLines));
        setData(map, 'arrows', arrowFeatures(pack.arrows));
        setData(map, 'units', unitStopLabels(pack.tracks, spans));
      }
      flush();
    });
    map.triggerRepaint();
  };
  options.container.addEventListener('webglcontextlost', beforeLost, { capture: true });
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);

  /**
   * Puts pack `p` in place of the one drawn (the embed's first view gives way to the full data):
   * the same picture at the moment shown, so the swap happens in one go once the symbols are
   * decoded, views held until then (a view of the new pack cannot be drawn with the old buffers).
   */
  const swapPack = async (p: Pack, images: Promise<[string, ImageData][]>) => {
    swapping = true;
    const decoded = await images;
    swapping = false;
    if (removed || pack !== p) return;
    for (const [id, data] of decoded) symbolSize.set(id, [data.width / SYMBOL_RATIO, data.height / SYMBOL_RATIO]);
    for (const id of [FRONT_LAYER_ID, UNITS_LAYER_ID]) if (map.getLayer(id)) map.removeLayer(id);
    putCampaign(p);
    unitsLayer?.setImages(decoded, SYMBOL_RATIO);
    if (compare) drawCompare();
    // The view asked for meanwhile (the page's view of the new pack), or the moment shown, drawn with the new buffers.
    pending ??= current && viewAt(p, current.day);
    flush();
    performance.mark('campaign:pack-swapped');
  };
  let swapping = false;

  return {
    setPack(p, symbols) {
      if (pack === p) return;
      const first = !pack;
      pack = p;
      for (const [id, sym] of Object.entries(symbols)) symbolExtent.set(id, [sym.anchor.x, sym.anchor.y, sym.width - sym.anchor.x, sym.height - sym.anchor.y]);
      symbolImages = decodeSymbols(symbols).catch(() => []);
      if (first || !loaded) start();
      else void swapPack(p, symbolImages);
    },
    setSurroundings(land) {
      if (surroundings === land) return;
      surroundings = land;
      if (pack && loaded && !lost) setData(map, 'land', withLand(basemap(pack).land, surroundings));
    },
    setDetail(next) {
      if (detail !== undefined || next === undefined) return;
      detail = next;
      // Drawn at once: asked for by a zoom or at start, never by playback (whose frames send the
      // map no data), so this is one update at a moment the view is changing anyway.
      if (pack && loaded && !lost && next && pack.basemap.overview) drawBasemap(pack);
      else start();
    },
    update(view) {
      pending = view;
      flush();
    },
    setLang(next) {
      if (next === lang) return;
      lang = next;
      relabel();
      if (!loaded || lost) return;
      labelIn(lang);
    },
    setRefLines(ids) {
      refLines = ids;
      if (pack && loaded && !lost) setData(map, 'ref-lines', refLineData(pack, refLines));
    },
    resetView,
    visibleBounds() {
      const b = map.getBounds();
      return [[b.getWest(), b.getSouth()], [b.getEast(), b.getNorth()]];
    },
    async renderMoment(view) {
      await ready;
      // Compare is drawn by code loaded on first use: in before the moment is drawn.
      if (compare) await loadCompare();
      await new Promise<void>((done, fail) => {
        if (removed || lost) return fail(new Error('map unavailable'));
        awaited = { view, done };
        pending = view;
        flush();
      });
      awaited = undefined;
      // The frame is drawn; tiles, glyphs or symbol placement may still be coming: wait for
      // the map to settle (idle fires after a frame in which nothing is left to load). Then the
      // place labels under unit symbols, hidden after a frame shows where the labels are
      // (coverLabels), need one frame more to be gone: the picture waits for it.
      for (let settled = 0; settled < 8; settled++) {
        if (removed || lost) break;
        if (map.loaded() && !labelsPending) break;
        if (labelsPending) map.triggerRepaint();
        await new Promise<void>((done) => map.once('idle', () => done()));
      }
      if (removed || lost) throw new Error('map unavailable');
      const lat = map.getCenter().lat;
      // Web Mercator: metres per CSS pixel at this latitude and zoom (512-pixel tiles), per canvas pixel.
      const metresPerPixel = (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom()) / map.getPixelRatio();
      return { canvas: map.getCanvas(), metresPerPixel };
    },
    setCompare(next) {
      compare = next;
      if (!compareMode) {
        if (next) void loadCompare();
        return;
      }
      pending ??= current;
      drawCompare();
      flush();
    },
    destroy() {
      options.container.removeEventListener('webglcontextlost', beforeLost, { capture: true });
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
      removed = true;
      map.remove();
    },
  };
}

/** MapLibre's own interface strings, from our catalogue. */
function mapLocale(lang: Lang): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': t(lang, 'map.zoomIn'),
    'NavigationControl.ZoomOut': t(lang, 'map.zoomOut'),
    'Map.Title': t(lang, 'map.canvas'),
    'CooperativeGesturesHandler.WindowsHelpText': t(lang, 'map.hintCtrl'),
    'CooperativeGesturesHandler.MacHelpText': t(lang, 'map.hintCmd'),
    'CooperativeGesturesHandler.MobileHelpText': t(lang, 'map.hintTouch'),
  };
}

/** MapLibre's own test for which key lets the wheel zoom: ⌘ on a Mac, Ctrl elsewhere. */
function desktopHint(): 'map.hintCmd' | 'map.hintCtrl' {
  return navigator.userAgent.includes('Mac') ? 'map.hintCmd' : 'map.hintCtrl';
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
