// The viewer component: one renderer, scene and camera rig per widget view,
// bound to the model's traits. Renders on demand (no idle animation loop), so
// many viewers in one notebook cost nothing while nobody touches them.
import * as THREE from 'three';
import { AnimationBar } from './animation-bar';
import { CameraRig, type ViewPreset } from './camera-rig';
import { ErrorPanel, errorFromTrait } from './error-panel';
import { GridLabels } from './grid-labels';
import { createRenderer } from './gl-renderer';
import { MaterialCache, buildMesh, disposeBuiltMesh, ensureEdges, isClosed, type BuiltMesh } from './mesh-builder';
import { RequestTracker, type PendingRequest } from './requests';
import { SceneHelpers } from './scene-helpers';
import { exportMesh, type ExportFormat } from './export-formats';
import { canvasToPngBlob, downloadBlob } from './screenshot';
import { StatusBar } from './status-bar';
import { KEY_ACTIONS, Toolbar } from './toolbar';
import type { ScadErrorInfo, WidgetModel } from './widget-model';
import { decodeMesh, type DecodedMesh } from './wire-format';
import { engineTransfer } from './engine-assets';
import { WorkerRenderer, compareKeys, type EditOutcome, type Key, type WorkerFrame } from './worker-renderer';
import { ViewerCustomizer } from './viewer-customizer';

export const MESH_TRAITS = ['positions', 'indices', 'index_bytes', 'palette', 'part_counts'] as const;
const PRESETS = new Set<string>(['iso', 'front', 'back', 'left', 'right', 'top', 'bottom']);
const EXPORTS = new Set<string>(['stl', 'off', '3mf']);
// Seconds, when the traits do not say (viewer/README.md).
const DEFAULT_REQUEST_TIMEOUT_S = 30;

export class Viewer {
  readonly root: HTMLDivElement;
  readonly renderer: THREE.WebGLRenderer;
  readonly scene = new THREE.Scene();
  readonly rig: CameraRig;
  readonly helpers = new SceneHelpers();
  readonly errorPanel: ErrorPanel;
  readonly status = new StatusBar();
  readonly toolbar: Toolbar;
  readonly animation: AnimationBar;
  readonly gridLabels = new GridLabels();
  private readonly light = new THREE.DirectionalLight(0xffffff, 1.6);
  private readonly ambient = new THREE.HemisphereLight(0xffffff, 0x808080, 1.4);
  private readonly lostNotice: HTMLDivElement;
  private readonly top: HTMLDivElement; // toolbar and animation bar
  private built: BuiltMesh | null = null;
  private decoded: DecodedMesh | null = null;
  private readonly materials = new MaterialCache();
  readonly requests: RequestTracker;
  // A request that failed or got no reply (shown over the render error),
  // with what its Retry does.
  private requestError: { info: ScadErrorInfo; retry: () => void; type: string } | null = null;
  private loadingWatchdog: ReturnType<typeof setTimeout> | null = null;
  // One clipping plane across Z; keeps what lies below clipFraction of the height.
  private readonly clipPlane = new THREE.Plane(new THREE.Vector3(0, 0, -1), 0);
  private clipping = false;
  private clipFraction = 0.5;
  private meshError: string | null = null;
  private frameRequest = 0;
  private rebuildQueued = false;
  private disposed = false;
  private showEdges = true;
  private wireframe = false;
  private showAxes = true;
  private readonly cullBackFaces: boolean;
  private readonly offModel: Array<() => void> = [];
  private readonly resizeObserver: ResizeObserver;
  // The in-viewer renderer and the params protocol (worker-renderer.ts).
  readonly worker: WorkerRenderer;
  // The viewer's own customizer panel (viewer-customizer.ts).
  readonly customizer: ViewerCustomizer;
  // Key of what is on screen ([rev, sub], worker-renderer.ts) and who made
  // it: a mesh or error older than that key is never drawn over it.
  private drawnKey: Key = [-1, 0];
  private drawnFrom: 'python' | 'worker' = 'python';
  private workerFrame: WorkerFrame | null = null;
  private workerBusy = false;
  frames = 0; // frames drawn, for tests and diagnostics
  lastUploadMs: number | null = null;
  // Wall-clock ms (epoch, as Python's render_info) when the last mesh's
  // traits arrived and when its first frame was drawn: bench/ reads them.
  lastMeshAt = 0;
  lastDrawnAt = 0;

  // options (bench/ compares with and without): antialias forces
  // multisampling on or off (by default on except on software GL,
  // gl-renderer.ts); cullBackFaces false always draws both sides.
  constructor(private readonly model: WidgetModel, host: HTMLElement,
              options: { antialias?: boolean; cullBackFaces?: boolean } = {}) {
    this.root = document.createElement('div');
    this.root.className = 'mos-viewer';
    this.root.tabIndex = 0; // keys act only when the viewer has focus
    let canvas = document.createElement('canvas');
    canvas.className = 'mos-canvas';
    this.root.append(canvas);
    host.append(this.root);

    // Multisampled on a GPU, not on software GL (gl-renderer.ts).
    this.renderer = createRenderer(canvas, options.antialias);
    this.cullBackFaces = options.cullBackFaces ?? true;
    canvas = this.renderer.domElement;
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.localClippingEnabled = true;
    this.rig = new CameraRig(canvas);
    this.rig.controls.addEventListener('change', this.requestRender);

    // Background on the scene, not the renderer: it survives a context restore.
    this.scene.background = new THREE.Color(0xf4f4f4);
    this.scene.add(this.ambient, this.light, this.helpers.group);
    this.helpers.rebuild(null);
    this.gridLabels.setLabels(this.helpers.labels);

    this.toolbar = new Toolbar((a) => this.action(a), (f) => this.setClip(f));
    this.errorPanel = new ErrorPanel();
    this.requests = new RequestTracker(
      (message) => this.model.send?.(message),
      () => 1000 * this.requestTimeoutS(),
      (request) => this.onRequestTimeout(request));
    this.lostNotice = document.createElement('div');
    this.lostNotice.className = 'mos-context-lost';
    this.lostNotice.textContent = 'WebGL context lost — restoring…';
    this.lostNotice.hidden = true;
    this.animation = new AnimationBar(model);
    const top = document.createElement('div');
    this.top = top;
    top.className = 'mos-top';
    top.append(this.toolbar.el, this.animation.el);
    this.root.append(this.gridLabels.el, top, this.status.el, this.errorPanel.el, this.lostNotice);
    this.syncToggles();

    canvas.addEventListener('webglcontextlost', this.onContextLost);
    canvas.addEventListener('webglcontextrestored', this.onContextRestored);
    this.root.addEventListener('keydown', this.onKey);

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.root);
    this.resize();

    for (const name of MESH_TRAITS) this.listen(`change:${name}`, this.queueRebuild);
    this.listen('change:error', () => {
      this.clearRenderRequestError();
      if (this.acceptPython()) this.applyError();
    });
    this.listen('change:loading', () => this.onLoading());
    this.listen('msg:custom', this.onReply);
    this.listen('change:render_ms', () => this.updateTiming());
    this.listen('change:anim_steps', () => this.animation.sync());
    this.listen('change:t', () => this.animation.sync());
    this.listen('change:preview', () => this.syncToggles());
    this.onLoading();
    this.rebuild();
    this.applyError();
    this.worker = new WorkerRenderer(model, {
      presentWorker: (key, frame) => this.presentWorker(key, frame),
      setWorkerBusy: (busy) => { this.workerBusy = busy; this.onLoading(); },
    });
    this.customizer = new ViewerCustomizer(model, this.worker, {
      apply: (values) => this.applyParamsFromViewer(values),
      changed: () => this.syncToggles(),
    });
    this.root.insertBefore(this.customizer.el, this.status.el);
    this.syncToggles();
  }

  // The customizer panel's hook (viewer/README.md): renders `values` merged
  // into the current params in the worker at once, draws them, then sets
  // `params` in Python marked as drawn already (no second render there).
  applyParamsFromViewer(values: Record<string, unknown>): Promise<EditOutcome> {
    return this.worker.applyParamsFromViewer(values);
  }

  // Starts the worker and loads the engine ahead of the first edit.
  prepareWorker(): Promise<unknown> {
    return this.worker.prepare();
  }

  // The key of Python's latest outcome (render_info / error name its rev).
  private pythonKey(): Key {
    const info = this.model.get('render_info') as { rev?: unknown } | null | undefined;
    const err = this.model.get('error') as { rev?: unknown } | null | undefined;
    const rev = Math.max(typeof info?.rev === 'number' ? info.rev : 0, typeof err?.rev === 'number' ? err.rev : 0);
    return [rev, 0];
  }

  // True (and Python's outcome becomes what is shown) unless a newer
  // worker frame is on screen.
  private acceptPython(): boolean {
    const key = this.pythonKey();
    if (compareKeys(key, this.drawnKey) < 0) return false;
    this.drawnKey = key;
    this.drawnFrom = 'python';
    this.workerFrame = null;
    return true;
  }

  private presentWorker(key: Key, frame: WorkerFrame): boolean {
    if (this.disposed || compareKeys(key, this.drawnKey) < 0) return false;
    this.drawnKey = key;
    if (frame === this.workerFrame) return true; // on screen already: only its key changes
    this.workerFrame = frame;
    this.drawnFrom = 'worker';
    this.clearRenderRequestError();
    if (frame.error) {
      this.applyError(); // over the mesh on screen, as Python's errors
      this.updateTiming();
    } else {
      this.display(frame.mesh);
    }
    return true;
  }

  // Draws a mesh from a render worker at once (decodedFromWorker), as an
  // in-viewer edit's frame is drawn, for pages that drive their own
  // RenderClient without a widget model (bench/browser/bench-page.ts).
  showWorkerMesh(mesh: DecodedMesh | null): void {
    if (!this.disposed) this.display(mesh);
  }

  get shownFrom(): 'python' | 'worker' { return this.drawnFrom; }
  // Whether the canvas is multisampled (off on software GL: gl-renderer.ts).
  get antialiased(): boolean { return this.renderer.getContext().getContextAttributes()?.antialias === true; }
  // What the engine's parts cost on the widget channel (tests, bench/).
  get engineTransfer(): typeof engineTransfer { return engineTransfer; }
  get shownKey(): Key { return [...this.drawnKey] as Key; }

  private listen(event: string, cb: (...args: any[]) => void): void {
    this.model.on(event, cb);
    this.offModel.push(() => this.model.off(event, cb));
  }

  private resize(): void {
    const w = Math.max(1, this.root.clientWidth);
    const h = Math.max(1, this.root.clientHeight);
    this.renderer.setSize(w, h, false);
    this.rig.setAspect(w / h);
    this.placePanel();
    this.renderNow();
  }

  // The customizer panel starts below the toolbar, however many rows it wraps to.
  private placePanel(): void {
    if (!this.customizer || this.customizer.el.hidden) return;
    this.customizer.el.style.top = `${this.top.offsetTop + this.top.offsetHeight + 4}px`;
  }

  // Several traits change together; rebuild once after the last of them.
  private queueRebuild = (): void => {
    if (this.rebuildQueued) return;
    this.rebuildQueued = true;
    this.lastMeshAt = performance.timeOrigin + performance.now();
    queueMicrotask(() => {
      this.rebuildQueued = false;
      if (!this.disposed) this.rebuild();
    });
  };

  // Python's mesh traits, unless a newer worker frame is on screen.
  private rebuild(): void {
    if (!this.acceptPython()) return;
    let decoded: DecodedMesh | null = null;
    let meshError: string | null = null;
    try {
      const m = this.model;
      decoded = decodeMesh(m.get('positions'), m.get('indices'), m.get('index_bytes'),
        m.get('palette'), m.get('part_counts'));
    } catch (e) {
      meshError = `Invalid mesh data: ${(e as Error).message}`;
    }
    this.display(decoded, meshError);
  }

  private display(decoded: DecodedMesh | null, meshError: string | null = null): void {
    const t0 = performance.now();
    const hadMesh = this.built !== null;
    if (this.built) { disposeBuiltMesh(this.built); this.built = null; }
    this.meshError = meshError;
    this.decoded = null;
    this.clearRenderRequestError();
    try {
      if (decoded) {
        this.decoded = decoded;
        this.built = buildMesh(decoded, this.materials);
        this.scene.add(this.built.group);
      }
    } catch (e) {
      this.meshError = `Invalid mesh data: ${(e as Error).message}`;
    }
    this.applyDisplayModes();
    const bounds = this.built?.bounds ?? null;
    // Grid, axes and labels only change when the grid does.
    if (this.helpers.rebuild(bounds)) this.gridLabels.setLabels(this.helpers.labels);
    // Keep the user's camera across updates; frame only the first mesh.
    if (bounds && !hadMesh) this.rig.fit(bounds);
    this.renderNow();
    this.lastUploadMs = performance.now() - t0;
    this.lastDrawnAt = performance.timeOrigin + performance.now();
    this.updateTiming();
    this.status.setBounds(bounds, this.helpers.step);
    this.applyError();
  }

  private updateTiming(): void {
    const ms = this.drawnFrom === 'worker' ? this.workerFrame?.engineMs ?? null : this.model.get('render_ms');
    this.status.setTiming(typeof ms === 'number' ? ms : null, this.lastUploadMs, this.built?.triangleCount ?? 0);
  }

  private applyError(): void {
    if (this.requestError) {
      this.errorPanel.show(this.requestError.info, this.requestError.retry);
      return;
    }
    const err = this.drawnFrom === 'worker' ? this.workerFrame?.error ?? null : errorFromTrait(this.model.get('error'));
    // A failed or timed-out render can be asked for again (Python re-submits
    // the current model and params as a new request).
    if (err) this.errorPanel.show(err, this.model.send ? () => this.retry() : null);
    else this.errorPanel.show(this.meshError ? { message: this.meshError } : null);
  }

  // Python answered (a mesh, an error, the end of loading): a render it had
  // not answered before is answered now.
  private clearRenderRequestError(): void {
    if (this.requestError?.type === 'render') this.requestError = null;
  }

  private requestTimeoutS(): number {
    const t = this.model.get('request_timeout');
    return typeof t === 'number' && t > 0 ? t : DEFAULT_REQUEST_TIMEOUT_S;
  }

  private showRequestError(type: string, message: string, retry: () => void): void {
    this.requestError = { info: { message }, retry: () => { this.requestError = null; this.applyError(); retry(); }, type };
    this.applyError();
  }

  private onRequestTimeout = (request: PendingRequest): void => {
    const s = this.requestTimeoutS();
    if (request.type === 'export') {
      const format = String(request.payload.format);
      this.showRequestError('export', `${format.toUpperCase()} export: no reply from Python after ${s} s`,
        () => this.download(format as ExportFormat));
    } else if (request.type === 'retry') {
      this.status.setLoading(Boolean(this.model.get('loading')));
      this.showRequestError('render', `Retry: no reply from Python after ${s} s`, () => this.retry());
    }
  };

  // Python's replies to our requests: {type, id, ok, ...} (+ the file).
  private onReply = (content: unknown, buffers?: unknown[]): void => {
    const request = this.requests.settle(content);
    if (!request) return; // stale (timed out or superseded) or not ours
    const reply = content as { ok?: boolean; message?: string; filename?: string };
    if (request.type === 'export') {
      const format = String(request.payload.format) as ExportFormat;
      const data = buffers?.[0];
      if (reply.ok && data && ArrayBuffer.isView(data)) {
        if (this.requestError?.type === 'export') { this.requestError = null; this.applyError(); }
        const type = format === '3mf' ? 'model/3mf' : format === 'stl' ? 'model/stl' : 'text/plain';
        downloadBlob(new Blob([data as unknown as BlobPart], { type }), reply.filename ?? `openscad-model.${format}`);
      } else {
        this.showRequestError('export', `${format.toUpperCase()} export failed: ${reply.message ?? 'no file'}`,
          () => this.download(format));
      }
    }
    this.repliesTaken++;
  };
  repliesTaken = 0; // replies that answered a pending request (tests)

  // While Python renders, `loading` is true. A render ends within the
  // render timeout, so a longer silence means the kernel is gone or stuck:
  // say so instead of spinning forever (no limit when render_timeout is 0).
  private onLoading(): void {
    const loading = Boolean(this.model.get('loading'));
    this.status.setLoading(loading || this.workerBusy);
    if (!loading && this.requestError?.type === 'render') { this.clearRenderRequestError(); this.applyError(); }
    if (this.loadingWatchdog) { clearTimeout(this.loadingWatchdog); this.loadingWatchdog = null; }
    const limit = this.model.get('render_timeout');
    if (!loading || typeof limit !== 'number' || !(limit > 0)) return;
    const wait = limit + this.requestTimeoutS();
    this.loadingWatchdog = setTimeout(() => {
      this.loadingWatchdog = null;
      if (this.disposed || !this.model.get('loading')) return;
      this.status.setLoading(false);
      this.showRequestError('render', `no reply from Python after ${wait} s (render timeout ${limit} s)`, () => this.retry());
    }, 1000 * wait);
  }

  private applyDisplayModes(): void {
    if (this.built) {
      const planes = this.clipping ? [this.clipPlane] : [];
      // The overlay is computed the first time it is shown for this mesh.
      const showEdges = this.showEdges && !this.wireframe;
      if (showEdges) ensureEdges(this.built, this.materials);
      for (const m of this.built.materials) { m.wireframe = this.wireframe; m.clippingPlanes = planes; }
      if (this.built.edges) this.built.edges.visible = showEdges;
      this.materials.edgeMaterial.clippingPlanes = planes;
      const b = this.built.bounds;
      // A small margin past both ends: 0 removes all, 1 keeps all (faces lying
      // exactly on min.z or max.z included).
      const h = b.max.z - b.min.z, margin = 1e-3 * Math.max(h, 1e-3);
      this.clipPlane.constant = b.min.z - margin + this.clipFraction * (h + 2 * margin);
    }
    this.toolbar.clipSlider.hidden = !this.clipping;
    this.helpers.group.visible = this.showAxes;
    this.gridLabels.el.hidden = !this.showAxes;
  }

  private syncToggles(): void {
    this.toolbar.setPressed('ortho', this.rig.isOrthographic);
    this.toolbar.setPressed('edges', this.showEdges);
    this.toolbar.setPressed('wireframe', this.wireframe);
    this.toolbar.setPressed('axes', this.showAxes);
    this.toolbar.setPressed('clip', this.clipping);
    this.toolbar.setPressed('preview', Boolean(this.model.get('preview')));
    // Before the constructor made the panel: not offered yet.
    this.toolbar.setVisible('panel', this.customizer?.available ?? false);
    this.toolbar.setPressed('panel', this.customizer?.isOpen ?? false);
    this.placePanel();
  }

  private bounds(): THREE.Box3 {
    return this.built?.bounds ?? new THREE.Box3(new THREE.Vector3(-50, -50, 0), new THREE.Vector3(50, 50, 50));
  }

  action(name: string): void {
    if (PRESETS.has(name)) this.rig.preset(name as ViewPreset, this.bounds());
    else if (name === 'fit') this.rig.fit(this.bounds());
    else if (name === 'ortho') this.rig.setOrthographic(!this.rig.isOrthographic);
    else if (name === 'edges') this.showEdges = !this.showEdges;
    else if (name === 'wireframe') this.wireframe = !this.wireframe;
    else if (name === 'axes') this.showAxes = !this.showAxes;
    else if (name === 'clip') this.clipping = !this.clipping;
    else if (name === 'panel') { this.customizer.toggle(); return; }
    else if (name === 'preview') {
      // Python renders again in the other mode (a synced trait, as `t`).
      if (!this.model.set) return;
      this.model.set('preview', !this.model.get('preview'));
      this.model.save_changes?.();
      this.syncToggles();
      return;
    }
    else if (EXPORTS.has(name)) { this.download(name as ExportFormat); return; }
    else if (name === 'screenshot') { void this.screenshot().then((b) => downloadBlob(b, 'openscad-view.png')); return; }
    this.applyDisplayModes();
    this.syncToggles();
    this.requestRender();
  }

  // Asks Python to render the current model and params again.
  retry(): void {
    if (!this.model.send) return;
    this.requests.request('retry');
    this.status.setLoading(true);
  }

  setClip(fraction: number): void {
    this.clipFraction = Math.min(1, Math.max(0, fraction));
    this.applyDisplayModes();
    this.requestRender();
  }

  // Exports the mesh on screen; nothing to export without one. With Python
  // on the other side, the engine writes the file (its exporters, full
  // precision, no preview ghosts): a request with an id and a timeout.
  // Without (a static page), it is written here from the arrays on screen.
  download(format: ExportFormat): boolean {
    if (!this.decoded) return false;
    // A mesh from the worker is not Python's: it is written here.
    if (this.model.send && this.drawnFrom === 'python') {
      this.requests.request('export', { format }, `export:${format}`);
      return true;
    }
    downloadBlob(exportMesh(this.decoded, format), `openscad-model.${format}`);
    return true;
  }

  screenshot(): Promise<Blob> {
    return canvasToPngBlob(this.renderer.domElement, () => this.renderNow());
  }

  private onKey = (ev: KeyboardEvent): void => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    // Typing into a control (the clip slider, the customizer panel).
    if (ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement ||
        ev.target instanceof HTMLTextAreaElement) return;
    const action = KEY_ACTIONS[ev.key.toLowerCase()];
    if (!action) return;
    ev.preventDefault();
    this.action(action);
  };

  private onContextLost = (ev: Event): void => {
    ev.preventDefault(); // tells the browser we want the context back
    this.lostNotice.hidden = false;
  };

  private onContextRestored = (): void => {
    // Three.js re-initialises its GL state itself (its listener runs first);
    // buffers and programs are uploaded again on the next draw.
    this.lostNotice.hidden = true;
    this.renderNow();
  };

  requestRender = (): void => {
    if (this.frameRequest || this.disposed) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.renderNow();
    });
  };

  // Back faces of a closed surface seen from outside lie behind its front
  // faces: culling them spares the rasterizer about a third of a frame
  // (SwiftShader, bench/browser/README.md). Both sides are drawn when the
  // clip plane opens the surface, in wireframe (seen through), for
  // translucent parts, for open or inconsistently oriented meshes, and when
  // the perspective camera's near plane may reach into the bounding box.
  private updateCulling(): void {
    if (!this.built) return;
    const cam = this.rig.camera;
    let outside = true;
    if (cam instanceof THREE.PerspectiveCamera) {
      // The far corner of the near plane's rectangle (plus a little).
      const tan = Math.tan(THREE.MathUtils.degToRad(cam.fov / 2));
      const reach = 1.01 * cam.near * Math.sqrt(1 + tan * tan * (1 + cam.aspect * cam.aspect));
      outside = this.built.bounds.distanceToPoint(cam.position) > reach;
    }
    const culled = this.cullBackFaces && outside && !this.clipping && !this.wireframe && isClosed(this.built);
    for (const m of this.built.materials) {
      const side = culled && !m.transparent ? THREE.FrontSide : THREE.DoubleSide;
      if (m.side !== side) { m.side = side; m.needsUpdate = true; }
    }
  }

  get backFacesCulled(): boolean {
    return this.built !== null && this.built.materials.some((m) => m.side === THREE.FrontSide);
  }

  renderNow(): void {
    if (this.disposed) return;
    this.rig.fitDepthRange(this.bounds());
    this.updateCulling();
    const cam = this.rig.camera;
    this.light.position.copy(cam.position); // headlight
    this.light.target.position.copy(this.rig.controls.target);
    this.light.target.updateMatrixWorld();
    this.renderer.render(this.scene, cam);
    this.gridLabels.update(cam, this.root.clientWidth, this.root.clientHeight, this.showAxes);
    this.frames++;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.frameRequest) cancelAnimationFrame(this.frameRequest);
    if (this.loadingWatchdog) clearTimeout(this.loadingWatchdog);
    this.customizer.dispose();
    this.worker.dispose();
    this.requests.dispose();
    for (const off of this.offModel) off();
    this.resizeObserver.disconnect();
    const canvas = this.renderer.domElement;
    canvas.removeEventListener('webglcontextlost', this.onContextLost);
    canvas.removeEventListener('webglcontextrestored', this.onContextRestored);
    this.root.removeEventListener('keydown', this.onKey);
    this.rig.controls.removeEventListener('change', this.requestRender);
    this.rig.dispose();
    this.animation.dispose();
    if (this.built) { disposeBuiltMesh(this.built); this.built = null; }
    this.materials.dispose();
    this.decoded = null;
    this.helpers.dispose();
    this.light.dispose();
    this.ambient.dispose();
    this.renderer.renderLists.dispose();
    this.renderer.dispose();
    this.renderer.forceContextLoss(); // frees the context now, not at GC
    this.root.remove();
  }
}

// The customizer panel's entry point (see Viewer.applyParamsFromViewer).
export function applyParamsFromViewer(viewer: Viewer, values: Record<string, unknown>): Promise<EditOutcome> {
  return viewer.applyParamsFromViewer(values);
}
