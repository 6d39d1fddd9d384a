// Shared by the end-to-end tests and bench/notebook: starts a real marimo
// server (`marimo run` or `marimo edit`) on 127.0.0.1, opens the notebook in
// Debian's Chromium (playwright-core, SwiftShader WebGL), and reads the
// viewers' state from the page.
// MOS_PYTHON names the Python that has marimo and marimo_openscad installed.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../viewer/browser-harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../../..');
export const PYTHON = process.env.MOS_PYTHON || 'python3';
export { launchBrowser };

async function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// The text of a marimo notebook: the app header, a first cell importing
// marimo (as mo) and `imports` from marimo_openscad, then `cells` (each the
// Python text of one cell, `def _(...):` and its body), then the footer.
export function notebookSource(cells, imports = ['openscad_viewer']) {
  const first = `def _():
    import marimo as mo
    from marimo_openscad import ${imports.join(', ')}
    return ${['mo', ...imports].sort().join(', ')}`;
  const body = [first, ...cells].map((cell) => `@app.cell\n${cell.trim()}\n`).join('\n\n');
  return `import marimo\n\napp = marimo.App()\n\n\n${body}\n\nif __name__ == "__main__":\n    app.run()\n`;
}

// Starts `marimo <mode> notebook` and resolves once it answers HTTP.
export async function startMarimo(mode, notebook, extraEnv = {}) {
  const port = await freePort();
  const args = ['-m', 'marimo', mode, notebook, '--headless', '--host', '127.0.0.1',
    '-p', String(port), '--no-token', '--no-sandbox'];
  if (mode === 'edit') args.push('--skip-update-check');
  const proc = spawn(PYTHON, args, {
    cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MARIMO_SKIP_UPDATE_CHECK: '1', ...extraEnv },
  });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`marimo ${mode} exited:\n${log}`);
    try {
      const res = await fetch(url);
      if (res.ok) return { proc, url, mode, notebook, log: () => log };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  proc.kill('SIGTERM');
  throw new Error(`marimo ${mode} did not start:\n${log}`);
}

// Lines of the server's output (kernel included) that point at a bug: a
// traceback, an exception in a thread, an asyncio complaint, a warning.
export function serverLogProblems(server) {
  const bad = /Traceback|Exception in thread|never awaited|Task was destroyed|Event loop is closed|RuntimeWarning|ResourceWarning|asyncio/i;
  return server.log().split('\n').filter((line) => bad.test(line));
}

export async function stopMarimo(server) {
  if (!server || server.proc.exitCode !== null) return;
  const done = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill('SIGTERM');
  const timer = setTimeout(() => server.proc.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}

// Opens the served notebook; in `marimo edit` runs it (the editor does not
// run a notebook on open: marimo's default auto_instantiate = false).
// `initScript` (a function) runs in the page before marimo's own code.
export async function openNotebook(browser, server, viewport = { width: 1200, height: 1600 }, initScript = null) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  if (server.mode === 'edit') {
    // "Run all stale cells" sits beside the interrupt button, which only the
    // global controls have; wait for those and for every cell first.
    await page.locator('[data-testid="interrupt-button"]').waitFor({ state: 'visible', timeout: 60_000 });
    const cells = (readFileSync(server.notebook, 'utf8').match(/^@app\.cell/gm) ?? []).length;
    await page.locator('[data-testid="cell-actions-button"]').nth(cells - 1).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="run-button"]').last().click();
  }
  return { context, page, errors };
}

// In the page: every viewer's root element (.mos-viewer) in document order,
// shadow roots included. An expression's text: pass it to page.evaluate and
// eval it there (`const roots = eval(VIEWER_ROOTS)`).
export const VIEWER_ROOTS = `(() => {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.classList.contains('mos-viewer')) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
})()`;

// Writes `source` (notebookSource's text) to `fileName` in a new temporary
// directory, serves it (`marimo <mode>`, `env` added to its environment) and
// opens it in a new browser (openNotebook, `initScript` as there). Resolves
// to { server, browser, page, errors, close }; close() stops and removes all.
export async function serveNotebook(mode, fileName, source, { env = {}, initScript = null } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mos-e2e-'));
  const session = {
    server: null, browser: null, page: null, errors: null,
    async close() {
      await session.browser?.close();
      await stopMarimo(session.server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    const notebook = path.join(dir, fileName);
    writeFileSync(notebook, source);
    session.server = await startMarimo(mode, notebook, env);
    session.browser = await launchBrowser();
    ({ page: session.page, errors: session.errors } =
      await openNotebook(session.browser, session.server, undefined, initScript));
  } catch (e) {
    await session.close();
    throw e;
  }
  return session;
}

// The state of every viewer on the page, in document order (shadow roots
// included): triangles on screen, frames drawn, the error panel's text.
export async function viewerStates(page) {
  return page.evaluate((roots) => {
    const found = eval(roots); // eslint-disable-line no-eval
    return found.map((root) => {
      const v = root.parentElement?.mosViewer;
      const error = root.querySelector('.mos-error');
      const timing = root.querySelector('.mos-timing')?.textContent ?? '';
      const m = /(\d+) triangles/.exec(timing);
      return {
        triangles: m ? Number(m[1]) : 0,
        frames: v ? v.frames : 0,
        error: error && !error.hidden ? error.textContent : '',
        loading: root.querySelector('.mos-status')?.classList.contains('mos-busy') ?? false,
      };
    });
  }, VIEWER_ROOTS);
}

// Waits until `predicate(states)` holds (polled; states as viewerStates).
export async function waitForViewers(page, predicate, timeout = 120_000, what = 'viewers') {
  const deadline = Date.now() + timeout;
  let states = [];
  while (Date.now() < deadline) {
    states = await viewerStates(page);
    if (predicate(states)) return states;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(states)}`);
}

// A PNG of one viewer's canvas reduced to a 32x32 grid of mean colours, and
// the share of pixels in the model's teal (green and blue well above red).
export async function canvasImage(page, index = 0) {
  const canvas = page.locator('canvas.mos-canvas').nth(index);
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const png = await canvas.screenshot();
  return page.evaluate(async (bytes) => {
    const bmp = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    let teal = 0;
    const n = 32, cells = new Array(n * n * 3).fill(0), counts = new Array(n * n).fill(0);
    for (let y = 0; y < bmp.height; y++) {
      for (let x = 0; x < bmp.width; x++) {
        const i = (y * bmp.width + x) * 4, r = d[i], gg = d[i + 1], b = d[i + 2];
        if (gg > r + 25 && b > r + 25 && Math.abs(gg - b) < 90) teal++;
        const cell = Math.floor((y * n) / bmp.height) * n + Math.floor((x * n) / bmp.width);
        cells[cell * 3] += r; cells[cell * 3 + 1] += gg; cells[cell * 3 + 2] += b; counts[cell]++;
      }
    }
    for (let k = 0; k < n * n; k++) for (let j = 0; j < 3; j++) cells[k * 3 + j] /= Math.max(1, counts[k]);
    return { teal: teal / (bmp.width * bmp.height), cells };
  }, Array.from(png));
}

// Mean absolute difference of two canvasImage grids (0..255).
export function imageDifference(a, b) {
  let sum = 0;
  for (let i = 0; i < a.cells.length; i++) sum += Math.abs(a.cells[i] - b.cells[i]);
  return sum / a.cells.length;
}

// Share of the grid cells whose colour changed visibly (summed channels
// differ by more than 12 of 765).
export function changedCells(a, b) {
  let changed = 0;
  const n = a.cells.length / 3;
  for (let k = 0; k < n; k++) {
    let d = 0;
    for (let j = 0; j < 3; j++) d += Math.abs(a.cells[k * 3 + j] - b.cells[k * 3 + j]);
    if (d > 12) changed++;
  }
  return changed / n;
}

// Checks a binary STL: its triangle count, and whether it is closed (every
// edge used by exactly two triangles, once in each direction).
export function readBinaryStl(buffer) {
  const count = buffer.readUInt32LE(80);
  if (buffer.length !== 84 + 50 * count) throw new Error(`STL size ${buffer.length} does not fit ${count} triangles`);
  const edges = new Map();
  const key = (o) => `${buffer.readFloatLE(o)},${buffer.readFloatLE(o + 4)},${buffer.readFloatLE(o + 8)}`;
  for (let t = 0; t < count; t++) {
    const base = 84 + 50 * t + 12;
    const v = [key(base), key(base + 12), key(base + 24)];
    for (let k = 0; k < 3; k++) {
      const e = `${v[k]}|${v[(k + 1) % 3]}`;
      edges.set(e, (edges.get(e) ?? 0) + 1);
    }
  }
  let open = 0;
  for (const [e, n] of edges) {
    const [a, b] = e.split('|');
    if (n !== 1 || edges.get(`${b}|${a}`) !== 1) open++;
  }
  return { triangles: count, openEdges: open };
}

// Waits until the text of the cell printing `label params=...` matches
// `pattern` (cells that print what Python sees after a change), and returns it.
export async function waitForCellText(page, label, pattern, timeout = 60_000) {
  const text = page.getByText(new RegExp(`${label} params=`));
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await text.textContent({ timeout })) ?? '';
    if (pattern.test(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`${label} never matched ${pattern}: ${last}`);
}
