// The WASM engine for the widget's render worker, from Python: no internet
// and no server of ours. A viewer asks its kernel for a part with a custom
// message {type: "engine", id, part}; the reply carries the part's files,
// gzipped, as binary buffers (python/marimo_openscad/engine_assets.py).
// Parts: "core" (mos_wasm.mjs, mos_wasm.wasm, mos_data.mjs), "fonts" and
// "libraries" (data packages), the last two asked for only by a model that
// needs them. Every part is fetched once per page and shared by all viewers.
import type { WidgetModel } from './widget-model';

export type EnginePart = 'core' | 'fonts' | 'libraries';

export interface EngineCore {
  moduleUrl: string; // blob URL of mos_wasm.mjs
  dataModuleUrl: string; // blob URL of mos_data.mjs
  wasmBinary: ArrayBuffer;
}

// Sizes of what crossed the widget channel, for tests and bench/.
export const engineTransfer = { parts: [] as Array<{ part: EnginePart; gzipBytes: number; bytes: number; ms: number }> };

const parts = new Map<EnginePart, Promise<ArrayBuffer[]>>();
let nextId = 1;

async function gunzip(bytes: Uint8Array): Promise<ArrayBuffer> {
  const stream = new Blob([bytes as unknown as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

function asBytes(buffer: unknown): Uint8Array {
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  throw new Error('engine reply without its files');
}

function ask(model: WidgetModel, part: EnginePart, timeoutMs: number): Promise<ArrayBuffer[]> {
  const send = model.send;
  if (!send) return Promise.reject(new Error('no Python kernel to send the WASM engine'));
  const id = nextId++;
  const started = performance.now();
  return new Promise<ArrayBuffer[]>((resolve, reject) => {
    const onReply = (content: unknown, buffers?: unknown[]): void => {
      const reply = content as { type?: string; id?: number; ok?: boolean; message?: string } | null;
      if (!reply || reply.type !== 'engine' || reply.id !== id) return;
      done();
      if (!reply.ok) { reject(new Error(reply.message ?? `WASM engine part ${part} not available`)); return; }
      const files = (buffers ?? []).map(asBytes);
      Promise.all(files.map(gunzip)).then((out) => {
        engineTransfer.parts.push({
          part, gzipBytes: files.reduce((n, f) => n + f.byteLength, 0),
          bytes: out.reduce((n, f) => n + f.byteLength, 0), ms: performance.now() - started,
        });
        resolve(out);
      }, reject);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`WASM engine (${part}): no reply from Python after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const listener = onReply as unknown as () => void; // anywidget passes (content, buffers)
    const done = (): void => { clearTimeout(timer); model.off('msg:custom', listener); };
    model.on('msg:custom', listener);
    send.call(model, { type: 'engine', id, part });
  });
}

// The files of `part`, asked for through `model` unless this page has them.
// A failed request is forgotten, so a later one asks again.
export function enginePart(model: WidgetModel, part: EnginePart, timeoutMs: number): Promise<ArrayBuffer[]> {
  let p = parts.get(part);
  if (!p) {
    p = ask(model, part, timeoutMs);
    parts.set(part, p);
    p.catch(() => { if (parts.get(part) === p) parts.delete(part); });
  }
  return p;
}

let core: Promise<EngineCore> | null = null;

export function engineCore(model: WidgetModel, timeoutMs: number): Promise<EngineCore> {
  if (!core) {
    const p = enginePart(model, 'core', timeoutMs).then(([mjs, wasm, data]) => ({
      moduleUrl: URL.createObjectURL(new Blob([mjs], { type: 'text/javascript' })),
      wasmBinary: wasm,
      dataModuleUrl: URL.createObjectURL(new Blob([data], { type: 'text/javascript' })),
    }));
    core = p;
    p.catch(() => { if (core === p) core = null; });
  }
  return core;
}

// Data packages a source may need: the libraries package (OpenSCAD's MCAD)
// for an include or use of MCAD/, the fonts for text() or a library that
// might call it (the engine lists its fonts once, before the first text()).
// Other includes (files next to a model) are not in the browser at all.
// Conservative: a false positive only costs one download per page.
export function packagesFor(source: string): EnginePart[] {
  const libraries = /\b(include|use)\s*<\s*MCAD\//.test(source);
  const out: EnginePart[] = [];
  if (libraries || /\btext\s*\(/.test(source)) out.push('fonts');
  if (libraries) out.push('libraries');
  return out;
}
