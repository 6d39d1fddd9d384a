// Several viewers on one page (as in a notebook with many cells): each has its
// own model, renderer and camera, and cleaning one up leaves the others alone.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { harnessPerTest } from './browser-harness.mjs';

let page;
harnessPerTest((h) => ({ page } = h));

it('three viewers work independently and clean up independently', async () => {
  const result = await page.evaluate(async () => {
    const { render } = await import('/static/viewer.js');
    const h = window.harness;
    const colours = [[200, 20, 20, 255], [20, 40, 210, 255], [249, 215, 44, 255]];
    const views = colours.map((c) => {
      const el = document.createElement('div');
      el.style.cssText = 'width: 200px; height: 200px';
      document.body.append(el);
      const model = new h.FakeModel(h.traitsOf(h.meshes.cube(10), h.meshes.palette(c)));
      return { el, model, cleanup: render({ model, el }) };
    });
    // Colour under the centre of each canvas.
    const centre = (v) => {
      const viewer = v.el.mosViewer;
      viewer.renderNow();
      const gl = viewer.renderer.getContext();
      const px = new Uint8Array(4);
      gl.readPixels(gl.drawingBufferWidth >> 1, gl.drawingBufferHeight >> 1, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      return Array.from(px.subarray(0, 3));
    };
    const before = views.map(centre);
    views[0].el.mosViewer.action('top');
    const cams = views.map((v) => v.el.mosViewer.rig.state().position);
    views[1].model.setMany(h.traitsOf(h.meshes.sphere(6), h.meshes.palette([20, 160, 40, 255])));
    await new Promise((r) => queueMicrotask(r));
    const afterUpdate = views.map(centre);
    views[1].cleanup();
    const afterCleanup = [centre(views[0]), centre(views[2])];
    return {
      before, cams, afterUpdate, afterCleanup,
      geometries: views.map((v) => v.el.mosViewer.renderer.info.memory.geometries),
    };
  });
  const [red, blue, yellow] = result.before;
  // Dominant channels (faces are shaded, so no absolute levels).
  assert.ok(red[0] > 2 * red[1] && red[0] > 2 * red[2], `first is red ${red}`);
  assert.ok(blue[2] > 2 * blue[0] && blue[2] > 1.5 * blue[1], `second is blue ${blue}`);
  assert.ok(yellow[0] > 2 * yellow[2] && yellow[1] > 2 * yellow[2], `third is yellow ${yellow}`);
  assert.ok(result.cams[0][2] > result.cams[1][2] + 1, 'only the first camera moved to the top');
  assert.deepEqual(result.cams[1], result.cams[2]);
  const green = result.afterUpdate[1];
  assert.ok(green[1] > 2 * green[0] && green[1] > 2 * green[2], `second now green ${green}`);
  assert.deepEqual(result.afterUpdate[2], yellow, 'third untouched by the second update');
  assert.deepEqual(result.afterCleanup[1], yellow, 'third still draws after the second is cleaned up');
  assert.equal(result.geometries[1], 0);
  assert.ok(result.geometries[0] > 0 && result.geometries[2] > 0);
});
