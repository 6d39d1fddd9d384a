// Requests from the viewer to Python (exports, Retry) carry ids and time out;
// replies name the request; stale replies are ignored; the loading indicator
// cannot spin forever. Python is played by the fake model: its `sent` list
// holds the requests, `reply()` delivers a custom message.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harnessPerTest } from './browser-harness.mjs';

let page;
harnessPerTest((h) => ({ page } = h));

const mount = (traits = {}) => page.evaluate((extra) => {
  const h = window.harness;
  h.mount({ ...h.traitsOf(h.meshes.cube(10)), ...extra });
}, traits);
const sent = () => page.evaluate(() => window.harness.model.sent);
const reply = (content, bytes = null) => page.evaluate(([c, b]) => {
  window.harness.model.reply(c, b ? [new Uint8Array(b)] : []);
}, [content, bytes]);
const panelText = async () => ((await page.locator('.mos-error').isVisible())
  ? page.locator('.mos-error').textContent() : '');

describe('exports through Python', () => {
  it('an export is a request with an id; the reply with that id downloads the file', async () => {
    await mount();
    await page.click('button[data-action="stl"]');
    assert.deepEqual(await sent(), [{ type: 'export', id: 1, format: 'stl' }]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      reply({ type: 'export', id: 1, ok: true, format: 'stl', filename: 'openscad-model.stl' }, [1, 2, 3, 4]),
    ]);
    assert.equal(download.suggestedFilename(), 'openscad-model.stl');
    assert.deepEqual([...await readFile(await download.path())], [1, 2, 3, 4]);
    assert.equal(await panelText(), '');
  });

  it('a lost export times out with a retryable error; a stale reply is ignored', async () => {
    await mount({ request_timeout: 0.3 });
    await page.click('button[data-action="3mf"]');
    await page.waitForFunction(() => !document.querySelector('.mos-error').hidden, null, { timeout: 5000 });
    assert.match(await panelText(), /3MF export: no reply from Python after 0\.3 s/);
    let downloads = 0;
    page.on('download', () => { downloads++; });
    // The answer to the lost request comes late: stale, nothing happens.
    await reply({ type: 'export', id: 1, ok: true, format: '3mf', filename: 'late.3mf' }, [9]);
    assert.equal(await page.evaluate(() => window.harness.viewer.repliesTaken), 0);
    await page.click('.mos-error .mos-error-retry');
    assert.deepEqual((await sent()).at(-1), { type: 'export', id: 2, format: '3mf' });
    assert.equal(await panelText(), '', 'the panel clears while the retry is pending');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      reply({ type: 'export', id: 2, ok: true, format: '3mf', filename: 'openscad-model.3mf' }, [7, 7]),
    ]);
    assert.equal(download.suggestedFilename(), 'openscad-model.3mf');
    await page.waitForTimeout(400); // the first request's timer is long gone, no new error
    assert.equal(await panelText(), '');
    assert.equal(downloads, 1, 'the stale reply downloaded nothing');
  });

  it('a newer export of the same format supersedes the pending one', async () => {
    await mount();
    await page.click('button[data-action="off"]');
    await page.click('button[data-action="off"]');
    assert.deepEqual((await sent()).map((m) => m.id), [1, 2]);
    await reply({ type: 'export', id: 1, ok: true, format: 'off', filename: 'a.off' }, [1]);
    assert.equal(await page.evaluate(() => window.harness.viewer.repliesTaken), 0, 'reply to id 1 is stale');
    assert.equal(await page.evaluate(() => window.harness.viewer.requests.size), 1);
  });

  it('a failed export shows its message and can be retried', async () => {
    await mount();
    await page.click('button[data-action="stl"]');
    await reply({ type: 'export', id: 1, ok: false, format: 'stl', message: 'nothing to export: no mesh on screen' });
    assert.match(await panelText(), /STL export failed: nothing to export: no mesh on screen/);
    await page.click('.mos-error .mos-error-retry');
    assert.deepEqual((await sent()).at(-1), { type: 'export', id: 2, format: 'stl' });
  });

  it('a reply for another kind of request or without an id is ignored', async () => {
    await mount();
    await page.click('button[data-action="stl"]');
    await reply({ type: 'retry', id: 1, ok: true });
    await reply({ type: 'export', ok: true, format: 'stl' }, [1]);
    assert.equal(await page.evaluate(() => window.harness.viewer.requests.size), 1, 'still waiting for id 1');
  });
});

describe('retry and rendering', () => {
  it('Retry carries an id; without an answer it says so and can be asked again', async () => {
    await mount({ request_timeout: 0.3, error: { message: 'render timed out after 2 s' } });
    await page.click('.mos-error .mos-error-retry');
    assert.deepEqual(await sent(), [{ type: 'retry', id: 1 }]);
    await page.waitForFunction(() => /Retry: no reply from Python after 0\.3 s/.test(
      document.querySelector('.mos-error').textContent), null, { timeout: 5000 });
    assert.equal(await page.locator('.mos-loading').isVisible(), false, 'no spinner for a lost request');
    await page.click('.mos-error .mos-error-retry');
    assert.deepEqual((await sent()).at(-1), { type: 'retry', id: 2 });
    await reply({ type: 'retry', id: 2, ok: true });
    await page.waitForTimeout(500);
    assert.doesNotMatch(await panelText(), /no reply/, 'the answered retry does not time out');
  });

  it('a render that never ends is reported after render_timeout + request_timeout', async () => {
    await mount({ request_timeout: 0.2, render_timeout: 0.2 });
    await page.evaluate(() => window.harness.model.set('loading', true));
    await page.waitForFunction(() => /no reply from Python after 0\.4 s/.test(
      document.querySelector('.mos-error').textContent), null, { timeout: 5000 });
    assert.equal(await page.locator('.mos-loading').isVisible(), false);
    await page.click('.mos-error .mos-error-retry');
    assert.deepEqual((await sent()).at(-1), { type: 'retry', id: 1 });
    // Python answers at last with an error: that one shows, not the lost render.
    await page.evaluate(() => window.harness.model.set('error', { message: 'Parser error: syntax error', line: 1 }));
    assert.match(await panelText(), /Parser error/);
    assert.doesNotMatch(await panelText(), /no reply/);
  });

  it('a render that ends in time leaves no error; a new mesh clears a lost-render error', async () => {
    await mount({ request_timeout: 0.2, render_timeout: 0.2 });
    await page.evaluate(() => window.harness.model.set('loading', true));
    await page.evaluate(() => window.harness.model.set('loading', false));
    await page.waitForTimeout(600);
    assert.equal(await panelText(), '');
    await page.evaluate(() => window.harness.model.set('loading', true));
    await page.waitForFunction(() => !document.querySelector('.mos-error').hidden, null, { timeout: 5000 });
    await page.evaluate(() => {
      const h = window.harness;
      h.model.setMany({ ...h.traitsOf(h.meshes.sphere()), loading: false });
    });
    await page.waitForFunction(() => document.querySelector('.mos-error').hidden);
  });

  it('render_timeout 0 (no limit) never reports a long render', async () => {
    await mount({ request_timeout: 0.1, render_timeout: 0 });
    await page.evaluate(() => window.harness.model.set('loading', true));
    await page.waitForTimeout(500);
    assert.equal(await panelText(), '');
    assert.equal(await page.locator('.mos-loading').isVisible(), true);
  });
});
