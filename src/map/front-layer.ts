/**
 * The front and the PVA/KPA territory as one MapLibre custom layer. Every matched keyframe
 * pair (lib/morph-pairs.ts) is uploaded once when the layer is added; a frame of playback
 * sets the pair and the blend weight, two uniforms, so nothing is re-tiled by the worker and
 * no buffer is re-sent while the front moves.
 *
 * Territory fill: stencil, then cover. The closed shape (front + northern closure at sea) is
 * drawn as a triangle fan that only inverts a stencil bit (even-odd), then the same fan again
 * where the bit is set, clearing it as it paints so each pixel is painted once. This stays
 * right for any blend of two lines, even where a blended ring would fold over itself, which a
 * triangulation made for one keyframe (earcut) cannot promise once its vertices move. The sea
 * mask above the layer still clips the shape to land (layer order, as before).
 *
 * Buffers are sized for every pair when the layer is first drawn, but a pair's vertices are
 * written and uploaded only when it is first drawn (or, after the map is complete, written in
 * idle time: prepare): start-up builds the opening date's pair, not all 95.
 *
 * Line: a quad per segment with round caps computed per pixel (their overlap makes round
 * joins), dashes by certainty from the distance along the run; the casing is drawn first with
 * the stencil so each pixel is painted once, keeping its opacity where caps overlap.
 *
 * Zones (lib/zones.ts), between the territory and the line: **no-man's land** is the ground
 * north of the front and south of the PVA/KPA forward line, i.e. the pixels inside exactly one
 * of the two closed shapes. Both fans invert the same stencil bit (north of front XOR north of
 * forward line), then both are drawn again where it is set, with the no-man's-land pattern.
 * The forward line's pairs are uploaded once like the front's, so the band morphs with two
 * more uniforms and nothing else; its dotted north edge is the forward line, drawn under the
 * front line (where the two lines coincide the front hides it). **Infiltrated** areas are
 * fixed polygons (earcut once) with a red-dot pattern and a dashed outline, faded by a uniform.
 */
import type { CustomLayerInterface, Map as MapLibreMap } from 'maplibre-gl';
import type { Position } from 'geojson';
import earcut from 'earcut';
import { mercator, runDistances, type MorphPair, type MorphPairs } from '../lib/morph-pairs.ts';
import { COLORS, DASHES, FRONT_STYLE, infiltratedPattern, noMansLandPattern, territoryPattern, widthAt } from './colors.ts';
import { FILL_FRAGMENT, FILL_VERTEX, LINE_FRAGMENT, LINE_VERTEX } from './front-shaders.ts';
import { compileProgram, startProgram } from './gl.ts';
import { FILL_STRIDE, LINE_STRIDE, pairLayout, writePair, type PairLayout, type PairVertices, type Slice } from './pair-vertices.ts';

/** The layer's id in the style. */
export const FRONT_LAYER_ID = 'front-gpu';

const { width: FRONT_WIDTH, casingWidth: CASING_WIDTH, casingOpacity: CASING_OPACITY, forwardWidth: FORWARD_WIDTH, forwardOpacity: FORWARD_OPACITY, forwardDotPeriod: FORWARD_DOT_PERIOD, outlineWidth: OUTLINE_WIDTH, outlineOpacity: OUTLINE_OPACITY, outlineDash: OUTLINE_DASH } = FRONT_STYLE;
/** Pattern texels per CSS pixel (territoryPattern is drawn at pixel ratio 2). */
const PATTERN_RATIO = 2;
const PATTERN_SIZE = 10;
/** The zone patterns' size in texels (colors.ts dotPattern, drawn at PATTERN_RATIO). */
const ZONE_PATTERN_SIZE = 8;

/** What the layer draws of the zones (lib/zones.ts), uploaded once. */
export interface ZoneGeometry {
  /** The PVA/KPA forward line's pairs (morphPairs of PreparedZones.forward), by pair index. */
  forward: Pick<MorphPairs, 'count' | 'pair' | 'capacity'>;
  /** The infiltrated areas' rings, [lon, lat], closed. */
  areas: readonly (readonly Position[])[];
}

/** A custom layer that draws one blend of one pair per frame. */
export interface FrontLayer extends CustomLayerInterface {
  /** Shows pair `index` at blend `weight`; true if that changes the picture. */
  show(index: number, weight: number): boolean;
  /**
   * Shows no-man's land bounded by forward pair `forward` at blend `weight` (-1: no band) and
   * each infiltrated area at its opacity (by area index); true if that changes the picture.
   */
  showZones(forward: number, weight: number, opacity: readonly number[]): boolean;
  /**
   * Compare's swipe: draws `left` (a pair, its blend and its zones) left of `split` (0–1 of
   * the canvas's width) and what show/showZones set right of it; undefined ends the split.
   * True if that changes the picture.
   */
  showSplit(left: SplitState | undefined, split: number): boolean;
  /**
   * Writes the vertices of one pair not yet written (idle time, so playback never waits for
   * one); false once every pair is. A pair drawn before it is prepared is written then.
   */
  prepare(): boolean;
}

/** One moment as the layer draws it: the front pair and its blend, and the zones'. */
export interface SplitState {
  index: number;
  weight: number;
  forward: number;
  forwardWeight: number;
  opacity: readonly number[];
}

interface Programs {
  fill: WebGLProgram;
  line: WebGLProgram;
}

interface Geometry {
  fillVao: WebGLVertexArrayObject;
  lineVao: WebGLVertexArrayObject;
  fill: WebGLBuffer;
  line: WebGLBuffer;
  index: WebGLBuffer;
  owned: WebGLBuffer[];
}

interface Buffers extends Geometry {
  pattern: WebGLTexture;
  /** The zones' lines and fans, their areas' triangles, and their patterns. */
  zones?: Geometry & { areaVao: WebGLVertexArrayObject; band: WebGLTexture; infiltrated: WebGLTexture };
}

/**
 * A set of pairs whose vertices are written when first needed: the layout (every pair's place
 * in the buffers) at once, a pair's vertices on demand, and which pairs the GPU has.
 */
class PairStore {
  readonly layout: PairLayout;
  /** Written and not yet uploaded, by pair index. */
  private readonly written: (PairVertices | undefined)[] = [];
  /** On the GPU (in the current context), by pair index. */
  private onGpu: boolean[] = [];
  /** The next pair `prepare` looks at. */
  private next = 0;

  constructor(
    private readonly pair: (k: number) => MorphPair,
    lengths: readonly number[],
    private readonly closure: readonly Position[],
  ) {
    this.layout = pairLayout(lengths, closure.length);
  }

  get count(): number {
    return this.layout.slices.length;
  }

  /** Writes pair `k` if it is neither written nor on the GPU; true if it wrote. */
  write(k: number): boolean {
    if (this.written[k] || this.onGpu[k]) return false;
    this.written[k] = writePair(this.pair(k), this.closure, this.layout.slices[k]);
    return true;
  }

  /** Writes the next pair not yet written; false once all are. */
  prepare(): boolean {
    while (this.next < this.count) if (this.write(this.next++)) return true;
    return false;
  }

  /** Makes sure the GPU has pair `k` (`geometry`'s buffers are sized for every pair). */
  ensure(g: WebGL2RenderingContext, geometry: Geometry, k: number): void {
    if (this.onGpu[k]) return;
    this.write(k);
    const v = this.written[k]!;
    const slice = this.layout.slices[k];
    // The element buffer belongs to the vertex array bound: bind ours, never MapLibre's.
    g.bindVertexArray(geometry.lineVao);
    g.bindBuffer(g.ARRAY_BUFFER, geometry.fill);
    g.bufferSubData(g.ARRAY_BUFFER, slice.fillFirst * FILL_STRIDE * 4, v.fill);
    g.bindBuffer(g.ARRAY_BUFFER, geometry.line);
    g.bufferSubData(g.ARRAY_BUFFER, slice.lineVertex * LINE_STRIDE * 4, v.line);
    g.bufferSubData(g.ELEMENT_ARRAY_BUFFER, slice.lineOffset * 4, v.index);
    this.written[k] = undefined;
    this.onGpu[k] = true;
  }

  /** The GPU lost its buffers (the layer was removed): every pair is uploaded again when drawn. */
  forget(): void {
    this.onGpu = [];
    this.next = 0;
  }
}

/** A pair drawn dotted (grade 3) along its whole length: the forward line is one style. */
function dotted(p: MorphPair): MorphPair {
  const certainty = p.certainty.map(() => 3 as const);
  return { ...p, certainty, runFrom: runDistances(p.from.map(mercator), certainty), runTo: runDistances(p.to.map(mercator), certainty) };
}

/** A fixed ring as a pair (dashed, grade 2): an infiltrated area's outline. */
function outline(ring: readonly Position[]): MorphPair {
  const line = ring.map((c): [number, number] => [c[0], c[1]]);
  const certainty = line.slice(1).map(() => 2 as const);
  const run = runDistances(line.map(mercator), certainty);
  return { from: line, to: line, certainty, runFrom: run, runTo: run };
}

/** The zones' pairs (forward pairs, then area outlines) as a PairStore, and the areas' triangles. */
function zoneGeometry(zones: ZoneGeometry, closure: readonly Position[]) {
  const forward = zones.forward.count;
  const pair = (k: number) => (k < forward ? dotted(zones.forward.pair(k)) : outline(zones.areas[k - forward]));
  const lengths = [...Array.from({ length: forward }, (_, k) => zones.forward.capacity(k)), ...zones.areas.map((r) => r.length)];
  const store = new PairStore(pair, lengths, closure);
  const area: number[] = [];
  const areas = zones.areas.map((ring) => {
    const open = ring.slice(0, -1);
    const first = area.length / 4;
    for (const k of earcut(open.flatMap((c) => [c[0], c[1]]))) area.push(open[k][0], open[k][1], open[k][0], open[k][1]);
    return { first, count: area.length / 4 - first };
  });
  return { store, slices: store.layout.slices, forwardCount: forward, area: new Float32Array(area), areas };
}

function attribute(gl: WebGL2RenderingContext, program: WebGLProgram, name: string, size: number, stride: number, offset: number): void {
  const at = gl.getAttribLocation(program, name);
  gl.enableVertexAttribArray(at);
  gl.vertexAttribPointer(at, size, gl.FLOAT, false, stride * 4, offset * 4);
}

/** Buffers sized for every pair of `layout`, empty until PairStore.ensure writes a pair. */
function allocate(gl: WebGL2RenderingContext, programs: Programs, layout: PairLayout): Geometry {
  const fillBuffer = gl.createBuffer();
  const lineBuffer = gl.createBuffer();
  const indexBuffer = gl.createBuffer();
  const fillVao = gl.createVertexArray();
  gl.bindVertexArray(fillVao);
  gl.bindBuffer(gl.ARRAY_BUFFER, fillBuffer);
  gl.bufferData(gl.ARRAY_BUFFER, layout.fillVertices * FILL_STRIDE * 4, gl.STATIC_DRAW);
  attribute(gl, programs.fill, 'a_pos', 4, 4, 0);
  const lineVao = gl.createVertexArray();
  gl.bindVertexArray(lineVao);
  gl.bindBuffer(gl.ARRAY_BUFFER, lineBuffer);
  gl.bufferData(gl.ARRAY_BUFFER, layout.lineVertices * LINE_STRIDE * 4, gl.STATIC_DRAW);
  attribute(gl, programs.line, 'a_start', 4, LINE_STRIDE, 0);
  attribute(gl, programs.line, 'a_end', 4, LINE_STRIDE, 4);
  attribute(gl, programs.line, 'a_run', 2, LINE_STRIDE, 8);
  attribute(gl, programs.line, 'a_corner', 3, LINE_STRIDE, 10);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
  gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, layout.indices * 4, gl.STATIC_DRAW);
  gl.bindVertexArray(null);
  return { fillVao, lineVao, fill: fillBuffer, line: lineBuffer, index: indexBuffer, owned: [fillBuffer, lineBuffer, indexBuffer] };
}

/** The zones' geometry: their lines and fans as upload() does, and the areas' triangles. */
function uploadZones(gl: WebGL2RenderingContext, programs: Programs, data: ReturnType<typeof zoneGeometry>): NonNullable<Buffers['zones']> {
  const geometry = allocate(gl, programs, data.store.layout);
  const areaBuffer = gl.createBuffer();
  const areaVao = gl.createVertexArray();
  gl.bindVertexArray(areaVao);
  gl.bindBuffer(gl.ARRAY_BUFFER, areaBuffer);
  gl.bufferData(gl.ARRAY_BUFFER, data.area, gl.STATIC_DRAW);
  attribute(gl, programs.fill, 'a_pos', 4, 4, 0);
  gl.bindVertexArray(null);
  return {
    ...geometry,
    owned: [...geometry.owned, areaBuffer],
    areaVao,
    band: texture(gl, noMansLandPattern()),
    infiltrated: texture(gl, infiltratedPattern()),
  };
}

/** A repeating pattern texture from straight RGBA pixels. */
function texture(gl: WebGL2RenderingContext, image: { width: number; height: number; data: Uint8Array }): WebGLTexture {
  const pattern = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, pattern);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, image.width, image.height, 0, gl.RGBA, gl.UNSIGNED_BYTE, image.data);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.REPEAT);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.REPEAT);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.bindTexture(gl.TEXTURE_2D, null);
  return pattern;
}

function rgba(hex: string, opacity: number): [number, number, number, number] {
  const c = [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255) * opacity);
  return [c[0], c[1], c[2], opacity];
}

/** Starts compiling the layer's programs in `gl` (see startProgram): call when the map is created. */
export function startFrontPrograms(gl: WebGL2RenderingContext): void {
  startProgram(gl, FILL_VERTEX, FILL_FRAGMENT);
  startProgram(gl, LINE_VERTEX, LINE_FRAGMENT);
}

/**
 * Creates the layer for a pack's pairs. `closure` closes each front round the north (the
 * manifest's northClosure); the layer draws nothing until `show` is first called, and no zone
 * until `showZones` is.
 */
export function createFrontLayer(pairs: Pick<MorphPairs, 'count' | 'pair' | 'capacity'>, closure: readonly Position[], zones?: ZoneGeometry): FrontLayer {
  const store = new PairStore((k) => pairs.pair(k), Array.from({ length: pairs.count }, (_, k) => pairs.capacity(k)), closure);
  const data = { slices: store.layout.slices };
  const zoneData = zones ? zoneGeometry(zones, closure) : undefined;
  let zonesShown: { forward: number; weight: number; opacity: number[] } | undefined;
  let map: MapLibreMap | undefined;
  let gl: WebGL2RenderingContext | undefined;
  let programs: Programs | undefined;
  let buffers: Buffers | undefined;
  let shown: { index: number; weight: number } | undefined;
  /** The swipe's left-hand moment and where the canvas is split (see showSplit). */
  let split: { left: { shown: { index: number; weight: number }; zones: typeof zonesShown }; x: number } | undefined;
  const zonesOf = (forward: number, weight: number, opacity: readonly number[]) => {
    if (!zoneData) return undefined;
    const band = forward >= 0 && forward < zoneData.forwardCount ? forward : -1;
    return { forward: band, weight: band >= 0 ? weight : 0, opacity: zoneData.areas.map((_, k) => Math.min(1, Math.max(0, opacity[k] ?? 0))) };
  };
  const u = new Map<string, WebGLUniformLocation | null>();
  const loc = (program: WebGLProgram, name: string) => {
    const key = `${program === programs?.fill ? 'f' : 'l'}:${name}`;
    if (!u.has(key)) u.set(key, gl!.getUniformLocation(program, name));
    return u.get(key) ?? null;
  };

  const drawLine = (g: WebGL2RenderingContext, slice: Slice, halfWidth: number, color: [number, number, number, number], dashes: boolean) => {
    const p = programs!.line;
    g.uniform1f(loc(p, 'u_half_width'), halfWidth);
    g.uniform4fv(loc(p, 'u_color'), color);
    g.uniform1i(loc(p, 'u_dashes'), dashes ? 1 : 0);
    g.drawElements(g.TRIANGLES, slice.lineCount, g.UNSIGNED_INT, slice.lineOffset * 4);
  };

  return {
    id: FRONT_LAYER_ID,
    type: 'custom',
    renderingMode: '2d',
    onAdd(m, context) {
      map = m;
      gl = context as WebGL2RenderingContext;
      u.clear();
    },
    onRemove(_m, context) {
      const g = context as WebGL2RenderingContext;
      if (buffers) {
        for (const b of [...buffers.owned, ...(buffers.zones?.owned ?? [])]) g.deleteBuffer(b);
        for (const v of [buffers.fillVao, buffers.lineVao, buffers.zones?.fillVao, buffers.zones?.lineVao, buffers.zones?.areaVao]) if (v) g.deleteVertexArray(v);
        for (const t of [buffers.pattern, buffers.zones?.band, buffers.zones?.infiltrated]) if (t) g.deleteTexture(t);
      }
      if (programs) for (const p of Object.values(programs)) g.deleteProgram(p);
      buffers = undefined;
      programs = undefined;
      store.forget();
      zoneData?.store.forget();
      map = undefined;
    },
    show(index, weight) {
      if (index < 0 || index >= data.slices.length) return false;
      if (shown?.index === index && shown.weight === weight) return false;
      shown = { index, weight };
      return true;
    },
    showSplit(left, x) {
      if (!left || left.index < 0 || left.index >= data.slices.length) {
        const had = split !== undefined;
        split = undefined;
        return had;
      }
      const next = { left: { shown: { index: left.index, weight: left.weight }, zones: zonesOf(left.forward, left.forwardWeight, left.opacity) }, x: Math.min(1, Math.max(0, x)) };
      const same = split && JSON.stringify(split) === JSON.stringify(next);
      split = next;
      return !same;
    },
    prepare() {
      return store.prepare() || (zoneData?.store.prepare() ?? false);
    },
    showZones(forward, weight, opacity) {
      const next = zonesOf(forward, weight, opacity);
      if (!next) return false;
      const same = zonesShown && zonesShown.forward === next.forward && zonesShown.weight === next.weight && zonesShown.opacity.every((o, k) => o === next.opacity[k]);
      if (same) return false;
      zonesShown = next;
      return true;
    },
    render(g, options) {
      if (!shown || !map) return;
      // Compiled and uploaded in the first render, not in onAdd: MapLibre restores its cached
      // GL state (bound buffers, vertex arrays, textures) only after a custom layer renders.
      programs ??= { fill: compileProgram(g, FILL_VERTEX, FILL_FRAGMENT), line: compileProgram(g, LINE_VERTEX, LINE_FRAGMENT) };
      buffers ??= { ...allocate(g, programs, store.layout), pattern: texture(g, territoryPattern(PATTERN_SIZE)), zones: zoneData ? uploadZones(g, programs, zoneData) : undefined };
      const matrix = options.defaultProjectionData.mainMatrix as Float32Array | number[];
      const zoom = map.getZoom();
      const ratio = map.getPixelRatio();
      const world = 512 * 2 ** zoom;
      // MapLibre sizes patterns and dashes at the integer zoom of the tiles it draws and lets
      // them grow with the map up to the next one (a fill-pattern, a line-dasharray scaled by
      // the width at that zoom): the same here, so the picture does not change.
      const tileZoom = Math.floor(zoom);
      const center = mercator([map.getCenter().lng, map.getCenter().lat]);
      const patternScale = (512 * 2 ** tileZoom * PATTERN_RATIO) / PATTERN_SIZE;
      // A pattern origin near the view, on a whole pattern repeat: float32 keeps the
      // hatch steady at any zoom, and it stays put in the world while the map pans.
      const origin = center.map((c) => Math.floor(c * patternScale) / patternScale);

      const bufferWidth = g.drawingBufferWidth;
      const bufferHeight = g.drawingBufferHeight;
      g.disable(g.DEPTH_TEST);
      g.enable(g.BLEND);
      g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);

      /** Draws one moment: territory, zones, then the line (within the scissor box if set). */
      const drawMoment = (at: { index: number; weight: number }, atZones: typeof zonesShown) => {
        const slice = data.slices[at.index];
        // The pairs this moment draws, on the GPU before anything is drawn (written now if idle time has not yet).
        store.ensure(g, buffers!, at.index);
        if (zoneData && buffers!.zones && atZones) {
          if (atZones.forward >= 0) zoneData.store.ensure(g, buffers!.zones, atZones.forward);
          atZones.opacity.forEach((o, k) => o > 0 && zoneData.store.ensure(g, buffers!.zones!, zoneData.forwardCount + k));
        }
        g.enable(g.STENCIL_TEST);
        g.stencilMask(0xff);
        g.clearStencil(0);
        g.clear(g.STENCIL_BUFFER_BIT);

        // Territory: the fan inverts bit 1 (even-odd), then paints where it is set, clearing it.
        g.useProgram(programs!.fill);
        g.uniformMatrix4fv(loc(programs!.fill, 'u_matrix'), false, matrix);
        g.uniform1f(loc(programs!.fill, 'u_weight'), at.weight);
        g.uniform2f(loc(programs!.fill, 'u_pattern_origin'), origin[0], origin[1]);
        g.uniform1f(loc(programs!.fill, 'u_pattern_scale'), patternScale);
        g.uniform1f(loc(programs!.fill, 'u_opacity'), 1);
        g.activeTexture(g.TEXTURE0);
        g.bindTexture(g.TEXTURE_2D, buffers!.pattern);
        g.uniform1i(loc(programs!.fill, 'u_pattern'), 0);
        g.bindVertexArray(buffers!.fillVao);
        g.colorMask(false, false, false, false);
        g.stencilFunc(g.ALWAYS, 0, 0x01);
        g.stencilOp(g.KEEP, g.KEEP, g.INVERT);
        g.stencilMask(0x01);
        g.drawArrays(g.TRIANGLE_FAN, slice.fillFirst, slice.fillCount);
        g.colorMask(true, true, true, true);
        g.stencilFunc(g.EQUAL, 1, 0x01);
        g.stencilOp(g.KEEP, g.KEEP, g.ZERO);
        g.drawArrays(g.TRIANGLE_FAN, slice.fillFirst, slice.fillCount);

        const zoneBuffers = buffers!.zones;
        const zs = zoneData && zoneBuffers ? atZones : undefined;
        if (zs && zoneData && zoneBuffers) {
          // The zone patterns repeat at their own size, from the same world origin.
          const zoneScale = (512 * 2 ** tileZoom * PATTERN_RATIO) / ZONE_PATTERN_SIZE;
          const zoneOrigin = center.map((c) => Math.floor(c * zoneScale) / zoneScale);
          g.uniform2f(loc(programs!.fill, 'u_pattern_origin'), zoneOrigin[0], zoneOrigin[1]);
          g.uniform1f(loc(programs!.fill, 'u_pattern_scale'), zoneScale);
          if (zs.forward >= 0) {
            // No-man's land: north of the front XOR north of the forward line (one bit, both fans).
            const band = zoneData.slices[zs.forward];
            const fans = () => {
              g.uniform1f(loc(programs!.fill, 'u_weight'), at.weight);
              g.bindVertexArray(buffers!.fillVao);
              g.drawArrays(g.TRIANGLE_FAN, slice.fillFirst, slice.fillCount);
              g.uniform1f(loc(programs!.fill, 'u_weight'), zs.weight);
              g.bindVertexArray(zoneBuffers.fillVao);
              g.drawArrays(g.TRIANGLE_FAN, band.fillFirst, band.fillCount);
            };
            g.bindTexture(g.TEXTURE_2D, zoneBuffers.band);
            g.colorMask(false, false, false, false);
            g.stencilFunc(g.ALWAYS, 0, 0x01);
            g.stencilOp(g.KEEP, g.KEEP, g.INVERT);
            fans();
            g.colorMask(true, true, true, true);
            g.stencilFunc(g.EQUAL, 1, 0x01);
            g.stencilOp(g.KEEP, g.KEEP, g.ZERO);
            fans();
          }
          // Infiltrated areas: fixed triangles, each at its fade.
          g.disable(g.STENCIL_TEST);
          g.bindTexture(g.TEXTURE_2D, zoneBuffers.infiltrated);
          g.bindVertexArray(zoneBuffers.areaVao);
          zoneData.areas.forEach((a, k) => {
            if (zs.opacity[k] <= 0) return;
            g.uniform1f(loc(programs!.fill, 'u_opacity'), zs.opacity[k]);
            g.drawArrays(g.TRIANGLES, a.first, a.count);
          });
          g.enable(g.STENCIL_TEST);
        }

        // Casing then line, from the same segment quads.
        const line = programs!.line;
        g.useProgram(line);
        g.bindVertexArray(buffers!.lineVao);
        g.uniformMatrix4fv(loc(line, 'u_matrix'), false, matrix);
        g.uniform1f(loc(line, 'u_weight'), at.weight);
        g.uniform2f(loc(line, 'u_viewport'), g.drawingBufferWidth, g.drawingBufferHeight);
        g.uniform1f(loc(line, 'u_world'), world * ratio);
        if (zs && zoneData && zoneBuffers) {
          // Under the front line: the areas' dashed outlines and the forward line's dots.
          g.disable(g.STENCIL_TEST);
          g.bindVertexArray(zoneBuffers.lineVao);
          const edge = OUTLINE_WIDTH * ratio;
          g.uniform4f(loc(line, 'u_dash2'), OUTLINE_DASH[0] * edge, OUTLINE_DASH[1] * edge, 0, 0);
          zoneData.areas.forEach((_, k) => {
            if (zs.opacity[k] <= 0) return;
            drawLine(g, zoneData.slices[zoneData.forwardCount + k], edge / 2, rgba(COLORS.infiltrated, OUTLINE_OPACITY * zs.opacity[k]), true);
          });
          if (zs.forward >= 0) {
            const dot = widthAt(zoom, FORWARD_WIDTH) * ratio;
            g.uniform1f(loc(line, 'u_weight'), zs.weight);
            g.uniform4f(loc(line, 'u_dash3'), 0, FORWARD_DOT_PERIOD * dot, 0, 0);
            drawLine(g, zoneData.slices[zs.forward], dot / 2, rgba(COLORS.front, FORWARD_OPACITY), true);
            g.uniform1f(loc(line, 'u_weight'), at.weight);
          }
          g.bindVertexArray(buffers!.lineVao);
          g.enable(g.STENCIL_TEST);
        }
        const width = widthAt(zoom, FRONT_WIDTH) * ratio;
        const dashUnit = widthAt(tileZoom, FRONT_WIDTH) * ratio * 2 ** (zoom - tileZoom);
        const [d2, g2] = DASHES[2] ?? [1, 0];
        const [d3, g3] = DASHES[3] ?? [1, 0];
        g.uniform4f(loc(line, 'u_dash2'), d2 * dashUnit, (d2 + g2) * dashUnit, 0, 0);
        g.uniform4f(loc(line, 'u_dash3'), d3 * dashUnit, (d3 + g3) * dashUnit, 0, 0);
        g.stencilMask(0xff);
        g.stencilFunc(g.EQUAL, 0, 0xff);
        g.stencilOp(g.KEEP, g.KEEP, g.INCR);
        drawLine(g, slice, (widthAt(zoom, CASING_WIDTH) * ratio) / 2, rgba(COLORS.frontCasing, CASING_OPACITY), false);
        g.disable(g.STENCIL_TEST);
        drawLine(g, slice, width / 2, rgba(COLORS.front, 1), true);
      };

      if (split) {
        // The swipe: A left of the divider, B right of it, each clipped by the scissor box
        // (the stencil clears in drawMoment respect it too, so the halves never mix).
        const x = Math.round(split.x * bufferWidth);
        g.enable(g.SCISSOR_TEST);
        g.scissor(0, 0, x, bufferHeight);
        drawMoment(split.left.shown, split.left.zones);
        g.scissor(x, 0, bufferWidth - x, bufferHeight);
        drawMoment(shown, zonesShown);
      } else {
        drawMoment(shown, zonesShown);
      }
      g.disable(g.SCISSOR_TEST);

      // Leave the stencil as MapLibre expects to find it after a layer: cleared.
      g.enable(g.STENCIL_TEST);
      g.clear(g.STENCIL_BUFFER_BIT);
      g.bindVertexArray(null);
      g.bindTexture(g.TEXTURE_2D, null);
    },
  };
}
