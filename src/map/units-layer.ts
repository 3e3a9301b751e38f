/**
 * Unit symbols as a MapLibre custom layer. Every stop and every move of every unit
 * (lib/forces.ts unitSpans) is one quad uploaded once; a frame sets only the day, and the
 * vertex shader shows the spans of that moment and blends the moving ones' positions. So
 * units move during playback without a GeoJSON update (nothing for MapLibre's worker to
 * re-tile). The symbols are the same bitmaps the symbol layer drew, packed into one texture.
 */
import type { CustomLayerInterface, Map as MapLibreMap } from 'maplibre-gl';
import type { UnitSpan } from '../lib/forces.ts';
import { UNIT_FRAGMENT, UNIT_VERTEX } from './units-shaders.ts';
import { compileProgram, startProgram } from './gl.ts';

/** The layer's id in the style. */
export const UNITS_LAYER_ID = 'units-gpu';

/** Icon scale by zoom, as the style's icon-size was: 0.7 at z5, 1 at z8, 1.2 at z10. */
export function iconScale(zoom: number): number {
  if (zoom <= 5) return 0.7;
  if (zoom <= 8) return 0.7 + ((zoom - 5) / 3) * 0.3;
  return Math.min(1.2, 1 + ((zoom - 8) / 2) * 0.2);
}

/** Floats per vertex: from, to (lon, lat), start, end, kind (0 stop, 1 move), opacity, corner (x, y), atlas rect (x, y, w, h). */
const STRIDE = 14;

/** A custom layer that draws the units of one moment. */
export interface UnitsLayer extends CustomLayerInterface {
  /** Gives the symbols (bitmaps at `ratio` pixels per CSS pixel); units without one are not drawn. */
  setImages(images: readonly [string, ImageData][], ratio: number): void;
  /** Shows the units at fractional day `day`; true if that changes the picture. */
  show(day: number): boolean;
  /**
   * Compare's swipe: the units of day `left` left of `split` (0–1 of the canvas's width), of
   * the shown day right of it; undefined ends the split. True if that changes the picture.
   */
  showSplit(left: number | undefined, split: number): boolean;
}

/** Packs bitmaps in rows into one RGBA image; returns where each went. */
function atlas(images: readonly [string, ImageData][]): { data: Uint8Array; width: number; height: number; rects: Map<string, [number, number, number, number]> } {
  const width = 1024;
  const rects = new Map<string, [number, number, number, number]>();
  const placed = new Map<ImageData, [number, number]>();
  let x = 0;
  let y = 0;
  let row = 0;
  for (const [id, img] of images) {
    let at = placed.get(img);
    if (!at) {
      if (x + img.width > width) {
        x = 0;
        y += row + 1;
        row = 0;
      }
      at = [x, y];
      placed.set(img, at);
      x += img.width + 1;
      row = Math.max(row, img.height);
    }
    rects.set(id, [at[0], at[1], img.width, img.height]);
  }
  const height = Math.max(1, y + row);
  const data = new Uint8Array(width * height * 4);
  for (const [img, [px, py]] of placed) {
    for (let r = 0; r < img.height; r++) data.set(img.data.subarray(r * img.width * 4, (r + 1) * img.width * 4), ((py + r) * width + px) * 4);
  }
  return { data, width, height, rects };
}

/** Starts compiling the layer's program in `gl` (see startProgram): call when the map is created. */
export function startUnitsProgram(gl: WebGL2RenderingContext): void {
  startProgram(gl, UNIT_VERTEX, UNIT_FRAGMENT);
}

/** Creates the layer for a pack's unit spans; it draws nothing until it has images and a day. */
export function createUnitsLayer(spans: readonly UnitSpan[]): UnitsLayer {
  const base = spans.reduce((m, s) => Math.min(m, s.start), Infinity);
  let map: MapLibreMap | undefined;
  let images: readonly [string, ImageData][] = [];
  let ratio = 1;
  let split: { day: number; x: number } | undefined;
  let day: number | undefined;
  let gpu: { program: WebGLProgram; vao: WebGLVertexArrayObject; buffers: WebGLBuffer[]; texture: WebGLTexture; count: number; size: [number, number] } | undefined;

  const upload = (g: WebGL2RenderingContext) => {
    const packed = atlas(images);
    const vertices: number[] = [];
    const index: number[] = [];
    let n = 0;
    for (const s of spans) {
      const rect = packed.rects.get(s.unit);
      if (!rect) continue;
      for (const [cx, cy] of [[-1, -1], [1, -1], [-1, 1], [1, 1]]) {
        // Days from `base`: float32 keeps them to a fraction of a second (not ~40 s, as whole
        // day numbers around −7,300 would be).
        vertices.push(s.from[0], s.from[1], s.to[0], s.to[1], s.start - base, s.end - base, s.moving ? 1 : 0, s.opacity, cx, cy, ...rect);
      }
      index.push(n, n + 1, n + 2, n + 1, n + 3, n + 2);
      n += 4;
    }
    const program = compileProgram(g, UNIT_VERTEX, UNIT_FRAGMENT);
    const vao = g.createVertexArray();
    const vbo = g.createBuffer();
    const ibo = g.createBuffer();
    g.bindVertexArray(vao);
    g.bindBuffer(g.ARRAY_BUFFER, vbo);
    g.bufferData(g.ARRAY_BUFFER, new Float32Array(vertices), g.STATIC_DRAW);
    for (const [name, size, offset] of [['a_from_to', 4, 0], ['a_time', 4, 4], ['a_corner', 2, 8], ['a_rect', 4, 10]] as const) {
      const at = g.getAttribLocation(program, name);
      g.enableVertexAttribArray(at);
      g.vertexAttribPointer(at, size, g.FLOAT, false, STRIDE * 4, offset * 4);
    }
    g.bindBuffer(g.ELEMENT_ARRAY_BUFFER, ibo);
    g.bufferData(g.ELEMENT_ARRAY_BUFFER, new Uint32Array(index), g.STATIC_DRAW);
    g.bindVertexArray(null);
    const texture = g.createTexture();
    g.bindTexture(g.TEXTURE_2D, texture);
    g.texImage2D(g.TEXTURE_2D, 0, g.RGBA, packed.width, packed.height, 0, g.RGBA, g.UNSIGNED_BYTE, packed.data);
    g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_S, g.CLAMP_TO_EDGE);
    g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_T, g.CLAMP_TO_EDGE);
    g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MIN_FILTER, g.LINEAR);
    g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MAG_FILTER, g.LINEAR);
    g.bindTexture(g.TEXTURE_2D, null);
    gpu = { program, vao, buffers: [vbo, ibo], texture, count: index.length, size: [packed.width, packed.height] };
  };

  const release = (g: WebGL2RenderingContext) => {
    if (!gpu) return;
    for (const b of gpu.buffers) g.deleteBuffer(b);
    g.deleteVertexArray(gpu.vao);
    g.deleteTexture(gpu.texture);
    g.deleteProgram(gpu.program);
    gpu = undefined;
  };

  let context: WebGL2RenderingContext | undefined;
  return {
    id: UNITS_LAYER_ID,
    type: 'custom',
    renderingMode: '2d',
    onAdd(m, gl) {
      map = m;
      context = gl as WebGL2RenderingContext;
    },
    onRemove(_m, gl) {
      release(gl as WebGL2RenderingContext);
      map = undefined;
    },
    setImages(next, pixelRatio) {
      images = next;
      ratio = pixelRatio;
      // Uploaded again in the next render (see render).
      if (context && gpu) release(context);
      map?.triggerRepaint();
    },
    show(next) {
      if (next === day) return false;
      day = next;
      return true;
    },
    showSplit(left, x) {
      const next = left === undefined ? undefined : { day: left, x: Math.min(1, Math.max(0, x)) };
      if (next?.day === split?.day && next?.x === split?.x) return false;
      split = next;
      return true;
    },
    render(g, options) {
      if (day === undefined || !map || images.length === 0) return;
      // Uploaded in a render, not in onAdd or setImages: MapLibre restores its cached GL state
      // only after a custom layer renders.
      if (!gpu) upload(g);
      if (!gpu || gpu.count === 0) return;
      const loc = (name: string) => g.getUniformLocation(gpu!.program, name);
      g.useProgram(gpu.program);
      g.uniformMatrix4fv(loc('u_matrix'), false, options.defaultProjectionData.mainMatrix as Float32Array);
      g.uniform1f(loc('u_day'), day - base);
      g.uniform2f(loc('u_viewport'), g.drawingBufferWidth, g.drawingBufferHeight);
      // Symbol bitmaps are `ratio` pixels per CSS pixel, scaled with the zoom like icon-size.
      g.uniform1f(loc('u_scale'), (iconScale(map.getZoom()) * map.getPixelRatio()) / ratio);
      g.uniform2f(loc('u_atlas'), gpu.size[0], gpu.size[1]);
      g.activeTexture(g.TEXTURE0);
      g.bindTexture(g.TEXTURE_2D, gpu.texture);
      g.uniform1i(loc('u_image'), 0);
      g.disable(g.DEPTH_TEST);
      g.disable(g.STENCIL_TEST);
      g.enable(g.BLEND);
      g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
      g.bindVertexArray(gpu.vao);
      if (split) {
        // Compare's swipe: the units of day A left of the divider, of the shown day right of it.
        const x = Math.round(split.x * g.drawingBufferWidth);
        g.enable(g.SCISSOR_TEST);
        g.scissor(0, 0, x, g.drawingBufferHeight);
        g.uniform1f(loc('u_day'), split.day - base);
        g.drawElements(g.TRIANGLES, gpu.count, g.UNSIGNED_INT, 0);
        g.scissor(x, 0, g.drawingBufferWidth - x, g.drawingBufferHeight);
        g.uniform1f(loc('u_day'), day - base);
      }
      g.drawElements(g.TRIANGLES, gpu.count, g.UNSIGNED_INT, 0);
      g.disable(g.SCISSOR_TEST);
      g.bindVertexArray(null);
      g.bindTexture(g.TEXTURE_2D, null);
    },
  };
}
