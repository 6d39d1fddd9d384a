// The render worker and its client (viewer/src/render-worker.ts,
// render-client.ts) in Debian's Chromium: the WASM engine renders in a
// module worker and stays warm; latest wins (one running, one pending, a
// newer request replaces the pending one); a newer request stops the running
// render through the SharedArrayBuffer flag on a cross-origin isolated page,
// and by terminating the worker at the deadline elsewhere; a crashed worker
// is replaced and its error reported; the main thread has no long task
// while the worker renders.
//   node --test tests/wasm/   (needs build-wasm: bindings/wasm/build_and_test.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../viewer/browser-harness.mjs';
import { bundle, engineDir, startServer } from './worker-harness.mjs';

// Runs for most of an hour unless stopped: 1e9 tail-recursive calls (the
// evaluator runs them as a loop: constant stack and memory).
// 1e12 loop rounds: runs for hours, within every limit (a deep tail
// recursion ends in "Recursion detected" after about a second, sooner on a
// fast machine, which made the deadline test depend on the machine's speed).
const ENDLESS = 'echo(len([for (i = [0:9999]) for (j = [0:9999]) for (k = [0:9999]) if (i < 0) i]));\n';
const HEAVY = 'for (i = [0:11]) translate([i * 30, 0, 0]) difference() {\n' +
              '  sphere(10, $fn=64); translate([3 + i / 10, 0, 0]) sphere(8, $fn=64); }\n';

if (!existsSync(path.join(engineDir, 'mos_wasm.wasm'))) {
  throw new Error(`${engineDir}/mos_wasm.wasm missing: run bindings/wasm/build_and_test.sh first`);
}

let bundled, browser;
before(async () => {
  bundled = await bundle();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  bundled?.cleanup();
});

async function openPage(isolated) {
  const { server, url } = await startServer(bundled.dir, { isolated });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.harnessReady === true);
  return { page, errors, close: async () => { await context.close(); server.close(); } };
}

describe('without cross-origin isolation (deadline and terminate)', () => {
  let p;
  before(async () => { p = await openPage(false); });
  after(async () => { await p.close(); assert.deepEqual(p.errors, []); });

  test('renders a mesh in the worker, with the data packages', async () => {
    const out = await p.page.evaluate(async () => {
      const client = new window.RenderClient(window.engineOptions);
      const cube = await client.render('color("red") cube([10, 20, 30]);');
      const mcad = await client.render('use <MCAD/boxes.scad>\nroundedBox([20, 30, 10], 3, false);\n');
      const text = await client.render('linear_extrude(1) text("mos");');
      const bad = await client.render('cube(1);\nfoo(;\n', { name: 'bad.scad' });
      client.dispose();
      const m = cube.result.mesh;
      return {
        isolated: window.crossOriginIsolated, shared: client.sharedCancel, status: cube.status,
        types: [m.positions.constructor.name, m.indices.constructor.name, m.partIds.constructor.name, m.palette.constructor.name],
        lengths: [m.positions.length, m.indices.length, m.partIds.length], palette: [...m.palette],
        volume: cube.result.volume, bbox: cube.result.bbox, stats: Object.keys(cube.result.stats),
        mcad: [mcad.status, mcad.result.ok, mcad.result.triangles],
        text: [text.status, text.result.ok, text.result.triangles],
        bad: bad.result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message]),
        workers: client.counters.workersStarted,
      };
    });
    assert.equal(out.isolated, false);
    assert.equal(out.shared, false);
    assert.equal(out.status, 'done');
    assert.deepEqual(out.types, ['Float32Array', 'Uint32Array', 'Uint32Array', 'Uint8Array']);
    assert.deepEqual(out.lengths, [24, 36, 12]);
    assert.deepEqual(out.palette, [255, 0, 0, 255]);
    assert.equal(out.volume, 6000);
    assert.deepEqual(out.bbox, { min: [0, 0, 0], max: [10, 20, 30] });
    assert.ok(out.stats.includes('geometryCacheHits') && out.stats.includes('totalSeconds'));
    assert.deepEqual(out.mcad.slice(0, 2), ['done', true]);
    assert.ok(out.mcad[2] > 100);
    assert.ok(out.text[1] && out.text[2] > 50, `text: ${out.text}`);
    assert.equal(out.bad[0][0], 2);
    assert.equal(out.workers, 1, 'one warm worker for every render');
  });

  test('latest wins: the pending request is replaced, the running one ends at the deadline', async () => {
    const out = await p.page.evaluate(async (ENDLESS) => {
      const client = new window.RenderClient({ ...window.engineOptions, deadlineMs: 800 });
      await client.render('cube(1);'); // loaded and warm
      const t0 = performance.now();
      const long = client.render(ENDLESS);
      await new Promise((ok) => setTimeout(ok, 100));
      const replaced = client.render('cube(2);');
      const latest = client.render('sphere(3, $fn=16);');
      const [a, b, c] = await Promise.all([long, replaced, latest]);
      client.dispose();
      return { a: [a.status, a.totalMs], b: b.status, c: [c.status, c.result?.triangles, c.totalMs],
               took: performance.now() - t0, counters: client.counters };
    }, ENDLESS);
    assert.equal(out.a[0], 'terminated');
    assert.ok(out.a[1] >= 800 && out.a[1] < 3000, `terminated after ${out.a[1]} ms`);
    assert.equal(out.b, 'superseded');
    assert.equal(out.c[0], 'done');
    assert.ok(out.c[1] > 0);
    assert.equal(out.counters.terminated, 1);
    assert.equal(out.counters.workersStarted, 2, 'a fresh worker after the termination');
    console.log(`  deadline path: long render terminated after ${out.a[1].toFixed(0)} ms, ` +
                `newest done ${out.c[2].toFixed(0)} ms after its request (fresh worker load included)`);
  });

  test('a render that ends before the deadline is not terminated', async () => {
    const out = await p.page.evaluate(async (HEAVY) => {
      const client = new window.RenderClient({ ...window.engineOptions, deadlineMs: 60000 });
      await client.render('cube(1);');
      const first = client.render(HEAVY);
      const second = client.render('cube(3);');
      const [a, b] = await Promise.all([first, second]);
      client.dispose();
      return { a: [a.status, a.result.triangles], b: b.status, counters: client.counters };
    }, HEAVY);
    assert.deepEqual([out.a[0], out.b], ['done', 'done']);
    assert.ok(out.a[1] > 1000);
    assert.equal(out.counters.terminated, 0);
    assert.equal(out.counters.workersStarted, 1);
  });

  test('a crashed worker is replaced and its error reported; a bad engine URL fails, never hangs', async () => {
    const out = await p.page.evaluate(async () => {
      let made = 0;
      const client = new window.RenderClient({
        ...window.engineOptions,
        createWorker: () => (made++ === 0 ? new Worker('/crash-worker.js', { type: 'module' })
                                          : new Worker(window.engineOptions.workerUrl, { type: 'module' })),
      });
      const crashed = await client.render('cube(1);');
      const next = await client.render('cube(1);');
      client.dispose();
      const broken = new window.RenderClient({ ...window.engineOptions, moduleUrl: '/engine/no_such_module.mjs' });
      const failed = await broken.render('cube(1);');
      const again = await broken.render('cube(1);');
      broken.dispose();
      return { crashed: [crashed.status, crashed.error], next: next.status, counters: client.counters,
               failed: [failed.status, failed.error], again: again.status };
    });
    assert.equal(out.crashed[0], 'failed');
    assert.match(out.crashed[1], /crashed on purpose/);
    assert.equal(out.next, 'done');
    assert.equal(out.counters.crashed, 1);
    assert.equal(out.failed[0], 'failed');
    assert.match(out.failed[1], /load/);
    assert.equal(out.again, 'failed');
  });

  test('recursion deeper than the limit: the engine\'s own error, the same warm worker', async () => {
    // A worker thread's native stack is 500 KB in Chromium; the WASM
    // recursion limit is sized for it (tests/wasm/stack_depth.test.mjs has
    // every recursion shape), so the engine, not the stack, ends this.
    const out = await p.page.evaluate(async () => {
      const client = new window.RenderClient(window.engineOptions);
      const deep = await client.render('module m(n) { if (n > 0) m(n - 1); }\nm(1000);\n');
      const next = await client.render('cube(1);');
      client.dispose();
      return { deep: [deep.status, deep.error ?? deep.result?.diagnostics.map((d) => d.message).join('; ')],
               next: next.status, counters: client.counters };
    });
    assert.equal(out.deep[0], 'done');
    assert.match(out.deep[1], /Recursion detected calling module 'm'/);
    assert.equal(out.next, 'done');
    assert.equal(out.counters.crashed, 0);
    assert.equal(out.counters.workersStarted, 1);
  });

  test('the main thread has no task over 50 ms while the worker renders', async () => {
    const out = await p.page.evaluate(async (HEAVY) => {
      const client = new window.RenderClient(window.engineOptions);
      await client.render('cube(1);');
      window.longTasks.length = 0;
      // Keep the main thread busy with short tasks meanwhile, as a page does.
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const r = await client.render(HEAVY);
      await new Promise((ok) => setTimeout(ok, 100)); // let the observer report
      clearInterval(timer);
      client.dispose();
      const during = [...window.longTasks];
      // The observer does see a long task: block the main thread 120 ms.
      const until = performance.now() + 120;
      while (performance.now() < until);
      await new Promise((ok) => setTimeout(ok, 100));
      return { status: r.status, engineMs: r.engineMs, longTasks: during, seen: window.longTasks.length, ticks };
    }, HEAVY);
    assert.equal(out.status, 'done');
    assert.deepEqual(out.longTasks, [], `long tasks: ${out.longTasks}`);
    assert.ok(out.seen >= 1, 'the long-task observer works');
    console.log(`  heavy render ${out.engineMs.toFixed(0)} ms in the worker; main-thread long tasks: ${out.longTasks.length}, ` +
                `10 ms timer ticks meanwhile: ${out.ticks}`);
  });
});

describe('cross-origin isolated (SharedArrayBuffer cancel flag)', () => {
  let p;
  before(async () => { p = await openPage(true); });
  after(async () => { await p.close(); assert.deepEqual(p.errors, []); });

  test('a newer request stops the running render at once; the engine stays warm', async () => {
    const out = await p.page.evaluate(async (ENDLESS) => {
      const client = new window.RenderClient(window.engineOptions);
      await client.render('cube(1);');
      const long = client.render(ENDLESS);
      await new Promise((ok) => setTimeout(ok, 300));
      const asked = performance.now();
      const newer = client.render('cube(2);');
      const a = await long;
      const stoppedMs = performance.now() - asked;
      const b = await newer;
      client.dispose();
      return { isolated: window.crossOriginIsolated, shared: client.sharedCancel, a: [a.status, a.result?.cancelled],
               stoppedMs, b: [b.status, b.result?.volume], counters: client.counters };
    }, ENDLESS);
    assert.equal(out.isolated, true);
    assert.equal(out.shared, true);
    assert.deepEqual(out.a, ['cancelled', true]);
    assert.ok(out.stoppedMs < 500, `stopped ${out.stoppedMs} ms after the newer request`);
    assert.deepEqual(out.b, ['done', 8]);
    assert.equal(out.counters.workersStarted, 1, 'no worker replaced');
    assert.equal(out.counters.cancelled, 1);
    console.log(`  shared flag: running render returned ${out.stoppedMs.toFixed(1)} ms after the newer request`);
  });

  test('the warm worker reuses its geometry cache after a parameter change', async () => {
    const out = await p.page.evaluate(async () => {
      const client = new window.RenderClient(window.engineOptions);
      const model = 'h = 2;\nmodule part(r) difference() { cube(10); translate([5,5,-1]) cylinder(r=r, h=12, $fn=16); }\n' +
                    'part(3); translate([20,0,0]) part(h); translate([40,0,0]) part(4);\n';
      const first = await client.render(model);
      const second = await client.render(model, { defines: { h: 2.5 } });
      client.dispose();
      return [first.result.stats.geometryCacheHits, second.result.stats.geometryCacheHits];
    });
    assert.equal(out[0], 0);
    assert.ok(out[1] >= 2, `hits ${out[1]}`);
  });
});
