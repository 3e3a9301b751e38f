/**
 * GLSL for the front layer (front-layer.ts). Every position is a blend of two Mercator
 * positions by u_weight, so a frame of playback changes one uniform, not a buffer.
 */

/**
 * Projects [lon, lat]: Web Mercator units (the world 0..1, as MercatorCoordinate.fromLngLat),
 * then clip space (mainMatrix). Vertices are blended in degrees first, as frontAt does.
 */
export const PROJECT = `
uniform mat4 u_matrix;
const float PI_ = 3.141592653589793;
vec2 mercator(vec2 lonLat) {
  float lat = clamp(lonLat.y, -85.051129, 85.051129);
  return vec2((180.0 + lonLat.x) / 360.0, (180.0 - (180.0 / PI_) * log(tan(PI_ / 4.0 + lat * PI_ / 360.0))) / 360.0);
}
vec4 project(vec2 merc) { return u_matrix * vec4(merc, 0.0, 1.0); }
`;

const BLEND = `${PROJECT}
uniform float u_weight;
vec2 blend(vec4 fromTo) { return mercator(mix(fromTo.xy, fromTo.zw, u_weight)); }
`;

/**
 * The territory: drawn twice with the same triangle fan (stencil, then cover; see
 * front-layer.ts). Pattern coordinates follow the world, so the hatch moves with the map
 * when it pans, as a fill-pattern does. The same program fills no-man's land (two fans, one
 * stencil) and the infiltrated areas (triangles, faded by u_opacity).
 */
export const FILL_VERTEX = `#version 300 es
${BLEND}
uniform vec2 u_pattern_origin;
uniform float u_pattern_scale;
in vec4 a_pos;
out vec2 v_pattern;
void main() {
  vec2 merc = blend(a_pos);
  v_pattern = (merc - u_pattern_origin) * u_pattern_scale;
  gl_Position = project(merc);
}`;

export const FILL_FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D u_pattern;
uniform float u_opacity;
in vec2 v_pattern;
out vec4 fragColor;
void main() {
  vec4 c = texture(u_pattern, v_pattern);
  fragColor = vec4(c.rgb * c.a, c.a) * u_opacity;
}`;

/**
 * The line: one quad per segment, extruded in screen pixels around the blended segment, as
 * wide as the line plus a pixel for antialiasing and as long as the segment plus a round cap
 * at each end (overlapping caps make round joins).
 */
export const LINE_VERTEX = `#version 300 es
${BLEND}
uniform vec2 u_viewport;
uniform float u_world;
uniform float u_half_width;
in vec4 a_start;
in vec4 a_end;
in vec2 a_run;
in vec3 a_corner;
out vec2 v_local;
out float v_length;
out float v_run;
flat out int v_certainty;
void main() {
  vec4 p0 = project(blend(a_start));
  vec4 p1 = project(blend(a_end));
  vec2 s0 = p0.xy / p0.w * 0.5 * u_viewport;
  vec2 s1 = p1.xy / p1.w * 0.5 * u_viewport;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float r = u_half_width + 1.0;
  float along = a_corner.x > 0.5 ? len + r : -r;
  vec2 screen = s0 + dir * along + nrm * a_corner.y * r;
  v_local = vec2(along, a_corner.y * r);
  v_length = len;
  v_run = mix(a_run.x, a_run.y, u_weight) * u_world;
  v_certainty = int(a_corner.z + 0.5);
  gl_Position = vec4(screen / (0.5 * u_viewport), 0.0, 1.0);
}`;

/**
 * Coverage of a round-capped segment, cut into dashes by certainty in line widths, as the
 * style's DASHES: 2 dashed [3, 2] with butt ends, 3 dotted [0.8, 1.6] with round ends.
 * u_dashes 0 draws every segment solid (the casing).
 */
export const LINE_FRAGMENT = `#version 300 es
precision highp float;
uniform float u_half_width;
uniform vec4 u_color;
uniform int u_dashes;
uniform vec4 u_dash2;
uniform vec4 u_dash3;
in vec2 v_local;
in float v_length;
in float v_run;
flat in int v_certainty;
out vec4 fragColor;
// Signed distance (px) along the line to the dash [0, dash] of a pattern of period 'period'.
float dashDistance(float s, float dash, float period) {
  float m = mod(s, period);
  return m <= dash ? -min(m, dash - m) : min(m - dash, period - m);
}
void main() {
  float t = v_local.x;
  float outside = t < 0.0 ? -t : max(t - v_length, 0.0);
  float across = abs(v_local.y);
  float coverage = clamp(u_half_width - length(vec2(outside, across)) + 0.5, 0.0, 1.0);
  if (u_dashes == 1 && v_certainty == 2) {
    coverage *= clamp(0.5 - dashDistance(v_run + t, u_dash2.x, u_dash2.y), 0.0, 1.0);
  } else if (u_dashes == 1 && v_certainty == 3) {
    float gap = max(dashDistance(v_run + t, u_dash3.x, u_dash3.y), 0.0);
    coverage = min(coverage, clamp(u_half_width - length(vec2(gap, across)) + 0.5, 0.0, 1.0));
  }
  if (coverage <= 0.0) discard;
  fragColor = u_color * coverage;
}`;
