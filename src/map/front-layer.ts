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
 * Line: a quad per segment with round caps computed per pixel (their overlap makes round
 * joins), dashes by certainty from the distance along the run; the casing is drawn first with
 * the stencil so each pixel is painted once, keeping its opacity where caps overlap.
 */
import type { CustomLayerInterface, Map as MapLibreMap } from 'maplibre-gl';
import type { Position } from 'geojson';
import { mercator, type MorphPair } from '../lib/morph-pairs.ts';
import { COLORS, DASHES, territoryPattern } from './colors.ts';
import { FILL_FRAGMENT, FILL_VERTEX, LINE_FRAGMENT, LINE_VERTEX } from './front-shaders.ts';
import { compileProgram } from './gl.ts';

/** The layer's id in the style. */
export const FRONT_LAYER_ID = 'front-gpu';

/** Line widths (CSS px) at zoom 5 and 9, linear between and clamped outside (as the GeoJSON style had). */
const FRONT_WIDTH: [number, number] = [2.5, 4.5];
const CASING_WIDTH: [number, number] = [5, 8];
const CASING_OPACITY = 0.85;
/** Pattern texels per CSS pixel (territoryPattern is drawn at pixel ratio 2). */
const PATTERN_RATIO = 2;
const PATTERN_SIZE = 10;
/** Floats per line vertex: start (from, to), end (from, to), run distance (from, to), corner (along, side, certainty). */
const LINE_STRIDE = 13;

/** A custom layer that draws one blend of one pair per frame. */
export interface FrontLayer extends CustomLayerInterface {
  /** Shows pair `index` at blend `weight`; true if that changes the picture. */
  show(index: number, weight: number): boolean;
}

interface Programs {
  fill: WebGLProgram;
  line: WebGLProgram;
}

interface Buffers {
  fillVao: WebGLVertexArrayObject;
  lineVao: WebGLVertexArrayObject;
  owned: WebGLBuffer[];
  pattern: WebGLTexture;
}

/** Where each pair's vertices sit in the shared buffers. */
interface Slice {
  fillFirst: number;
  fillCount: number;
  lineOffset: number;
  lineCount: number;
}

/** Vertices of every pair: the fill ring (a fan) and the line's segment quads. */
export function layerVertices(pairs: readonly MorphPair[], closure: readonly Position[]) {
  const ring = closure.map((c): [number, number] => [c[0], c[1]]);
  const fill: number[] = [];
  const line: number[] = [];
  const index: number[] = [];
  const slices: Slice[] = [];
  let vertex = 0;
  for (const p of pairs) {
    const slice: Slice = { fillFirst: fill.length / 4, fillCount: 0, lineOffset: index.length, lineCount: 0 };
    // Fan from a closure point at sea; the ring runs along the front and back round the north.
    for (const [f, t] of [...ring.map((c) => [c, c]), ...p.from.map((f, i) => [f, p.to[i]])]) fill.push(f[0], f[1], t[0], t[1]);
    fill.push(ring[0][0], ring[0][1], ring[0][0], ring[0][1]);
    slice.fillCount = fill.length / 4 - slice.fillFirst;
    for (let i = 0; i + 1 < p.from.length; i++) {
      for (const [along, side] of [[0, -1], [0, 1], [1, -1], [1, 1]]) {
        line.push(...p.from[i], ...p.to[i], ...p.from[i + 1], ...p.to[i + 1], p.runFrom[i], p.runTo[i], along, side, p.certainty[i]);
      }
      index.push(vertex, vertex + 1, vertex + 2, vertex + 1, vertex + 3, vertex + 2);
      vertex += 4;
    }
    slice.lineCount = index.length - slice.lineOffset;
    slices.push(slice);
  }
  return { fill: new Float32Array(fill), line: new Float32Array(line), index: new Uint32Array(index), slices };
}

function attribute(gl: WebGL2RenderingContext, program: WebGLProgram, name: string, size: number, stride: number, offset: number): void {
  const at = gl.getAttribLocation(program, name);
  gl.enableVertexAttribArray(at);
  gl.vertexAttribPointer(at, size, gl.FLOAT, false, stride * 4, offset * 4);
}

function upload(gl: WebGL2RenderingContext, programs: Programs, data: ReturnType<typeof layerVertices>): Buffers {
  const fillBuffer = gl.createBuffer();
  const lineBuffer = gl.createBuffer();
  const indexBuffer = gl.createBuffer();
  const fillVao = gl.createVertexArray();
  gl.bindVertexArray(fillVao);
  gl.bindBuffer(gl.ARRAY_BUFFER, fillBuffer);
  gl.bufferData(gl.ARRAY_BUFFER, data.fill, gl.STATIC_DRAW);
  attribute(gl, programs.fill, 'a_pos', 4, 4, 0);
  const lineVao = gl.createVertexArray();
  gl.bindVertexArray(lineVao);
  gl.bindBuffer(gl.ARRAY_BUFFER, lineBuffer);
  gl.bufferData(gl.ARRAY_BUFFER, data.line, gl.STATIC_DRAW);
  attribute(gl, programs.line, 'a_start', 4, LINE_STRIDE, 0);
  attribute(gl, programs.line, 'a_end', 4, LINE_STRIDE, 4);
  attribute(gl, programs.line, 'a_run', 2, LINE_STRIDE, 8);
  attribute(gl, programs.line, 'a_corner', 3, LINE_STRIDE, 10);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
  gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, data.index, gl.STATIC_DRAW);
  gl.bindVertexArray(null);

  const pattern = gl.createTexture();
  const image = territoryPattern(PATTERN_SIZE);
  gl.bindTexture(gl.TEXTURE_2D, pattern);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, image.width, image.height, 0, gl.RGBA, gl.UNSIGNED_BYTE, image.data);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.REPEAT);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.REPEAT);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.bindTexture(gl.TEXTURE_2D, null);
  return { fillVao, lineVao, owned: [fillBuffer, lineBuffer, indexBuffer], pattern };
}

/** A width that follows the zoom from z5 to z9 like the style's `interpolate` did. */
function widthAt(zoom: number, [at5, at9]: [number, number]): number {
  const t = Math.min(1, Math.max(0, (zoom - 5) / 4));
  return at5 + (at9 - at5) * t;
}

function rgba(hex: string, opacity: number): [number, number, number, number] {
  const c = [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255) * opacity);
  return [c[0], c[1], c[2], opacity];
}

/**
 * Creates the layer for a pack's pairs. `closure` closes each front round the north (the
 * manifest's northClosure); the layer draws nothing until `show` is first called.
 */
export function createFrontLayer(pairs: readonly MorphPair[], closure: readonly Position[]): FrontLayer {
  const data = layerVertices(pairs, closure);
  let map: MapLibreMap | undefined;
  let gl: WebGL2RenderingContext | undefined;
  let programs: Programs | undefined;
  let buffers: Buffers | undefined;
  let shown: { index: number; weight: number } | undefined;
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
        for (const b of buffers.owned) g.deleteBuffer(b);
        g.deleteVertexArray(buffers.fillVao);
        g.deleteVertexArray(buffers.lineVao);
        g.deleteTexture(buffers.pattern);
      }
      if (programs) for (const p of Object.values(programs)) g.deleteProgram(p);
      buffers = undefined;
      programs = undefined;
      map = undefined;
    },
    show(index, weight) {
      if (index < 0 || index >= data.slices.length) return false;
      if (shown?.index === index && shown.weight === weight) return false;
      shown = { index, weight };
      return true;
    },
    render(g, options) {
      if (!shown || !map) return;
      // Compiled and uploaded in the first render, not in onAdd: MapLibre restores its cached
      // GL state (bound buffers, vertex arrays, textures) only after a custom layer renders.
      programs ??= { fill: compileProgram(g, FILL_VERTEX, FILL_FRAGMENT), line: compileProgram(g, LINE_VERTEX, LINE_FRAGMENT) };
      buffers ??= upload(g, programs, data);
      const slice = data.slices[shown.index];
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

      g.disable(g.DEPTH_TEST);
      g.disable(g.SCISSOR_TEST);
      g.enable(g.BLEND);
      g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
      g.enable(g.STENCIL_TEST);
      g.stencilMask(0xff);
      g.clearStencil(0);
      g.clear(g.STENCIL_BUFFER_BIT);

      // Territory: the fan inverts bit 1 (even-odd), then paints where it is set, clearing it.
      g.useProgram(programs.fill);
      g.uniformMatrix4fv(loc(programs.fill, 'u_matrix'), false, matrix);
      g.uniform1f(loc(programs.fill, 'u_weight'), shown.weight);
      g.uniform2f(loc(programs.fill, 'u_pattern_origin'), origin[0], origin[1]);
      g.uniform1f(loc(programs.fill, 'u_pattern_scale'), patternScale);
      g.activeTexture(g.TEXTURE0);
      g.bindTexture(g.TEXTURE_2D, buffers.pattern);
      g.uniform1i(loc(programs.fill, 'u_pattern'), 0);
      g.bindVertexArray(buffers.fillVao);
      g.colorMask(false, false, false, false);
      g.stencilFunc(g.ALWAYS, 0, 0x01);
      g.stencilOp(g.KEEP, g.KEEP, g.INVERT);
      g.stencilMask(0x01);
      g.drawArrays(g.TRIANGLE_FAN, slice.fillFirst, slice.fillCount);
      g.colorMask(true, true, true, true);
      g.stencilFunc(g.EQUAL, 1, 0x01);
      g.stencilOp(g.KEEP, g.KEEP, g.ZERO);
      g.drawArrays(g.TRIANGLE_FAN, slice.fillFirst, slice.fillCount);

      // Casing then line, from the same segment quads.
      const line = programs.line;
      g.useProgram(line);
      g.bindVertexArray(buffers.lineVao);
      g.uniformMatrix4fv(loc(line, 'u_matrix'), false, matrix);
      g.uniform1f(loc(line, 'u_weight'), shown.weight);
      g.uniform2f(loc(line, 'u_viewport'), g.drawingBufferWidth, g.drawingBufferHeight);
      g.uniform1f(loc(line, 'u_world'), world * ratio);
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

      // Leave the stencil as MapLibre expects to find it after a layer: cleared.
      g.enable(g.STENCIL_TEST);
      g.clear(g.STENCIL_BUFFER_BIT);
      g.bindVertexArray(null);
      g.bindTexture(g.TEXTURE_2D, null);
    },
  };
}
