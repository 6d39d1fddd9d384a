// End-to-end: examples/quickstart.py (the README's first command serves it)
// in a real marimo server, `marimo run` and `marimo edit`, driven in Debian's
// Chromium. Checks what a user sees: the solid drawn (pixels differ from the
// empty scene), a slider changing the mesh (triangle count and pixels), the
// STL button downloading a valid closed STL, and a syntax error typed into
// the code showing its line in the viewer's panel.
// MOS_E2E_SCREENSHOT_DIR=dir saves a screenshot of the viewer.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  REPO, canvasImage, changedCells, launchBrowser, openNotebook, readBinaryStl, serverLogProblems,
  startMarimo, stopMarimo, viewerStates, waitForViewers,
} from './marimo-harness.mjs';

const NOTEBOOK = path.join(REPO, 'examples/quickstart.py');

for (const mode of ['run', 'edit']) {
  describe(`examples/quickstart.py in marimo ${mode}`, { timeout: 300_000 }, () => {
    let server, browser, page, errors;

    before(async () => {
      server = await startMarimo(mode, NOTEBOOK);
      browser = await launchBrowser();
      ({ page, errors } = await openNotebook(browser, server));
    });

    after(async () => {
      await browser?.close();
      await stopMarimo(server);
    });

    it('draws the solid, a slider changes it, STL export, syntax error, empty scene', async () => {
      const [first] = await waitForViewers(page, (s) => s.length === 1 && s[0].triangles > 0,
        120_000, 'the first mesh');
      const solid = await canvasImage(page);
      assert.ok(solid.teal > 0.01, `the solid is drawn (teal share ${solid.teal})`);
      if (process.env.MOS_E2E_SCREENSHOT_DIR) {
        await page.locator('canvas.mos-canvas').first().screenshot({
          path: path.join(process.env.MOS_E2E_SCREENSHOT_DIR, `quickstart-${mode}.png`) });
      }

      // The second slider is `holes` (1..8, starts at 3): End moves it to 8.
      const holes = page.locator('[role="slider"]').nth(1);
      await holes.focus();
      await holes.press('End');
      const [moved] = await waitForViewers(page, (s) => s[0].triangles !== first.triangles && !s[0].loading,
        60_000, 'the re-rendered mesh');
      assert.ok(moved.triangles > first.triangles,
        `more holes, more triangles (${first.triangles} -> ${moved.triangles})`);
      const more = await canvasImage(page);
      assert.ok(changedCells(solid, more) > 0.005, `pixels changed (${changedCells(solid, more)} of the grid)`);

      // STL button: a binary STL of the mesh on screen, closed.
      const download = page.waitForEvent('download');
      await page.locator('.mos-toolbar [data-action="stl"]').first().click();
      const file = await (await download).path();
      const stl = readBinaryStl(readFileSync(file));
      assert.equal(stl.triangles, moved.triangles, 'the STL holds the triangles on screen');
      assert.equal(stl.openEdges, 0, 'the STL is closed');

      // A syntax error on line 4 of the code: the panel names the line and
      // quotes it.
      const code = page.locator('textarea').first();
      const source = await code.inputValue();
      const broken = source.split('\n');
      broken[3] = 'holes = (3;';
      await code.fill(broken.join('\n'));
      await code.blur();
      await waitForViewers(page, (s) => /line 4|:4/.test(s[0].error), 60_000, 'the error panel');
      const current = page.locator('.mos-error-current').first();
      assert.match(await current.textContent(), /4 \| holes = \(3;/);

      // No code, no solid: the empty scene's pixels differ from the solid's.
      await code.fill('');
      await code.blur();
      await waitForViewers(page, (s) => s[0].triangles === 0 && s[0].error === '', 60_000, 'the empty scene');
      const empty = await canvasImage(page);
      assert.ok(empty.teal < solid.teal / 5, `hardly any teal in the empty scene (${empty.teal})`);
      assert.ok(changedCells(solid, empty) > 0.05, `the solid differs from the empty scene (${changedCells(solid, empty)} of the grid)`);
      assert.deepEqual(errors, []);
      assert.equal((await viewerStates(page)).length, 1, 'still the same single viewer');
      assert.deepEqual(serverLogProblems(server), [], 'no traceback or asyncio warning from marimo or the kernel');
    });
  });
}
