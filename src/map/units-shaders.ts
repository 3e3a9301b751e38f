/**
 * GLSL for the units layer (units-layer.ts): a quad per stop or move of a unit, shown when
 * u_day falls in it, its position blended along a move.
 */
import { PROJECT } from './front-shaders.ts';

export const UNIT_VERTEX = `#version 300 es
${PROJECT}
uniform float u_day;
uniform vec2 u_viewport;
uniform float u_scale;
uniform vec2 u_atlas;
in vec4 a_from_to;
in vec4 a_time;
in vec2 a_corner;
in vec4 a_rect;
out vec2 v_uv;
out float v_opacity;
void main() {
  float start = a_time.x;
  float end = a_time.y;
  bool moving = a_time.z > 0.5;
  // As unitsAt (and spanAt): every span is (start, end], the end-of-day convention's periods.
  bool shown = u_day > start && u_day <= end;
  if (!shown) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  float w = moving ? (u_day - start) / (end - start) : 0.0;
  vec4 p = project(mercator(mix(a_from_to.xy, a_from_to.zw, w)));
  vec2 screen = p.xy / p.w * 0.5 * u_viewport + vec2(a_corner.x, -a_corner.y) * a_rect.zw * 0.5 * u_scale;
  v_uv = (a_rect.xy + (a_corner * 0.5 + 0.5) * a_rect.zw) / u_atlas;
  v_opacity = a_time.w;
  gl_Position = vec4(screen / (0.5 * u_viewport), 0.0, 1.0);
}`;

export const UNIT_FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D u_image;
in vec2 v_uv;
in float v_opacity;
out vec4 fragColor;
void main() {
  vec4 c = texture(u_image, v_uv);
  fragColor = vec4(c.rgb * c.a, c.a) * v_opacity;
}`;
