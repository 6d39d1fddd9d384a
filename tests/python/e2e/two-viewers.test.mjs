// End-to-end: two viewers in one notebook, each bound to its own slider, in
// a real marimo server (`marimo run` and `marimo edit`) and Debian's
// Chromium: moving one slider re-renders that viewer only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  canvasImage, notebookSource, readBinaryStl, serveNotebook, serverLogProblems, viewerStates, waitForViewers,
} from './marimo-harness.mjs';

const TWO_VIEWERS = notebookSource([`
def _(mo):
    sides_a = mo.ui.slider(3, 24, value=6, label="cylinder sides")
    sides_b = mo.ui.slider(3, 24, value=6, label="sphere sides")
    mo.hstack([sides_a, sides_b])
    return sides_a, sides_b
`, `
def _(mo, openscad_viewer):
    viewer_a = openscad_viewer('sides = 6; color("teal") cylinder(h = 10, r = 5, $fn = sides);')
    viewer_b = openscad_viewer('sides = 6; color("orange") sphere(r = 6, $fn = sides);')
    mo.vstack([mo.ui.anywidget(viewer_a), mo.ui.anywidget(viewer_b)])
    return viewer_a, viewer_b
`, `
def _(sides_a, viewer_a):
    viewer_a.params = {"sides": sides_a.value}
    return
`, `
def _(sides_b, viewer_b):
    viewer_b.params = {"sides": sides_b.value}
    return
`]);

for (const mode of ['run', 'edit']) {
  describe(`two viewers in one notebook, marimo ${mode}`, { timeout: 300_000 }, () => {
    let session, server, page, errors;

    before(async () => {
      session = await serveNotebook(mode, 'two_viewers.py', TWO_VIEWERS);
      ({ server, page, errors } = session);
    });

    after(() => session?.close());

    it('each slider re-renders its own viewer only', async () => {
      const start = await waitForViewers(page, (s) => s.length === 2 && s.every((v) => v.triangles > 0 && !v.loading),
        120_000, 'both meshes');
      assert.ok((await canvasImage(page, 0)).teal > 0.01, 'the first viewer draws its teal cylinder');

      const [sliderA, sliderB] = [page.locator('[role="slider"]').nth(0), page.locator('[role="slider"]').nth(1)];
      await sliderA.focus();
      await sliderA.press('End');
      const afterA = await waitForViewers(page, (s) => s[0].triangles !== start[0].triangles && !s[0].loading,
        60_000, 'the first viewer');
      await page.waitForTimeout(500); // time for a wrong update of the other viewer to show
      const settledA = await viewerStates(page);
      assert.ok(afterA[0].triangles > start[0].triangles, 'the cylinder got more sides');
      assert.equal(settledA[1].triangles, start[1].triangles, 'the sphere kept its mesh');

      await sliderB.focus();
      await sliderB.press('End');
      const afterB = await waitForViewers(page, (s) => s[1].triangles !== start[1].triangles && !s[1].loading,
        60_000, 'the second viewer');
      assert.ok(afterB[1].triangles > start[1].triangles, 'the sphere got more sides');
      assert.equal(afterB[0].triangles, settledA[0].triangles, 'the cylinder kept its mesh');

      // Each viewer's STL button is a request to its own widget in Python
      // (with an id): the file holds that viewer's mesh.
      for (const [index, triangles] of [[1, afterB[1].triangles], [0, afterB[0].triangles]]) {
        const download = page.waitForEvent('download');
        await page.locator('.mos-toolbar [data-action="stl"]').nth(index).click();
        const stl = readBinaryStl(readFileSync(await (await download).path()));
        assert.equal(stl.triangles, triangles, `viewer ${index}'s STL holds its own mesh`);
        assert.equal(stl.openEdges, 0);
      }
      const states = await viewerStates(page);
      assert.ok(states.every((s) => s.error === ''), `no error in either panel: ${JSON.stringify(states)}`);
      assert.deepEqual(errors, []);
      assert.deepEqual(serverLogProblems(server), [], 'no traceback or asyncio warning from marimo or the kernel');
    });
  });
}
