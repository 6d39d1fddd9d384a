// Component tests of the viewer bundle in real Chromium (SwiftShader WebGL),
// with a fake anywidget model feeding binary meshes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harnessPerTest, frameDifference } from './browser-harness.mjs';

let page;
harnessPerTest((h) => ({ page } = h));

const mountCube = (size = 10) => page.evaluate((s) => {
  const h = window.harness;
  h.mount(h.traitsOf(h.meshes.cube(s)));
}, size);
const stats = () => page.evaluate(() => window.harness.frameStats());
const cameraState = () => page.evaluate(() => window.harness.viewer.rig.state());

describe('viewer module', () => {
  it('is an anywidget ES module: named and default render()', async () => {
    assert.equal(await page.evaluate(() => window.harness.hasDefaultExport), true);
    const cleanupType = await page.evaluate(() => {
      const h = window.harness;
      h.mount();
      return typeof h.viewer.dispose;
    });
    assert.equal(cleanupType, 'function');
  });

  it('uses WebGL in Chromium', async () => {
    const ok = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
    assert.equal(ok, true);
  });
});

describe('mesh display', () => {
  it('shows the cube: pixels differ from the empty scene', async () => {
    await page.evaluate(() => window.harness.mount());
    const empty = await stats();
    assert.ok(empty.yellow < 0.001, `empty scene has no model colour (${empty.yellow})`);
    await page.evaluate(() => {
      const h = window.harness;
      h.model.setMany(h.traitsOf(h.meshes.cube(10)));
    });
    await page.waitForFunction(() => window.harness.viewer.status.el.textContent.includes('12 triangles'));
    const shown = await stats();
    assert.ok(shown.yellow > 0.05, `cube covers the view (${shown.yellow})`);
    assert.ok(frameDifference(empty, shown) > 5, 'frame changed');
  });

  it('a new mesh changes the pixels and keeps the camera', async () => {
    await mountCube();
    await page.evaluate(() => window.harness.viewer.action('front'));
    const before = await stats();
    const camBefore = await cameraState();
    await page.evaluate(() => {
      const h = window.harness;
      h.model.setMany(h.traitsOf(h.meshes.sphere(8, 32, 16), h.meshes.palette([200, 20, 20, 255])));
    });
    await page.waitForFunction(() => window.harness.viewer.status.el.textContent.includes('960 triangles'));
    const afterStats = await stats();
    assert.ok(afterStats.red > 0.05, `red sphere visible (${afterStats.red})`);
    assert.ok(afterStats.yellow < 0.001, 'old cube gone');
    assert.ok(frameDifference(before, afterStats) > 5);
    assert.deepEqual(await cameraState(), camBefore);
  });

  it('depth range follows a much larger new mesh (nothing cut by the far plane)', async () => {
    await mountCube();
    const camBefore = await cameraState();
    // The camera (kept) now sits inside a 5000-unit cube: its far walls must draw.
    await page.evaluate(() => {
      const h = window.harness;
      const big = h.meshes.cube(5000);
      big.positions.forEach((v, i) => { big.positions[i] = v - 2500; });
      h.model.setMany(h.traitsOf(big));
    });
    await page.waitForFunction(() => window.harness.viewer.status.el.textContent.includes('X 5000'));
    assert.deepEqual(await cameraState(), camBefore);
    const s = await stats();
    assert.ok(s.yellow > 0.8, `inside walls fill the view (${s.yellow})`);
  });

  it('colours triangles by part through the palette', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      // Triangles 0..5 (-z, +z, -y faces) red, the rest blue.
      h.mount(h.traitsOf(h.meshes.cube(10, (t) => (t < 6 ? 0 : 1)),
        h.meshes.palette([210, 20, 20, 255], [20, 40, 210, 255])));
      h.viewer.action('iso');
    });
    const s = await stats();
    assert.ok(s.red > 0.01, `red part visible (${s.red})`);
    assert.ok(s.blue > 0.01, `blue part visible (${s.blue})`);
  });

  it('shows the bounding-box size and the grid step', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.sphere(8, 10, 12, [0, 0, 0])));
    });
    const text = await page.locator('.mos-dims').textContent();
    assert.equal(text, 'X 16 × Y 15.22 × Z 16 · grid 2'); // 10 segments: |y| <= 8 sin 72°
  });

  it('reports bad mesh data in the error panel instead of failing', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      const m = h.meshes.cube(10);
      m.indices[5] = 99;
      h.mount(h.traitsOf(m));
    });
    const panel = page.locator('.mos-error');
    assert.equal(await panel.isVisible(), true);
    assert.match(await panel.textContent(), /Invalid mesh data: indices\[5\] = 99 is out of range \(8 vertices\)/);
  });
});

describe('panels', () => {
  it('the error trait shows message, line and a source snippet', async () => {
    await mountCube();
    await page.evaluate(() => window.harness.model.set('error', {
      message: 'Parser error: syntax error', line: 3, column: 5,
      source: 'a = 1;\nb = 2;\ncube(;\nsphere(2);\n',
    }));
    const panel = page.locator('.mos-error');
    assert.equal(await panel.isVisible(), true);
    assert.match(await panel.locator('.mos-error-message').textContent(), /syntax error/);
    assert.equal(await panel.locator('.mos-error-where').textContent(), 'line 3:5');
    assert.equal((await panel.locator('.mos-error-current').textContent()).trim(), '3 | cube(;');
    assert.equal(await panel.locator('.mos-error-line').count(), 4); // lines 1..4; the trailing newline adds none
    await page.evaluate(() => window.harness.model.set('error', null));
    assert.equal(await panel.isVisible(), false);
  });

  it('the panel\'s Retry button asks Python for the render again', async () => {
    await mountCube();
    await page.evaluate(() => window.harness.model.set('error', { message: 'render timed out after 2 s' }));
    const retry = page.locator('.mos-error .mos-error-retry');
    assert.equal(await retry.isVisible(), true);
    await retry.click();
    assert.deepEqual(await page.evaluate(() => window.harness.model.sent), [{ type: 'retry', id: 1 }]);
    assert.equal(await page.locator('.mos-loading').isVisible(), true, 'shows it is rendering again');
  });

  it('the loading indicator and render time follow the traits', async () => {
    await mountCube();
    const spinner = page.locator('.mos-loading');
    assert.equal(await spinner.isVisible(), false);
    await page.evaluate(() => window.harness.model.set('loading', true));
    assert.equal(await spinner.isVisible(), true);
    await page.evaluate(() => {
      const m = window.harness.model;
      m.setMany({ loading: false, render_ms: 42 });
    });
    assert.equal(await spinner.isVisible(), false);
    assert.match(await page.locator('.mos-timing').textContent(), /render 42 ms · upload\+draw [\d.]+ ms · 12 triangles/);
  });
});

describe('camera and display modes', () => {
  it('view presets by button and key', async () => {
    await mountCube();
    await page.click('button[data-action="top"]');
    let cam = await cameraState();
    assert.ok(cam.position[2] - cam.target[2] > 10, 'top view looks down');
    assert.ok(Math.abs(cam.position[0] - cam.target[0]) < 1e-3);
    await page.focus('.mos-viewer');
    await page.keyboard.press('4'); // right
    cam = await cameraState();
    assert.ok(cam.position[0] - cam.target[0] > 10, 'right view looks along -x');
    assert.ok(Math.abs(cam.position[2] - cam.target[2]) < 1e-3);
  });

  it('orthographic toggle keeps the model in view', async () => {
    await mountCube();
    const persp = await stats();
    await page.focus('.mos-viewer');
    await page.keyboard.press('o');
    const cam = await cameraState();
    assert.equal(cam.orthographic, true);
    assert.equal(await page.getAttribute('button[data-action="ortho"]', 'aria-pressed'), 'true');
    const ortho = await stats();
    assert.ok(ortho.yellow > 0.05, `cube visible in ortho (${ortho.yellow})`);
    assert.ok(frameDifference(persp, ortho) > 0.1, 'projection changed the image');
    await page.keyboard.press('o');
    assert.equal((await cameraState()).orthographic, false);
  });

  it('orbit by dragging and zoom by wheel move the camera', async () => {
    await mountCube();
    const start = await cameraState();
    const box = await page.locator('.mos-canvas').boundingBox();
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 120, cy + 30, { steps: 5 });
    await page.mouse.up();
    const orbited = await cameraState();
    assert.notDeepEqual(orbited.position, start.position);
    assert.deepEqual(orbited.target, start.target, 'orbit keeps the target');
    const dist = (c) => Math.hypot(...c.position.map((p, i) => p - c.target[i]));
    await page.mouse.wheel(0, -500);
    await page.waitForFunction((d) => {
      const c = window.harness.viewer.rig.state();
      return Math.hypot(...c.position.map((p, i) => p - c.target[i])) < d * 0.95;
    }, dist(orbited));
  });

  it('fit-to-view reframes after zooming far out', async () => {
    await mountCube();
    const fitted = await stats();
    await page.evaluate(() => {
      const rig = window.harness.viewer.rig;
      rig.camera.position.multiplyScalar(20);
      rig.controls.update();
    });
    const far = await stats();
    assert.ok(far.yellow < fitted.yellow / 10, 'zoomed out, cube small');
    await page.click('button[data-action="fit"]');
    const refit = await stats();
    assert.ok(refit.yellow > fitted.yellow * 0.8, `fit brings it back (${refit.yellow} vs ${fitted.yellow})`);
  });

  it('the edges overlay holds the feature edges: 12 of a cube, the open rim of a cut one', async () => {
    const counts = await page.evaluate(() => {
      const h = window.harness;
      const edgeCount = () => h.viewer.built.edges.geometry.getAttribute('position').count / 2;
      h.mount(h.traitsOf(h.meshes.cube(10)));
      const cube = edgeCount();
      // Without the +z face (two triangles) the top rim is open: its 4 edges
      // stay, and the z-face diagonal that was shared is gone anyway.
      const open = h.meshes.cube(10);
      const top = new Uint32Array([...open.indices.slice(0, 6), ...open.indices.slice(12)]);
      h.model.setMany({ indices: new DataView(top.buffer), index_bytes: 4,
        part_counts: new DataView(new Uint32Array([10]).buffer) });
      return { cube };
    });
    assert.equal(counts.cube, 12);
    await page.waitForTimeout(50);
    const open = await page.evaluate(() => window.harness.viewer.built.edges.geometry.getAttribute('position').count / 2);
    assert.equal(open, 12, 'the rim of the open top is drawn (its edges lost their partner face)');
    const sphere = await page.evaluate(() => {
      const h = window.harness;
      h.model.set('positions', null);
      const s = h.meshes.sphere(8, 24, 12);
      const t = h.traitsOf(s);
      for (const [k, v] of Object.entries(t)) h.model.set(k, v);
      return new Promise((r) => setTimeout(() => r(h.viewer.built.edges.geometry.getAttribute('position').count / 2), 20));
    });
    // A UV sphere of 24 x 12 meets at 360/24 = 15 degrees between columns,
    // under the 20 degree threshold: no feature edges.
    assert.equal(sphere, 0);
  });

  it('the Preview button (key P) writes the preview trait for Python and follows it', async () => {
    await mountCube();
    const pressed = () => page.getAttribute('button[data-action="preview"]', 'aria-pressed');
    assert.equal(await pressed(), 'false');
    await page.click('button[data-action="preview"]');
    assert.equal(await page.evaluate(() => window.harness.model.get('preview')), true);
    assert.equal(await pressed(), 'true');
    await page.focus('.mos-viewer');
    await page.keyboard.press('p');
    assert.equal(await page.evaluate(() => window.harness.model.get('preview')), false);
    await page.evaluate(() => window.harness.model.set('preview', true)); // set from Python
    assert.equal(await pressed(), 'true');
  });

  it('edges, wireframe and axes toggles change the image', async () => {
    await mountCube();
    const base = await stats();
    for (const action of ['edges', 'wireframe', 'axes']) {
      await page.click(`button[data-action="${action}"]`);
      const toggled = await stats();
      assert.ok(frameDifference(base, toggled) > 0.05, `${action} changes the frame`);
      await page.click(`button[data-action="${action}"]`);
      const back = await stats();
      assert.ok(frameDifference(base, back) < 0.01, `${action} toggles back`);
    }
    await page.click('button[data-action="wireframe"]');
    const wire = await stats();
    assert.ok(wire.yellow < base.yellow / 3, 'wireframe leaves the faces empty');
  });
});

describe('screenshot, context loss, cleanup', () => {
  it('the PNG button downloads a PNG of the canvas', async () => {
    await mountCube();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-action="screenshot"]'),
    ]);
    assert.equal(download.suggestedFilename(), 'openscad-view.png');
    const png = await readFile(await download.path());
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    const { width, height } = await stats();
    assert.equal(png.readUInt32BE(16), width);
    assert.equal(png.readUInt32BE(20), height);
    assert.ok(png.length > 2000, 'not a blank image');
  });

  it('recovers a lost WebGL context', async () => {
    await mountCube();
    const shown = await stats();
    await page.evaluate(() => {
      window.loseExt = window.harness.viewer.renderer.getContext().getExtension('WEBGL_lose_context');
      window.loseExt.loseContext();
    });
    await page.waitForFunction(() => !document.querySelector('.mos-context-lost').hidden);
    await page.evaluate(() => window.loseExt.restoreContext());
    await page.waitForFunction(() => document.querySelector('.mos-context-lost').hidden);
    const restored = await stats();
    assert.ok(restored.yellow > 0.05, `model drawn again (${restored.yellow})`);
    const d = frameDifference(shown, restored);
    assert.ok(d < 1, `same picture as before the loss (${d})`);
  });

  it('cleanup disposes GPU resources and detaches from the model', async () => {
    await mountCube();
    const before = await page.evaluate(() => ({
      geometries: window.harness.viewer.renderer.info.memory.geometries,
      listeners: window.harness.model.listenerCount(),
    }));
    assert.ok(before.geometries >= 3, `mesh, edges, grid, axes uploaded (${before.geometries})`);
    assert.ok(before.listeners > 0);
    const afterCleanup = await page.evaluate(() => {
      const v = window.harness.viewer;
      window.harness.unmount();
      return {
        geometries: v.renderer.info.memory.geometries,
        textures: v.renderer.info.memory.textures,
        listeners: window.harness.model.listenerCount(),
        children: document.getElementById('host').childElementCount,
      };
    });
    assert.deepEqual(afterCleanup, { geometries: 0, textures: 0, listeners: 0, children: 0 });
  });
});
