// End-to-end: the viewer's own customizer panel in a real `marimo run`
// server and Debian's Chromium. A panel slider moved by the keyboard (a
// burst of input events, as a drag) renders in the viewer's WASM worker and
// is drawn at once; Python's `params` (read back from a cell) then holds the
// slider's value and Python rendered nothing for the viewer; a cell reading
// `viewer.mesh` gets the solid of those params. A marimo slider cell that
// sets `viewer.params` (a Python-side change) moves the panel's slider.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  canvasImage, changedCells, notebookSource, serveNotebook, serverLogProblems, VIEWER_ROOTS, waitForCellText,
  waitForViewers,
} from './marimo-harness.mjs';

const MODEL = 'sides = 6; // [3:24]\ncolor("teal") cylinder(h = 10, r = 5, $fn = sides);\n';
const NOTEBOOK = notebookSource([`
def _(mo):
    sides = mo.ui.slider(3, 24, value=6, label="sides")
    sides
    return (sides,)
`, `
def _(mo, openscad_viewer):
    viewer = openscad_viewer(${JSON.stringify(MODEL)}, panel=True)
    ui = mo.ui.anywidget(viewer)
    ui
    return ui, viewer
`, `
def _(sides, viewer):
    viewer.params = {"sides": sides.value}
    applied = sides.value
    return (applied,)
`, `
def _(applied, mo, ui, viewer):
    applied, ui.value  # runs again after the slider cell, and when the viewer writes the widget's state
    viewer.wait(30)  # Python's own renders, if any, are done
    mo.md(f"readback params={viewer.params} edit={viewer.params_edit > 0} native_renders={viewer.native_renders}")
    return
`, `
def _(applied, mo, ui, viewer):
    applied, ui.value  # as the readback cell
    viewer.wait(30)
    _mesh = viewer.mesh  # after a panel edit: rendered here on this read
    mo.md(f"meshback params={viewer.params} triangles={_mesh.triangle_count} "
          f"volume={_mesh.volume:.3f} catch_up_renders={viewer.catch_up_renders}")
    return
`]);

const prism = (sides) => 4 * sides - 4;
const PANEL_SLIDER = '.mos-panel .mos-param[data-name="sides"] input[type=range]';

// The panel's state (the page's first viewer).
function panelInfo(page) {
  return page.evaluate((roots) => {
    const root = eval(roots)[0]; // eslint-disable-line no-eval
    const v = root.parentElement.mosViewer;
    const slider = root.querySelector('.mos-panel .mos-param[data-name="sides"] input[type=range]');
    return {
      open: !root.querySelector('.mos-panel').hidden,
      slider: slider ? Number(slider.value) : null,
      from: v.shownFrom,
      counters: { ...v.customizer.counters },
      worker: { ...v.worker.counters },
    };
  }, VIEWER_ROOTS);
}

// The volume of cylinder(h = 10, r = 5, $fn = sides), as the cell prints it.
const prismVolume = (sides) => (10 * 0.5 * sides * 25 * Math.sin((2 * Math.PI) / sides)).toFixed(3);

const readback = (page, pattern, label = 'readback') => waitForCellText(page, label, pattern);

describe('the viewer\'s customizer panel, marimo run', { timeout: 300_000 }, () => {
  let session, server, page, errors;

  before(async () => {
    session = await serveNotebook('run', 'panel.py', NOTEBOOK);
    ({ server, page, errors } = session);
  });

  after(() => session?.close());

  it('a panel slider renders in the worker and sets params in Python without a render there', async () => {
    await waitForViewers(page, (s) => s.length === 1 && s[0].triangles === prism(6) && !s[0].loading,
      120_000, 'the hexagonal prism');
    const start = await readback(page, /params=\{'sides': 6\} edit=False native_renders=\d+$/);
    const renders = Number(/native_renders=(\d+)/.exec(start)[1]);
    let info = await panelInfo(page);
    assert.equal(info.open, true, 'panel=True: open from the start');
    assert.equal(info.slider, 6);
    const before = await canvasImage(page);

    // A drag as the keyboard makes it: six input events, 7 .. 12.
    const slider = page.locator(PANEL_SLIDER);
    await slider.focus();
    for (let i = 0; i < 6; i++) await slider.press('ArrowRight');
    await waitForViewers(page, (s) => s[0].triangles === prism(12), 60_000, 'the 12-sided prism');
    info = await panelInfo(page);
    assert.equal(info.slider, 12);
    assert.equal(info.from, 'worker', 'drawn by the worker');
    assert.equal(info.counters.edits, 6);
    assert.ok(changedCells(before, await canvasImage(page)) > 0.002, 'the drawn mesh changed');
    const text = await readback(page, /params=\{'sides': 12\}/);
    assert.match(text, new RegExp(`edit=True native_renders=${renders}$`),
      `Python took the panel's params without rendering them: ${text}`);
    assert.equal((await panelInfo(page)).slider, 12, 'Python\'s answers did not move the slider back');
    // A cell reading viewer.mesh gets the solid now on screen, not the one
    // Python rendered last (the 6-sided prism).
    const mesh = await readback(page, /params=\{'sides': 12\} triangles=/, 'meshback');
    assert.match(mesh, new RegExp(`triangles=${prism(12)} volume=${prismVolume(12)} catch_up_renders=[1-9]`), mesh);
    assert.match(await readback(page, /params=\{'sides': 12\}/), new RegExp(`native_renders=${renders}$`),
      'reading the mesh renders nothing for the viewer');
  });

  it('a Python-side change (the marimo slider cell) moves the panel\'s slider', async () => {
    const start = await readback(page, /params=\{'sides': 12\}/);
    const renders = Number(/native_renders=(\d+)/.exec(start)[1]);
    const marimoSlider = page.locator('[role="slider"]').first();
    await marimoSlider.focus();
    await marimoSlider.press('End'); // sides = 24: Python sets params, renders natively
    await waitForViewers(page, (s) => s[0].triangles === prism(24), 60_000, 'the 24-sided prism');
    const deadline = Date.now() + 30_000;
    let info = await panelInfo(page);
    while (info.slider !== 24 && Date.now() < deadline) {
      await page.waitForTimeout(100);
      info = await panelInfo(page);
    }
    assert.equal(info.slider, 24, 'the panel follows Python');
    assert.equal(info.from, 'python');
    assert.equal(info.counters.edits, 6, 'no edit back to Python (no loop)');
    await readback(page, new RegExp(`params=\\{'sides': 24\\} edit=False native_renders=${renders + 1}$`));
    const mesh = await readback(page, /params=\{'sides': 24\} triangles=/, 'meshback');
    assert.match(mesh, new RegExp(`triangles=${prism(24)} volume=${prismVolume(24)} `), mesh);
    assert.deepEqual(errors, []);
    assert.deepEqual(serverLogProblems(server), [], 'no traceback or asyncio warning from marimo or the kernel');
  });
});
