// What the viewer does to keep a frame cheap on software WebGL (Chromium's
// SwiftShader here): no multisampling there, and back faces of a closed
// surface seen from outside culled, without changing what is on screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harnessPerTest, frameDifference } from './browser-harness.mjs';

let page;
harnessPerTest((h) => ({ page } = h));

const stats = () => page.evaluate(() => window.harness.frameStats());
const culled = () => page.evaluate(() => {
  const v = window.harness.viewer;
  v.renderNow();
  return v.backFacesCulled;
});

describe('software WebGL', () => {
  it('draws without multisampling on SwiftShader', async () => {
    const r = await page.evaluate(() => {
      const v = window.harness.mount();
      const gl = v.renderer.getContext();
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return {
        name: gl.getParameter(info.UNMASKED_RENDERER_WEBGL), antialiased: v.antialiased,
        samples: gl.getParameter(gl.SAMPLES), canvases: document.querySelectorAll('#host canvas').length,
        drawsOnItsCanvas: v.renderer.domElement.isConnected,
      };
    });
    assert.match(r.name, /SwiftShader/);
    assert.equal(r.antialiased, false);
    assert.equal(r.samples, 0);
    assert.equal(r.canvases, 1, 'the first, multisampled canvas was replaced, not kept');
    assert.ok(r.drawsOnItsCanvas);
  });

  it('a second viewer on the page starts without multisampling at once', async () => {
    const r = await page.evaluate(() => {
      const h = window.harness;
      h.mount();
      const host2 = document.createElement('div');
      host2.style.cssText = 'width: 200px; height: 150px';
      document.body.append(host2);
      const cleanup = h.module.render({ model: new h.FakeModel(h.traitsOf(h.meshes.cube(10))), el: host2 });
      const v2 = host2.mosViewer;
      const out = { antialiased: v2.antialiased, canvases: host2.querySelectorAll('canvas').length };
      cleanup();
      host2.remove();
      return out;
    });
    assert.deepEqual(r, { antialiased: false, canvases: 1 });
  });
});

describe('back-face culling', () => {
  it('culls a closed, outward cube and draws the same pixels as both sides', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10)));
    });
    assert.equal(await culled(), true);
    const front = await stats();
    // The clip plane at 1 keeps all of the cube but needs both sides.
    await page.evaluate(() => { const v = window.harness.viewer; v.action('clip'); v.setClip(1); });
    assert.equal(await culled(), false);
    const both = await stats();
    assert.ok(front.yellow > 0.05);
    assert.ok(frameDifference(front, both) < 1, `same frame (${frameDifference(front, both)})`);
    await page.evaluate(() => window.harness.viewer.action('clip'));
    assert.equal(await culled(), true, 'culled again once the clip plane is off');
  });

  it('culls a closed cube whose edge is split by a zero-area triangle (T-junction closed)', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      const cube = h.meshes.cube(10);
      // Triangle 0 is (a, b, c) of the -z face; m is the middle of its edge a-b,
      // whose other face runs b -> a. (a, m, c), (m, b, c) and the sliver
      // (a, b, m) keep every edge run once each way.
      const [a, b, c] = cube.indices.slice(0, 3);
      const positions = new Float32Array([...cube.positions, 0, 0, 0]);
      const m = positions.length / 3 - 1;
      for (let k = 0; k < 3; k++) positions[3 * m + k] = (positions[3 * a + k] + positions[3 * b + k]) / 2;
      const indices = new Uint32Array([a, m, c, m, b, c, a, b, m, ...cube.indices.slice(3)]);
      h.mount(h.traitsOf({ positions, indices, partIds: new Uint32Array(indices.length / 3) }));
    });
    assert.equal(await culled(), true);
  });

  it('draws both sides of open, inside-out and non-manifold meshes', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10)));
    });
    assert.equal(await culled(), true, 'closed');
    for (const kind of ['open', 'inverted', 'flipped']) {
      await page.evaluate((k) => {
        const h = window.harness;
        const cube = h.meshes.cube(10);
        let indices = cube.indices.slice();
        if (k === 'open') indices = new Uint32Array([...cube.indices.slice(0, 6), ...cube.indices.slice(12)]);
        if (k === 'inverted') for (let t = 0; t < 12; t++) [indices[3 * t], indices[3 * t + 2]] = [indices[3 * t + 2], indices[3 * t]];
        if (k === 'flipped') [indices[0], indices[2]] = [indices[2], indices[0]];
        h.model.setMany(h.traitsOf({ positions: cube.positions, indices, partIds: new Uint32Array(indices.length / 3) }));
      }, kind);
      await page.waitForTimeout(20);
      assert.equal(await culled(), false, kind);
    }
    // The inside-out cube still shows: its faces are drawn from both sides.
    assert.ok((await stats()).yellow > 0.05);
  });

  it('draws both sides in wireframe, for translucent parts and with the camera inside', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10)));
      h.viewer.action('wireframe');
    });
    assert.equal(await culled(), false, 'wireframe');
    await page.evaluate(() => {
      const h = window.harness;
      h.viewer.action('wireframe');
      h.model.setMany(h.traitsOf(h.meshes.cube(10), h.meshes.palette([249, 215, 44, 100])));
    });
    await page.waitForTimeout(20);
    assert.equal(await culled(), false, 'translucent');
    await page.evaluate(() => {
      const h = window.harness;
      h.model.setMany(h.traitsOf(h.meshes.cube(10)));
    });
    await page.waitForTimeout(20);
    assert.equal(await culled(), true, 'opaque again');
    await page.evaluate(() => {
      const v = window.harness.viewer;
      v.rig.camera.position.set(5, 5, 5);
      v.rig.controls.target.set(5, 5, 0);
      v.rig.controls.update();
    });
    assert.equal(await culled(), false, 'camera inside the bounding box');
  });
});
