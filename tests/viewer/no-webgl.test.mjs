// Without WebGL the widget shows a message instead of throwing.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openHarness } from './browser-harness.mjs';

it('shows "3D view unavailable" when WebGL cannot be created', async () => {
  const { server, url } = await startServer();
  const browser = await launchBrowser(['--disable-webgl', '--disable-3d-apis']);
  try {
    // Three.js logs the failed context creation to the console: expected here.
    const { page, errors } = await openHarness(browser, url, { ignoreConsoleErrors: true });
    const result = await page.evaluate(() => {
      const h = window.harness;
      const model = new h.FakeModel(h.traitsOf(h.meshes.cube(10)));
      const { render } = h.module;
      const el = document.getElementById('host');
      const cleanup = render({ model, el });
      const text = el.textContent;
      const viewers = el.querySelectorAll('.mos-viewer').length;
      cleanup();
      return { text, viewers, after: el.childElementCount };
    });
    assert.match(result.text, /^3D view unavailable: /);
    assert.equal(result.viewers, 0);
    assert.equal(result.after, 0);
    assert.deepEqual(errors, [], 'no uncaught page errors');
  } finally {
    await browser.close();
    server.close();
  }
});
