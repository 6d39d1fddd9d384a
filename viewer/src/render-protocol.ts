// Messages between a RenderClient (render-client.ts, page side) and its
// render worker (render-worker.ts). Mesh arrays travel as transferred
// buffers, in the viewer's wire format (wire-format.ts): positions float32
// xyz, indices uint32, partIds uint32 per triangle, palette RGBA8 per part.

export interface EngineDiagnostic {
  severity: 'echo' | 'warning' | 'deprecated' | 'error' | 'trace';
  message: string;
  file: string;
  line: number;
  column: number;
  text: string; // as the CLI prints it
}

export interface WorkerMesh {
  positions: Float32Array;
  indices: Uint32Array;
  partIds: Uint32Array;
  palette: Uint8Array;
}

// The mesh as the viewer draws it, prepared by the engine in the worker
// (render option viewEdgeCos; bindings/wasm/wasm_view_mesh.h): triangles
// grouped by part, and feature-edges.ts meshTopology's edges and closedness.
export interface ViewMesh {
  indices: Uint32Array;
  partCounts: Uint32Array;
  edges: Float32Array;
  closed: boolean;
  edgeCos: number; // the viewEdgeCos it was made with (set by the worker)
}

// What render() of the WASM engine returns (bindings/wasm/wasm_result.h),
// with the mesh copied out of the engine's heap.
export interface EngineResult {
  ok: boolean;
  parsed: boolean;
  cancelled: boolean;
  echo: string;
  diagnostics: EngineDiagnostic[];
  stats: Record<string, unknown> & { totalSeconds: number };
  kind: '3d' | '2d' | 'empty';
  volume: number;
  area: number;
  bbox: { min: number[]; max: number[] };
  triangles: number;
  vertices: number;
  mesh: WorkerMesh;
  view?: ViewMesh; // with viewEdgeCos, for a non-empty mesh
}

// Options of the engine's render() (bindings/wasm/wasm_request.h) that can
// cross a postMessage; the cancel flag is the worker's own.
export interface EngineRenderOptions {
  file?: string;
  name?: string;
  defines?: Record<string, string | number | boolean>;
  libraryPaths?: string[];
  mesh?: boolean;
  preview?: boolean;
  csg?: boolean;
  timeoutSeconds?: number;
  maxRecursionDepth?: number;
  maxLoopIterations?: number;
  maxVertices?: number;
  maxMemoryBytes?: number;
  geometryCacheBytes?: number;
  // Also return `view` (ViewMesh), its edges at this cosine of the angle.
  viewEdgeCos?: number;
  // Files the render reads (absolute path -> text, or bytes for data files),
  // written into the engine's in-memory file system before it runs: the
  // main file (`file`), what it includes/uses, and what its import(),
  // surface() ... read (`mos serve`). Files of an earlier render that are
  // not listed again are removed.
  files?: Record<string, string | Uint8Array>;
}

// What parameters() of the WASM engine returns (bindings/wasm/
// wasm_parameters.h): the customizer parameters of a main file, in the
// JSON format of `mos -o x.param` (customizer-panel.ts reads it); ok is
// false when a syntax error stopped the parse.
export interface EngineParameters {
  ok: boolean;
  parameters: unknown[];
  diagnostics: EngineDiagnostic[];
}

export type ToWorker =
  | {
      type: 'init';
      moduleUrl: string; // mos_wasm.mjs; its .wasm and mos_data.mjs lie next to it
      // Data packages (URLs or their bytes), installed before the first render.
      packages: Array<string | ArrayBuffer>;
      cancelBuffer: SharedArrayBuffer | null; // Int32Array[0] != 0: stop the render
      geometryCacheBytes?: number;
      // Where the module is a blob URL (the widget: the engine comes from
      // Python, engine-assets.ts): the .wasm bytes and mos_data.mjs's URL.
      wasmBinary?: ArrayBuffer;
      dataModuleUrl?: string;
    }
  // A data package added after init (fonts before the first text()),
  // installed before the renders that follow it.
  | { type: 'install'; package: string | ArrayBuffer }
  | { type: 'render'; id: number; source: string; options: EngineRenderOptions }
  // The customizer parameters of `source` (the widget's panel without the
  // native extension in Python); answered in order with the renders.
  | { type: 'parameters'; id: number; source: string; name?: string };

export type FromWorker =
  | { type: 'ready'; loadMs: number }
  | { type: 'started'; id: number }
  | { type: 'result'; id: number; result: EngineResult; engineMs: number }
  | { type: 'parameters'; id: number; result: EngineParameters }
  // fatal: the engine instance is unusable (load failure, abort); the
  // client replaces the worker.
  | { type: 'failed'; id: number | null; message: string; fatal: boolean };
