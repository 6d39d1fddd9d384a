// The render worker: a module Web Worker that loads the WASM engine once,
// installs its data packages (fonts, MCAD, examples) and keeps the engine
// and its geometry cache warm across renders. One render at a time; a
// render polls the SharedArrayBuffer cancel flag the client may hand over.
// Protocol: render-protocol.ts. Bundled on its own (esbuild) and started by
// RenderClient with `new Worker(url, { type: 'module' })`.
import type { EngineParameters, EngineRenderOptions, EngineResult, FromWorker, ToWorker, WorkerMesh } from './render-protocol';

interface EngineFS {
  mkdirTree(path: string): void;
  writeFile(path: string, data: string | Uint8Array): void;
  unlink(path: string): void;
}

interface EngineModule {
  FS: EngineFS;
  parameters(source: string, options: Record<string, unknown>): EngineParameters;
  render(source: string, options: Record<string, unknown>): EngineResult;
  releaseResult(): void;
  clearGeometryCache(): void;
  setGeometryCacheBudget(bytes: number): void;
}
type EngineFactory = (overrides: Record<string, unknown>) => Promise<EngineModule>;
type InstallDataPackage = (mos: EngineModule, source: string | ArrayBuffer) => Promise<string[]>;

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  close(): void;
};

let engine: Promise<EngineModule> | null = null;
let install: InstallDataPackage | null = null;
let cancelFlag: Int32Array | null = null;
let broken = false;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function load(init: Extract<ToWorker, { type: 'init' }>): Promise<EngineModule> {
  const started = performance.now();
  const moduleUrl = new URL(init.moduleUrl, self.location.href).href;
  const factory = (await import(/* webpackIgnore: true */ moduleUrl)).default as EngineFactory;
  const dataUrl = init.dataModuleUrl ?? new URL('mos_data.mjs', moduleUrl).href;
  const data = await import(/* webpackIgnore: true */ dataUrl);
  install = data.installDataPackage as InstallDataPackage;
  const overrides: Record<string, unknown> = {
    // A blob: module (the widget) has no folder: its files come as bytes.
    locateFile: (file: string) => (moduleUrl.startsWith('blob:') ? file : new URL(file, moduleUrl).href),
    print: () => {},
    printErr: () => {},
  };
  if (init.wasmBinary) overrides.wasmBinary = init.wasmBinary;
  const mos = await factory(overrides);
  // Fonts must be in place before the first text(): the engine lists them once.
  await Promise.all(init.packages.map((p) => installPackage(mos, p)));
  if (init.geometryCacheBytes !== undefined) mos.setGeometryCacheBudget(init.geometryCacheBytes);
  post({ type: 'ready', loadMs: performance.now() - started });
  return mos;
}

function installPackage(mos: EngineModule, p: string | ArrayBuffer): Promise<string[]> {
  return install!(mos, typeof p === 'string' ? new URL(p, self.location.href).href : p);
}

// The files of the last render that brought some (options.files).
let written = new Map<string, string | Uint8Array>();

function sameData(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function writeFiles(mos: EngineModule, files: Record<string, string | Uint8Array>): void {
  for (const path of written.keys()) {
    if (path in files) continue;
    try { mos.FS.unlink(path); } catch { /* already gone */ }
  }
  // The geometry cache knows an imported file by its path and modification
  // time in seconds: a data file rewritten within the same second (an edit
  // on disk, reloaded at once) would hit the old geometry. Any changed data
  // file clears the cache instead.
  let dataChanged = false;
  const next = new Map<string, string | Uint8Array>();
  for (const [path, data] of Object.entries(files)) {
    next.set(path, data);
    if (sameData(written.get(path), data)) continue;
    if (written.has(path) && typeof data !== 'string') dataChanged = true;
    const slash = path.lastIndexOf('/');
    if (slash > 0) mos.FS.mkdirTree(path.slice(0, slash));
    mos.FS.writeFile(path, data);
  }
  written = next;
  if (dataChanged) mos.clearGeometryCache();
}

// Copies out of the engine's heap (its views go stale at the next render)
// into buffers that can be transferred.
function ownMesh(mesh: WorkerMesh): WorkerMesh {
  return {
    positions: mesh.positions.slice(),
    indices: mesh.indices.slice(),
    partIds: mesh.partIds.slice(),
    palette: mesh.palette.slice(),
  };
}

async function render(id: number, source: string, options: EngineRenderOptions): Promise<void> {
  if (!engine || broken) {
    post({ type: 'failed', id, message: 'engine not loaded', fatal: true });
    return;
  }
  let mos: EngineModule;
  try {
    mos = await engine;
  } catch (err) {
    post({ type: 'failed', id, message: `engine failed to load: ${String(err)}`, fatal: true });
    return;
  }
  post({ type: 'started', id });
  const started = performance.now();
  try {
    const { files, ...engineOptions } = options;
    if (files) {
      try {
        writeFiles(mos, files);
      } catch (err) {
        post({ type: 'failed', id, message: `cannot write the model's files: ${String(err)}`, fatal: false });
        return;
      }
    }
    const raw = mos.render(source, { ...engineOptions, cancelFlag: cancelFlag ?? undefined });
    const mesh = ownMesh(raw.mesh);
    mos.releaseResult();
    const result: EngineResult = { ...raw, mesh };
    const transfer: Transferable[] = [mesh.positions.buffer, mesh.indices.buffer, mesh.partIds.buffer, mesh.palette.buffer];
    // The viewer's arrays (own buffers already: wasm_view_mesh.h).
    if (raw.view) {
      result.view = { ...raw.view, edgeCos: engineOptions.viewEdgeCos! };
      transfer.push(raw.view.indices.buffer, raw.view.partCounts.buffer, raw.view.edges.buffer);
    }
    post({ type: 'result', id, result, engineMs: performance.now() - started }, transfer);
  } catch (err) {
    // An abort (out of memory, a trap) or a JS stack overflow thrown through
    // the engine's frames (no C++ unwinding) leaves the instance unusable.
    broken = true;
    let message = err instanceof Error ? err.message : String(err);
    // A browser worker's native stack is small, and a cold engine's frames
    // are big: deep OpenSCAD recursion can exhaust it before the engine's
    // own recursion limit.
    if (err instanceof RangeError && /call stack/i.test(message)) {
      message = `recursion too deep for the worker's stack (${message}); the engine was restarted`;
    }
    post({ type: 'failed', id, message, fatal: true });
  }
}

// The customizer parameters of a source: a parse, no render. A failure
// (the engine did not load) answers an empty list; the client's render
// path reports the engine's state.
async function parameters(id: number, source: string, name: string | undefined): Promise<void> {
  let result: EngineParameters = { ok: false, parameters: [], diagnostics: [] };
  try {
    if (engine && !broken) {
      const mos = await engine;
      result = mos.parameters(source, name ? { name } : {});
    }
  } catch { /* keep the empty answer */ }
  post({ type: 'parameters', id, result });
}

// Renders run one after another in arrival order (the client sends at most
// one at a time).
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    cancelFlag = message.cancelBuffer ? new Int32Array(message.cancelBuffer) : null;
    engine = load(message);
    engine.catch((err) => {
      broken = true;
      post({ type: 'failed', id: null, message: `engine failed to load: ${String(err)}`, fatal: true });
    });
  } else if (message.type === 'install') {
    queue = queue.then(async () => {
      try {
        if (engine) await installPackage(await engine, message.package);
      } catch (err) {
        post({ type: 'failed', id: null, message: `data package: ${String(err)}`, fatal: false });
      }
    });
  } else if (message.type === 'render') {
    queue = queue.then(() => render(message.id, message.source, message.options));
  } else if (message.type === 'parameters') {
    queue = queue.then(() => parameters(message.id, message.source, message.name));
  }
};
