// The page side of the render worker: one RenderClient per viewer. Every
// request gets an id; latest wins: at most one render runs and one waits, a
// newer request replaces the waiting one (which resolves as 'superseded').
// A newer request also ends the running render:
//  - cross-origin isolated pages (SharedArrayBuffer): the cancel flag the
//    engine polls is set, the render returns 'cancelled' at once;
//  - elsewhere: once the running render has run `deadlineMs` (default 2 s)
//    while a newer one waits, its worker is terminated ('terminated') and a
//    fresh one started, which loads the engine again.
// A crashed worker (an uncaught error, an engine abort) is replaced and its
// render resolves 'failed' with the message; the page never waits forever.
// The widget uses it through worker-renderer.ts.
import type { EngineParameters, EngineRenderOptions, EngineResult, FromWorker, ToWorker } from './render-protocol';

export type RenderStatus = 'done' | 'cancelled' | 'superseded' | 'terminated' | 'failed';

export interface RenderOutcome {
  id: number;
  status: RenderStatus;
  result?: EngineResult; // 'done' and 'cancelled'
  error?: string; // 'failed'
  engineMs?: number; // time inside the engine (worker clock)
  totalMs: number; // request to outcome
}

export interface RenderClientOptions {
  workerUrl: string | URL; // the bundled render-worker.ts
  moduleUrl: string | URL; // mos_wasm.mjs (with mos_wasm.wasm and mos_data.mjs next to it)
  packages?: Array<string | URL | ArrayBuffer>; // data packages (mos_fonts.data, mos_libraries.data), URLs or bytes
  // A module given as a blob URL (the widget): the .wasm bytes and the URL
  // of mos_data.mjs, which then do not lie next to the module.
  wasmBinary?: ArrayBuffer;
  dataModuleUrl?: string;
  deadlineMs?: number;
  // Default: when the page can share memory (cross-origin isolated).
  sharedCancel?: boolean;
  geometryCacheBytes?: number;
  // Tests start other workers; default `new Worker(workerUrl, { type: 'module' })`.
  createWorker?: () => Worker;
}

export interface RenderClientCounters {
  workersStarted: number;
  terminated: number; // workers ended at the deadline
  crashed: number; // workers replaced after an error
  cancelled: number; // renders stopped through the shared flag
}

interface Job {
  id: number;
  source: string;
  options: EngineRenderOptions;
  requestedAt: number;
  startedAt: number | null; // when the worker began it
  resolve: (outcome: RenderOutcome) => void;
}

export const DEFAULT_DEADLINE_MS = 2000;

export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' &&
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

export class RenderClient {
  readonly counters: RenderClientCounters = { workersStarted: 0, terminated: 0, crashed: 0, cancelled: 0 };
  readonly deadlineMs: number;
  readonly sharedCancel: boolean;
  private worker: Worker | null = null;
  private cancelFlag: Int32Array | null = null;
  private running: Job | null = null;
  private pending: Job | null = null;
  private deadlineTimer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private disposed = false;
  // parameters() requests waiting for their worker's answer.
  private readonly parameterRequests = new Map<number, { worker: Worker; resolve: (r: EngineParameters | null) => void }>();

  constructor(private readonly options: RenderClientOptions) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.sharedCancel = options.sharedCancel ?? canShareMemory();
    if (this.sharedCancel) this.cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  }

  // Starts the worker now (it also starts with the first render).
  warm(): void {
    if (!this.worker && !this.disposed) this.startWorker();
  }

  render(source: string, options: EngineRenderOptions = {}): Promise<RenderOutcome> {
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, source, options, requestedAt: performance.now(), startedAt: null, resolve };
      if (this.disposed) {
        this.finish(job, { status: 'failed', error: 'render client disposed' });
        return;
      }
      if (!this.running) {
        this.start(job);
        return;
      }
      if (this.pending) this.finish(this.pending, { status: 'superseded' });
      this.pending = job;
      this.preemptRunning();
    });
  }

  // The customizer parameters of `source`, parsed by the engine in the
  // worker (after the render it is busy with, if any); null when the worker
  // went away first (replaced, crashed, disposed).
  parameters(source: string, name?: string): Promise<EngineParameters | null> {
    if (this.disposed) return Promise.resolve(null);
    if (!this.worker) this.startWorker();
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.parameterRequests.set(id, { worker, resolve });
      const message: ToWorker = { type: 'parameters', id, source, name };
      worker.postMessage(message);
    });
  }

  // Answers null to the parameters() requests of a worker that is gone.
  private dropParameterRequests(worker: Worker | null): void {
    for (const [id, request] of this.parameterRequests) {
      if (worker !== null && request.worker !== worker) continue;
      this.parameterRequests.delete(id);
      request.resolve(null);
    }
  }

  // Adds a data package: installed in the running worker before its next
  // render, and in every worker started later.
  addPackage(p: string | URL | ArrayBuffer): void {
    (this.options.packages ??= []).push(p);
    if (this.worker) {
      const message: ToWorker = { type: 'install', package: p instanceof ArrayBuffer ? p : String(new URL(String(p), location.href)) };
      this.worker.postMessage(message);
    }
  }

  get busy(): boolean {
    return this.running !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.clearDeadline();
    this.worker?.terminate();
    this.worker = null;
    for (const job of [this.running, this.pending]) if (job) this.finish(job, { status: 'failed', error: 'render client disposed' });
    this.running = this.pending = null;
    this.dropParameterRequests(null);
  }

  private startWorker(): void {
    const worker = this.options.createWorker
      ? this.options.createWorker()
      : new Worker(this.options.workerUrl, { type: 'module' });
    this.counters.workersStarted++;
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.onMessage(worker, event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.onCrash(worker, event.message || 'render worker error');
    };
    worker.onmessageerror = () => this.onCrash(worker, 'render worker sent an unreadable message');
    const init: ToWorker = {
      type: 'init',
      moduleUrl: String(new URL(String(this.options.moduleUrl), location.href)),
      packages: (this.options.packages ?? []).map((p) => (p instanceof ArrayBuffer ? p : String(new URL(String(p), location.href)))),
      cancelBuffer: this.cancelFlag ? (this.cancelFlag.buffer as SharedArrayBuffer) : null,
      geometryCacheBytes: this.options.geometryCacheBytes,
      wasmBinary: this.options.wasmBinary,
      dataModuleUrl: this.options.dataModuleUrl,
    };
    worker.postMessage(init);
    this.worker = worker;
  }

  private start(job: Job): void {
    this.running = job;
    if (!this.worker) this.startWorker();
    if (this.cancelFlag) Atomics.store(this.cancelFlag, 0, 0);
    const message: ToWorker = { type: 'render', id: job.id, source: job.source, options: job.options };
    this.worker!.postMessage(message);
  }

  // A newer request waits: stop the running render now (shared flag) or at
  // its deadline (terminate the worker).
  private preemptRunning(): void {
    if (this.cancelFlag) {
      Atomics.store(this.cancelFlag, 0, 1);
      return;
    }
    this.armDeadline();
  }

  private armDeadline(): void {
    const running = this.running;
    if (!running || running.startedAt === null || !this.pending || this.deadlineTimer) return;
    const wait = Math.max(0, running.startedAt + this.deadlineMs - performance.now());
    this.deadlineTimer = setTimeout(() => {
      this.deadlineTimer = null;
      if (this.running !== running || !this.pending) return;
      this.counters.terminated++;
      this.replaceWorker();
      this.finish(running, { status: 'terminated', error: `still running after ${this.deadlineMs} ms while a newer render waited` });
      this.running = null;
      this.startPending();
    }, wait);
  }

  private clearDeadline(): void {
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = null;
  }

  private replaceWorker(): void {
    this.dropParameterRequests(this.worker);
    this.worker?.terminate();
    this.worker = null;
    this.startWorker();
  }

  private startPending(): void {
    const next = this.pending;
    this.pending = null;
    if (next && !this.disposed) this.start(next);
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker) return; // from a worker already replaced
    if (message.type === 'ready') return;
    if (message.type === 'parameters') {
      const request = this.parameterRequests.get(message.id);
      this.parameterRequests.delete(message.id);
      request?.resolve(message.result);
      return;
    }
    if (message.type === 'failed' && (message.id === null || message.id === this.running?.id)) {
      if (message.fatal) {
        this.onCrash(worker, message.message);
      } else if (this.running) {
        this.completeRunning({ status: 'failed', error: message.message });
      }
      return;
    }
    const running = this.running;
    if (!running || !('id' in message) || message.id !== running.id) return;
    if (message.type === 'started') {
      running.startedAt = performance.now();
      if (this.pending && !this.cancelFlag) this.armDeadline();
    } else if (message.type === 'result') {
      const cancelled = message.result.cancelled;
      if (cancelled) this.counters.cancelled++;
      this.completeRunning({ status: cancelled ? 'cancelled' : 'done', result: message.result, engineMs: message.engineMs });
    }
  }

  private completeRunning(outcome: Omit<RenderOutcome, 'id' | 'totalMs'>): void {
    const job = this.running;
    this.clearDeadline();
    this.running = null;
    if (job) this.finish(job, outcome);
    this.startPending();
  }

  private onCrash(worker: Worker, error: string): void {
    if (worker !== this.worker || this.disposed) return;
    this.counters.crashed++;
    this.clearDeadline();
    this.dropParameterRequests(worker);
    worker.terminate();
    this.worker = null;
    const job = this.running;
    this.running = null;
    if (job) this.finish(job, { status: 'failed', error });
    // The waiting render gets a fresh worker; without one, the next render starts it.
    this.startPending();
  }

  private finish(job: Job, outcome: Omit<RenderOutcome, 'id' | 'totalMs'>): void {
    job.resolve({ id: job.id, totalMs: performance.now() - job.requestedAt, ...outcome });
  }
}
