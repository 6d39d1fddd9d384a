// The viewer's WASM worker and the params protocol (viewer/src/
// worker-renderer.ts) in Chromium with the real engine: renderer "wasm"
// renders Python's state in the worker; applyParamsFromViewer renders and
// draws at once, then writes `viewer_edit`; Python's answer re-keys what is
// drawn; a Python-side change wins over an edit still rendering; stale
// results are dropped; worker errors (syntax, recursion crash) show in the
// panel. Python is played by the fake model: it answers the engine requests
// with the files of build-wasm (gzipped here, as the package ships them)
// and its trait updates are setMany() calls.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { engineDir, harnessPerTest } from './browser-harness.mjs';

if (!existsSync(path.join(engineDir, 'mos_wasm.wasm'))) {
  throw new Error(`${engineDir}/mos_wasm.wasm missing: run bindings/wasm/build_and_test.sh first`);
}

let page;
harnessPerTest((h) => ({ page } = h));

const CYLINDER = 'sides = 6; cylinder(h = 10, r = 5, $fn = sides);';
const prism = (sides) => 4 * sides - 4;

// Mounts a viewer whose model answers the engine requests (harness.html).
const mount = (traits) => page.evaluate((extra) => window.harness.mountWithEngine(extra), traits);

const triangles = () => page.evaluate(() => window.harness.viewer.built?.triangleCount ?? 0);
const state = () => page.evaluate(() => {
  const v = window.harness.viewer;
  const panel = document.querySelector('.mos-error');
  return {
    from: v.shownFrom, key: v.shownKey, triangles: v.built?.triangleCount ?? 0,
    error: panel.hidden ? '' : panel.textContent, counters: { ...v.worker.counters },
    edit: window.harness.model.get('viewer_edit') ?? null, engineRequests: window.engineRequests,
  };
});
const waitFor = (fn, arg) => page.waitForFunction(fn, arg, { timeout: 60_000 });
const apply = (values) => page.evaluate((v) => window.harness.viewer.applyParamsFromViewer(v), values);
const python = (traits) => page.evaluate((t) => window.harness.model.setMany(t), traits);

describe('renderer "wasm": Python\'s state rendered in the worker', () => {
  it('draws the worker\'s mesh, follows Python-side changes, shows a syntax error with its line', async () => {
    await mount({ renderer: 'wasm', render_by: 'worker', scad_source: CYLINDER });
    await waitFor(() => window.harness.viewer.built?.triangleCount > 0);
    let s = await state();
    assert.equal(s.triangles, prism(6));
    assert.equal(s.from, 'worker');
    assert.deepEqual(s.key, [1, 0]);
    assert.deepEqual(s.engineRequests, ['core'], 'no fonts or libraries for a model without text or libraries');

    await python({ params: { sides: 9 }, state_rev: 2, render_by: 'worker' });
    await waitFor(() => window.harness.viewer.built?.triangleCount === 32);
    assert.deepEqual((await state()).key, [2, 0]);

    await python({ scad_source: 'cube(1);\ncube(2;\n', state_rev: 3, render_by: 'worker' });
    await waitFor(() => !document.querySelector('.mos-error').hidden);
    s = await state();
    assert.match(s.error, /line 2|:2/);
    assert.match(s.error, /cube\(2;/, 'the panel quotes the failing line');
    assert.equal(s.triangles, 32, 'the last mesh stays under the error');

    // text() and MCAD: the fonts and libraries parts come only now, once.
    await python({ scad_source: 'use <MCAD/boxes.scad>\nroundedBox([20, 30, 10], 3, false);\nlinear_extrude(1) text("ab");\n',
      state_rev: 4, render_by: 'worker' });
    await waitFor(() => document.querySelector('.mos-error').hidden && window.harness.viewer.shownKey[0] === 4);
    s = await state();
    assert.ok(s.triangles > 12);
    assert.deepEqual(s.engineRequests, ['core', 'fonts', 'libraries']);
  });

  it('a recursion that overflows the worker\'s stack shows an error; the next render works', async () => {
    await mount({ renderer: 'wasm', render_by: 'worker', scad_source: 'module m(n) { if (n > 0) m(n - 1); else cube(1); }\nm(5000);\n' });
    await waitFor(() => !document.querySelector('.mos-error').hidden);
    assert.match((await state()).error, /recursion/i);
    await python({ scad_source: CYLINDER, state_rev: 2, render_by: 'worker' });
    await waitFor(() => window.harness.viewer.built?.triangleCount === 20);
    assert.equal((await state()).error, '');
  });
});

describe('renderer "wasm" without cross-origin isolation (marimo sends no COOP/COEP)', () => {
  it('a render still running 2 s after a newer state arrived is ended by replacing the worker', async () => {
    // 1e12 loop rounds: runs for hours, within every limit.
    const endless = 'echo(len([for (i = [0:9999]) for (j = [0:9999]) for (k = [0:9999]) if (i < 0) i]));\n';
    await mount({ renderer: 'wasm', render_by: 'worker', scad_source: endless });
    await waitFor(() => window.harness.viewer.worker.workerCounters?.workersStarted === 1 &&
      document.querySelector('.mos-status').classList.contains('mos-busy'));
    assert.equal(await page.evaluate(() => window.crossOriginIsolated), false);
    await python({ scad_source: CYLINDER, state_rev: 2, render_by: 'worker' });
    await waitFor(() => window.harness.viewer.built?.triangleCount === 20);
    const s = await state();
    const workers = await page.evaluate(() => window.harness.viewer.worker.workerCounters);
    assert.equal(workers.terminated, 1);
    assert.equal(workers.workersStarted, 2);
    assert.deepEqual(s.key, [2, 0]);
    assert.equal(s.error, '', 'the ended render shows nothing: a newer one replaced it');
  });
});

describe('renderer "auto": in-viewer edits in the worker, Python-side changes from Python', () => {
  const AUTO = { renderer: 'auto', render_by: 'python', scad_source: CYLINDER, render_info: { rev: 1 }, withMesh: true };

  it('applyParamsFromViewer draws at once, writes viewer_edit, and Python\'s answer re-keys it', async () => {
    await mount(AUTO);
    assert.equal((await state()).from, 'python');
    const outcome = await apply({ sides: 12 });
    assert.equal(outcome.status, 'drawn');
    let s = await state();
    assert.equal(s.triangles, prism(12));
    assert.equal(s.from, 'worker');
    assert.equal(s.key[0], 1);
    assert.ok(s.key[1] > 0, 'an edit is newer than revision 1');
    assert.deepEqual(s.edit, { params: { sides: 12 }, edit: outcome.edit, base: 1 });
    await python({ params: { sides: 12 }, params_edit: outcome.edit, render_by: 'edit', state_rev: 2 });
    await waitFor(() => window.harness.viewer.shownKey[0] === 2);
    s = await state();
    assert.deepEqual(s.key, [2, 0]);
    assert.equal(s.counters.authRenders, 0, 'nothing rendered again');
    assert.equal(s.triangles, prism(12));
  });

  it('a Python-side change later wins; a stale Python mesh is not drawn over a newer edit', async () => {
    await mount(AUTO);
    const first = await apply({ sides: 12 });
    await python({ params: { sides: 12 }, params_edit: first.edit, render_by: 'edit', state_rev: 2 });
    // Python changes params itself (rev 3): its mesh follows from Python.
    await python({ params: { sides: 4 }, params_edit: 0, render_by: 'python', state_rev: 3 });
    const pythonMesh = (rev) => page.evaluate((r) => {
      const h = window.harness;
      h.model.setMany({ ...h.traitsOf(h.meshes.cube(10)), render_info: { rev: r } });
    }, rev);
    await pythonMesh(3);
    await waitFor(() => window.harness.viewer.shownFrom === 'python');
    assert.deepEqual((await state()).key, [3, 0]);
    assert.equal(await triangles(), 12);
    // A newer edit, then a late Python mesh of revision 3: the edit stays.
    const second = await apply({ sides: 7 });
    assert.equal(second.status, 'drawn');
    await pythonMesh(3);
    await page.waitForTimeout(50);
    const s = await state();
    assert.equal(s.from, 'worker');
    assert.equal(s.triangles, prism(7));
  });

  it('an edit overtaken by a Python-side change while rendering is dropped and not sent', async () => {
    await mount(AUTO);
    await page.evaluate(() => window.harness.viewer.prepareWorker());
    // The Python-side change arrives while the worker renders the edit.
    const outcome = await page.evaluate(() => {
      const pending = window.harness.viewer.applyParamsFromViewer({ sides: 30 });
      window.harness.model.setMany({ params: { sides: 5 }, params_edit: 0, render_by: 'python', state_rev: 2 });
      return pending;
    });
    assert.equal(outcome.status, 'superseded');
    const s = await state();
    assert.equal(s.edit, null, 'nothing written to Python');
    assert.equal(s.from, 'python');
    assert.equal(s.triangles, 12);
  });

  it('a burst of edits draws only the newest', async () => {
    await mount(AUTO);
    const outcomes = await page.evaluate(() => {
      const v = window.harness.viewer;
      return Promise.all([8, 9, 10, 11, 16].map((n) => v.applyParamsFromViewer({ sides: n })));
    });
    assert.deepEqual(outcomes.map((o) => o.status), ['superseded', 'superseded', 'superseded', 'superseded', 'drawn']);
    const s = await state();
    assert.equal(s.triangles, prism(16));
    assert.equal(s.edit.params.sides, 16);
    assert.equal(s.counters.sentToPython, 1);
  });

  it('an edit the worker cannot render goes to Python to render', async () => {
    await mount({ ...AUTO, scad_source: 'sides = 6; assert(sides < 10, "too many sides"); cylinder(h = 10, r = 5, $fn = sides);' });
    const outcome = await apply({ sides: 12 });
    assert.equal(outcome.status, 'native');
    const s = await state();
    assert.equal(s.edit.render, true);
    assert.equal(s.from, 'python', 'the worker\'s error is not shown: Python has the last word');
  });

  it('renderer "native": an edit is only written to Python', async () => {
    await mount({ ...AUTO, renderer: 'native', scad_source: '' });
    const outcome = await apply({ sides: 12 });
    assert.equal(outcome.status, 'native');
    const s = await state();
    assert.deepEqual(s.edit.params, { sides: 12 });
    assert.equal(s.edit.render, true);
    assert.deepEqual(s.engineRequests, [], 'no engine download');
  });
});

// No native engine in Python (`mesh_from_viewer`, a Pyodide kernel): each
// result drawn goes to Python as a "mesh" message with the worker's arrays.
describe('mesh_from_viewer: the worker\'s results go to Python', () => {
  const NO_NATIVE = { renderer: 'wasm', render_by: 'worker', scad_source: CYLINDER, mesh_from_viewer: true };
  // The "mesh" messages sent, with their buffers' sizes, and for each
  // viewer_edit written the number of messages sent before it.
  const sentMeshes = () => page.evaluate(() => {
    const m = window.harness.model;
    return m.sent.map((c, i) => ({ c, sizes: (m.sentBuffers[i] ?? []).map((b) => b.byteLength) }))
      .filter((e) => e.c.type === 'mesh');
  });
  const recordEditOrder = () => page.evaluate(() => {
    const m = window.harness.model;
    const plain = m.set;
    window.sentBeforeEdit = [];
    m.set = (name, value) => {
      if (name === 'viewer_edit') window.sentBeforeEdit.push(m.sent.at(-1) ?? null);
      plain(name, value);
    };
  });
  const prismVolume = (n) => 10 * 0.5 * n * 25 * Math.sin((2 * Math.PI) / n);

  it('sends Python\'s state as drawn, then drawn_rev; an edit\'s mesh just before its viewer_edit', async () => {
    await mount(NO_NATIVE);
    await waitFor(() => window.harness.model.get('drawn_rev') === 1);
    let sent = await sentMeshes();
    assert.equal(sent.length, 1);
    const [first] = sent;
    assert.equal(first.c.rev, 1);
    assert.equal(first.c.ok, true);
    assert.equal(first.c.kind, '3d');
    assert.ok(Math.abs(first.c.volume - prismVolume(6)) < 1e-6, `volume ${first.c.volume}`);
    assert.deepEqual(first.c.bbox_max.map((v) => Math.round(v * 1000) / 1000), [5, 4.33, 10]);
    // positions (12 bytes a vertex), indices and part ids per triangle, palette.
    assert.equal(first.sizes.length, 4);
    assert.equal(first.sizes[1], 12 * prism(6));
    assert.equal(first.sizes[2], 4 * prism(6));
    assert.equal(first.sizes[0] % 12, 0);

    await recordEditOrder();
    const outcome = await apply({ sides: 12 });
    assert.equal(outcome.status, 'drawn');
    sent = await sentMeshes();
    assert.equal(sent.length, 2);
    assert.equal(sent[1].c.edit, outcome.edit);
    assert.equal(sent[1].sizes[1], 12 * prism(12));
    assert.ok(Math.abs(sent[1].c.volume - prismVolume(12)) < 1e-6);
    const before = await page.evaluate(() => window.sentBeforeEdit);
    assert.equal(before.length, 1);
    assert.equal(before[0].type, 'mesh', 'the mesh goes before the edit');
    assert.equal(before[0].edit, outcome.edit);
    // Python's answer to the edit is not rendered again, nor sent.
    await python({ params: { sides: 12 }, params_edit: outcome.edit, render_by: 'edit', state_rev: 2 });
    await waitFor(() => window.harness.viewer.shownKey[0] === 2);
    assert.equal((await sentMeshes()).length, 2);
  });

  it('a result another view sent already is not sent again; a failed edit sends its error', async () => {
    await mount({ ...NO_NATIVE, scad_source: 'sides = 6; assert(sides < 20, "too many sides"); cylinder(h = 10, r = 5, $fn = sides);' });
    await waitFor(() => window.harness.model.get('drawn_rev') === 1);
    await python({ drawn_rev: 2, params: { sides: 9 }, state_rev: 2, render_by: 'worker' });
    await waitFor(() => window.harness.viewer.built?.triangleCount === 32); // prism(9)
    assert.deepEqual((await sentMeshes()).map((e) => e.c.rev), [1], 'drawn_rev 2 came from another view');
    const outcome = await apply({ sides: 30 });
    assert.equal(outcome.status, 'error');
    const last = (await sentMeshes()).at(-1);
    assert.equal(last.c.edit, outcome.edit);
    assert.equal(last.c.ok, false);
    assert.match(last.c.message, /too many sides/);
    assert.deepEqual(last.sizes, []);
  });

  it('with the native engine in Python nothing is sent', async () => {
    await mount({ ...NO_NATIVE, mesh_from_viewer: false });
    await waitFor(() => window.harness.viewer.built?.triangleCount === 20); // prism(6)
    assert.equal((await apply({ sides: 12 })).status, 'drawn');
    assert.deepEqual(await sentMeshes(), []);
    assert.equal(await page.evaluate(() => window.harness.model.get('drawn_rev')), undefined);
  });
});
