#!/usr/bin/env node
// The engine in the browser, measured in Debian's Chromium (issue 8, item 6).
// Never run in CI as a benchmark and never asserted on; --smoke is a quick
// check that the bench itself still works (a few models, a few changes).
//
// Starts its own static server on 127.0.0.1 (COOP/COEP, so the page is
// cross-origin isolated and the render client stops a superseded render
// through the shared cancel flag), opens bench-page.html (one viewer from
// viewer/src with Three.js, one RenderClient whose worker runs the WASM
// engine) and, for every model (OpenSCAD's examples and the SCAD models of
// the repository's examples/ notebooks):
//  - WASM engine time in the worker (median of --cold renders after a
//    warm-up, geometry cache off) vs the native engine
//    (mos_bench_render, fresh Engine per render, same run);
//  - parameter change -> new frame drawn latency through the worker, p50
//    and p95 over --changes changes of the model's first numeric customizer
//    parameter (from `mos -o x.param`); a model without one gets $fn
//    overrides (-D $fn=16, 18, ...);
//  - main-thread long tasks (PerformanceObserver 'longtask', > 50 ms) while
//    those renders run, in all and while the worker was rendering;
// and our kernel vs npm manifold-3d on the kernel stress models
// (bench/kernel_models.h) in one worker of the same page.
//
//   (cd viewer && npm ci); (cd bench && npm ci)      # playwright-core, esbuild, three; manifold-3d
//   bindings/wasm/build_and_test.sh                  # or just build build-wasm
//   scripts/build_native.sh mos_cli mos_bench_render
//   bindings/wasm/build_font_libs.sh                 # FreeType/HarfBuzz (build_and_test.sh runs it)
//   NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build-wasm-bench -G Ninja -DCMAKE_BUILD_TYPE=Release \
//       -DMOS_BUILD_BENCH=ON -DMOS_BUILD_TESTS=OFF -DMOS_BUILD_CLI=OFF \
//       -DMOS_WASM_FONT_PREFIX="$PWD/build-wasm-deps/prefix"
//   cmake --build build-wasm-bench -j2 --target mos_bench_kernel_web
//   node bench/browser/run_browser_bench.mjs [--changes 20] [--cold 3] [--only REGEX]
//       [--kernel-min-time 0.5] [--no-kernel] [--out bench/results/browser_bench.md] [--smoke]
//       [--antialias auto|on|off] [--no-cull]     # the viewer's frame-cost choices, for A/B runs
//       [--prepare-on-page]   # the mesh's part grouping and edges on the page's main thread (before session 7)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { serveStatic } from '../../tests/wasm/static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'viewer/package.json'));

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader',
  '--disable-background-networking'];
const EXAMPLES = process.env.MOS_OPENSCAD_EXAMPLES || '/usr/share/openscad/examples';

function parseArgs(argv) {
  const a = {
    wasmBuild: path.join(repo, 'build-wasm'), native: path.join(repo, 'build/bin/mos'),
    benchRender: path.join(repo, 'build/bench/mos_bench_render'),
    kernelModule: path.join(repo, 'build-wasm-bench/bench/mos_bench_kernel_web.mjs'),
    changes: 20, cold: 3, only: null, kernelMinTime: 0.5, kernel: true, out: null, smoke: false, antialias: 'auto', cull: true, prepareInWorker: true,
  };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i], v = () => argv[++i];
    if (k === '--wasm-build') a.wasmBuild = path.resolve(v());
    else if (k === '--native') a.native = path.resolve(v());
    else if (k === '--bench-render') a.benchRender = path.resolve(v());
    else if (k === '--kernel-module') a.kernelModule = path.resolve(v());
    else if (k === '--changes') a.changes = Number(v());
    else if (k === '--cold') a.cold = Number(v());
    else if (k === '--only') a.only = new RegExp(v());
    else if (k === '--kernel-min-time') a.kernelMinTime = Number(v());
    else if (k === '--no-kernel') a.kernel = false;
    else if (k === '--out') a.out = path.resolve(v());
    else if (k === '--smoke') a.smoke = true;
    else if (k === '--antialias') a.antialias = v();
    else if (k === '--no-cull') a.cull = false;
    else if (k === '--prepare-on-page') a.prepareInWorker = false;
    else throw new Error(`unknown argument ${k}`);
  }
  if (!['auto', 'on', 'off'].includes(a.antialias)) throw new Error('--antialias: auto, on or off');
  if (a.smoke) {
    a.changes = 3;
    a.cold = 1;
    a.kernelMinTime = 0;
    a.only ??= /^(Basics\/CSG\.scad|Parametric\/candleStand\.scad|repo\/quickstart)$/;
  }
  return a;
}

// ---- models

// The SCAD text of the repository's example notebooks (a `SOURCE = """...`
// or `MODEL = """...` cell), written to `dir` for the native runs.
function repoModels(dir) {
  const out = [];
  for (const f of readdirSync(path.join(repo, 'examples')).filter((f) => f.endsWith('.py')).sort()) {
    const text = readFileSync(path.join(repo, 'examples', f), 'utf8');
    const m = /^\s*(?:SOURCE|MODEL)\s*=\s*"""\\?\n?([\s\S]*?)"""/m.exec(text);
    if (!m) continue;
    const name = `repo/${f.replace(/\.py$/, '')}`;
    const file = path.join(dir, `${f.replace(/\.py$/, '')}.scad`);
    writeFileSync(file, m[1]);
    out.push({ name, source: m[1], nativeFile: file });
  }
  return out;
}

function exampleModels() {
  const out = [];
  for (const entry of readdirSync(EXAMPLES, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const group = entry.name, dir = path.join(EXAMPLES, group);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.scad')).sort()) {
      // The examples data package (mos_libraries.data) mounts them at /examples.
      out.push({ name: `${group}/${f}`, source: '', file: `/examples/${group}/${f}`, nativeFile: path.join(dir, f) });
    }
  }
  return out;
}

// The customizer parameters as the native engine lists them (`-o x.param`).
function parameters(native, file, tmp) {
  const out = path.join(tmp, 'p.param');
  rmSync(out, { force: true });
  spawnSync(native, [file, '-o', out], { stdio: 'ignore', cwd: path.dirname(file) });
  if (!existsSync(out)) return [];
  try { return JSON.parse(readFileSync(out, 'utf8')).parameters ?? []; } catch { return []; }
}

// The values a slider on the model's first numeric parameter walks through,
// one step per change: a dropdown cycles its options; a range bounces
// between its ends in steps of its step (or 1/50 of the range); an integer
// goes up and down by 1 (v+1, v+2, v+3, v+2, ...: values repeat, as when a
// slider goes back and forth); any other number grows by 1% per change
// (every value new). Without a numeric parameter, $fn = 16, 18, 20, ...
export function plannedChanges(params, n) {
  const p = params.find((q) => q.type === 'number' && typeof q.initial === 'number' && Number.isFinite(q.initial));
  if (!p) {
    return { param: '$fn', how: '$fn override', values: Array.from({ length: n }, (_, k) => 16 + 2 * k) };
  }
  const v0 = p.initial;
  let values, how;
  const opts = (p.options ?? []).map((o) => o.value).filter((x) => typeof x === 'number' && x !== v0);
  if (opts.length) {
    values = Array.from({ length: n }, (_, k) => (k % 2 ? v0 : opts[(k >> 1) % opts.length]));
    how = 'dropdown';
  } else if (typeof p.min === 'number' && typeof p.max === 'number' && p.max > p.min) {
    const step = typeof p.step === 'number' && p.step > 0 ? p.step : (Number.isInteger(v0) && Number.isInteger(p.min) && Number.isInteger(p.max) ? 1 : (p.max - p.min) / 50);
    values = [];
    let v = v0, dir = 1;
    while (values.length < n) {
      if (v + dir * step > p.max + 1e-9 || v + dir * step < p.min - 1e-9) dir = -dir;
      v += dir * step;
      values.push(Number(v.toFixed(10)));
    }
    how = `slider [${p.min}:${p.max}]`;
  } else if (Number.isInteger(v0)) {
    const wave = [1, 2, 3, 2, 1, 0];
    values = Array.from({ length: n }, (_, k) => v0 + wave[k % wave.length]);
    how = 'integer +-1';
  } else {
    values = Array.from({ length: n }, (_, k) => Number((v0 * (1 + 0.01 * (k + 1))).toFixed(10)));
    how = '+1% each';
  }
  return { param: p.name, how, values };
}

// Native engine seconds (mos_bench_render: median of `repeats` renders, each
// on a fresh Engine, geometry included, after a warm-up), or null when it
// fails.
function nativeSeconds(benchRender, file, repeats) {
  const r = spawnSync(benchRender, ['--repeats', String(repeats), '--geometry', file], { encoding: 'utf8', cwd: path.dirname(file) });
  const m = /\s([0-9.]+)\s+[0-9.]+\s*$/.exec(r.stdout ?? '');
  return r.status === 0 && m ? Number(m[1]) : null;
}

// ---- server and page

async function bundle(outDir) {
  const esbuild = require('esbuild');
  // viewer.ts inlines the render worker through the viewer's worker-source plugin.
  const { workerSource } = await import(pathToFileURL(path.join(repo, 'viewer/esbuild-common.mjs')).href);
  await esbuild.build({
    plugins: [workerSource],
    entryPoints: { 'bench-page': path.join(here, 'bench-page.ts'), 'kernel-worker': path.join(here, 'kernel-worker.ts'),
      'render-worker': path.join(repo, 'viewer/src/render-worker.ts') },
    bundle: true, format: 'esm', target: 'es2020', outdir: outDir, logLevel: 'warning',
    nodePaths: [path.join(repo, 'viewer/node_modules')],
  });
}

// Cross-origin isolated: SharedArrayBuffer, so the client's cancel flag works.
const startServer = (roots) => serveStatic(roots, { index: 'bench-page.html', isolated: true });

// ---- figures

const pct = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const f = (x, d = 1) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(d));
const maxOf = (xs) => (xs.length ? Math.max(...xs) : 0);

// CPU time (ms) of our Chromium's processes, read from /proc (Linux): the
// page's main thread, its workers (the engine), the rest of the renderer
// processes, and the GPU process (where SwiftShader rasterizes the WebGL
// frames and the compositor's output). Unlike the wall-clock latencies these
// barely move with the machine's load. Processes are ours when their command
// line names our browser's --user-data-dir.
const CLOCK_MS = 10; // USER_HZ 100
function threadCpu(pid, tid) {
  const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
  return { comm: st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')), ms: (Number(f[11]) + Number(f[12])) * CLOCK_MS };
}
function chromiumProcesses() {
  const self = String(process.pid);
  const read = (pid, what) => { try { return readFileSync(`/proc/${pid}/${what}`, 'utf8'); } catch { return ''; } };
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const root = pids.find((p) => read(p, 'stat').split(') ')[1]?.split(' ')[1] === self && read(p, 'cmdline').includes('--user-data-dir='));
  if (!root) return [];
  const dir = /--user-data-dir=([^\0]+)/.exec(read(root, 'cmdline'))?.[1];
  return pids.filter((p) => read(p, 'cmdline').includes(`--user-data-dir=${dir}`))
    .map((p) => ({ pid: p, type: /--type=([a-z-]+)/.exec(read(p, 'cmdline'))?.[1] ?? 'browser' }));
}
function chromiumCpu(procs) {
  const out = { main: 0, worker: 0, renderer: 0, gpu: 0 };
  for (const { pid, type } of procs) {
    let tids = [];
    try { tids = readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tids) {
      let t;
      try { t = threadCpu(pid, tid); } catch { continue; }
      if (type === 'gpu-process') out.gpu += t.ms;
      else if (type === 'renderer' && tid === pid) out.main += t.ms;
      else if (type === 'renderer' && t.comm.startsWith('DedicatedWorker')) out.worker += t.ms;
      else if (type === 'renderer') out.renderer += t.ms;
    }
  }
  return out;
}

function loadAverage() {
  return os.loadavg().map((x) => x.toFixed(2)).join(' ');
}

async function main() {
  const args = parseArgs(process.argv);
  const engineDir = path.join(args.wasmBuild, 'bindings/wasm');
  for (const [what, p] of [['WASM engine (build-wasm)', path.join(engineDir, 'mos_wasm.wasm')],
    ['native mos', args.native], ['mos_bench_render', args.benchRender], ['Chromium', CHROMIUM]]) {
    if (!existsSync(p)) throw new Error(`${what} missing: ${p} (see the top of ${path.relative(repo, fileURLToPath(import.meta.url))})`);
  }
  const manifoldDir = path.join(repo, 'bench/node_modules/manifold-3d');
  let kernelNote = null;
  if (args.kernel && !existsSync(args.kernelModule)) kernelNote = `kernel module missing: ${args.kernelModule}`;
  else if (args.kernel && !existsSync(path.join(manifoldDir, 'manifold.js'))) kernelNote = 'manifold-3d missing: (cd bench && npm ci)';
  if (kernelNote) {
    if (args.smoke) throw new Error(kernelNote);
    console.log(`kernel comparison left out: ${kernelNote}`);
  }
  const doKernel = args.kernel && !kernelNote;

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mos-browser-bench-'));
  const started = new Date();
  const loadBefore = loadAverage();
  try {
    const models = [...exampleModels(), ...repoModels(tmp)].filter((m) => !args.only || args.only.test(m.name));
    if (!models.length) throw new Error('no models');
    for (const m of models) {
      m.plan = plannedChanges(parameters(args.native, m.nativeFile, tmp), args.changes);
      m.nativeS = nativeSeconds(args.benchRender, m.nativeFile, args.cold);
    }

    const bundleDir = path.join(tmp, 'bundle');
    await bundle(bundleDir);
    const roots = { '/bundle/': bundleDir, '/engine/': engineDir, '/manifold/': manifoldDir };
    if (doKernel) roots['/kernel/'] = path.dirname(args.kernelModule);
    roots['/'] = here;  // last: the first matching prefix serves
    const { server, url } = await startServer(roots);
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const chromiumVersion = browser.version();
    const rows = [];
    let kernel = null;
    let glInfo = '?';
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      const pageErrors = [];
      page.on('pageerror', (e) => { pageErrors.push(String(e)); console.error(`page error: ${e}`); });
      page.on('console', (msg) => { if (msg.type() === 'error') console.error(`page console: ${msg.text()}`); });
      await page.goto(url);
      await page.waitForFunction(() => window.benchReady === true);
      if (process.env.NODRAW) await page.evaluate(() => { window.noDraw = true; });
      const init = await page.evaluate(([engine, aa, cull, inWorker]) => window.bench.init(engine, aa, cull, inWorker), [{
        workerUrl: '/bundle/render-worker.js', moduleUrl: '/engine/mos_wasm.mjs',
        packages: ['/engine/mos_fonts.data', '/engine/mos_libraries.data'],
      }, args.antialias === 'auto' ? undefined : args.antialias === 'on', args.cull, args.prepareInWorker]);
      glInfo = `${init.gl}, antialias ${init.antialias ? 'on' : 'off'}${args.antialias === 'auto' ? ' (viewer default)' : ' (forced)'}` +
        `${args.cull ? '' : ', back-face culling off (--no-cull)'}` +
        `${args.prepareInWorker ? '; mesh prepared in the worker' : '; mesh prepared on the page (--prepare-on-page)'}`;
      console.log(`WebGL: ${glInfo}`);
      console.log(`Chromium ${chromiumVersion}; engine loaded in the worker in ${f(init.loadMs, 0)} ms; ` +
                  `cross-origin isolated: ${init.isolated}`);
      // MOS_BENCH_TRACE=FILE: a Chromium trace of the parameter changes
      // (main thread, compositor, GPU process) for bench/browser/trace_summary.mjs.
      const traceFile = process.env.MOS_BENCH_TRACE;
      if (traceFile) {
        await browser.startTracing(page, { path: path.resolve(traceFile), screenshots: false,
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'cc', 'gpu',
            'viz', 'v8', 'benchmark', 'blink.user_timing', 'disabled-by-default-gpu.service'] });
      }
      for (const m of models) {
        const model = { name: m.name, source: m.source, file: m.file };
        const cold = await page.evaluate(([mm, n]) => window.bench.coldRenders(mm, n), [model, args.cold]);
        // Models slower than 2 s in the worker get 5 changes (the bench stays minutes long).
        const n = cold.engineSeconds > 2 ? Math.min(5, args.changes) : args.changes;
        const changes = m.plan.values.slice(0, n).map((v) => ({ defines: { [m.plan.param]: v } }));
        const procs = chromiumProcesses();
        const cpu0 = chromiumCpu(procs);
        const run = await page.evaluate(([mm, cs]) => window.bench.parameterChanges(mm, cs), [model, changes]);
        const cpu1 = chromiumCpu(procs);
        // Per drawn frame: the default render and each change.
        const perFrame = (k) => (procs.length ? (cpu1[k] - cpu0[k]) / (run.rows.length + 1) : NaN);
        const drawn = run.rows.map((r) => r.drawnMs);
        const shown = run.rows.map((r) => r.frameMs);
        const row = {
          name: m.name, param: m.plan.param, how: m.plan.how, nativeMs: m.nativeS == null ? null : 1000 * m.nativeS,
          wasmMs: 1000 * cold.engineSeconds, triangles: run.triangles, changes: run.rows.length,
          drawnP50: pct(drawn, 0.5), drawnP95: pct(drawn, 0.95), shownP50: pct(shown, 0.5), shownP95: pct(shown, 0.95),
          engineP50: pct(run.rows.map((r) => r.engineMs), 0.5),
          workerTasks: run.longTasksDuringWorker.length, workerMax: maxOf(run.longTasksDuringWorker),
          otherTasks: run.longTasksOther.length, otherMax: maxOf(run.longTasksOther),
          enginep95: pct(run.rows.map((r) => r.engineMs), 0.95),
          viewerP95: pct(run.rows.map((r) => r.frameMs - r.resultMs), 0.95),
          culled: run.rows.filter((r) => r.culled).length,
          cpuMain: perFrame('main'), cpuWorker: perFrame('worker'), cpuGpu: perFrame('gpu'),
          errors: [...new Set([...cold.errors, ...run.errors])].join('; '),
          statuses: [...new Set(run.rows.map((r) => r.status))].join(','),
        };
        rows.push(row);
        if (process.env.MOS_BENCH_TIMELINE) {
          console.log(JSON.stringify({ changes: run.rows, longTasks: run.longTaskTimes }));
        }
        console.log(`${row.name.padEnd(34)} native ${f(row.nativeMs).padStart(7)} ms  wasm ${f(row.wasmMs).padStart(7)} ms  ` +
                    `${row.param} x${row.changes}: drawn p50 ${f(row.drawnP50).padStart(6)} p95 ${f(row.drawnP95).padStart(6)}, ` +
                    `on screen p95 ${f(row.shownP95).padStart(6)} ms; long tasks in render ${row.workerTasks} ` +
                    `(max ${f(row.workerMax, 0)}), other ${row.otherTasks} (max ${f(row.otherMax, 0)}); ` +
                    `engine p95 ${f(row.enginep95)}, result->screen p95 ${f(row.viewerP95)}; CPU ms/frame main ${f(row.cpuMain)} ` +
                    `worker ${f(row.cpuWorker)} GPU ${f(row.cpuGpu)}; back faces culled ${row.culled}/${row.changes}` +
                    `${row.errors ? `  [${row.errors.slice(0, 60)}]` : ''}`);
      }
      if (traceFile) await browser.stopTracing();
      if (doKernel) {
        const only = args.smoke ? ['plate_holes_10'] : null;
        kernel = await page.evaluate(([k, mf, w, t, o]) => window.bench.kernel(k, mf, w, t, o),
          [`/kernel/${path.basename(args.kernelModule)}`, '/manifold/manifold.js', '/bundle/kernel-worker.js',
           args.kernelMinTime, only]);
      }
      if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
    } finally {
      await browser.close();
      server.close();
    }
    const report = formatReport({ args, rows, kernel, started, loadBefore, loadAfter: loadAverage(), chromiumVersion, glInfo });
    console.log(`\n${report}`);
    if (args.out) {
      writeFileSync(args.out, report);
      console.log(`written: ${path.relative(process.cwd(), args.out)}`);
    }
    if (args.smoke) {
      // The bench's own sanity: every model rendered and drew every change.
      const bad = rows.filter((r) => r.changes < args.changes || r.statuses !== 'done' || !(r.shownP95 > 0));
      if (bad.length || (kernel && !Object.keys(kernel.result).length)) {
        console.error(`smoke: failed for ${bad.map((r) => r.name).join(', ') || 'the kernel comparison'}`);
        process.exitCode = 1;
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function formatReport({ args, rows, kernel, started, loadBefore, loadAfter, chromiumVersion, glInfo }) {
  const lines = [];
  const cmd = `node ${path.relative(repo, fileURLToPath(import.meta.url))} ${process.argv.slice(2).join(' ')}`.trim();
  lines.push('# Browser bench: the WASM engine in a Chromium worker (issue 8, item 6)', '');
  lines.push(`Command: \`${cmd}\``, '');
  lines.push(`Date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; Chromium ${chromiumVersion} ` +
             `(headless; WebGL: ${glInfo}); ${os.cpus().length} cores; load average (1/5/15 min) ` +
             `${loadBefore} before, ${loadAfter} after. Times are wall-clock (a page has no CPU clock).`, '');
  lines.push('Columns: native / wasm = engine time of one render with default parameters, geometry included ' +
             '(native: mos_bench_render --geometry, fresh Engine; wasm: the engine\'s own stats.totalSeconds in the ' +
             `worker, geometry cache emptied first; medians of ${args.cold} after a warm-up). drawn / on screen = ` +
             'parameter change -> new frame, through the RenderClient and its worker (warm engine, 64 MB geometry ' +
             'cache), the mesh handed to the viewer (viewer/src) ' +
             (args.prepareInWorker
               ? 'as an in-viewer edit\'s frame is (grouped by part, edges overlay and closedness computed by the engine in ' +
                 'the worker: bindings/wasm/wasm_view_mesh.h)'
               : 'as its traits (grouped by part and edges overlay on the main thread: --prepare-on-page)') +
             ', Three.js upload and draw: "drawn" ' +
             'when the viewer\'s draw call returned, "on screen" when the next animation frame was painted and ' +
             'committed; changes made one after another. Long tasks = main-thread tasks over 50 ms during the ' +
             'model\'s default render and changes: "in render" overlapped a render in the worker, "draw" are the ' +
             'others (mesh upload, draw, paint and commit of the frame). engine p95 = the worker\'s time of ' +
             'the changes: the engine, the mesh copied out of its heap and (by default) prepared for the viewer (a $fn override can make a model much heavier than its default); result -> screen p95 = ' +
             'from the result reaching the page to the frame on screen (the viewer, Three.js and the GPU). CPU ms per ' +
             'frame (default render + changes, from /proc, so barely load-dependent): the page\'s main thread, the ' +
             'worker (engine), the GPU process (SwiftShader rasterizing the frame, and the compositor).', '');
  lines.push('| model | parameter (how) | native ms | wasm ms | wasm/native | triangles | changes | drawn p50 | drawn p95 | on screen p50 | on screen p95 | engine p95 | result -> screen p95 | CPU ms/frame main / worker / GPU | long in render (max ms) | long draw (max ms) | errors |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const ratio = r.nativeMs ? r.wasmMs / r.nativeMs : NaN;
    lines.push(`| ${r.name} | ${r.param} (${r.how}) | ${f(r.nativeMs)} | ${f(r.wasmMs)} | ${f(ratio, 2)} | ${r.triangles} | ` +
               `${r.changes} | ${f(r.drawnP50)} | ${f(r.drawnP95)} | ${f(r.shownP50)} | ${f(r.shownP95)} | ` +
               `${f(r.enginep95)} | ${f(r.viewerP95)} | ${f(r.cpuMain, 0)} / ${f(r.cpuWorker, 0)} / ${f(r.cpuGpu, 0)} | ` +
               `${r.workerTasks} (${f(r.workerMax, 0)}) | ${r.otherTasks} (${f(r.otherMax, 0)}) | ` +
               `${r.errors.replace(/\|/g, '\\|').slice(0, 80)} |`);
  }
  lines.push('');
  const fast = rows.filter((r) => r.nativeMs != null && r.nativeMs < 30);
  const fastOk = fast.filter((r) => r.shownP95 <= 100);
  const fastDrawnOk = fast.filter((r) => r.drawnP95 <= 100);
  const ratios = rows.filter((r) => r.nativeMs > 0 && r.wasmMs > 0).map((r) => r.wasmMs / r.nativeMs);
  const heaviest = rows.filter((r) => r.nativeMs != null).sort((a, b) => b.nativeMs - a.nativeMs)[0];
  const sum = (k) => rows.reduce((t, r) => t + r[k], 0);
  lines.push('Summary:', '');
  lines.push(`- parameter change -> frame p95 <= 100 ms, of the ${fast.length} models whose native render is under ` +
             `30 ms: drawn on ${fastDrawnOk.length}, on screen on ${fastOk.length}` +
             `${fast.length > fastOk.length ? ` (not on screen: ${fast.filter((r) => !(r.shownP95 <= 100)).map((r) => `${r.name} ` +
               `[${f(r.shownP95, 0)}: engine p95 ${f(r.enginep95, 0)}, result -> screen p95 ${f(r.viewerP95, 0)}]`).join(', ')})` : ''}.`);
  lines.push(`- WASM/native engine time: median ${f(pct(ratios, 0.5), 2)}, p95 ${f(pct(ratios, 0.95), 2)} over ${ratios.length} models.`);
  lines.push(`- main-thread tasks over 50 ms while a worker render ran: ${sum('workerTasks')} ` +
             `(longest ${f(maxOf(rows.map((r) => r.workerMax)), 0)} ms); in the viewer's draw, paint and commit: ` +
             `${sum('otherTasks')} (longest ${f(maxOf(rows.map((r) => r.otherMax)), 0)} ms).`);
  if (heaviest) {
    lines.push(`- heaviest example (native): ${heaviest.name}, ${f(heaviest.nativeMs)} ms native, ${f(heaviest.wasmMs)} ms WASM, ` +
               `${heaviest.triangles} triangles: main-thread tasks over 50 ms while the worker rendered it: ` +
               `${heaviest.workerTasks}${heaviest.workerTasks ? ` (longest ${f(heaviest.workerMax, 0)} ms)` : ''}; ` +
               `in its draws: ${heaviest.otherTasks}${heaviest.otherTasks ? ` (longest ${f(heaviest.otherMax, 0)} ms)` : ''}.`);
  }
  lines.push('');
  if (kernel) {
    lines.push('## Kernel: ours (WASM) vs npm manifold-3d, same page, same worker, same operands', '');
    lines.push(`Medians of wall-clock ms per operation, alternating runs, at least 3 and ${args.kernelMinTime} s each ` +
               '(bench/browser/kernel-worker.ts; models: bench/kernel_models.h).', '');
    lines.push('| model | op | ours ms | manifold ms | ours/manifold | runs | ours triangles | manifold triangles |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, k] of Object.entries(kernel.result)) {
      lines.push(`| ${name} | ${k.op} | ${f(k.oursMs, 2)} | ${f(k.manifoldMs, 2)} | ${f(k.oursMs / k.manifoldMs, 2)} | ${k.runs} | ` +
                 `${k.oursTris} | ${k.manifoldTris} |`);
    }
    lines.push('', `Main-thread tasks over 50 ms meanwhile: ${kernel.longTasks.length}.`, '');
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
