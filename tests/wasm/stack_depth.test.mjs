// Deep OpenSCAD recursion in a Chromium worker (render-worker.ts through
// RenderClient): Chromium gives a worker thread 500 KB of native stack
// (against ~1 MB on a page's main thread and in Node), and every WASM call
// frame lives there. The WASM build's recursion limit
// (bindings/wasm/wasm_request.cpp) is sized so that every recursion shape
// ends in the engine's own "Recursion detected" error, cold (baseline
// compiled) or warm (optimised), and the worker stays the same warm worker;
// a recursion just inside the limit renders, geometry and all.
//   node --test tests/wasm/   (needs build-wasm: bindings/wasm/build_and_test.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../viewer/browser-harness.mjs';
import { bundle, engineDir, startServer } from './worker-harness.mjs';
import { RUNAWAY } from './runaway_shapes.mjs';

// The deepest recursion of the example models: polygon_areas.scad's sum()
// over 360 elements (~1090 evaluator frames), the reason for the limit.
const SUM_360 = 'function sum(values, s = 0) =\n  s == len(values) - 1 ? values[s] : values[s] + sum(values, s + 1);\n' +
  'echo(sum([for (i = [1:360]) i]));\n';
// Finite recursion, N levels deep: the deepest N the limit lets through must
// render without a crash (the geometry of a tree that deep, up to the
// geometry stage's own depth limit; the echo of a list nested that deep).
const FINITE = {
  'a translate chain (geometry)': 'module m(n) { if (n > 0) translate([0, 0, 1]) m(n - 1); else cube(1); }\nm(N);\n',
  'a union chain (geometry)': 'module m(n) { if (n > 0) union() { m(n - 1); translate([n, 0, 0]) cube(1); } else cube(1); }\nm(N);\n',
  'a nested list, echoed': 'function f(n) = n > 0 ? [f(n - 1)] : [];\nx = f(N);\necho(x);\n',
};

if (!existsSync(path.join(engineDir, 'mos_wasm.wasm'))) {
  throw new Error(`${engineDir}/mos_wasm.wasm missing: run bindings/wasm/build_and_test.sh first`);
}

let bundled, browser, server, context, page;
const errors = [];
before(async () => {
  bundled = await bundle();
  browser = await launchBrowser();
  let url;
  ({ server, url } = await startServer(bundled.dir, { isolated: false }));
  context = await browser.newContext();
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.harnessReady === true);
});
after(async () => {
  await context?.close();
  server?.close();
  await browser?.close();
  bundled?.cleanup();
  assert.deepEqual(errors, []);
});

// Renders each source on one client (one worker); per source its status and
// error messages; the client's counters at the end.
async function renderAll(sources, { fresh }) {
  return page.evaluate(async ([sources, fresh]) => {
    const results = {};
    let client = new window.RenderClient(window.engineOptions);
    let workers = 0, crashed = 0;
    for (const [name, source] of Object.entries(sources)) {
      if (fresh) {
        workers += client.counters.workersStarted;
        crashed += client.counters.crashed;
        client.dispose();
        client = new window.RenderClient(window.engineOptions);
      }
      const r = await client.render(source, { name: 'deep.scad' });
      results[name] = {
        status: r.status, failure: r.error ?? null,
        errors: r.result ? r.result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) : [],
      };
    }
    const after = await client.render('echo(1 + 2);\n');
    workers += client.counters.workersStarted;
    crashed += client.counters.crashed;
    client.dispose();
    return { results, after: after.result?.echo ?? after.error, workers, crashed };
  }, [sources, fresh]);
}

function assertEngineErrors(out) {
  for (const [name, r] of Object.entries(out.results)) {
    assert.equal(r.status, 'done', `${name}: ${r.status} (${r.failure})`);
    assert.ok(r.errors.some((m) => /^Recursion detected/.test(m)), `${name}: errors ${JSON.stringify(r.errors)}`);
  }
  assert.match(out.after, /ECHO: 3/);
  assert.equal(out.crashed, 0, 'no worker crashed');
}

describe('runaway recursion ends in the engine\'s own error in a Chromium worker', () => {
  test('cold: each shape in a fresh worker', async () => {
    const out = await renderAll(RUNAWAY, { fresh: true });
    assertEngineErrors(out);
    assert.equal(out.workers, Object.keys(RUNAWAY).length, 'a fresh worker per shape, none replaced');
  });

  test('warm: every shape, three times over, in one worker', async () => {
    const sources = {};
    for (let round = 0; round < 3; round++) {
      for (const [name, source] of Object.entries(RUNAWAY)) sources[`${name} #${round}`] = source;
    }
    const out = await renderAll(sources, { fresh: false });
    assertEngineErrors(out);
    assert.equal(out.workers, 1, 'one warm worker throughout');
  });
});

describe('polygon_areas.scad\'s recursion fits the limit', () => {
  test('sum() over 360 elements, cold and warm', async () => {
    const out = await page.evaluate(async (source) => {
      const client = new window.RenderClient(window.engineOptions);
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const r = await client.render(source, { name: 'sum.scad' });
        runs.push({ status: r.status, echo: r.result?.echo ?? '', errors: r.result ? r.result.diagnostics.filter((d) => d.severity === 'error').length : -1 });
      }
      const crashed = client.counters.crashed;
      client.dispose();
      return { runs, crashed };
    }, SUM_360);
    assert.equal(out.crashed, 0);
    for (const r of out.runs) {
      assert.equal(r.status, 'done');
      assert.equal(r.errors, 0, r.echo);
      assert.match(r.echo, /ECHO: 64980/);
    }
  });
});

describe('recursion just inside the limit renders in a Chromium worker', () => {
  for (const [name, template] of Object.entries(FINITE)) {
    test(name, async () => {
      // The deepest N that evaluates (binary search, one warm worker), then
      // that N again in a fresh (cold) worker: both render completely.
      const out = await page.evaluate(async (template) => {
        const client = new window.RenderClient(window.engineOptions);
        const run = async (c, n) => {
          const r = await c.render(template.replace('N', String(n)), { name: 'deep.scad' });
          const errs = r.result ? r.result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) : [];
          return { status: r.status, failure: r.error ?? null, errors: errs, triangles: r.result?.triangles ?? 0,
                   echo: r.result?.echo ?? '' };
        };
        let lo = 1, hi = 100000;
        const seen = [];
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          const r = await run(client, mid);
          seen.push([mid, r.status, r.errors[0] ?? '']);
          if (r.status === 'done' && r.errors.length === 0) lo = mid; else hi = mid;
        }
        const warm = await run(client, lo);
        const beyond = await run(client, lo + 1);
        // Where the geometry stage cuts the tree, also the deepest tree it
        // renders whole (its full recursion), warm and, below, cold.
        const isCut = (r) => /Geometry tree nested deeper than/.test(r.echo);
        let whole = null;
        if (isCut(warm)) {
          let a = 1, b = lo;
          while (b - a > 1) {
            const mid = (a + b) >> 1;
            const r = await run(client, mid);
            seen.push([mid, r.status, r.errors[0] ?? '', isCut(r)]);
            if (r.status === 'done' && r.errors.length === 0 && !isCut(r)) a = mid; else b = mid;
          }
          whole = { n: a, warm: await run(client, a) };
        }
        const crashedWarm = client.counters.crashed;
        client.dispose();
        let coldClient = new window.RenderClient(window.engineOptions);
        const cold = await run(coldClient, lo);
        let crashedCold = 0;
        if (whole) {
          crashedCold += coldClient.counters.crashed;
          coldClient.dispose();
          coldClient = new window.RenderClient(window.engineOptions);
          whole.cold = await run(coldClient, whole.n);
        }
        crashedCold += coldClient.counters.crashed;
        coldClient.dispose();
        return { deepest: lo, warm, beyond, cold, whole, seen, crashed: crashedWarm + crashedCold };
      }, template);
      assert.equal(out.crashed, 0, `a worker crashed: ${JSON.stringify(out.seen)}`);
      assert.ok(out.deepest >= 100, `deepest ${out.deepest}`);
      for (const r of [out.warm, out.cold]) {
        assert.equal(r.status, 'done');
        assert.deepEqual(r.errors, []);
        // The geometry stage has a depth limit of its own (500 nested nodes
        // in WASM, src/geom/geometry_evaluator.cpp): a deeper tree renders
        // with its warning and without the part below.
        const cut = /Geometry tree nested deeper than/.test(r.echo);
        assert.ok(r.triangles > 0 || cut || r.echo.length > 2 * out.deepest, JSON.stringify(r).slice(0, 300));
      }
      if (out.whole) {
        for (const r of [out.whole.warm, out.whole.cold]) {
          assert.equal(r.status, 'done', JSON.stringify(r).slice(0, 300));
          assert.deepEqual(r.errors, []);
          assert.ok(r.triangles > 0 && !/Geometry tree nested deeper than/.test(r.echo));
        }
        console.log(`  ${name}: ${out.whole.n} levels render whole (the geometry stage's full depth)`);
      }
      assert.equal(out.beyond.status, 'done');
      assert.match(out.beyond.errors[0] ?? '', /^Recursion detected/);
      const cut = /Geometry tree nested deeper than/.test(out.warm.echo) ? ' (geometry cut at its own depth limit)' : '';
      console.log(`  ${name}: ${out.deepest} levels render${cut}; ${out.deepest + 1} end in "${out.beyond.errors[0]}"`);
    });
  }
});
