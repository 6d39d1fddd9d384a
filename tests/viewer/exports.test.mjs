// Export buttons (STL, OFF, 3MF) and the clipping plane / transparency, in
// Chromium with the fake anywidget model.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { harnessPerTest, frameDifference } from './browser-harness.mjs';

let page;
harnessPerTest((h) => ({ page } = h));

const stats = () => page.evaluate(() => window.harness.frameStats());

async function downloadVia(action) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`button[data-action="${action}"]`),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

// Every undirected edge used by exactly two triangles, once in each direction.
function assertClosedOriented(triangles) {
  const directed = new Map();
  for (const tri of triangles) {
    for (let k = 0; k < 3; k++) {
      const key = `${tri[k]}|${tri[(k + 1) % 3]}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of directed) {
    assert.equal(n, 1, `edge ${key} used once in its direction`);
    const [a, b] = key.split('|');
    assert.equal(directed.get(`${b}|${a}`), 1, `edge ${key} has its twin`);
  }
}

function readZip(buf) {
  const files = new Map();
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const crc = buf.readUInt32LE(p + 14), size = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26), extraLen = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 30, p + 30 + nameLen).toString('utf8');
    const data = buf.subarray(p + 30 + nameLen + extraLen, p + 30 + nameLen + extraLen + size);
    assert.equal(crc32(data), crc, `crc of ${name}`);
    files.set(name, data.toString('utf8'));
    p += 30 + nameLen + extraLen + size;
  }
  assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory follows the entries');
  const end = buf.length - 22;
  assert.equal(buf.readUInt32LE(end), 0x06054b50, 'end record');
  assert.equal(buf.readUInt16LE(end + 10), files.size);
  assert.equal(buf.readUInt32LE(end + 16), p, 'central directory offset');
  return files;
}

// Without a Python side (no model.send, as in a notebook saved as static
// HTML) the viewer writes the files itself; with one, requests.test.mjs.
describe('exports written in the browser', () => {
  beforeEach(async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10, (t) => (t < 2 ? 1 : 0)),
        h.meshes.palette([249, 215, 44, 255], [255, 0, 0, 128])), { withoutPython: true });
    });
  });

  it('STL is a closed binary STL of the mesh', async () => {
    const { name, bytes } = await downloadVia('stl');
    assert.equal(name, 'openscad-model.stl');
    const n = bytes.readUInt32LE(80);
    assert.equal(n, 12);
    assert.equal(bytes.length, 84 + 50 * n);
    const tris = [];
    for (let t = 0; t < n; t++) {
      const o = 84 + 50 * t;
      const v = (k) => [0, 1, 2].map((i) => bytes.readFloatLE(o + 12 + 12 * k + 4 * i)).join(',');
      tris.push([v(0), v(1), v(2)]);
      // Normal points away from the cube's centre.
      const normal = [0, 1, 2].map((i) => bytes.readFloatLE(o + 4 * i));
      const centroid = [0, 1, 2].map((i) => (bytes.readFloatLE(o + 12 + 4 * i) + bytes.readFloatLE(o + 24 + 4 * i) + bytes.readFloatLE(o + 36 + 4 * i)) / 3 - 5);
      assert.ok(normal[0] * centroid[0] + normal[1] * centroid[1] + normal[2] * centroid[2] > 0, 'outward normal');
    }
    assertClosedOriented(tris);
  });

  it('OFF lists the vertices and faces', async () => {
    const { name, bytes } = await downloadVia('off');
    assert.equal(name, 'openscad-model.off');
    const lines = bytes.toString('utf8').trim().split('\n');
    assert.equal(lines[0], 'OFF');
    assert.equal(lines[1], '8 12 0');
    assert.equal(lines.length, 2 + 8 + 12);
    assert.equal(lines[2 + 7], '10 10 10');
    const faces = lines.slice(10).map((l) => l.split(' ').map(Number));
    assert.ok(faces.every((f) => f[0] === 3 && f.slice(1).every((i) => i >= 0 && i < 8)));
    assertClosedOriented(faces.map((f) => f.slice(1)));
  });

  it('3MF is a valid package with the mesh and its colours', async () => {
    const { name, bytes } = await downloadVia('3mf');
    assert.equal(name, 'openscad-model.3mf');
    const files = readZip(bytes);
    assert.deepEqual([...files.keys()], ['[Content_Types].xml', '_rels/.rels', '3D/3dmodel.model']);
    assert.match(files.get('_rels/.rels'), /Target="\/3D\/3dmodel.model"/);
    const model = files.get('3D/3dmodel.model');
    assert.equal(model.match(/<vertex /g).length, 8);
    assert.equal(model.match(/<triangle /g).length, 12);
    assert.match(model, /displaycolor="#F9D72CFF"/);
    assert.match(model, /displaycolor="#FF000080"/);
    assert.equal(model.match(/p1="1"/g).length, 2);
  });

  it('export without a mesh downloads nothing', async () => {
    const ok = await page.evaluate(() => {
      const h = window.harness;
      h.model.setMany({ positions: null, indices: null, part_counts: null, palette: null });
      return new Promise((r) => queueMicrotask(() => r(h.viewer.download('stl'))));
    });
    assert.equal(ok, false);
  });
});

describe('clipping and transparency', () => {
  it('the clipping plane cuts the model and follows its slider', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10)));
      h.viewer.action('front');
    });
    const full = await stats();
    await page.click('button[data-action="clip"]');
    assert.equal(await page.isVisible('.mos-clip-slider'), true);
    const half = await stats();
    assert.ok(half.yellow < full.yellow * 0.7 && half.yellow > full.yellow * 0.3,
      `half the cube left (${half.yellow} of ${full.yellow})`);
    await page.locator('.mos-clip-slider').fill('1000');
    const all = await stats();
    assert.ok(frameDifference(all, full) < 0.5, 'plane at the top keeps everything');
    await page.locator('.mos-clip-slider').fill('0');
    assert.ok((await stats()).yellow < full.yellow * 0.05, 'plane at the bottom removes it');
    await page.click('button[data-action="clip"]');
    assert.equal(await page.isVisible('.mos-clip-slider'), false);
    assert.ok(frameDifference(await stats(), full) < 0.5, 'clip off restores');
  });

  it('a palette alpha draws the part as a transparent ghost', async () => {
    const probe = (alpha) => page.evaluate((a) => {
      const h = window.harness;
      if (h.model) h.unmount();
      h.mount(h.traitsOf(h.meshes.cube(10), h.meshes.palette([200, 20, 20, a])));
      h.viewer.action('edges'); // faces only
      return h.frameStats();
    }, alpha);
    const solid = await probe(255);
    const ghost = await probe(60);
    assert.ok(solid.red > 0.05, `solid is red (${solid.red})`);
    assert.ok(ghost.red < solid.red / 5, `ghost is pale (${ghost.red})`);
    assert.ok(frameDifference(solid, ghost) > 5);
  });
});
