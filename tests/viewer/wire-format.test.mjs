// The mesh wire format (viewer/README.md): uint16 or uint32 indices, triangles
// grouped by part with a count per palette entry; bad data reported. And what
// a new mesh costs: no new materials or shader programs for colours seen
// before, no edges overlay computed while it is hidden.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harnessPerTest } from './browser-harness.mjs';

let page;
harnessPerTest((h) => ({ page } = h));

const stats = () => page.evaluate(() => window.harness.frameStats());
const panel = () => page.locator('.mos-error').textContent();

describe('wire format', () => {
  it('uint16 and uint32 indices draw the same picture', async () => {
    const draw = (width) => page.evaluate((w) => {
      const h = window.harness;
      if (h.model) h.unmount();
      h.mount(h.traitsOf(h.meshes.cube(10, (t) => (t % 3 ? 0 : 1)),
        h.meshes.palette([210, 20, 20, 255], [20, 40, 210, 255]), w));
      return { stats: h.frameStats(), type: h.viewer.built.solid.geometry.index.array.constructor.name };
    }, width);
    const narrow = await draw(2), wide = await draw(4);
    assert.equal(narrow.type, 'Uint16Array');
    assert.equal(wide.type, 'Uint32Array');
    assert.ok(narrow.stats.red > 0.01 && narrow.stats.blue > 0.01, 'both parts drawn');
    assert.deepEqual(narrow.stats.cells, wide.stats.cells);
  });

  it('part_counts make one draw group per part', async () => {
    const groups = await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10, (t) => (t < 4 ? 2 : t < 6 ? 0 : 1)),
        h.meshes.palette([1, 1, 1, 255], [2, 2, 2, 255], [3, 3, 3, 255])));
      return h.viewer.built.solid.geometry.groups.map((g) => [g.start, g.count, g.materialIndex]);
    });
    assert.deepEqual(groups, [[0, 6, 0], [6, 18, 1], [24, 12, 2]]);
  });

  it('reports counts that do not add up, a bad index width and out-of-range indices', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount({ ...h.traitsOf(h.meshes.cube(10)), part_counts: new DataView(new Uint32Array([11]).buffer) });
    });
    assert.match(await panel(), /Invalid mesh data: part_counts add up to 11 triangles, indices hold 12/);
    await page.evaluate(() => {
      const h = window.harness;
      h.model.setMany({ ...h.traitsOf(h.meshes.cube(10)), index_bytes: 3 });
    });
    assert.match(await panel(), /Invalid mesh data: index_bytes: 3 is neither 2 nor 4/);
    await page.evaluate(() => {
      const h = window.harness;
      const m = h.meshes.cube(10);
      m.indices[7] = 8;
      h.model.setMany(h.traitsOf(m, null, 2));
    });
    assert.match(await panel(), /Invalid mesh data: indices\[\d+\] = 8 is out of range \(8 vertices\)/);
  });
});

describe('cost of a new mesh', () => {
  it('reuses materials and shader programs for colours it has seen', async () => {
    const counts = await page.evaluate(async () => {
      const h = window.harness;
      const pal = h.meshes.palette([210, 20, 20, 255], [20, 40, 210, 255]);
      h.mount(h.traitsOf(h.meshes.cube(10, (t) => t % 2), pal));
      const v = h.viewer;
      const first = { programs: v.renderer.info.programs.length, materials: v.built.materials };
      h.model.setMany(h.traitsOf(h.meshes.sphere(8, 16, 8), h.meshes.palette([20, 40, 210, 255])));
      await new Promise((r) => queueMicrotask(r));
      v.renderNow();
      return {
        before: first.programs, after: v.renderer.info.programs.length,
        sameMaterial: v.built.materials[0] === first.materials[1],
      };
    });
    assert.equal(counts.after, counts.before, 'no new shader programs');
    assert.ok(counts.sameMaterial, 'the blue material is the same object');
  });

  it('computes the edges overlay only when it is shown', async () => {
    const r = await page.evaluate(async () => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10)));
      const v = h.viewer;
      const shown = v.built.edges !== null;
      v.action('edges'); // off
      h.model.setMany(h.traitsOf(h.meshes.cube(20)));
      await new Promise((r) => queueMicrotask(r));
      const hidden = v.built.edges === null;
      v.action('edges'); // on again: built now
      return { shown, hidden, edges: v.built.edges.geometry.getAttribute('position').count / 2 };
    });
    assert.deepEqual(r, { shown: true, hidden: true, edges: 12 });
  });
});
