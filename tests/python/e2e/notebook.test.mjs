// End-to-end: examples/notebook.py served by a real marimo server on
// 127.0.0.1 (`marimo run`, then `marimo edit`), opened in Debian's Chromium
// (headless, SwiftShader WebGL) through playwright-core. Checks that the
// viewer draws the solid and that moving a customizer slider re-renders it;
// then a generated notebook with two viewers, one showing a syntax error.
// MOS_PYTHON names the Python that has marimo and marimo_openscad installed;
// MOS_E2E_SCREENSHOT_DIR=dir saves a screenshot of each page.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../viewer/browser-harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const PYTHON = process.env.MOS_PYTHON || 'python3';
const NOTEBOOK = path.join(repo, 'examples/notebook.py');

async function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// Starts `marimo <mode>` and resolves once it answers HTTP.
async function startMarimo(mode, notebook = NOTEBOOK) {
  const port = await freePort();
  const args = ['-m', 'marimo', mode, notebook, '--headless', '--host', '127.0.0.1',
    '-p', String(port), '--no-token', '--no-sandbox'];
  if (mode === 'edit') args.push('--skip-update-check');
  const proc = spawn(PYTHON, args, {
    cwd: repo, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MARIMO_SKIP_UPDATE_CHECK: '1' },
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
      if (res.ok) return { proc, url, log: () => log };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  proc.kill('SIGTERM');
  throw new Error(`marimo ${mode} did not start:\n${log}`);
}

async function stopMarimo(server) {
  if (!server || server.proc.exitCode !== null) return;
  const done = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill('SIGTERM');
  const timer = setTimeout(() => server.proc.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}

// Decodes a PNG screenshot in the page: the share of pixels in the model's
// colour (teal: green and blue well above red) and a 32x32 grid of colours.
async function analyse(page, png) {
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

function difference(a, b) {
  let sum = 0;
  for (let i = 0; i < a.cells.length; i++) sum += Math.abs(a.cells[i] - b.cells[i]);
  return sum / a.cells.length;
}

async function triangleCount(page) {
  const text = await page.locator('.mos-timing').first().textContent();
  const m = /(\d+) triangles/.exec(text ?? '');
  return m ? Number(m[1]) : 0;
}

for (const mode of ['run', 'edit']) {
  describe(`examples/notebook.py in marimo ${mode}`, { timeout: 240_000 }, () => {
    let server, browser, page;
    const errors = [];

    before(async () => {
      server = await startMarimo(mode);
      browser = await launchBrowser();
      const context = await browser.newContext({ viewport: { width: 1200, height: 1600 } });
      page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url);
    });

    after(async () => {
      await browser?.close();
      await stopMarimo(server);
    });

    it('draws the solid, and a slider changes the mesh', async () => {
      if (mode === 'edit') {
        // The editor does not run a notebook on open (marimo's default
        // auto_instantiate = false): press "run all stale cells".
        // It sits beside the interrupt button, which only the global
        // controls have; wait for those so `last()` is not a cell's button.
        await page.locator('[data-testid="interrupt-button"]').waitFor({ state: 'visible', timeout: 60_000 });
        const cells = (readFileSync(NOTEBOOK, 'utf8').match(/^@app\.cell/gm) ?? []).length;
        await page.locator('[data-testid="cell-actions-button"]').nth(cells - 1).waitFor({ timeout: 60_000 });
        await page.locator('[data-testid="run-button"]').last().click();
      }
      const canvas = page.locator('canvas.mos-canvas').first();
      await canvas.waitFor({ state: 'visible', timeout: 120_000 });
      await page.waitForFunction(() => {
        const find = (root) => {
          const el = root.querySelector('.mos-timing');
          if (el) return el;
          for (const host of root.querySelectorAll('*')) {
            if (host.shadowRoot) { const f = find(host.shadowRoot); if (f) return f; }
          }
          return null;
        };
        const el = find(document);
        return el && /[1-9]\d* triangles/.test(el.textContent);
      }, null, { timeout: 120_000 });
      await canvas.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      const before = await analyse(page, await canvas.screenshot());
      const trianglesBefore = await triangleCount(page);
      assert.ok(before.teal > 0.01, `the solid is drawn (teal share ${before.teal})`);
      assert.ok(trianglesBefore > 0);

      // The first customizer slider is `sides` (3..16): End moves it to 16.
      const slider = page.locator('[role="slider"]').first();
      await slider.focus();
      await slider.press('End');
      await page.waitForFunction(async (old) => {
        const find = (root) => {
          const el = root.querySelector('.mos-timing');
          if (el) return el;
          for (const host of root.querySelectorAll('*')) {
            if (host.shadowRoot) { const f = find(host.shadowRoot); if (f) return f; }
          }
          return null;
        };
        const m = /(\d+) triangles/.exec(find(document)?.textContent ?? '');
        return m && Number(m[1]) !== old;
      }, trianglesBefore, { timeout: 60_000 });
      await page.waitForTimeout(500);
      const trianglesAfter = await triangleCount(page);
      const after = await analyse(page, await canvas.screenshot());
      assert.ok(trianglesAfter > trianglesBefore, `more sides, more triangles (${trianglesBefore} -> ${trianglesAfter})`);
      assert.ok(after.teal > 0.01, 'the new solid is drawn');
      assert.ok(difference(before, after) > 0.5, `pixels changed (${difference(before, after)})`);
      if (process.env.MOS_E2E_SCREENSHOT_DIR) {
        await page.screenshot({ path: path.join(process.env.MOS_E2E_SCREENSHOT_DIR, `notebook-${mode}.png`), fullPage: true });
      }
      assert.deepEqual(errors, []);
    });
  });
}

// Two viewers in one notebook: one with a syntax error (the panel shows the
// line and the source), one with a solid (drawn independently).
const TWO_VIEWERS = `import marimo

app = marimo.App()


@app.cell
def _():
    import marimo as mo
    from marimo_openscad import openscad_viewer
    return mo, openscad_viewer


@app.cell
def _(mo, openscad_viewer):
    broken = openscad_viewer("cube(5);\\nsphere(2;\\n")
    mo.ui.anywidget(broken)
    return


@app.cell
def _(mo, openscad_viewer):
    solid = openscad_viewer('color("teal") cylinder(h = 10, r = 5, $fn = 24);')
    mo.ui.anywidget(solid)
    return


if __name__ == "__main__":
    app.run()
`;

describe('two viewers, one with a syntax error, in marimo run', { timeout: 240_000 }, () => {
  let server, browser, page, dir;
  const errors = [];

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mos-e2e-'));
    const notebook = path.join(dir, 'two_viewers.py');
    writeFileSync(notebook, TWO_VIEWERS);
    server = await startMarimo('run', notebook);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1200, height: 1600 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
  });

  after(async () => {
    await browser?.close();
    await stopMarimo(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the error line in one panel and the solid in the other', async () => {
    await page.locator('canvas.mos-canvas').nth(1).waitFor({ state: 'visible', timeout: 120_000 });
    const current = page.locator('.mos-error-current').first();
    await current.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await current.textContent(), /2 \| sphere\(2;/);
    assert.match(await page.locator('.mos-error-where').first().textContent(), /2/);
    await page.waitForFunction(() => {
      const find = (root, out) => {
        out.push(...root.querySelectorAll('.mos-timing'));
        for (const host of root.querySelectorAll('*')) if (host.shadowRoot) find(host.shadowRoot, out);
        return out;
      };
      return find(document, []).some((el) => /[1-9]\d* triangles/.test(el.textContent));
    }, null, { timeout: 60_000 });
    const canvas = page.locator('canvas.mos-canvas').nth(1);
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const frame = await analyse(page, await canvas.screenshot());
    assert.ok(frame.teal > 0.01, `the second viewer draws its solid (teal share ${frame.teal})`);
    assert.deepEqual(errors, []);
  });
});
