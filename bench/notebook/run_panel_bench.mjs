// Panel slider -> new frame through the viewer's WASM worker, in a real
// marimo server (`marimo run`, 127.0.0.1) and Debian's Chromium
// (playwright-core, SwiftShader WebGL, the e2e flags).
//
// The viewer's own customizer panel (viewer/src/viewer-customizer.ts) is
// opened, the engine loaded (prepareWorker) and one warm-up move made; then
// each of N moves sets the panel's slider to a new value and fires its
// input event, as a drag does, and waits for the frame:
//   total    input event until the first animation frame after the new
//            mesh was drawn (what the user sees)
//   drawn    input event until the mesh was built and drawn (Viewer.display)
//   engine   the render inside the worker's engine (worker clock)
//   draw     decoding the worker's mesh, building the geometry, drawing
// Moves are sequential (the next starts once the frame is up), so each
// renders (latest wins drops nothing). Python is told afterwards
// (viewer_edit) and renders nothing; that is not on the measured path.
//
//   MOS_PYTHON=build-venv/bin/python node bench/notebook/run_panel_bench.mjs
// Writes bench/results/notebook_panel_latency.json, prints a table and
// regenerates bench/results/notebook_bench.md (run_notebook_bench.mjs
// summary). MOS_BENCH_MOVES (default 20) moves per model. Timings are
// measurements, never assertions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REPO, launchBrowser, notebookSource, openNotebook, startMarimo, stopMarimo, VIEWER_ROOTS, waitForViewers,
} from '../../tests/python/e2e/marimo-harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLES = process.env.MOS_OPENSCAD_EXAMPLES || '/usr/share/openscad/examples';
const RESULTS = path.join(REPO, 'bench/results');
const MOVES = Number(process.env.MOS_BENCH_MOVES || 20);
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// Each case: a notebook, the panel parameter moved, the values of the moves
// (distinct: no geometry cache hits), and a warm-up value.
const CASES = [
  { name: 'examples/quickstart.py (size)', notebook: 'examples/quickstart.py', param: 'size', warm: 29,
    values: range(31, 30 + MOVES) },
  { name: 'Parametric/sign.scad (radius)', file: 'Parametric/sign.scad', param: 'radius', warm: 79,
    values: range(81, 80 + MOVES) },
  { name: 'Parametric/candleStand.scad (count)', file: 'Parametric/candleStand.scad', param: 'count', warm: 6,
    values: [8, 9, 10, 11, 12, 13, 14, 3, 4, 5].slice(0, MOVES) },
];

function panelNotebook(file) {
  return notebookSource([`
def _(mo, openscad_viewer):
    viewer = openscad_viewer(${JSON.stringify(file)}, panel=True)
    mo.ui.anywidget(viewer)
    return (viewer,)
`]);
}

// In the page: the first viewer's root element (shadow roots included).
const FIND_VIEWER = `${VIEWER_ROOTS}[0]`;

// One move: sets the slider, resolves at the first animation frame after
// the worker's new frame was drawn.
async function move(page, param, value) {
  return page.evaluate(({ find, param, value }) => {
    const root = eval(find); // eslint-disable-line no-eval
    const v = root.parentElement.mosViewer;
    const slider = root.querySelector(`.mos-panel .mos-param[data-name="${param}"] input[type=range]`);
    if (!slider) throw new Error(`no panel slider for ${param}`);
    return new Promise((resolve) => {
      const t0 = performance.now();
      const timer = setTimeout(() => { delete v.presentWorker; resolve({ timeout: true }); }, 60_000);
      v.presentWorker = function presentWorker(key, frame) {
        const previous = this.workerFrame;
        const shown = Object.getPrototypeOf(this).presentWorker.call(this, key, frame);
        if (shown && frame !== previous) {
          const drawn = performance.now();
          delete v.presentWorker;
          clearTimeout(timer);
          requestAnimationFrame(() => resolve({
            total: performance.now() - t0, drawn: drawn - t0, engine: frame.engineMs,
            draw: v.lastUploadMs, triangles: v.built?.triangleCount ?? 0, error: frame.error?.message ?? null,
          }));
        }
        return shown;
      };
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }, { find: FIND_VIEWER, param, value });
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const stats = (xs) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), n: xs.length });

async function runCase(browser, c) {
  let dir = null;
  let notebook = path.join(REPO, c.notebook ?? '');
  if (c.file) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mos-panel-bench-'));
    notebook = path.join(dir, 'panel_bench.py');
    writeFileSync(notebook, panelNotebook(path.join(EXAMPLES, c.file)));
  }
  const server = await startMarimo('run', notebook);
  try {
    const { page, context, errors } = await openNotebook(browser, server);
    await waitForViewers(page, (s) => s.length >= 1 && s[0].triangles > 0 && !s[0].loading, 180_000, c.name);
    // Open the panel (quickstart's viewer has it closed) and load the engine.
    const ready = await page.evaluate(async (find) => {
      const root = eval(find); // eslint-disable-line no-eval
      const v = root.parentElement.mosViewer;
      if (!v.customizer.isOpen) root.querySelector('.mos-toolbar button[data-action="panel"]').click();
      const t0 = performance.now();
      await v.prepareWorker();
      return { open: v.customizer.isOpen, engineMs: performance.now() - t0 };
    }, FIND_VIEWER);
    if (!ready.open) throw new Error(`${c.name}: the panel did not open`);
    const warm = await move(page, c.param, c.warm);
    const samples = [];
    for (const value of c.values) {
      const s = await move(page, c.param, value);
      if (s.timeout) throw new Error(`${c.name}: no frame for ${c.param} = ${value}`);
      if (s.error) throw new Error(`${c.name}: ${c.param} = ${value}: ${s.error}`);
      samples.push(s);
    }
    await context.close();
    if (errors.length) throw new Error(`${c.name}: page errors ${errors.join('; ')}`);
    const row = {
      name: c.name, moves: samples.length, triangles: samples.at(-1).triangles,
      warmUpMs: warm.total, engineLoadMs: ready.engineMs,
      total: stats(samples.map((s) => s.total)), drawn: stats(samples.map((s) => s.drawn)),
      engine: stats(samples.map((s) => s.engine)), draw: stats(samples.map((s) => s.draw)),
      present: stats(samples.map((s) => s.total - s.drawn)),
    };
    const f = (x) => x.toFixed(0);
    console.log(`${c.name}: ${row.moves} moves, ${row.triangles} triangles: total ${f(row.total.p50)} / ` +
      `${f(row.total.p95)} ms (p50 / p95), engine ${f(row.engine.p50)} / ${f(row.engine.p95)}, ` +
      `draw ${f(row.draw.p50)} / ${f(row.draw.p95)}, present ${f(row.present.p50)} / ${f(row.present.p95)}`);
    return row;
  } finally {
    await stopMarimo(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(RESULTS, { recursive: true });
const meta = {
  date: new Date().toISOString(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model,
  loadavg: os.loadavg(), chromium: '/usr/bin/chromium (SwiftShader, --disable-gpu)',
  command: 'MOS_PYTHON=build-venv/bin/python node bench/notebook/run_panel_bench.mjs',
};
const browser = await launchBrowser();
const rows = [];
try {
  for (const c of CASES) rows.push(await runCase(browser, c));
} finally {
  await browser.close();
}
meta.loadavgAfter = os.loadavg();
writeFileSync(path.join(RESULTS, 'notebook_panel_latency.json'), JSON.stringify({ ...meta, rows }, null, 2) + '\n');
execFileSync(process.execPath, [path.join(here, 'run_notebook_bench.mjs'), 'summary'], { stdio: 'inherit' });
