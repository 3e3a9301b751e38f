/**
 * The content baseline's play mode (`bench/content.html?play`), the content baseline of figure
 * (b): does bare MapLibre, with no app code, pay the same extra for "playback" over forced
 * repaints as the app? The map is the content baseline's (the opening view as plain style
 * layers), at the app page's map size, with what the app's playback changes beside it, and the
 * hooks `npm run bench:playback` drives the app with:
 *
 * - a native range input `#date-slider` under the map and a date line above it ("Date: …"),
 *   and the date over the map's corner (as the app's big date): both texts are a date with its
 *   time of day, new every frame at Fast;
 * - the map changed by the cheapest per-frame means, as the app's GPU layers
 *   (src/map/front-layer.ts: keyframes uploaded once, a uniform per frame): a custom layer draws
 *   the PVA/KPA territory, triangulated once, as a translucent tint (under the sea mask), moved
 *   south by a uniform as the date advances — nothing sent to MapLibre's worker;
 * - `button.play` plays at the app's Fast speed (3 days a second), every animation frame
 *   advancing the date, setting the range's value, both texts and the map's `data-drawn-day`
 *   (as the app's map element), and the layer's uniform, then `triggerRepaint`;
 * - the map element (`.map`) carries `benchRepaint` (a forced repaint, the baseline), `benchMap`
 *   and `benchDrawnDay` (the date shown, read by the bench whether the DOM changes or not).
 *
 * Variants that isolate the two halves: `&dom=static` — playback changes the map only (the
 * range, the texts and the map element's attributes keep the date playback started from);
 * `&map=static` — playback changes the DOM only, the map repaints every frame unchanged (as
 * forced repaints); both — playback changes nothing, a control. A slider input always moves both
 * (it is where each window starts).
 */
import earcut from 'earcut';
import type { CustomLayerInterface, Map as MapLibreMap } from 'maplibre-gl';
import { MercatorCoordinate } from 'maplibre-gl';

/** Days of campaign time per second at Fast (src/lib/params.ts SPEEDS.fast). */
const FAST = 3;
/** The slider's range: 31 Dec 1950 (day 0) to 31 Jan 1951. */
const LAST_DAY = 31;
/** How far south the tint moves a day, in Mercator units (about 5 km at this latitude). */
const SHIFT_PER_DAY = 0.00015;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Day `day` (0 = 31 Dec 1950, 00:00) as the app writes a moment: "2 January 1951, evening (18:40)". */
export function formatDay(day: number): string {
  const at = new Date(Date.UTC(1950, 11, 31) + day * 86_400_000);
  const minutes = at.getUTCHours() * 60 + at.getUTCMinutes();
  const part = minutes < 360 ? 'night' : minutes < 720 ? 'morning' : minutes < 1080 ? 'afternoon' : 'evening';
  const hhmm = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${part} (${hhmm})`;
}

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform float u_shift;
in vec2 a_pos;
void main() { gl_Position = u_matrix * vec4(a_pos.x, a_pos.y + u_shift, 0.0, 1.0); }`;
const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec4 u_color;
out vec4 color;
void main() { color = u_color; }`;

/** A custom layer drawing `polygon` as a tint moved south by `day` (a uniform). */
function tintLayer(polygon: GeoJSON.Polygon): CustomLayerInterface & { day: number } {
  const flat = polygon.coordinates.flatMap((ring) => ring.flatMap(([lon, lat]) => {
    const m = MercatorCoordinate.fromLngLat({ lng: lon, lat });
    return [m.x, m.y];
  }));
  const holes: number[] = [];
  let n = 0;
  for (const ring of polygon.coordinates.slice(0, -1)) holes.push((n += ring.length));
  const triangles = earcut(flat, holes, 2);
  let gl: { program: WebGLProgram; vao: WebGLVertexArrayObject; matrix: WebGLUniformLocation | null; shift: WebGLUniformLocation | null; color: WebGLUniformLocation | null } | undefined;
  return {
    id: 'bench-tint',
    type: 'custom',
    renderingMode: '2d',
    day: 0,
    render(g, options) {
      if (!gl) {
        const shader = (type: number, source: string) => {
          const s = g.createShader(type)!;
          g.shaderSource(s, source);
          g.compileShader(s);
          return s;
        };
        const program = g.createProgram()!;
        g.attachShader(program, shader(g.VERTEX_SHADER, VERTEX));
        g.attachShader(program, shader(g.FRAGMENT_SHADER, FRAGMENT));
        g.linkProgram(program);
        if (!g.getProgramParameter(program, g.LINK_STATUS)) throw new Error(`bench tint: ${g.getProgramInfoLog(program)}`);
        const gl2 = g as WebGL2RenderingContext;
        const vao = gl2.createVertexArray()!;
        gl2.bindVertexArray(vao);
        const vertices = g.createBuffer();
        g.bindBuffer(g.ARRAY_BUFFER, vertices);
        g.bufferData(g.ARRAY_BUFFER, new Float32Array(triangles.flatMap((i) => [flat[2 * i], flat[2 * i + 1]])), g.STATIC_DRAW);
        const at = g.getAttribLocation(program, 'a_pos');
        g.enableVertexAttribArray(at);
        g.vertexAttribPointer(at, 2, g.FLOAT, false, 0, 0);
        gl2.bindVertexArray(null);
        gl = { program, vao, matrix: g.getUniformLocation(program, 'u_matrix'), shift: g.getUniformLocation(program, 'u_shift'), color: g.getUniformLocation(program, 'u_color') };
      }
      const gl2 = g as WebGL2RenderingContext;
      g.useProgram(gl.program);
      g.uniformMatrix4fv(gl.matrix, false, options.defaultProjectionData.mainMatrix as Float32Array);
      g.uniform1f(gl.shift, this.day * SHIFT_PER_DAY);
      // Premultiplied: the PVA/KPA red at a quarter.
      g.uniform4f(gl.color, 0.2, 0.03, 0.03, 0.25);
      // MapLibre's depth test for this layer's place is left on: the sea mask above it (drawn
      // opaque, in the pass before) hides the tint at sea, as the app's territory.
      g.enable(g.BLEND);
      g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
      gl2.bindVertexArray(gl.vao);
      g.drawArrays(g.TRIANGLES, 0, triangles.length);
      gl2.bindVertexArray(null);
    },
  };
}

/** Builds the play mode's page around the map's element (before the map is created). */
export function playPage(mapElement: HTMLElement) {
  const query = new URLSearchParams(location.search);
  const domChanges = query.get('dom') !== 'static';
  const mapChanges = query.get('map') !== 'static';
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);
  document.body.classList.add('play');
  const stage = el('div', { className: 'stage' });
  mapElement.classList.add('map');
  mapElement.replaceWith(stage);
  const bigDate = el('p', { className: 'big-date' });
  stage.append(mapElement, bigDate);
  const dateLine = el('p', { className: 'date-line' });
  const lineText = el('span');
  dateLine.append(el('b', { textContent: 'Date: ' }), lineText);
  const slider = el('input', { type: 'range', id: 'date-slider', min: '0', max: String(LAST_DAY), step: 'any', value: '0' });
  slider.setAttribute('aria-label', 'Date');
  const button = el('button', { type: 'button', className: 'play', textContent: 'Play' });
  stage.after(dateLine, slider, button);

  return {
    start(map: MapLibreMap, territory: GeoJSON.FeatureCollection): void {
      const tint = tintLayer(territory.features[0].geometry as GeoJSON.Polygon);
      map.addLayer(tint, 'mask');
      const host = mapElement as HTMLElement & { benchRepaint?: () => void; benchMap?: MapLibreMap; benchDrawnDay?: number };
      host.benchRepaint = () => map.triggerRepaint();
      host.benchMap = map;
      let day = 0;
      /** Shows `day`: the DOM if `dom`, the map if `moveMap` (else it only repaints). */
      const show = (dom: boolean, moveMap: boolean) => {
        if (dom) {
          const text = formatDay(day);
          slider.value = String(day);
          bigDate.textContent = text;
          lineText.textContent = `${text} – The New Year's Offensive`;
          mapElement.dataset.drawnDay = String(day);
        }
        if (moveMap) tint.day = day;
        host.benchDrawnDay = day;
        map.triggerRepaint();
      };
      show(true, true);
      slider.addEventListener('input', () => {
        day = Number(slider.value);
        show(true, true);
      });
      let frame = 0;
      button.addEventListener('click', () => {
        if (frame) {
          cancelAnimationFrame(frame);
          frame = 0;
          return;
        }
        let last = performance.now();
        frame = requestAnimationFrame(function tick(now) {
          day = Math.min(LAST_DAY, day + (Math.max(0, now - last) / 1000) * FAST);
          last = now;
          show(domChanges, mapChanges);
          frame = day < LAST_DAY ? requestAnimationFrame(tick) : 0;
        });
      });
    },
  };
}
