// Creates the viewer's WebGLRenderer with an antialias policy: multisampling
// on a GPU, off on a software rasterizer (Chromium's SwiftShader, Mesa's
// llvmpipe, ...). There every pixel of every sample is shaded on the CPU:
// in headless Chromium (bench/browser/README.md, PROFILE) a 640x480 frame of
// 7k triangles costs the GPU process ~87 ms of CPU with 4x MSAA and ~36 ms
// without, and the page's main thread waits for it when the canvas is read
// back for the (software) compositor. A context's antialias attribute is
// fixed at creation, so the first viewer of a page asks the renderer string
// of its own context and, on software GL, starts again on a fresh canvas;
// later viewers use the answer.
import * as THREE from 'three';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;
let softwareGL: boolean | null = null; // per page, once known

// The unmasked renderer string when the browser gives it, else the masked one.
export function rendererName(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof name === 'string' ? name : '';
}

export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE_GL.test(name);
}

function make(canvas: HTMLCanvasElement, antialias: boolean): THREE.WebGLRenderer {
  return new THREE.WebGLRenderer({ canvas, antialias, alpha: false });
}

// Returns the renderer and the canvas it draws on (a replacement of `canvas`
// in the DOM when the first try was dropped). `antialias` forces the choice.
export function createRenderer(canvas: HTMLCanvasElement, antialias?: boolean): THREE.WebGLRenderer {
  if (antialias !== undefined) return make(canvas, antialias);
  if (softwareGL !== null) return make(canvas, !softwareGL);
  const first = make(canvas, true);
  softwareGL = isSoftwareRenderer(rendererName(first.getContext()));
  if (!softwareGL) return first;
  first.dispose();
  first.forceContextLoss();
  const fresh = canvas.cloneNode(false) as HTMLCanvasElement;
  canvas.replaceWith(fresh);
  return make(fresh, false);
}
