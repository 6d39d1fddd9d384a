// End-to-end: the WASM engine inside the widget, in a real `marimo run`
// server and Debian's Chromium. The engine reaches the page over the
// widget's own channel (no internet, no server of ours).
//  - renderer="wasm": the model is rendered by the viewer's worker; a
//    syntax error shows its line in the panel;
//  - renderer="auto": applyParamsFromViewer (the customizer panel's hook)
//    renders in the worker and draws at once, then sets `params` in Python
//    (read back from a cell) without a second render there.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  canvasImage, launchBrowser, openNotebook, serverLogProblems, startMarimo, stopMarimo, waitForViewers,
} from './marimo-harness.mjs';

const MODEL = 'sides = 6; color("teal") cylinder(h = 10, r = 5, $fn = sides);';
const NOTEBOOK = `import marimo

app = marimo.App()


@app.cell
def _():
    import marimo as mo
    from marimo_openscad import openscad_viewer
    return mo, openscad_viewer


@app.cell
def _(mo, openscad_viewer):
    wasm_viewer = openscad_viewer(${JSON.stringify(MODEL)}, renderer="wasm")
    auto_viewer = openscad_viewer(${JSON.stringify(MODEL)})
    broken_viewer = openscad_viewer("cube(1);\\ncube(2;\\n", renderer="wasm")
    auto_ui = mo.ui.anywidget(auto_viewer)
    mo.vstack([mo.ui.anywidget(wasm_viewer), auto_ui, mo.ui.anywidget(broken_viewer)])
    return auto_ui, auto_viewer


@app.cell
def _(auto_ui, auto_viewer, mo):
    auto_ui.value  # runs again when the viewer writes the widget's state
    mo.md(f"readback params={auto_viewer.params} native_renders={auto_viewer.native_renders}")
    return


if __name__ == "__main__":
    app.run()
`;

// The viewers' own state (document order, shadow roots included).
function viewerInfo(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.classList.contains('mos-viewer')) found.push(el.parentElement.mosViewer);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found.map((v) => ({
      from: v.shownFrom, key: v.shownKey, auth: [v.worker.authRev, v.worker.lastForeignRev, [...v.worker.edits.keys()], v.worker.drawnEdit?.id], model: ['state_rev', 'render_by', 'params_edit', 'params'].map((n) => v.model.get(n)), counters: v.worker.counters, timings: v.worker.timings,
      transfer: v.engineTransfer.parts,
    }));
  });
}

describe('the WASM engine in the widget, marimo run', { timeout: 300_000 }, () => {
  let server, browser, page, errors, dir;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mos-e2e-wasm-'));
    const notebook = path.join(dir, 'wasm_renderer.py');
    writeFileSync(notebook, NOTEBOOK);
    server = await startMarimo('run', notebook);
    browser = await launchBrowser();
    // Sizes of the websocket messages marimo sends the page (its widget
    // channel carries binary buffers base64-encoded in JSON).
    const countFrames = () => {
      const Plain = window.WebSocket;
      window.wsFrames = [];
      window.WebSocket = class extends Plain {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (e) => window.wsFrames.push(typeof e.data === 'string' ? e.data.length : e.data.size ?? e.data.byteLength));
        }
      };
    };
    ({ page, errors } = await openNotebook(browser, server, undefined, countFrames));
  });

  after(async () => {
    await browser?.close();
    await stopMarimo(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renderer="wasm" draws the worker\'s mesh and shows its errors', async () => {
    const states = await waitForViewers(page, (s) => s.length === 3 && s[0].triangles > 0 && s[1].triangles > 0 &&
      s[2].error !== '' && !s[0].loading, 120_000, 'the worker\'s mesh and error');
    // A hexagonal prism: 2 * 4 cap triangles + 2 * 6 side triangles.
    assert.equal(states[0].triangles, 20);
    assert.equal(states[1].triangles, 20);
    assert.match(states[2].error, /line 2|:2/, `the syntax error names its line: ${states[2].error}`);
    assert.match(states[2].error, /cube\(2;/, 'the panel quotes the line');
    const info = await viewerInfo(page);
    assert.equal(info[0].from, 'worker');
    assert.equal(info[1].from, 'python', 'renderer="auto" renders Python-side state natively');
    assert.ok((await canvasImage(page, 0)).teal > 0.01, 'the worker\'s teal cylinder is drawn');
    const core = info[0].transfer.find((p) => p.part === 'core');
    assert.ok(core && core.gzipBytes < 1_000_000, `engine sent once, gzipped: ${JSON.stringify(info[0].transfer)}`);
    assert.equal(info[0].transfer.filter((p) => p.part === 'core').length, 1, 'one engine download for the page');
    const frames = await page.evaluate(() => window.wsFrames);
    const largest = Math.max(...frames);
    assert.ok(largest > core.gzipBytes && largest < 1.4 * core.gzipBytes + 10_000,
      `the engine message is its gzipped files in base64: ${largest} bytes for ${core.gzipBytes}`);
    assert.equal(frames.filter((n) => n > 500_000).length, 1, 'the engine crossed the websocket once');
    const t = info[0].timings;
    console.log(`# engine message ${largest} bytes on the websocket (gzipped files ${core.gzipBytes}, ` +
      `inflated ${core.bytes}); request -> inflated ${core.ms.toFixed(0)} ms; viewer created -> engine ready ` +
      `${(t.engineReadyAt - t.createdAt).toFixed(0)} ms -> first worker frame ${(t.firstFrameAt - t.createdAt).toFixed(0)} ms`);
  });

  it('applyParamsFromViewer renders in the worker, sets params in Python, no render there', async () => {
    const readback = page.getByText(/readback params=/);
    await readback.waitFor({ timeout: 60_000 });
    assert.match(await readback.textContent(), /params=\{\} native_renders=1/);
    const outcome = await page.evaluate(async () => {
      const found = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.classList.contains('mos-viewer')) found.push(el.parentElement.mosViewer);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return found[1].applyParamsFromViewer({ sides: 12 });
    });
    assert.equal(outcome.status, 'drawn', JSON.stringify(outcome));
    const states = await waitForViewers(page, (s) => s[1].triangles === 44, 30_000, 'the 12-sided prism');
    assert.equal(states[1].error, '');
    await page.getByText(/readback params=\{'sides': 12\}/).waitFor({ timeout: 60_000 });
    assert.match(await page.getByText(/readback params=/).textContent(), /native_renders=1$/,
      'Python took the params without rendering them again');
    // Python's answer names the edit: what is drawn becomes its revision.
    let info = await viewerInfo(page);
    for (let i = 0; i < 100 && info[1].key[1] !== 0; i++) {
      await page.waitForTimeout(100);
      info = await viewerInfo(page);
    }
    assert.equal(info[1].from, 'worker');
    assert.deepEqual(info[1].key, [2, 0], `Python answered the edit with revision 2: ${JSON.stringify(info[1])}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(serverLogProblems(server), [], 'no traceback or asyncio warning from marimo or the kernel');
  });
});

// A kernel without the native extension (as Pyodide): MARIMO_OPENSCAD_NO_NATIVE
// keeps `_mos` from loading, so renderer "auto" renders everything in the
// worker, Python-side params changes included.
const NO_NATIVE = `import marimo

app = marimo.App()


@app.cell
def _():
    import marimo as mo
    from marimo_openscad import openscad_viewer, native
    return mo, native, openscad_viewer


@app.cell
def _(mo):
    sides = mo.ui.slider(3, 24, value=6, label="sides")
    sides
    return (sides,)


@app.cell
def _(mo, native, openscad_viewer):
    viewer = openscad_viewer(${JSON.stringify(MODEL)})
    mo.vstack([mo.md(f"native={native.available()} renderer={viewer.renderer}"), mo.ui.anywidget(viewer)])
    return (viewer,)


@app.cell
def _(sides, viewer):
    viewer.params = {"sides": sides.value}
    return


if __name__ == "__main__":
    app.run()
`;

describe('without the native extension, marimo run', { timeout: 300_000 }, () => {
  let server, browser, page, errors, dir;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mos-e2e-nonative-'));
    const notebook = path.join(dir, 'no_native.py');
    writeFileSync(notebook, NO_NATIVE);
    server = await startMarimo('run', notebook, { MARIMO_OPENSCAD_NO_NATIVE: '1' });
    browser = await launchBrowser();
    ({ page, errors } = await openNotebook(browser, server));
  });

  after(async () => {
    await browser?.close();
    await stopMarimo(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renderer "auto" renders the model and Python-side changes in the worker', async () => {
    await page.getByText('native=False renderer=wasm').waitFor({ timeout: 60_000 });
    const start = await waitForViewers(page, (s) => s.length === 1 && s[0].triangles === 20 && !s[0].loading,
      120_000, 'the worker\'s hexagonal prism');
    assert.equal(start[0].error, '');
    const slider = page.locator('[role="slider"]').first();
    await slider.focus();
    await slider.press('End');  // sides = 24: Python sets params, the worker renders
    await waitForViewers(page, (s) => s[0].triangles === 4 * 24 - 4, 60_000, 'the 24-sided prism');
    const info = await viewerInfo(page);
    assert.equal(info[0].from, 'worker');
    assert.deepEqual(errors, []);
    assert.deepEqual(serverLogProblems(server), [], 'no traceback or asyncio warning from marimo or the kernel');
  });
});
