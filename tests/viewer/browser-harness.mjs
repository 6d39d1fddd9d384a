// Shared setup for the viewer component tests: a tiny static server on
// 127.0.0.1 (the built bundle under /static, the harness files under /) and
// Debian's Chromium driven by playwright-core, WebGL on SwiftShader.
import { createServer } from 'node:http';
import { after, afterEach, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const staticDir = path.join(repo, 'python/marimo_openscad/static');
// The WASM engine (bindings/wasm/build_and_test.sh), under /engine/: the
// fake Python of worker-renderer.test.mjs sends it to the viewer.
export const engineDir = path.resolve(process.env.MOS_WASM_BUILD_DIR || path.join(repo, 'build-wasm'), 'bindings/wasm');
// playwright-core is a dev dependency of viewer/, resolve it from there.
const require = createRequire(path.join(repo, 'viewer/package.json'));
const { chromium } = require('playwright-core');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader',
  '--disable-background-networking',
];

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.map': 'application/json' };

function resolveUrl(urlPath) {
  const clean = decodeURIComponent(urlPath.split('?')[0]);
  const [base, rel] = clean.startsWith('/static/') ? [staticDir, clean.slice(8)]
    : clean.startsWith('/engine/') ? [engineDir, clean.slice(8)] : [here, clean.slice(1)];
  const file = path.resolve(base, rel || 'harness.html');
  return file.startsWith(base + path.sep) ? file : null;
}

export async function startServer() {
  const server = createServer(async (req, res) => {
    const file = resolveUrl(req.url ?? '/');
    try {
      if (!file) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/harness.html` };
}

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

// Opens the harness and fails the test on any page error.
export async function openHarness(browser, url, { ignoreConsoleErrors = false } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !ignoreConsoleErrors) errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.harnessReady === true);
  return { page, context, errors };
}

// Mean absolute difference between two frames' 16x16 colour grids (0..255).
export function frameDifference(a, b) {
  let sum = 0;
  for (let i = 0; i < a.cells.length; i++) sum += Math.abs(a.cells[i] - b.cells[i]);
  return sum / a.cells.length;
}

// The hooks every viewer test file shares: one server and browser per file,
// a fresh page per test (handed to `onPage` as { page, context, errors }),
// and each test must end without page errors.
export function harnessPerTest(onPage) {
  let server, url, browser, current;
  before(async () => {
    ({ server, url } = await startServer());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  beforeEach(async () => {
    current = await openHarness(browser, url);
    onPage(current);
  });
  afterEach(async () => {
    await current.context.close();
    assert.deepEqual(current.errors, [], 'no page errors');
  });
}
