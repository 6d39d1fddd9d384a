// `mos serve` end to end in Debian's Chromium (playwright-core): a real
// `mos serve` process, the page it serves, the WASM engine in the page's
// Web Worker. No Python anywhere: the model appears, a customizer slider
// changes it, editing the file on disk updates the page (with the current
// slider values), as does editing a file it imports, a syntax error shows its line, infinite recursion (module
// and function) ends in an error while the page stays responsive, and the
// page renders again once the file is fixed.
//   node --test tests/serve/   (needs build/bin/mos and its page files:
//   scripts/build_serve_assets.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from '../viewer/browser-harness.mjs';
import { startServe } from './serve-process.mjs';

const MODEL = 'w = 10; // [1:50]\nn = 3; // [3:30]\ncube([w, 10, 2]);\ntranslate([0, 20, 0]) cylinder(r = 5, h = 2, $fn = n);\n';
// A binary STL of the tetrahedron with corners 0, s x, s y, s z.
function binaryStl(size) {
  const points = [[0, 0, 0], [size, 0, 0], [0, size, 0], [0, 0, size]];
  const faces = [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]];
  const buf = Buffer.alloc(84 + 50 * faces.length);
  buf.writeUInt32LE(faces.length, 80);
  faces.forEach((f, i) => f.forEach((p, k) => points[p].forEach((c, j) =>
    buf.writeFloatLE(c, 84 + 50 * i + 12 + 12 * k + 4 * j))));
  return buf;
}
// cube: 12 triangles; an n-gon prism: 4n - 4.
const triangles = (n) => 12 + 4 * n - 4;

describe('mos serve in Chromium', () => {
  let s, browser, context, page;
  const pageErrors = [];
  const state = () => page.evaluate(() => JSON.parse(JSON.stringify(window.mosServe.state)));
  // Waits until the page's render state satisfies `check` (a function body
  // over `s`, the state).
  // On timeout the error says what the state was.
  const waitFor = async (check, timeout = 30000) => {
    try {
      await page.waitForFunction(new Function('return (function (s) { return ' + check + '; })(window.mosServe && window.mosServe.state)'),
                                 null, { timeout, polling: 50 });
    } catch (err) {
      const counters = await page.evaluate(() => window.mosServe?.client.counters).catch(() => null);
      throw new Error(`${check}: ${err.message}; state ${JSON.stringify(await state().catch(() => null))}, ` +
                      `client ${JSON.stringify(counters)}`);
    }
  };

  before(async () => {
    s = await startServe({ 'model.scad': MODEL });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(s.url);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await s?.stop();
  });

  test('the model appears, rendered by the engine in a worker of a cross-origin isolated page', async () => {
    await waitFor(`s && s.renders >= 1 && s.lastStatus === 'done' && s.triangles === ${triangles(3)}`);
    const page0 = await page.evaluate(() => ({
      isolated: window.crossOriginIsolated,
      shared: window.mosServe.client.sharedCancel,
      frames: window.mosServe.viewer.frames,
      workers: window.mosServe.client.counters.workersStarted,
      title: document.title,
      controls: [...document.querySelectorAll('.mos-param')].map((e) => [e.dataset.name, e.dataset.control]),
    }));
    assert.equal(page0.isolated, true);
    assert.equal(page0.shared, true);  // the SharedArrayBuffer cancel flag is in use
    assert.ok(page0.frames > 0);
    assert.equal(page0.workers, 1);
    assert.match(page0.title, /model\.scad/);
    assert.deepEqual(page0.controls, [['w', 'slider'], ['n', 'slider']]);
    const st = await state();
    assert.deepEqual(st.bbox.max.map(Math.round), [10, 24, 2]);  // the triangle's corner: 20 + 5 sin 60°
    assert.equal(st.error, null);
  });

  test('a customizer slider changes the model (in the worker, no server round trip)', async () => {
    const before = await state();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.locator('.mos-param[data-name="n"] input[type=range]').fill('10');
    await waitFor(`s.triangles === ${triangles(10)}`);
    await page.locator('.mos-param[data-name="w"] input[type=range]').fill('30');
    await waitFor(`s.bbox && Math.round(s.bbox.max[0]) === 30`);
    const after = await state();
    assert.ok(after.renders > before.renders);
    assert.equal(after.triangles, triangles(10));
    assert.equal(await page.locator('.mos-param[data-name="w"] input[type=number]').inputValue(), '30');
    assert.deepEqual(requests, []);  // nothing asked of the server
  });

  test('editing the file on disk updates the page, with the current customizer values', async () => {
    const v = (await state()).version;
    s.write('model.scad', MODEL + 'translate([0, -20, 0]) cube(3);\n');
    await waitFor(`s.version > ${v} && s.triangles === ${triangles(10) + 12}`);
    const st = await state();
    assert.equal(Math.round(st.bbox.max[0]), 30);  // w stayed 30
    assert.equal(Math.round(st.bbox.min[1]), -20);
    assert.equal(await page.locator('.mos-param[data-name="n"] input[type=range]').inputValue(), '10');
  });

  test('an included file edited on disk updates the page too', async () => {
    s.write('part.scad', 'module part() cube(4);\n');
    const v = (await state()).version;
    s.write('model.scad', 'include <part.scad>\n' + MODEL + 'translate([0, -20, 0]) part();\n');
    await waitFor(`s.version > ${v} && s.triangles === ${triangles(10) + 12} && Math.round(s.bbox.min[1]) === -20`);
    const v2 = (await state()).version;
    s.write('part.scad', 'module part() translate([0, -20, 0]) cube(4);\n');
    await waitFor(`s.version > ${v2} && Math.round(s.bbox.min[1]) === -40`);
  });

  test('files import() and surface() read (binary too) come from the server, and an edit reloads', async () => {
    s.write('mesh/tet.stl', binaryStl(5));
    s.write('h.dat', '0 1\n1 2\n');
    const v = (await state()).version;
    // A literal name and a computed one (found by the server's native evaluation).
    s.write('model.scad', 'import("mesh/tet.stl");\nname = "h";\ntranslate([20, 0, 0]) surface(file = str(name, ".dat"));\n');
    await waitFor(`s.version > ${v} && s.error === null && s.bbox && Math.round(s.bbox.max[0]) === 21 && Math.round(s.bbox.max[1]) === 5`);
    const listed = await page.evaluate(async () => (await (await fetch('/api/model')).json()).files.map((f) => f.url));
    assert.ok(listed.includes('/files/0/mesh/tet.stl') && listed.includes('/files/0/h.dat'), JSON.stringify(listed));
    const v2 = (await state()).version;
    s.write('mesh/tet.stl', binaryStl(30));
    await waitFor(`s.version > ${v2} && Math.round(s.bbox.max[1]) === 30`);
  });

  test('MCAD and text() come from the engine\'s data packages', async () => {
    const v = (await state()).version;
    s.write('model.scad', 'use <MCAD/boxes.scad>\nroundedBox([20, 30, 10], 3, false);\n' +
                          'translate([0, 30, 0]) linear_extrude(1) text("mos");\n');
    await waitFor(`s.version > ${v} && s.error === null && s.bbox && Math.round(s.bbox.min[0]) === -10 && s.bbox.max[1] > 31`);
  });

  test('a syntax error shows its line; fixing it renders again', async () => {
    s.write('model.scad', 'w = 10; // [1:50]\nn = 3; // [3:30]\ncube([w, 10, 2]);\nfoo(;\n');
    await waitFor('s.error && s.error.line === 4');
    await page.locator('.mos-error').waitFor({ state: 'visible' });
    assert.match(await page.locator('.mos-error-where').textContent(), /model\.scad:4/);
    assert.match(await page.locator('.mos-error-current').textContent(), /foo\(;/);
    // The slider still works (and the error stays until the file is fixed).
    s.write('model.scad', MODEL);
    await waitFor(`s.error === null && s.triangles === ${triangles(10)}`);
    assert.equal(await page.locator('.mos-error').isVisible(), false);
  });

  for (const [what, source] of [
    ['module', 'module r() r();\nr();\n'],
    ['function', 'function f(x) = f(x + 1) + 1;\necho(f(0));\ncube(1);\n'],
  ]) {
    test(`infinite ${what} recursion ends in an error and the page stays responsive`, async () => {
      const v = (await state()).version;
      await page.evaluate(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
      });
      s.write('model.scad', source);
      // While the worker works, the main thread answers at once.
      const gaps = await page.evaluate(async () => {
        const out = [];
        for (let i = 0; i < 20; i++) {
          const t = performance.now();
          await new Promise((r) => setTimeout(r, 10));
          out.push(performance.now() - t);
        }
        return out;
      });
      await waitFor(`s.version > ${v} && s.error !== null`, 60000);
      const st = await state();
      assert.match(st.error.message, /recursion/i);
      assert.ok(Math.max(...gaps) < 500, `main thread stalled ${Math.max(...gaps)} ms`);
      const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
      assert.ok(longest < 500, `a main-thread task took ${longest} ms`);
      // The page still works: back to a model, rendered (by a fresh worker
      // if the old one's stack overflowed).
      s.write('model.scad', MODEL);
      await waitFor(`s.error === null && s.triangles === ${triangles(10)}`, 60000);
    });
  }

  test('a slider move stops a running render at once (the SharedArrayBuffer flag, no worker restart)', async () => {
    const v = (await state()).version;
    const before = await page.evaluate(() => ({ ...window.mosServe.client.counters }));
    // Endless while w is 30 (1e12 loop rounds); quick otherwise.
    s.write('model.scad', MODEL + 'if (w == 30) echo(len([for (i = [0:9999]) for (j = [0:9999]) for (k = [0:9999]) if (i < 0) i]));\n');
    await page.waitForFunction((v) => window.mosServe.state.version > v && window.mosServe.client.busy, v, { timeout: 30000, polling: 20 });
    await new Promise((r) => setTimeout(r, 300));
    await page.locator('.mos-param[data-name="w"] input[type=range]').fill('20');
    await waitFor('s.bbox && Math.round(s.bbox.max[0]) === 20 && s.error === null', 20000);
    const after = await page.evaluate(() => ({ ...window.mosServe.client.counters }));
    assert.equal(after.cancelled, before.cancelled + 1);
    assert.equal(after.terminated, before.terminated);
    assert.equal(after.workersStarted, before.workersStarted);
    s.write('model.scad', MODEL);
    await page.locator('.mos-param[data-name="w"] input[type=range]').fill('30');
    await waitFor(`s.triangles === ${triangles(10)} && Math.round(s.bbox.max[0]) === 30`);
  });

  test('a page closed in the middle of a reload harms neither the server nor other pages', async () => {
    const other = await context.newPage();
    await other.goto(s.url);
    await other.waitForFunction(() => window.mosServe?.state.renders >= 1, null, { timeout: 30000 });
    const v = (await state()).version;
    s.write('model.scad', MODEL + 'translate([0, -30, 0]) cube(2);\n');
    await other.waitForFunction((v) => window.mosServe.state.version > v, v, { timeout: 30000, polling: 10 }).catch(() => {});
    await other.close();  // while it fetches the files and renders
    await waitFor(`s.version > ${v} && Math.round(s.bbox.min[1]) === -30`);
    const v2 = (await state()).version;
    s.write('model.scad', MODEL);
    await waitFor(`s.version > ${v2} && s.triangles === ${triangles(10)}`);
  });

  test('no page errors', () => {
    assert.deepEqual(pageErrors, []);
    assert.ok(s.alive());
  });
});
