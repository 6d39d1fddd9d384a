// Notebook benchmarks in a real marimo server (`marimo run`, 127.0.0.1) and
// Debian's Chromium (playwright-core, SwiftShader WebGL, the e2e flags):
//
//  latency: slider -> new frame on the example models. A slider is moved by
//    keyboard (one ArrowRight, a new value each time); the frame counts once
//    the viewer drew the new mesh and the browser reached its next animation
//    frame. Split with the timestamps the widget carries (render_info, the
//    viewer's lastMeshAt/lastDrawnAt, all wall-clock ms):
//      ui->kernel  key press until the viewer's params changed in Python
//                  (marimo sends the slider value, runs the reactive cell)
//      debounce    the viewer's render queue (debounce_ms, 30 by default)
//      engine      the render on the shared Engine (parse, evaluate, geometry)
//      transfer    Python hands the mesh to the widget until the browser has it
//      upload/draw decoding the buffers, building the Three.js geometry, drawing
//      present     until the next animation frame
//  memory: one notebook with 10 viewers of OpenSCAD's examples: proportional
//    set size (PSS) of the browser's processes and of the marimo server with
//    its kernel.
//
//   MOS_PYTHON=build-venv/bin/python node bench/notebook/run_notebook_bench.mjs [latency] [memory] [summary]
// ("summary" only rewrites notebook_bench.md from the JSON files, also
// notebook_panel_latency.json of run_panel_bench.mjs)
// Writes bench/results/notebook_latency.json, notebook_memory.json and
// prints a table. Timings are measurements, never assertions.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO, launchBrowser, notebookSource, openNotebook, startMarimo, stopMarimo, waitForViewers,
} from '../../tests/python/e2e/marimo-harness.mjs';

const EXAMPLES = process.env.MOS_OPENSCAD_EXAMPLES || '/usr/share/openscad/examples';
const RESULTS = path.join(REPO, 'bench/results');
const STEPS = Number(process.env.MOS_BENCH_STEPS || 15);
// MOS_BENCH_ONLY=text runs only the cases whose name contains it (the table
// then keeps the other rows of the last full run).
const ONLY = process.env.MOS_BENCH_ONLY || '';

// The example notebooks, by the index of the slider moved, and OpenSCAD's
// examples with a numeric top-level parameter, in a generated notebook.
const CASES = [
  { name: 'examples/quickstart.py (size)', notebook: 'examples/quickstart.py', slider: 0 },
  { name: 'examples/notebook.py (height)', notebook: 'examples/notebook.py', slider: 1 },
  { name: 'examples/customizer.py candleStand (count)', notebook: 'examples/customizer.py', slider: 0, steps: 7 },
  { name: 'Advanced/offset.scad (foot_height)', file: 'Advanced/offset.scad', param: 'foot_height', start: 20, stop: 60, step: 1 },
  { name: 'Advanced/animation.scad (arm1_length)', file: 'Advanced/animation.scad', param: 'arm1_length', start: 70, stop: 120, step: 1 },
  { name: 'Basics/text_on_cube.scad (letter_height)', file: 'Basics/text_on_cube.scad', param: 'letter_height', start: 5, stop: 20, step: 0.5 },
  { name: 'Old/example017.scad (thickness)', file: 'Old/example017.scad', param: 'thickness', start: 6, stop: 12, step: 0.25 },
  { name: 'Parametric/sign.scad (radius)', file: 'Parametric/sign.scad', param: 'radius', start: 80, stop: 120, step: 1 },
  { name: 'Basics/logo_and_text.scad (logosize)', file: 'Basics/logo_and_text.scad', param: 'logosize', start: 120, stop: 200, step: 2 },
];

function sliderNotebook(file, param, start, stop, step) {
  return notebookSource([`
def _(mo):
    slider = mo.ui.slider(${start}, ${stop}, step=${step}, value=${start}, label=${JSON.stringify(param)})
    slider
    return (slider,)
`, `
def _(mo, openscad_viewer):
    viewer = openscad_viewer(${JSON.stringify(file)}, {${JSON.stringify(param)}: ${start}}, timeout=120)
    mo.ui.anywidget(viewer)
    return (viewer,)
`, `
def _(slider, viewer):
    viewer.params = {${JSON.stringify(param)}: slider.value}
    return
`]);
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

// Runs in the page: notes when the last widget-state message (marimo's
// "model-lifecycle" update) arrived on the websocket, and its size, to split
// "transfer" into the wire (kernel -> browser) and marimo's handling in the page.
function recordWidgetMessages() {
  const Native = window.WebSocket;
  window.__mosWire = { at: 0, bytes: 0 };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (ev) => {
        if (typeof ev.data === 'string' && ev.data.includes('model-lifecycle') && ev.data.includes('"update"')) {
          window.__mosWire = { at: performance.timeOrigin + performance.now(), bytes: ev.data.length };
        }
      });
    }
  };
}

// One slider step: press, then wait in the page for the new frame.
async function oneStep(page, slider) {
  const t0 = await page.evaluate(() => performance.timeOrigin + performance.now());
  await slider.press('ArrowRight');
  return page.evaluate((since) => new Promise((resolve, reject) => {
    const find = () => {
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.classList.contains('mos-viewer')) return el;
          if (el.shadowRoot) { const f = walk(el.shadowRoot); if (f) return f; }
        }
        return null;
      };
      return walk(document)?.parentElement?.mosViewer;
    };
    const deadline = performance.now() + 180_000;
    const check = () => {
      const v = find();
      const info = v?.model.get('render_info') ?? {};
      if (v && info.requested_ms > since && v.lastDrawnAt > since && v.lastMeshAt > since) {
        const presented = performance.timeOrigin + performance.now();
        resolve({
          total: presented - since,
          uiToKernel: info.requested_ms - since,
          debounce: info.started_ms - info.requested_ms,
          engine: info.engine_ms,
          engineCpu: info.engine_cpu_ms ?? null,
          // The total less the time the engine waited for a CPU (per sample).
          totalLessEngineWait: presented - since - (info.engine_ms - (info.engine_cpu_ms ?? info.engine_ms)),
          transfer: v.lastMeshAt - info.sent_ms,
          wire: window.__mosWire.at - info.sent_ms,
          wireBytes: window.__mosWire.bytes,
          uploadDraw: v.lastDrawnAt - v.lastMeshAt,
          present: presented - v.lastDrawnAt,
          triangles: v.built?.triangleCount ?? 0,
        });
      } else if (performance.now() > deadline) {
        reject(new Error('no new frame'));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  }), t0);
}

async function latency(browser) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mos-bench-'));
  const rows = [];
  try {
    for (const c of CASES) {
      if (ONLY && !c.name.includes(ONLY)) continue;
      let notebook = c.notebook ? path.join(REPO, c.notebook) : null;
      if (!notebook) {
        const file = path.join(EXAMPLES, c.file);
        notebook = path.join(dir, `${path.basename(c.file, '.scad')}.py`);
        writeFileSync(notebook, sliderNotebook(file, c.param, c.start, c.stop, c.step));
      }
      const server = await startMarimo('run', notebook);
      try {
        const { page, context } = await openNotebook(browser, server, { width: 1200, height: 1400 }, recordWidgetMessages);
        await waitForViewers(page, (s) => s.length >= 1 && s[0].triangles > 0 && !s[0].loading, 300_000, c.name);
        await page.waitForTimeout(500);
        const slider = page.locator('[role="slider"]').nth(c.slider ?? 0);
        await slider.focus();
        const samples = [];
        for (let i = 0; i < (c.steps ?? STEPS); i++) {
          samples.push(await oneStep(page, slider));
          await page.waitForTimeout(100);
        }
        const keys = ['total', 'totalLessEngineWait', 'uiToKernel', 'debounce', 'engine', 'engineCpu', 'transfer', 'wire', 'wireBytes', 'uploadDraw', 'present'];
        const row = { name: c.name, samples: samples.length, triangles: samples.at(-1).triangles };
        for (const k of keys) {
          const v = samples.map((s) => s[k]);
          row[k] = { p50: percentile(v, 50), p95: percentile(v, 95) };
        }
        rows.push(row);
        console.log(`${c.name}: ${row.triangles} triangles, p50/p95 ms: ` +
          keys.map((k) => `${k} ${row[k].p50.toFixed(0)}/${row[k].p95.toFixed(0)}`).join(', '));
        await context.close();
      } finally {
        await stopMarimo(server);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

// --- memory --------------------------------------------------------------
function children() {
  const out = new Map();
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!out.has(ppid)) out.set(ppid, []);
      out.get(ppid).push(Number(pid));
    } catch { /* gone */ }
  }
  return out;
}

function tree(root, kids) {
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(kids.get(all[i]) ?? []));
  return all;
}

function pssKb(pid) {
  try {
    const m = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
}

function processKind(pid) {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const m = /--type=([a-z-]+)/.exec(cmd);
    return m ? m[1] : (cmd.includes('chrom') ? 'browser' : path.basename(cmd.split('\0')[0]));
  } catch { return '?'; }
}

const MEMORY_MODELS = ['Old/example001.scad', 'Old/example002.scad', 'Old/example004.scad',
  'Old/example005.scad', 'Old/example006.scad', 'Old/example010.scad', 'Basics/CSG.scad',
  'Basics/CSG-modules.scad', 'Basics/rotate_extrude.scad', 'Advanced/children.scad'];

function tenViewers() {
  return notebookSource(MEMORY_MODELS.map((m, i) => `
def _(mo, openscad_viewer):
    viewer_${i} = openscad_viewer(${JSON.stringify(path.join(EXAMPLES, m))})
    mo.ui.anywidget(viewer_${i})
    return (viewer_${i},)
`));
}

async function memory(mode) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mos-bench-'));
  const notebook = path.join(dir, 'ten_viewers.py');
  writeFileSync(notebook, tenViewers());
  const server = await startMarimo(mode, notebook);
  const browser = await launchBrowser();
  try {
    const { page } = await openNotebook(browser, server, { width: 1200, height: 1000 });
    const states = await waitForViewers(page, (s) => s.length === 10 && s.every((v) => v.triangles > 0 && !v.loading),
      300_000, 'ten meshes');
    await page.waitForTimeout(2000);
    const kids = children();
    const serverPids = new Set(tree(server.proc.pid, kids));
    const browserPids = tree(process.pid, kids).filter((p) => p !== process.pid && !serverPids.has(p));
    const byKind = {};
    for (const pid of browserPids) {
      const kind = processKind(pid);
      byKind[kind] = (byKind[kind] ?? 0) + pssKb(pid);
    }
    const browserMb = Object.values(byKind).reduce((a, b) => a + b, 0) / 1024;
    const kernelMb = [...serverPids].reduce((a, p) => a + pssKb(p), 0) / 1024;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const result = {
      mode,
      viewers: states.length,
      triangles: states.reduce((a, s) => a + s.triangles, 0),
      browserPssMb: browserMb,
      browserPssMbByProcess: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v / 1024])),
      tabJsHeapUsedMb: metrics.JSHeapUsedSize / 1048576,
      marimoServerAndKernelPssMb: kernelMb,
      totalMb: browserMb + kernelMb,
    };
    console.log(`10 viewers (marimo ${mode}): browser ${browserMb.toFixed(0)} MB, ` +
      `marimo server + kernel ${kernelMb.toFixed(0)} MB, total ${result.totalMb.toFixed(0)} MB`);
    return result;
  } finally {
    await browser.close();
    await stopMarimo(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

const what = process.argv.slice(2).filter((w) => w !== 'summary');
const onlySummary = process.argv.length > 2 && !what.length;
const doLatency = !onlySummary && (!what.length || what.includes('latency'));
const doMemory = !onlySummary && (!what.length || what.includes('memory'));
mkdirSync(RESULTS, { recursive: true });
const meta = {
  date: new Date().toISOString(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model,
  loadavg: os.loadavg(), chromium: '/usr/bin/chromium (SwiftShader, --disable-gpu)',
};
if (doLatency) {
  const browser = await launchBrowser();
  try {
    let rows = await latency(browser);
    if (ONLY) { // keep the other rows of the last run, in CASES order
      let last = [];
      try { last = JSON.parse(readFileSync(path.join(RESULTS, 'notebook_latency.json'), 'utf8')).rows; } catch { /* none */ }
      const fresh = new Map(rows.map((r) => [r.name, r]));
      const old = new Map(last.map((r) => [r.name, r]));
      rows = CASES.map((c) => fresh.get(c.name) ?? old.get(c.name)).filter(Boolean);
    }
    writeFileSync(path.join(RESULTS, 'notebook_latency.json'), JSON.stringify({ ...meta, rows }, null, 2) + '\n');
  } finally {
    await browser.close();
  }
}
if (doMemory) {
  const runs = [await memory('run'), await memory('edit')];
  writeFileSync(path.join(RESULTS, 'notebook_memory.json'), JSON.stringify({ ...meta, runs }, null, 2) + '\n');
}

// bench/results/notebook_bench.md from the JSON files (the latest of each).
function summary() {
  const read = (name) => {
    try { return JSON.parse(readFileSync(path.join(RESULTS, name), 'utf8')); } catch { return null; }
  };
  const lat = read('notebook_latency.json'), mem = read('notebook_memory.json');
  const panel = read('notebook_panel_latency.json');
  const f = (x) => (x === null || x === undefined ? '–' : x.toFixed(0));
  const lines = ['# Notebook benchmarks (marimo run + Chromium)', '',
    'Made by `MOS_PYTHON=build-venv/bin/python node bench/notebook/run_notebook_bench.mjs`',
    '(see the comment at the top of that file for what each column measures). Chromium',
    'is headless with SwiftShader (software WebGL, `--disable-gpu`): drawing is on the CPU.', ''];
  if (lat) {
    lines.push(`## Slider → new frame (${lat.date}, ${lat.cpus} CPUs, load average ${lat.loadavg.map((x) => x.toFixed(1)).join(' ')})`, '',
      'p50 / p95 in ms. Goal: p95 ≤ 200 ms where the engine takes under 100 ms.', '',
      '"message" is the size of marimo\'s websocket message carrying the mesh (binary traits',
      'travel base64-encoded in JSON); "transfer" runs from Python handing the mesh to the widget',
      'until the viewer has it, most of it until that message arrives.', '',
      '"engine CPU" is the CPU time of the render thread: on a busy machine the engine\'s wall time is',
      'larger by the time it waited for a CPU; "less engine wait" is each step\'s total less that wait',
      '(the other columns still include their own waits).', '',
      '| model (parameter) | triangles | total | less engine wait | ui→kernel | debounce | engine | engine CPU | transfer | message kB | upload/draw | present |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of lat.rows) {
      const cell = (k) => `${f(r[k].p50)} / ${f(r[k].p95)}`;
      const kb = r.wireBytes ? (r.wireBytes.p50 / 1000).toFixed(0) : '–';
      const lessWait = r.totalLessEngineWait ? cell('totalLessEngineWait') : '–';
      lines.push(`| ${r.name} | ${r.triangles} | **${cell('total')}** | ${lessWait} | ${cell('uiToKernel')} | ${cell('debounce')} | ` +
        `${cell('engine')} | ${r.engineCpu ? cell('engineCpu') : '–'} | ${cell('transfer')} | ${kb} | ${cell('uploadDraw')} | ${cell('present')} |`);
    }
    lines.push('');
    if (lat.notes) lines.push(...lat.notes, '');
  }
  if (panel) {
    lines.push(`## Panel slider → new frame, in the viewer's WASM worker (${panel.date}, ${panel.cpus} CPUs, load average ${panel.loadavg.map((x) => x.toFixed(1)).join(' ')})`, '',
      `Made by \`${panel.command}\` (run_panel_bench.mjs; the comment at its top says what each column`,
      'measures): the viewer\'s own customizer panel, each move an input event of its slider, rendered in',
      'the worker and drawn with no Python round trip (Python is told afterwards and renders nothing).',
      'p50 / p95 in ms over sequential moves to new values. Goal (issue 8): p95 ≤ 100 ms where the',
      'native render is under 30 ms.', '',
      '| model (parameter) | moves | triangles | total | drawn | engine (worker) | draw | present | first move (engine warm-up) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of panel.rows) {
      const cell = (k) => `${f(r[k].p50)} / ${f(r[k].p95)}`;
      lines.push(`| ${r.name} | ${r.moves} | ${r.triangles} | **${cell('total')}** | ${cell('drawn')} | ${cell('engine')} | ` +
        `${cell('draw')} | ${cell('present')} | ${f(r.warmUpMs)} |`);
    }
    lines.push('');
  }
  if (mem) {
    lines.push(`## 10 viewers in one notebook (${mem.date})`, '',
      'Proportional set size (PSS) in MB, after all ten meshes are drawn.', '',
      '| marimo mode | triangles | browser (all processes) | of which renderer / gpu | tab JS heap | marimo server + kernel | total |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of mem.runs) {
      const by = r.browserPssMbByProcess;
      lines.push(`| ${r.mode} | ${r.triangles} | ${f(r.browserPssMb)} | ${f(by.renderer)} / ${f(by['gpu-process'])} | ` +
        `${f(r.tabJsHeapUsedMb)} | ${f(r.marimoServerAndKernelPssMb)} | **${f(r.totalMb)}** |`);
    }
    lines.push('');
  }
  writeFileSync(path.join(RESULTS, 'notebook_bench.md'), lines.join('\n'));
}
summary();
