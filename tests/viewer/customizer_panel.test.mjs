// The customizer panel (viewer/src/customizer-panel.ts) in Debian's
// Chromium: the controls it builds from a parameter list (as `mos -o
// x.param` writes it), the values onChange reports, setValues without
// onChange, new parameter lists keeping values, -D overrides of changed
// values, and a shadow root as host.
//   node --test tests/viewer/customizer_panel.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser-harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'viewer/package.json'));

// The parameters of this model, as `mos -o x.param` lists them.
const PARAMETERS = [
  { name: 'width', type: 'number', initial: 20, caption: 'Box width', group: '', line: 2, min: 10, max: 40, step: 2 },
  { name: 'height', type: 'number', initial: 1.5, caption: '', group: '', line: 3, min: 0.5, max: 2.5 },
  { name: 'count', type: 'number', initial: 3, caption: '', group: '', line: 4, min: 0, max: 10 },
  { name: 'wall', type: 'number', initial: 1.2, caption: '', group: 'Details', line: 6, step: 0.1 },
  { name: 'free', type: 'number', initial: 7, caption: '', group: 'Details', line: 7 },
  { name: 'label', type: 'string', initial: 'hi', caption: 'Label text', group: 'Details', line: 8 },
  { name: 'shape', type: 'string', initial: 'box', caption: '', group: 'Details', line: 9,
    options: [{ name: 'box', value: 'box' }, { name: 'ball', value: 'ball' }] },
  { name: 'sides', type: 'number', initial: 6, caption: '', group: 'Details', line: 10,
    options: [{ name: 'Hex', value: 6 }, { name: 'Oct', value: 8 }] },
  { name: 'hollow', type: 'boolean', initial: true, caption: '', group: 'Details', line: 11 },
  { name: 'size', type: 'vector', initial: [1, 2, 3], caption: '', group: 'Details', line: 12, min: 0, max: 10 },
  { name: 'names', type: 'vector', initial: ['a', 'b'], caption: '', group: 'Details', line: 13 },
  { name: 'secret', type: 'number', initial: 1, caption: '', group: 'Hidden', line: 15 },
];

describe('customizer panel', () => {
  let browser, page, bundleText;
  const errors = [];
  before(async () => {
    const esbuild = require('esbuild');
    const built = await esbuild.build({
      entryPoints: [path.join(repo, 'viewer/src/customizer-panel.ts')],
      bundle: true, format: 'iife', globalName: 'MosCustomizer', target: 'es2020', write: false, logLevel: 'warning',
    });
    bundleText = built.outputFiles[0].text;
    browser = await launchBrowser();
  });
  after(async () => { await browser?.close(); });

  // A fresh page with the panel mounted on `PARAMETERS` and `values`.
  async function mount(values = {}, { shadow = false } = {}) {
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><div id="host"></div>');
    await page.addScriptTag({ content: bundleText });
    await page.evaluate(({ parameters, values, shadow }) => {
      const host = document.getElementById('host');
      const container = shadow ? host.attachShadow({ mode: 'open' }) : host;
      window.changes = [];
      window.panel = window.MosCustomizer.createCustomizerPanel(container, parameters, values,
        (v) => window.changes.push(JSON.parse(JSON.stringify(v))));
    }, { parameters: PARAMETERS, values, shadow });
  }
  const changes = () => page.evaluate(() => window.changes);
  const lastChange = async () => (await changes()).at(-1);

  test('builds a control per parameter, grouped, without the Hidden group', async () => {
    await mount();
    const layout = await page.evaluate(() => [...document.querySelectorAll('.mos-customizer details')].map((d) => ({
      group: d.dataset.group,
      open: d.open,
      params: [...d.querySelectorAll('.mos-param')].map((p) => [p.dataset.name, p.dataset.control]),
    })));
    assert.deepEqual(layout, [
      { group: 'Parameters', open: true, params: [['width', 'slider'], ['height', 'slider'], ['count', 'slider']] },
      { group: 'Details', open: true, params: [['wall', 'number'], ['free', 'number'], ['label', 'text'],
        ['shape', 'dropdown'], ['sides', 'dropdown'], ['hollow', 'checkbox'], ['size', 'vector'], ['names', 'json']] },
    ]);
    const width = page.locator('.mos-param[data-name="width"]');
    assert.deepEqual(await width.locator('input[type=range]').evaluate((e) => [e.min, e.max, e.step, e.value]),
                     ['10', '40', '2', '20']);
    assert.equal(await width.locator('input[type=number]').inputValue(), '20');
    assert.equal(await width.locator('.mos-param-caption').textContent(), 'Box width');
    // No step: whole bounds move by 1, others by a hundredth of the span.
    assert.equal(await page.locator('.mos-param[data-name="count"] input[type=range]').getAttribute('step'), '1');
    assert.equal(await page.locator('.mos-param[data-name="height"] input[type=range]').getAttribute('step'), '0.02');
    assert.equal(await page.locator('.mos-param[data-name="wall"] input').getAttribute('step'), '0.1');
    assert.equal(await page.locator('.mos-param[data-name="free"] input').getAttribute('step'), 'any');
    assert.deepEqual(await page.locator('.mos-param[data-name="sides"] option').allTextContents(), ['Hex', 'Oct']);
    assert.equal(await page.locator('.mos-param[data-name="hollow"] input').isChecked(), true);
    assert.deepEqual(await page.locator('.mos-param[data-name="size"] input').evaluateAll((es) => es.map((e) => [e.value, e.min, e.max])),
                     [['1', '0', '10'], ['2', '0', '10'], ['3', '0', '10']]);
    assert.equal(await page.locator('.mos-param[data-name="names"] input').inputValue(), '["a","b"]');
    assert.equal(await page.locator('.mos-param[data-name="secret"]').count(), 0);
    assert.deepEqual(await page.evaluate(() => window.panel.getValues().secret), 1);  // hidden, still a value
    assert.deepEqual(await changes(), []);
    await page.close();
  });

  test('every edit reports all values, typed as the parameter', async () => {
    await mount({ width: 30 });
    assert.equal(await page.locator('.mos-param[data-name="width"] input[type=range]').inputValue(), '30');
    await page.locator('.mos-param[data-name="width"] input[type=range]').fill('24');
    let v = await lastChange();
    assert.equal(v.width, 24);
    assert.equal(v.height, 1.5);
    assert.equal(await page.locator('.mos-param[data-name="width"] input[type=number]').inputValue(), '24');
    await page.locator('.mos-param[data-name="height"] input[type=range]').fill('1.74');
    assert.equal((await lastChange()).height, 1.74);
    await page.locator('.mos-param[data-name="width"] input[type=number]').fill('36');
    await page.locator('.mos-param[data-name="width"] input[type=number]').dispatchEvent('change');
    assert.equal((await lastChange()).width, 36);
    assert.equal(await page.locator('.mos-param[data-name="width"] input[type=range]').inputValue(), '36');
    await page.locator('.mos-param[data-name="sides"] select').selectOption({ label: 'Oct' });
    assert.strictEqual((await lastChange()).sides, 8);
    await page.locator('.mos-param[data-name="shape"] select').selectOption({ label: 'ball' });
    assert.strictEqual((await lastChange()).shape, 'ball');
    await page.locator('.mos-param[data-name="hollow"] input').uncheck();
    assert.strictEqual((await lastChange()).hollow, false);
    await page.locator('.mos-param[data-name="label"] input').fill('hello');
    assert.strictEqual((await lastChange()).label, 'hello');
    const second = page.locator('.mos-param[data-name="size"] input').nth(1);
    await second.fill('5');
    await second.dispatchEvent('change');
    assert.deepEqual((await lastChange()).size, [1, 5, 3]);
    const names = page.locator('.mos-param[data-name="names"] input');
    await names.fill('["x", "y"]');
    await names.dispatchEvent('change');
    assert.deepEqual((await lastChange()).names, ['x', 'y']);
    const before = (await changes()).length;
    await names.fill('not json');
    await names.dispatchEvent('change');
    await names.fill('["one"]');  // another length: not this parameter's shape
    await names.dispatchEvent('change');
    await page.locator('.mos-param[data-name="free"] input').fill('');
    await page.locator('.mos-param[data-name="free"] input').dispatchEvent('change');
    assert.equal((await changes()).length, before);
    assert.deepEqual(await page.evaluate(() => window.panel.getValues()), {
      width: 36, height: 1.74, count: 3, wall: 1.2, free: 7, label: 'hello', shape: 'ball', sides: 8,
      hollow: false, size: [1, 5, 3], names: ['x', 'y'], secret: 1,
    });
    await page.close();
  });

  test('setValues shows values without onChange; values of the wrong type are ignored', async () => {
    await mount();
    await page.evaluate(() => window.panel.setValues({ width: 12, hollow: false, shape: 'ball', size: [4, 4, 4],
      label: 42, count: 'many', unknown: 1 }));
    assert.deepEqual(await changes(), []);
    assert.equal(await page.locator('.mos-param[data-name="width"] input[type=range]').inputValue(), '12');
    assert.equal(await page.locator('.mos-param[data-name="hollow"] input').isChecked(), false);
    assert.equal(await page.locator('.mos-param[data-name="shape"] select').evaluate((s) => s.selectedOptions[0].textContent), 'ball');
    const v = await page.evaluate(() => window.panel.getValues());
    assert.deepEqual([v.width, v.hollow, v.shape, v.size, v.label, v.count, v.unknown], [12, false, 'ball', [4, 4, 4], 'hi', 3, undefined]);
    await page.close();
  });

  test('a new parameter list keeps the values of parameters still there, and of ones that come back', async () => {
    await mount();
    await page.locator('.mos-param[data-name="width"] input[type=range]').fill('16');
    await page.locator('.mos-param[data-name="label"] input').fill('kept');
    const out = await page.evaluate((parameters) => {
      const p = window.panel;
      // width gone, label now a number, a new parameter.
      p.setParameters([
        { ...parameters.find((x) => x.name === 'label'), type: 'number', initial: 5 },
        { name: 'extra', type: 'number', initial: 9, group: '' },
      ]);
      const middle = p.getValues();
      const controls = [...document.querySelectorAll('.mos-param')].map((e) => e.dataset.name);
      p.setParameters(parameters);  // both back
      return { middle, controls, back: p.getValues() };
    }, PARAMETERS);
    assert.deepEqual(out.middle, { label: 5, extra: 9 });
    assert.deepEqual(out.controls, ['label', 'extra']);  // groups in order of first appearance
    assert.equal(out.back.width, 16);
    assert.equal(out.back.label, 'kept');
    assert.equal(await page.locator('.mos-param[data-name="width"] input[type=range]').inputValue(), '16');
    // Collapsed groups stay collapsed across rebuilds.
    await page.locator('details[data-group="Details"] summary').click();
    await page.evaluate((parameters) => window.panel.setParameters(parameters), PARAMETERS);
    assert.equal(await page.locator('details[data-group="Details"]').evaluate((d) => d.open), false);
    await page.evaluate(() => window.panel.setParameters([]));
    assert.equal(await page.locator('.mos-param-empty').textContent(), 'No customizer parameters.');
    await page.evaluate(() => window.panel.dispose());
    assert.equal(await page.locator('.mos-customizer').count(), 0);
    await page.close();
  });

  test('changedDefines: only values that differ from the initial ones, strings as literals', async () => {
    await mount();
    const defines = await page.evaluate((parameters) => window.MosCustomizer.changedDefines(parameters,
      { ...window.panel.getValues(), width: 30, label: 'say "hi"', hollow: false, size: [1, 2, 4], sides: 6 }), PARAMETERS);
    assert.deepEqual(defines, { width: 30, label: '"say \\"hi\\""', hollow: false, size: '[1,2,4]' });
    await page.close();
  });

  test('works inside a shadow root (its styles come with it)', async () => {
    await mount({}, { shadow: true });
    const inside = await page.evaluate(() => {
      const root = document.getElementById('host').shadowRoot;
      const details = root.querySelector('details');
      return { params: root.querySelectorAll('.mos-param').length, style: !!root.querySelector('.mos-customizer style'),
               bordered: getComputedStyle(details).borderBottomStyle };
    });
    assert.deepEqual(inside, { params: 11, style: true, bordered: 'solid' });
    await page.close();
    assert.deepEqual(errors, []);
  });
});
