// A worker of the bench page: our kernel (kernel_bench_web.cpp, emscripten)
// and npm manifold-3d on the kernel stress models (bench/kernel_models.h),
// in the same worker on exactly the same operand meshes, as
// bench/manifold_bench.mjs does in Node. Per model: one warm-up of each,
// then runs alternating ours / manifold until both have at least 3 runs and
// `minSeconds` of time; medians of the wall-clock time (a browser has no CPU
// clock). Manifold gets fresh operands every run (it caches results),
// built outside the timed part.
// Message in: {kernelUrl, manifoldUrl, minSeconds, only}; out: {model: {...}}.

interface KernelBench {
  modelNames(): { length: number; [i: number]: string };
  modelOp(name: string): string;
  modelOperands(name: string): Array<{ vertices: Float64Array; triangles: Uint32Array }>;
  runModel(name: string): number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function toManifold(wasm: any, op: { vertices: Float64Array; triangles: Uint32Array }): any {
  const mesh = new wasm.Mesh({ numProp: 3, vertProperties: Float32Array.from(op.vertices), triVerts: Uint32Array.from(op.triangles) });
  return new wasm.Manifold(mesh);
}

// ms: the operands as Manifold objects, built before the clock starts (as
// in manifold_bench.mjs); deleted here.
function runManifold(wasm: any, op: string, operands: Array<{ vertices: Float64Array; triangles: Uint32Array }>, ms: any[]): number {
  const { Manifold } = wasm;
  if (op === 'hull') {
    const pts: number[][] = [];
    for (const o of operands)
      for (let i = 0; i < o.vertices.length; i += 3) pts.push([o.vertices[i], o.vertices[i + 1], o.vertices[i + 2]]);
    const out = Manifold.hull(pts);
    const n = out.numTri();
    out.delete();
    ms.forEach((m: any) => m.delete());
    return n;
  }
  let out: any;
  if (op === 'union') out = Manifold.union(ms);
  else if (op === 'difference') out = Manifold.difference(ms);
  else if (op === 'minkowski') out = ms[0].minkowskiSum(ms[1]);
  else throw new Error(`unknown op ${op}`);
  const n = out.numTri(); // Manifold evaluates lazily: force it
  out.delete();
  ms.forEach((m: any) => m.delete());
  return n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

self.onmessage = (event: MessageEvent) => {
  run(event).catch((err) => (self as unknown as Worker).postMessage({ error: String(err) }));
};

async function run(event: MessageEvent): Promise<void> {
  const { kernelUrl, manifoldUrl, minSeconds, only } = event.data as
    { kernelUrl: string; manifoldUrl: string; minSeconds: number; only: string[] | null };
  const ours = (await (await import(/* webpackIgnore: true */ kernelUrl)).default()) as KernelBench;
  const wasm = await (await import(/* webpackIgnore: true */ manifoldUrl)).default();
  wasm.setup();
  const names: string[] = [];
  const list = ours.modelNames();
  for (let i = 0; i < list.length; i++) names.push(list[i]);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (only && !only.includes(name)) continue;
    const op = ours.modelOp(name);
    const operands = ours.modelOperands(name);
    // Both time the operation alone: ours on operands built once
    // (kernel_bench_loop.cpp), Manifold on fresh Manifold objects built
    // before the clock starts (manifold_bench.mjs).
    const fresh = () => operands.map((o) => toManifold(wasm, o));
    let oursTris = ours.runModel(name);
    let mfTris = runManifold(wasm, op, operands, fresh());
    const oursMs: number[] = [];
    const mfMs: number[] = [];
    let total = 0;
    while (oursMs.length < 3 || total < 2 * minSeconds * 1000) {
      let t0 = performance.now();
      oursTris = ours.runModel(name);
      let t = performance.now() - t0;
      oursMs.push(t);
      total += t;
      const ms = fresh();
      t0 = performance.now();
      mfTris = runManifold(wasm, op, operands, ms);
      t = performance.now() - t0;
      mfMs.push(t);
      total += t;
    }
    out[name] = { op, oursMs: median(oursMs), manifoldMs: median(mfMs), runs: oursMs.length, oursTris, manifoldTris: mfTris };
  }
  (self as unknown as Worker).postMessage(out);
}
