// Cancellation through a SharedArrayBuffer flag: a worker thread renders a
// long model with options.cancelFlag; the main thread sets the flag once the
// render has run for a while and measures how long the render takes to
// return "cancelled". Cases: a long evaluation (the evaluator's checks), a
// long geometry stage (node visits and kernel booleans), and a flag set
// before the render starts. Then the worker's engine must still render.
//   node cancel_test.mjs <mos_wasm_node.mjs> [--bound-ms 500]
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const modulePath = path.resolve(args[0]);
// Generous for a loaded CI machine: the measured figure is printed.
const boundMs = args.includes('--bound-ms') ? Number(args[args.indexOf('--bound-ms') + 1]) : 500;

const workerSource = `
  import { parentPort, workerData } from 'node:worker_threads';
  const { loadMos } = await import(workerData.loader);
  const mos = await loadMos(workerData.modulePath);
  parentPort.on('message', ({ id, source, options }) => {
    parentPort.postMessage({ id, started: true });
    const t0 = performance.now();
    const r = mos.render(source, options);
    parentPort.postMessage({ id, done: true, ms: performance.now() - t0, ok: r.ok,
                             cancelled: r.cancelled, triangles: r.triangles,
                             errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) });
  });
  parentPort.postMessage({ ready: true });
`;
const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(workerSource)}`), {
  workerData: { modulePath, loader: new URL('./load_module.mjs', import.meta.url).href },
});
const inbox = [];
let wake = null;
worker.on('message', (m) => { inbox.push(m); if (wake) wake(); });
worker.on('error', (e) => { console.error(e); process.exit(1); });
async function next() {
  while (inbox.length === 0) await new Promise((ok) => { wake = ok; });
  wake = null;
  return inbox.shift();
}
assert.ok((await next()).ready);

const flag = new Int32Array(new SharedArrayBuffer(4));
let id = 0;
async function render(source, options, cancelAfterMs) {
  Atomics.store(flag, 0, 0);
  worker.postMessage({ id: ++id, source, options: { ...options, cancelFlag: flag } });
  const started = await next();
  assert.equal(started.id, id);
  let setAt = null;
  if (cancelAfterMs !== null) {
    await new Promise((ok) => setTimeout(ok, cancelAfterMs));
    Atomics.store(flag, 0, 1);
    setAt = performance.now();
  }
  const done = await next();
  return { ...done, stopMs: setAt === null ? null : performance.now() - setAt };
}

// Each long enough to be stopped 400 ms in; the geometry ones check often
// (see the README's cancellation notes for operations that do not yet).
const cases = [
  ['long evaluation', 'function f(n) = n <= 0 ? 0 : 1 + f(n - 1);\n' +
                      'for (i = [0:999]) for (j = [0:999]) if (f(100) < 0) echo(i);\n'],
  ['long geometry stage', 'for (i = [0:199]) translate([i * 30, 0, 0]) difference() {\n' +
                          '  sphere(10, $fn=64); translate([3, 0, 0]) sphere(8, $fn=64); }\n'],
  ['a long hull', 'hull() { for (i = [0:40]) translate([i, 0, 0]) sphere(10, $fn=100); }\n'],
];
let failures = 0;
for (const [name, source] of cases) {
  const r = await render(source, { geometryCacheBytes: 0 }, 400);
  const ok = r.cancelled && !r.ok && r.stopMs < boundMs;
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: returned ${r.stopMs.toFixed(1)} ms after the flag was set ` +
              `(render ${r.ms.toFixed(0)} ms, cancelled ${r.cancelled}, errors: ${r.errors.join('; ')})`);
}
// Set before the render: stops at the first check.
{
  Atomics.store(flag, 0, 1);
  worker.postMessage({ id: ++id, source: cases[1][1], options: { cancelFlag: flag } });
  await next();
  const r = await next();
  const ok = r.cancelled && r.ms < boundMs;
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} flag set before the render: ${r.ms.toFixed(1)} ms, cancelled ${r.cancelled}`);
}
// The engine still works, and an unset flag changes nothing.
{
  const r = await render('difference() { cube(10, center=true); sphere(6, $fn=32); }', {}, null);
  const ok = r.ok && !r.cancelled && r.triangles > 0;
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} render after cancels: ok ${r.ok}, ${r.triangles} triangles`);
}
await worker.terminate();
console.log(failures ? `cancel_test: ${failures} failure(s)` : 'cancel_test: all passed');
process.exit(failures ? 1 : 0);
