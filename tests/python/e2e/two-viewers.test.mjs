// End-to-end: two viewers in one notebook, each bound to its own slider, in
// a real marimo server (`marimo run` and `marimo edit`) and Debian's
// Chromium: moving one slider re-renders that viewer only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  canvasImage, launchBrowser, openNotebook, readBinaryStl, serverLogProblems, startMarimo, stopMarimo,
  viewerStates, waitForViewers,
} from './marimo-harness.mjs';

const TWO_VIEWERS = `import marimo

app = marimo.App()


@app.cell
def _():
    import marimo as mo
    from marimo_openscad import openscad_viewer
    return mo, openscad_viewer


@app.cell
def _(mo):
    sides_a = mo.ui.slider(3, 24, value=6, label="cylinder sides")
    sides_b = mo.ui.slider(3, 24, value=6, label="sphere sides")
    mo.hstack([sides_a, sides_b])
    return sides_a, sides_b


@app.cell
def _(mo, openscad_viewer):
    viewer_a = openscad_viewer('sides = 6; color("teal") cylinder(h = 10, r = 5, $fn = sides);')
    viewer_b = openscad_viewer('sides = 6; color("orange") sphere(r = 6, $fn = sides);')
    mo.vstack([mo.ui.anywidget(viewer_a), mo.ui.anywidget(viewer_b)])
    return viewer_a, viewer_b


@app.cell
def _(sides_a, viewer_a):
    viewer_a.params = {"sides": sides_a.value}
    return


@app.cell
def _(sides_b, viewer_b):
    viewer_b.params = {"sides": sides_b.value}
    return


if __name__ == "__main__":
    app.run()
`;

for (const mode of ['run', 'edit']) {
  describe(`two viewers in one notebook, marimo ${mode}`, { timeout: 300_000 }, () => {
    let server, browser, page, errors, dir;

    before(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'mos-e2e-'));
      const notebook = path.join(dir, 'two_viewers.py');
      writeFileSync(notebook, TWO_VIEWERS);
      server = await startMarimo(mode, notebook);
      browser = await launchBrowser();
      ({ page, errors } = await openNotebook(browser, server));
    });

    after(async () => {
      await browser?.close();
      await stopMarimo(server);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

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
