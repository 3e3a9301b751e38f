/**
 * WebGL helpers shared by the custom layers (front-layer.ts, units-layer.ts).
 */

/** Compiles and links a program; throws with the driver's log if linking fails. */
export function compileProgram(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
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
  // Checked after linking only: asking per shader would wait for each compile in turn.
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`custom layer: ${gl.getProgramInfoLog(program)}`);
  return program;
}
