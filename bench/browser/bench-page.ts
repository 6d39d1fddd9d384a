// The browser bench page (run_browser_bench.mjs drives it through
// playwright): one viewer (viewer/src/viewer.ts, Three.js) fed by one
// RenderClient (viewer/src/render-client.ts) whose worker keeps the WASM
// engine warm, as the widget's in-viewer customizer will use them. Exposes
// `window.bench` for the driver:
//   init()                      viewer, client, long-task observer
//   coldRenders(model, n)       engine times with the geometry cache off
//   parameterChanges(model, changes)
//                               request -> frame drawn latency per change,
//                               main-thread long tasks meanwhile
//   kernel(names, minSeconds)   our kernel vs npm manifold-3d (kernel-worker.ts)
import '../../viewer/src/styles.css';
import { RenderClient, type RenderOutcome } from '../../viewer/src/render-client';
import type { EngineRenderOptions, WorkerMesh } from '../../viewer/src/render-protocol';
import { TraitModel } from '../../viewer/src/page-model';
import { Viewer } from '../../viewer/src/viewer';
import { rendererName } from '../../viewer/src/gl-renderer';
import { VIEW_OPTIONS, decodedFromWorker } from '../../viewer/src/worker-renderer';

// What the driver renders: SCAD text, or a file in the engine's file system
// (the examples package mounts OpenSCAD's examples at /examples).
export interface BenchModel {
  name: string;
  source: string;
  file?: string;
}

export interface Change {
  defines: Record<string, number>;
}

interface LongTask {
  start: number;
  duration: number;
}

// The worker's mesh (triangles with a part id each) as the viewer's wire
// traits (viewer/README.md): triangles grouped by part (a counting sort,
// linear), a count per palette entry, uint16 indices when they fit.
function meshTraits(mesh: WorkerMesh): Record<string, unknown> {
  const triangles = mesh.partIds.length;
  const parts = Math.max(1, mesh.palette.length / 4);
  const counts = new Uint32Array(parts);
  for (let t = 0; t < triangles; t++) counts[Math.min(mesh.partIds[t], parts - 1)]++;
  const start = new Uint32Array(parts);
  for (let p = 1; p < parts; p++) start[p] = start[p - 1] + counts[p - 1];
  const narrow = mesh.positions.length / 3 <= 0xffff;
  const indices = narrow ? new Uint16Array(3 * triangles) : new Uint32Array(3 * triangles);
  for (let t = 0; t < triangles; t++) {
    const at = 3 * start[Math.min(mesh.partIds[t], parts - 1)]++;
    indices[at] = mesh.indices[3 * t];
    indices[at + 1] = mesh.indices[3 * t + 1];
    indices[at + 2] = mesh.indices[3 * t + 2];
  }
  return {
    positions: mesh.positions, indices, index_bytes: narrow ? 2 : 4,
    part_counts: counts, palette: mesh.palette.length ? mesh.palette : null,
  };
}

const EMPTY_TRAITS = { positions: null, indices: null, index_bytes: 4, part_counts: null, palette: null };
const nextFrame = () => new Promise<number>((ok) => requestAnimationFrame(() => ok(performance.now())));
// Resolves in the first task after the current one: after an animation
// frame callback, once the browser has painted and committed that frame
// (with software WebGL that includes reading the canvas back).
const nextTask = () => new Promise<number>((ok) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => ok(performance.now());
  channel.port2.postMessage(null);
});
// The time a drawn canvas is on its way to the screen: the next animation
// frame has run and its paint and commit are done.
const framePresented = async () => { await nextFrame(); return nextTask(); };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

let model: TraitModel;
// As the widget's in-viewer edits (worker-renderer.ts): the engine prepares
// the mesh as the viewer draws it (triangles by part, edges overlay,
// closedness) in the worker, and the viewer draws it at once. Off
// (--prepare-on-page): the mesh goes through the viewer's traits and the
// page's main thread does that work (the bench's path before session 7).
let prepareInWorker = true;
let viewer: Viewer;
let client: RenderClient;
const longTasks: LongTask[] = [];

function errorsOf(outcome: RenderOutcome): string[] {
  if (outcome.status !== 'done') return [`${outcome.status}: ${outcome.error ?? ''}`];
  return outcome.result!.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
}

function request(m: BenchModel, extra: EngineRenderOptions = {}): Promise<RenderOutcome> {
  return client.render(m.source, { ...(m.file ? { file: m.file } : { name: `${m.name}.scad` }),
                                  ...(prepareInWorker ? VIEW_OPTIONS : {}), ...extra });
}

// Hands a result to the viewer; resolves when its frame was drawn (the
// viewer rebuilds and draws in a microtask) with the draw's time.
async function show(outcome: RenderOutcome): Promise<number> {
  const before = viewer.frames;
  if (prepareInWorker) viewer.showWorkerMesh(outcome.result ? decodedFromWorker(outcome.result.mesh, outcome.result.view) : null);
  else model.setMany(outcome.result ? meshTraits(outcome.result.mesh) : EMPTY_TRAITS);
  await Promise.resolve();
  while (viewer.frames === before) await nextFrame(); // never taken: the rebuild draws at once
  return viewer.lastDrawnAt - performance.timeOrigin;
}

function tasksIn(from: number, to: number): LongTask[] {
  return longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
}

const bench = {
  async init(engine: { workerUrl: string; moduleUrl: string; packages: string[] }, antialias?: boolean, cullBackFaces = true,
             inWorker = true): Promise<{ loadMs: number; isolated: boolean; gl: string; antialias: boolean }> {
    prepareInWorker = inWorker;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    model = new TraitModel();
    model.setMany({ ...EMPTY_TRAITS, error: null, loading: false });
    viewer = new Viewer(model, document.getElementById('host')!, { antialias, cullBackFaces });
    client = new RenderClient(engine);
    const t0 = performance.now();
    const first = await client.render('cube(1);');
    if (first.status !== 'done') throw new Error(`engine did not start: ${first.error}`);
    return { loadMs: performance.now() - t0, isolated: globalThis.crossOriginIsolated === true,
             gl: rendererName(viewer.renderer.getContext()), antialias: viewer.antialiased };
  },

  // Engine time (its own stats.totalSeconds, and the worker's clock around
  // render()) of `n` renders after one warm-up, each starting with an empty
  // geometry cache (emptied by a tiny render with budget 0, then the model
  // with the usual 64 MB), as the native bench renders on a fresh Engine.
  async coldRenders(m: BenchModel, n: number) {
    const engineSeconds: number[] = [];
    const workerMs: number[] = [];
    let errors: string[] = [];
    let triangles = 0;
    for (let r = 0; r <= n; r++) {
      await client.render('', { geometryCacheBytes: 0, mesh: false });
      const outcome = await request(m, { geometryCacheBytes: 64 << 20 });
      errors = errorsOf(outcome);
      if (outcome.status !== 'done') break;
      triangles = outcome.result!.triangles;
      if (r > 0) {
        engineSeconds.push(outcome.result!.stats.totalSeconds);
        workerMs.push(outcome.engineMs ?? NaN);
      }
    }
    return { engineSeconds: median(engineSeconds), workerMs: median(workerMs), runs: engineSeconds.length, errors, triangles };
  },

  // The default render, drawn and the camera fitted to it (the cache holds the last cold render's parts); then each change as a new
  // request once the previous frame was drawn, as a slider the user moves
  // one step at a time. Per change: request -> result in the page, ->
  // frame drawn, -> the next animation frame (the drawn frame on screen).
  async parameterChanges(m: BenchModel, changes: Change[]) {
    const from = performance.now();
    const base = await request(m);
    await show(base);
    // As when the model is opened in its own viewer: the camera fitted to
    // its default render (the page's one viewer only fits its first mesh).
    viewer.action('fit');
    await framePresented();
    const rows: Array<{ resultMs: number; drawnMs: number; frameMs: number; engineMs: number; hits: number; status: string;
                        at: number; uploadMs: number; culled: boolean; frames: number }> = [];
    const workerSpans: Array<[number, number]> = [];
    let errors = errorsOf(base);
    for (const change of changes) {
      const t0 = performance.now();
      const outcome = await request(m, { defines: change.defines });
      const tResult = performance.now();
      workerSpans.push([t0, tResult]);
      const framesBefore = viewer.frames;
      const tDrawn = await show(outcome);
      const tFrame = await framePresented();
      const frames = viewer.frames - framesBefore;
      if (errorsOf(outcome).length) errors = errorsOf(outcome);
      rows.push({ resultMs: tResult - t0, drawnMs: tDrawn - t0, frameMs: tFrame - t0, engineMs: outcome.engineMs ?? NaN,
                  hits: Number(outcome.result?.stats.geometryCacheHits ?? 0), status: outcome.status,
                  at: t0 - from, uploadMs: viewer.lastUploadMs ?? NaN, culled: viewer.backFacesCulled, frames });
    }
    await new Promise((ok) => setTimeout(ok, 60)); // the observer reports late
    const to = performance.now();
    const tasks = tasksIn(from, to);
    // A task that starts within 2 ms of the result is the one delivering it
    // (the mesh conversion and upload run in it): not "during the render".
    const duringWorker = tasks.filter((t) => workerSpans.some(([a, b]) => t.start + t.duration >= a && t.start < b - 2));
    return {
      rows, errors, triangles: base.result?.triangles ?? 0,
      longTaskTimes: tasks.map((t) => [t.start - from, t.duration]),
      // Tasks that overlapped a render in the worker, and the others (the
      // viewer's mesh upload, draw, paint and commit of the new frame).
      longTasksDuringWorker: duringWorker.map((t) => t.duration),
      longTasksOther: tasks.filter((t) => !duringWorker.includes(t)).map((t) => t.duration),
    };
  },

  // Our kernel and npm manifold-3d on the kernel stress models, in one
  // worker of this page (kernel-worker.ts), alternating run by run.
  async kernel(kernelUrl: string, manifoldUrl: string, workerUrl: string, minSeconds: number, only: string[] | null) {
    const worker = new Worker(workerUrl, { type: 'module' });
    const from = performance.now();
    const result = await new Promise((ok, fail) => {
      worker.onmessage = (e) => (e.data?.error ? fail(new Error(e.data.error)) : ok(e.data));
      worker.onerror = (e) => fail(new Error(e.message));
      worker.postMessage({ kernelUrl, manifoldUrl, minSeconds, only });
    });
    worker.terminate();
    await new Promise((ok) => setTimeout(ok, 60));
    return { result, longTasks: tasksIn(from, performance.now()).map((t) => t.duration) };
  },

  // The engine's recursion limit reached through the worker (the stack depth check).
  async render(source: string, options: EngineRenderOptions = {}) {
    const outcome = await client.render(source, options);
    return { status: outcome.status, error: outcome.error, errors: errorsOf(outcome), echo: outcome.result?.echo };
  },
};

(window as unknown as { bench: typeof bench; benchReady: boolean }).bench = bench;
(window as unknown as { benchReady: boolean }).benchReady = true;
