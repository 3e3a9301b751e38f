/**
 * WebGL helpers shared by the custom layers (front-layer.ts, units-layer.ts).
 */

/** Programs whose compiling was started early (startProgram), by context, then by their sources. */
const started = new WeakMap<WebGL2RenderingContext, Map<string, WebGLProgram>>();

/** Creates, compiles and links a program, asking nothing back (asking would wait for the GPU). */
function link(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [[gl.VERTEX_SHADER, vertex], [gl.FRAGMENT_SHADER, fragment]] as const) {
    const shader = gl.createShader(type);
    if (!shader) throw new Error('custom layer: cannot create a shader');
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
    gl.deleteShader(shader);
  }
  gl.linkProgram(program);
  return program;
}

/**
 * Starts compiling a program that compileProgram will be asked for later. The GPU process
 * compiles while the page goes on (loading the style and the data), so the layer's first
 * frame finds it linked instead of waiting for it: under software WebGL a link costs
 * 30–180 ms of the main thread, all of it a long task (issue 14 f).
 */
export function startProgram(gl: WebGL2RenderingContext, vertex: string, fragment: string): void {
  if (gl.isContextLost()) return;
  const programs = started.get(gl) ?? new Map<string, WebGLProgram>();
  started.set(gl, programs);
  const key = `${vertex}\0${fragment}`;
  if (!programs.has(key)) programs.set(key, link(gl, vertex, fragment));
}

/** Compiles and links a program (or takes the one startProgram began); throws with the driver's log if linking fails. */
export function compileProgram(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const key = `${vertex}\0${fragment}`;
  const early = started.get(gl)?.get(key);
  started.get(gl)?.delete(key);
  // Checked after linking only: asking per shader would wait for each compile in turn. An early
  // program from a context lost since then does not link: compile it again.
  if (early && gl.getProgramParameter(early, gl.LINK_STATUS)) return early;
  if (early) gl.deleteProgram(early);
  const program = link(gl, vertex, fragment);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`custom layer: ${gl.getProgramInfoLog(program)}`);
  return program;
}
