// The widget's own customizer panel (viewer/src/viewer-customizer.ts) in
// Chromium with the real WASM engine: the toolbar's Params toggle, a slider
// move rendered in the worker and drawn at once, then written to Python as
// `viewer_edit`; Python's answer does not move the slider, a Python-side
// change does (without a new edit); a burst of moves renders the newest
// (latest wins); without a parameter list from Python the worker's engine
// parses the source; a worker error shows in the error panel (renderer
// "wasm") or goes to Python (renderer "auto"). Python is played by the fake
// model, as in worker-renderer.test.mjs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { engineDir, harnessPerTest } from './browser-harness.mjs';

if (!existsSync(path.join(engineDir, 'mos_wasm.wasm'))) {
  throw new Error(`${engineDir}/mos_wasm.wasm missing: run scripts/build_wasm.sh first`);
}

let page;
harnessPerTest((h) => ({ page } = h));

const MODEL = 'sides = 6; // [3:24]\nheight = 10; // [1:50]\n' +
  'assert(sides != 13, "thirteen sides");\ncylinder(h = height, r = 5, $fn = sides);\n';
// What Python's scad_parameters holds for MODEL (customizer.panel_parameters).
const PARAMETERS = [
  { name: 'sides', type: 'number', initial: 6, caption: '', group: '', line: 1, min: 3, max: 24 },
  { name: 'height', type: 'number', initial: 10, caption: '', group: '', line: 2, min: 1, max: 50 },
];
const prism = (sides) => 4 * sides - 4;

// Mounts a viewer whose model answers the engine requests (harness.html).
const mount = (traits) => page.evaluate((extra) => window.harness.mountWithEngine(extra), traits);

const AUTO = {
  renderer: 'auto', render_by: 'python', scad_source: MODEL, scad_parameters: PARAMETERS,
  render_info: { rev: 1 }, withMesh: true, panel: 'open',
};

const waitFor = (fn, arg) => page.waitForFunction(fn, arg, { timeout: 60_000 });
const python = (traits) => page.evaluate((t) => window.harness.model.setMany(t), traits);
const panelState = () => page.evaluate(() => {
  const v = window.harness.viewer;
  const root = v.root;
  const button = root.querySelector('.mos-toolbar button[data-action="panel"]');
  const slider = (name) => root.querySelector(`.mos-panel .mos-param[data-name="${name}"] input[type=range]`);
  const error = root.querySelector('.mos-error');
  return {
    button: button.hidden ? null : button.getAttribute('aria-pressed'),
    open: !root.querySelector('.mos-panel').hidden,
    names: [...root.querySelectorAll('.mos-panel .mos-param')].map((el) => el.dataset.name),
    sides: slider('sides') ? Number(slider('sides').value) : null,
    height: slider('height') ? Number(slider('height').value) : null,
    triangles: v.built?.triangleCount ?? 0,
    from: v.shownFrom,
    key: v.shownKey,
    edits: window.edits,
    counters: { ...v.customizer.counters },
    error: error.hidden ? '' : error.textContent,
  };
});
// Moves a panel slider as a pointer drag does: value, then an input event.
const slide = (name, values) => page.evaluate(({ name, values }) => {
  const slider = window.harness.viewer.root.querySelector(`.mos-panel .mos-param[data-name="${name}"] input[type=range]`);
  for (const v of values) {
    slider.value = String(v);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }
}, { name, values });

describe('the Params toggle', () => {
  it('shows the panel for a model with parameters; the button and K toggle it', async () => {
    await mount({ ...AUTO, panel: 'closed' });
    let s = await panelState();
    assert.equal(s.button, 'false', 'the Params button is offered, not pressed');
    assert.equal(s.open, false, '"closed": the panel starts closed');
    assert.deepEqual(s.names, ['sides', 'height']);
    await page.click('.mos-toolbar button[data-action="panel"]');
    s = await panelState();
    assert.equal(s.open, true);
    assert.equal(s.button, 'true');
    assert.equal(s.sides, 6);
    await page.focus('.mos-viewer');
    await page.keyboard.press('k');
    assert.equal((await panelState()).open, false, 'K closes it');
    await page.keyboard.press('k');
    assert.equal((await panelState()).open, true, 'K opens it');
  });

  it('offers no panel for "off", nor for a model without parameters (a SolidPython object)', async () => {
    await mount({ ...AUTO, panel: 'off' });
    let s = await panelState();
    assert.equal(s.button, null);
    assert.equal(s.open, false);
    await python({ panel: 'open', scad_parameters: [] });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    s = await panelState();
    assert.equal(s.button, null, 'no parameters: no button');
    assert.equal(s.open, false);
    await python({ scad_parameters: PARAMETERS });
    await waitFor(() => !document.querySelector('.mos-panel').hidden);
    assert.equal((await panelState()).button, 'true', 'parameters arrived: the panel opens as asked');
  });
});

describe('renderer "auto": a slider move renders in the worker, then sets params', () => {
  it('draws at once, writes viewer_edit; Python\'s answer keeps the slider; a Python-side change moves it', async () => {
    await mount(AUTO);
    assert.equal((await panelState()).from, 'python');
    await slide('sides', [12]);
    await waitFor(() => window.harness.viewer.built?.triangleCount === 44);
    let s = await panelState();
    assert.equal(s.from, 'worker', 'the worker\'s mesh is drawn before Python knows');
    assert.equal(s.edits.length, 1);
    assert.deepEqual(s.edits[0].params, { sides: 12 }, 'only the changed value goes to Python');
    assert.equal(s.edits[0].base, 1);
    assert.equal(s.edits[0].render, undefined, 'drawn already: Python must not render it');
    // Python takes it without rendering: its answer names the edit.
    await python({ params: { sides: 12 }, params_edit: s.edits[0].edit, render_by: 'edit', state_rev: 2 });
    await waitFor(() => window.harness.viewer.shownKey[0] === 2);
    s = await panelState();
    assert.equal(s.sides, 12);
    assert.equal(s.counters.followed, 0, 'the answer to our own edit moves nothing');
    assert.equal(s.counters.drawn, 1);

    // A Python-side change (a marimo slider cell): the panel shows it, no new edit.
    await python({ params: { sides: 8, height: 30 }, params_edit: 0, render_by: 'python', state_rev: 3,
      render_info: { rev: 3 } });
    await waitFor(() => Number(document.querySelector('.mos-param[data-name="sides"] input[type=range]').value) === 8);
    s = await panelState();
    assert.equal(s.height, 30);
    assert.equal(s.edits.length, 1, 'setValues calls no onChange: no edit back to Python');
    assert.equal(s.counters.followed, 1);
    // Python's params {} again: the panel shows the initial values.
    await python({ params: {}, params_edit: 0, render_by: 'python', state_rev: 4, render_info: { rev: 4 } });
    await waitFor(() => Number(document.querySelector('.mos-param[data-name="height"] input[type=range]').value) === 10);
    assert.equal((await panelState()).sides, 6);
  });

  it('a burst of moves renders the newest (latest wins); every value Python lacks goes with it', async () => {
    await mount(AUTO);
    await slide('height', [20]);
    await slide('sides', [7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20]);
    await waitFor(() => window.harness.viewer.built?.triangleCount === 76 &&
      window.harness.viewer.customizer.counters.drawn + window.harness.viewer.customizer.counters.superseded === 14);
    const s = await panelState();
    assert.equal(s.counters.edits, 14);
    assert.ok(s.counters.superseded >= 10, `most moves were superseded: ${JSON.stringify(s.counters)}`);
    assert.ok(s.edits.length <= 4, `only drawn edits reach Python: ${s.edits.length}`);
    assert.deepEqual(s.edits.at(-1).params, { height: 20, sides: 20 },
      'the newest edit carries the earlier move Python has not got yet');
    const bbox = await page.evaluate(() => window.harness.viewer.built.bounds.max.z);
    assert.equal(bbox, 20, 'height 20 drawn');
  });

  it('an edit the worker cannot render goes to Python to render (the native engine has the last word)', async () => {
    await mount(AUTO);
    await slide('sides', [13]);
    await waitFor(() => window.harness.viewer.customizer.lastOutcome !== null);
    const s = await panelState();
    assert.equal(s.counters.native, 1);
    assert.deepEqual(s.edits.at(-1).params, { sides: 13 });
    assert.equal(s.edits.at(-1).render, true);
    // Python renders it and answers with its error and params_edit = the edit.
    await python({ params: { sides: 13 }, params_edit: s.edits.at(-1).edit, render_by: 'python', state_rev: 2,
      error: { message: 'Assertion failed: thirteen sides', rev: 2 } });
    await waitFor(() => !document.querySelector('.mos-error').hidden);
    const after = await panelState();
    assert.match(after.error, /thirteen sides/);
    assert.equal(after.sides, 13);
    assert.equal(after.counters.followed, 0, 'our own edit, rendered by Python: the slider stays');
  });
});

describe('renderer "wasm" without the native extension', () => {
  it('the worker\'s engine lists the parameters; its errors show in the error panel', async () => {
    await mount({ renderer: 'wasm', render_by: 'worker', scad_source: MODEL, scad_parameters: null, panel: 'open' });
    await waitFor(() => window.harness.viewer.built?.triangleCount === 20 &&
      document.querySelectorAll('.mos-panel .mos-param').length === 2);
    let s = await panelState();
    assert.deepEqual(s.names, ['sides', 'height']);
    assert.equal(s.counters.lookups, 1);
    await slide('sides', [13]);
    await waitFor(() => !document.querySelector('.mos-error').hidden);
    s = await panelState();
    assert.match(s.error, /thirteen sides/);
    assert.equal(s.triangles, 20, 'the last mesh stays under the error');
    assert.equal(s.edits.at(-1).render, undefined, 'renderer "wasm": the worker\'s error is the answer');
    await slide('sides', [9]);
    await waitFor(() => window.harness.viewer.built?.triangleCount === 32 && document.querySelector('.mos-error').hidden);
    // The model changes in Python: the worker lists the new parameters, keeping values.
    await python({ scad_source: 'sides = 6; // [3:24]\nwidth = 3; // [1:9]\ncylinder(h = width, r = 5, $fn = sides);\n',
      params: { sides: 9 }, state_rev: 4, render_by: 'worker' });
    await waitFor(() => [...document.querySelectorAll('.mos-panel .mos-param')].map((e) => e.dataset.name).join() === 'sides,width');
    s = await panelState();
    assert.equal(s.sides, 9);
    // A syntax error keeps the controls.
    await python({ scad_source: 'sides = 6; // [3:24]\ncube(2;\n', state_rev: 5, render_by: 'worker' });
    await waitFor(() => !document.querySelector('.mos-error').hidden);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    assert.deepEqual((await panelState()).names, ['sides', 'width']);
  });
});

describe('the worker\'s parameter list and a worker replaced at the deadline', () => {
  it('a list asked of a worker that is then replaced is asked again of the next one', async () => {
    // 1e12 loop rounds: runs for hours; the list request waits behind it.
    const endless = 'n = 1; // [0:9]\necho(len([for (i = [0:9999]) for (j = [0:9999]) for (k = [0:9999]) if (i < 0) i]));\n';
    await mount({ renderer: 'wasm', render_by: 'worker', scad_source: endless, scad_parameters: null, panel: 'open' });
    await waitFor(() => window.harness.viewer.worker.workerCounters?.workersStarted === 1 &&
      document.querySelector('.mos-status').classList.contains('mos-busy'));
    assert.deepEqual((await panelState()).names, [], 'no answer while the endless render runs');
    // A new model: its render waits, the endless one is ended at the 2 s
    // deadline with its worker, and the list is asked of the fresh worker.
    await python({ scad_source: MODEL, state_rev: 2, render_by: 'worker' });
    await waitFor(() => window.harness.viewer.built?.triangleCount === 20 &&
      document.querySelectorAll('.mos-panel .mos-param').length === 2);
    const s = await panelState();
    assert.deepEqual(s.names, ['sides', 'height']);
    assert.equal((await page.evaluate(() => window.harness.viewer.worker.workerCounters)).terminated, 1);
    assert.ok(s.counters.lookups >= 2, `asked again: ${s.counters.lookups}`);
  });
});
