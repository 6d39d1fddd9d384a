// The widget's side of the params protocol (python/marimo_openscad/viewer.py,
// viewer/README.md "Renderers and the params protocol") and its WASM render
// worker (render-client.ts; the engine comes from Python, engine-assets.ts).
//
// Everything shown carries a key [rev, sub], and the viewer never replaces
// what it shows by something with a smaller key:
//  - a mesh or error from Python: [render_info.rev, 0];
//  - a worker render of Python's state `state_rev` R ("worker"): [R, 0];
//  - a worker render of an in-viewer edit (applyParamsFromViewer): drawn
//    at once with [the state_rev seen then, a counter], unless a change
//    made on the Python side arrived after the edit began (Python wins);
//    then written to Python as `viewer_edit`. Python answers with a new
//    state_rev R and render_by "edit": the drawn result becomes [R, 0] and
//    nobody renders it again.
// A result older than its key's state is dropped; with "latest wins" in
// the render client, a burst of edits renders only the newest.
//
// Where Python has no native engine (`mesh_from_viewer`: a Pyodide kernel),
// it cannot render `viewer.mesh` itself, so each worker result drawn goes to
// it as a custom message {type: "mesh", edit | rev, ...measures} with the
// mesh buffers: an edit's before its `viewer_edit` (marimo delivers a custom
// message before the state update of the same batch, and in order across
// batches), so a cell re-run by the edit reads its solid; a result of
// Python's state R, then `drawn_rev` = R (a state update: cells reading the
// widget run again). With the native engine Python renders on read instead,
// and nothing more crosses the wire.
import { RenderClient, type RenderOutcome } from './render-client';
import type { EngineParameters, EngineRenderOptions, EngineResult, ViewMesh, WorkerMesh } from './render-protocol';
import { EDGE_ANGLE_DEG, edgeAngleCos } from './feature-edges';
import { engineCore, enginePart, packagesFor, type EnginePart } from './engine-assets';
import { definesOf } from './scad-values';
import type { ScadErrorInfo, WidgetModel } from './widget-model';
import type { DecodedMesh } from './wire-format';
// The render worker, bundled as text by viewer/build.mjs and started from a blob.
import workerSource from 'worker-source:render-worker';

export type Key = [number, number];

export function compareKeys(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1];
}

// What the worker produced for one state: a mesh (null: empty) or an error
// shown over the mesh on screen.
export interface WorkerFrame {
  mesh: DecodedMesh | null;
  error: ScadErrorInfo | null;
  engineMs: number;
}

export interface Presenter {
  // Shows `frame` unless something with a greater key is on screen; a frame
  // already on screen only takes the new key. Returns whether it shows it.
  presentWorker(key: Key, frame: WorkerFrame): boolean;
  setWorkerBusy(busy: boolean): void;
}

export type EditStatus = 'drawn' | 'error' | 'superseded' | 'native';

export interface EditOutcome {
  status: EditStatus; // drawn: the worker's mesh is on screen; error: its error;
  // superseded: a newer edit or a Python-side change won; native: handed to
  // Python to render (renderer "native", or the worker failed under "auto")
  edit: number;
  engineMs?: number;
  message?: string;
}

interface Edit {
  id: number;
  params: Record<string, unknown>;
  base: number; // state_rev when the edit began (its model, $t, preview)
  frame: WorkerFrame | null;
}

const DEFAULT_TIMEOUT_S = 30;
let workerUrl: string | null = null;

function workerBlobUrl(): string {
  workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  return workerUrl;
}

// The worker's mesh (a part id per triangle) as the viewer's wire format
// (triangles grouped by part, a count per palette entry): a counting sort,
// unless the engine did it in the worker (`view`, asked for with
// VIEW_OPTIONS), which also gives the edges overlay and closedness.
export function decodedFromWorker(mesh: WorkerMesh, view?: ViewMesh): DecodedMesh | null {
  if (mesh.positions.length === 0) return null;
  const triangles = mesh.partIds.length;
  const parts = Math.max(1, mesh.palette.length / 4);
  const palette = mesh.palette.length ? mesh.palette : new Uint8Array([249, 215, 44, 255]);
  if (view && view.indices.length === 3 * triangles && view.partCounts.length === parts) {
    const topology = view.edgeCos === edgeAngleCos(EDGE_ANGLE_DEG)
      ? { angleDeg: EDGE_ANGLE_DEG, edges: view.edges, closed: view.closed } : undefined;
    return { positions: mesh.positions, indices: view.indices, palette, partCounts: view.partCounts, topology };
  }
  const partCounts = new Uint32Array(parts);
  for (let t = 0; t < triangles; t++) partCounts[Math.min(mesh.partIds[t], parts - 1)]++;
  const start = new Uint32Array(parts);
  for (let p = 1; p < parts; p++) start[p] = start[p - 1] + partCounts[p - 1];
  const indices = new Uint32Array(3 * triangles);
  for (let t = 0; t < triangles; t++) {
    const at = 3 * start[Math.min(mesh.partIds[t], parts - 1)]++;
    indices[at] = mesh.indices[3 * t];
    indices[at + 1] = mesh.indices[3 * t + 1];
    indices[at + 2] = mesh.indices[3 * t + 2];
  }
  return { positions: mesh.positions, indices, palette, partCounts };
}

// Render options that make the worker's engine prepare the mesh as the
// viewer draws it (decodedFromWorker), off the page's main thread.
export const VIEW_OPTIONS = { viewEdgeCos: edgeAngleCos(EDGE_ANGLE_DEG) } as const;

// A typed array's bytes in an ArrayBuffer of their own (what anywidget sends).
function copyBytes(a: ArrayBufferView): ArrayBuffer {
  const out = new ArrayBuffer(a.byteLength);
  new Uint8Array(out).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return out;
}

export function errorOfResult(result: EngineResult, source: string, name: string): ScadErrorInfo | null {
  if (result.ok) return null;
  const first = result.diagnostics.find((d) => d.severity === 'error');
  if (!first) return { message: 'render failed' };
  const info: ScadErrorInfo = { message: first.message };
  if (first.line > 0) info.line = first.line;
  if (first.column > 0) info.column = first.column;
  if (first.file) info.file = first.file;
  const main = !first.file || first.file === name || first.file.endsWith(`/${name || '<none>'}`);
  if (main) info.source = source;
  return info;
}

export class WorkerRenderer {
  private client: RenderClient | null = null;
  private clientReady: Promise<RenderClient> | null = null;
  private readonly installed = new Set<EnginePart>();
  private authRev = 0; // state_rev last seen from Python
  private lastForeignRev = 0; // the last state_rev that was not the answer to our own edit
  private subSeq = 0;
  private latestEdit: Edit | null = null;
  private drawnEdit: Edit | null = null;
  private readonly edits = new Map<number, Edit>();
  private busy = 0;
  private disposed = false;
  // One microtask later: a host may set the traits of one update one by one
  // (marimo does), and render_by / params_edit must be read with state_rev.
  private readonly onState = (): void => queueMicrotask(() => { if (!this.disposed) this.onAuth(); });
  // Counters for tests and bench/.
  readonly counters = { edits: 0, editsDrawn: 0, authRenders: 0, sentToPython: 0, dropped: 0, meshesSent: 0 };
  // performance.now() when the engine arrived and when the first frame was shown.
  readonly timings: { createdAt: number; engineReadyAt?: number; firstFrameAt?: number } = { createdAt: performance.now() };

  constructor(private readonly model: WidgetModel, private readonly presenter: Presenter) {
    model.on('change:state_rev', this.onState);
    this.authRev = this.rev();
    this.lastForeignRev = this.authRev;
    if (this.mode() === 'wasm' && this.model.get('render_by') === 'worker') void this.renderAuth(this.authRev);
  }

  mode(): string {
    const m = this.model.get('renderer');
    return typeof m === 'string' ? m : 'native';
  }

  private rev(): number {
    const r = this.model.get('state_rev');
    return typeof r === 'number' ? r : 0;
  }

  private timeoutMs(): number {
    const t = this.model.get('request_timeout');
    return 1000 * (typeof t === 'number' && t > 0 ? t : DEFAULT_TIMEOUT_S);
  }

  // Loads the engine (from Python, once per page) and starts this viewer's
  // worker, so the first edit does not wait for them.
  prepare(): Promise<RenderClient> {
    if (this.clientReady) return this.clientReady;
    const ready = engineCore(this.model, this.timeoutMs()).then((core) => {
      if (this.disposed) throw new Error('viewer closed');
      this.timings.engineReadyAt ??= performance.now();
      const url = workerBlobUrl();
      this.client = new RenderClient({
        workerUrl: url,
        moduleUrl: core.moduleUrl,
        wasmBinary: core.wasmBinary,
        dataModuleUrl: core.dataModuleUrl,
        createWorker: () => new Worker(url, { type: 'module' }),
      });
      this.client.warm();
      return this.client;
    });
    this.clientReady = ready;
    ready.catch(() => { if (this.clientReady === ready) this.clientReady = null; });
    return ready;
  }

  private async ensurePackages(client: RenderClient, source: string): Promise<void> {
    for (const part of packagesFor(source)) {
      if (this.installed.has(part)) continue;
      const [bytes] = await enginePart(this.model, part, this.timeoutMs());
      if (!this.installed.has(part)) {
        this.installed.add(part);
        client.addPackage(bytes);
      }
    }
  }

  private options(params: Record<string, unknown>): EngineRenderOptions {
    const defines: Record<string, string> = definesOf(params);
    const steps = this.model.get('anim_steps');
    const t = this.model.get('t');
    if (typeof steps === 'number' && steps > 0 && !('$t' in defines) && typeof t === 'number') defines.$t = String(t);
    const name = this.model.get('scad_name');
    const timeout = this.model.get('render_timeout');
    const options: EngineRenderOptions = { defines, preview: Boolean(this.model.get('preview')), ...VIEW_OPTIONS };
    if (typeof name === 'string' && name) options.name = name;
    if (typeof timeout === 'number' && timeout > 0) options.timeoutSeconds = timeout;
    return options;
  }

  // Renders `params` with the current source in the worker.
  private async render(params: Record<string, unknown>): Promise<{ outcome: RenderOutcome; source: string; name: string }> {
    const source = String(this.model.get('scad_source') ?? '');
    const name = String(this.model.get('scad_name') ?? '');
    const options = this.options(params);
    this.setBusy(+1);
    try {
      const client = await this.prepare();
      await this.ensurePackages(client, source);
      return { outcome: await client.render(source, options), source, name };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { outcome: { id: 0, status: 'failed', error: message, totalMs: 0 }, source, name };
    } finally {
      this.setBusy(-1);
    }
  }

  private setBusy(delta: number): void {
    this.busy += delta;
    if (!this.disposed) this.presenter.setWorkerBusy(this.busy > 0);
  }

  // A frame for a finished render; null when it was superseded or stopped
  // for a newer one (nothing to show).
  private frameOf(outcome: RenderOutcome, source: string, name: string): WorkerFrame | null {
    if (outcome.status === 'failed') {
      return { mesh: null, error: { message: `WASM render failed: ${outcome.error ?? 'unknown error'}` }, engineMs: 0 };
    }
    if (outcome.status !== 'done' || !outcome.result) return null;
    const error = errorOfResult(outcome.result, source, name);
    return { mesh: error ? null : decodedFromWorker(outcome.result.mesh, outcome.result.view), error, engineMs: outcome.engineMs ?? 0 };
  }

  // The in-viewer edit: renders `values` (merged into the current params)
  // in the worker at once, draws the result, then writes it to Python.
  async applyParamsFromViewer(values: Record<string, unknown>): Promise<EditOutcome> {
    const current = this.model.get('params');
    const params = { ...(current && typeof current === 'object' ? current as Record<string, unknown> : {}), ...values };
    const edit: Edit = { id: this.newEditId(), params, base: this.authRev, frame: null };
    this.counters.edits++;
    this.edits.set(edit.id, edit);
    while (this.edits.size > 16) this.edits.delete(this.edits.keys().next().value as number);
    if (this.mode() === 'native') {
      this.sendEdit(edit, true);
      return { status: 'native', edit: edit.id };
    }
    this.latestEdit = edit;
    const { outcome, source, name } = await this.render(params);
    if (this.disposed) return { status: 'superseded', edit: edit.id };
    const superseded = edit !== this.latestEdit || this.lastForeignRev > edit.base;
    const frame = superseded ? null : this.frameOf(outcome, source, name);
    if (!frame) {
      this.counters.dropped++;
      return { status: 'superseded', edit: edit.id };
    }
    if (frame.error && this.mode() === 'auto') {
      // The native engine has the last word under "auto" (a deeper stack,
      // the files next to the model): Python renders these params.
      this.sendEdit(edit, true);
      return { status: 'native', edit: edit.id, message: frame.error.message };
    }
    edit.frame = frame;
    this.present([this.authRev, ++this.subSeq], frame);
    this.drawnEdit = edit;
    this.counters.editsDrawn++;
    this.sendMesh({ edit: edit.id }, outcome, frame);
    this.sendEdit(edit, false);
    return { status: frame.error ? 'error' : 'drawn', edit: edit.id, engineMs: frame.engineMs, message: frame.error?.message };
  }

  // Whether `id` names an edit of this view (Python's params_edit).
  isOwnEdit(id: number): boolean {
    return this.edits.has(id);
  }

  // The customizer parameters of `source`, parsed by the engine in the
  // worker (the panel's list where Python has no native parser); null when
  // the engine or its worker was not there to answer.
  async parameters(source: string, name: string): Promise<EngineParameters | null> {
    try {
      const client = await this.prepare();
      await this.ensurePackages(client, source);
      if (this.disposed) return null;
      return await client.parameters(source, name || undefined);
    } catch {
      return null;
    }
  }

  private newEditId(): number {
    // Unique across the views of one widget (each has its own counter).
    return Math.floor(Math.random() * 2 ** 40) * 1024 + (++this.subSeq % 1024);
  }

  private sendEdit(edit: Edit, renderInPython: boolean): void {
    if (!this.model.set) return;
    const message: Record<string, unknown> = { params: edit.params, edit: edit.id, base: edit.base };
    if (renderInPython) message.render = true;
    this.model.set('viewer_edit', message);
    this.model.save_changes?.();
    this.counters.sentToPython++;
  }

  private present(key: Key, frame: WorkerFrame): boolean {
    const shown = this.presenter.presentWorker(key, frame);
    if (shown) this.timings.firstFrameAt ??= performance.now();
    return shown;
  }

  // Python's state changed (state_rev).
  private onAuth(): void {
    const rev = this.rev();
    if (rev === this.authRev) return;
    this.authRev = rev;
    const by = this.model.get('render_by');
    const edit = by === 'edit' ? this.edits.get(Number(this.model.get('params_edit'))) : undefined;
    if (edit?.frame) {
      // Python took our edit without rendering it: what we drew is state
      // `rev` now, unless a newer edit of ours is on screen (its answer follows).
      if (this.drawnEdit === edit) this.present([rev, 0], edit.frame);
      return;
    }
    this.lastForeignRev = rev;
    if (by === 'python' || this.mode() === 'native') return; // Python's mesh follows
    void this.renderAuth(rev);
  }

  // Renders Python's current state in the worker ("worker", or an edit made
  // in another view of this widget).
  private async renderAuth(rev: number): Promise<void> {
    this.counters.authRenders++;
    const params = this.model.get('params');
    const { outcome, source, name } = await this.render(params && typeof params === 'object' ? params as Record<string, unknown> : {});
    if (this.disposed || rev !== this.authRev) { this.counters.dropped++; return; }
    const frame = this.frameOf(outcome, source, name);
    if (!frame) return;
    this.present([rev, 0], frame);
    // Another view of this widget on the page may have sent it already.
    const sent = Number(this.model.get('drawn_rev') ?? 0);
    if (this.sendMesh({ rev }, outcome, frame) && rev > sent && this.model.set) {
      this.model.set('drawn_rev', rev);
      this.model.save_changes?.();
    }
  }

  // The worker's result for Python (see the top of this file); false when
  // Python renders itself (it has the native engine) or was not told.
  private sendMesh(key: { edit: number } | { rev: number }, outcome: RenderOutcome, frame: WorkerFrame): boolean {
    if (this.model.get('mesh_from_viewer') !== true || !this.model.send) return false;
    if ('rev' in key && Number(this.model.get('drawn_rev') ?? 0) >= key.rev) return false;
    const result = outcome.result;
    if (frame.error || !result) {
      this.model.send({ type: 'mesh', ...key, ok: false, message: frame.error?.message ?? 'render failed' });
    } else {
      const { positions, indices, partIds, palette } = result.mesh;
      this.model.send({
        type: 'mesh', ...key, ok: true, kind: result.kind, volume: result.volume, area: result.area,
        bbox_min: result.bbox.min, bbox_max: result.bbox.max, echo: result.echo, engine_ms: frame.engineMs,
      }, undefined, [positions, indices, partIds, palette].map(copyBytes));
    }
    this.counters.meshesSent++;
    return true;
  }

  get workerCounters(): Record<string, number> | null {
    return this.client ? { ...this.client.counters } : null;
  }

  dispose(): void {
    this.disposed = true;
    this.model.off('change:state_rev', this.onState);
    this.client?.dispose();
    this.client = null;
  }
}
