// render() returns the mesh the viewer draws (viewer/README.md, "Wire
// format": positions float32 xyz, indices uint32, part ids per triangle into
// an RGBA8 palette), its measures, stats, and the engine's options.
//   node mesh_api_test.mjs <mos_wasm_node.mjs>
import assert from 'node:assert/strict';
import { loadMos } from './load_module.mjs';

const mos = await loadMos(process.argv[2]);
let passed = 0, failed = 0;
// Failures are reported here: an uncaught error would make the emscripten
// module's handler print its whole one-line source.
function test(name, body) {
  try {
    body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${String(e.stack || e).split('\n').slice(0, 3).join(' | ').slice(0, 600)}`);
  }
}
const near = (a, b, eps = 1e-9) => Math.abs(a - b) <= eps * Math.max(1, Math.abs(b));

// The checks of viewer/src/wire-format.ts decodeMesh, on the arrays as given.
function checkWireFormat(mesh) {
  assert.ok(mesh.positions instanceof Float32Array);
  assert.ok(mesh.indices instanceof Uint32Array);
  assert.ok(mesh.partIds instanceof Uint32Array);
  assert.ok(mesh.palette instanceof Uint8Array);
  assert.equal(mesh.positions.length % 3, 0);
  assert.equal(mesh.indices.length % 3, 0);
  assert.equal(mesh.palette.length % 4, 0);
  const vertices = mesh.positions.length / 3;
  assert.ok(mesh.indices.every((i) => i < vertices), 'indices in range');
  assert.ok(mesh.positions.every(Number.isFinite), 'finite positions');
  assert.equal(mesh.partIds.length, mesh.indices.length / 3, 'one part id per triangle');
  assert.ok(mesh.partIds.every((p) => p < mesh.palette.length / 4), 'part ids in range');
}

// Signed volume of the triangle soup (counter-clockwise from outside: > 0).
function meshVolume(mesh) {
  const p = mesh.positions, t = mesh.indices;
  let v = 0;
  for (let i = 0; i < t.length; i += 3) {
    const [a, b, c] = [t[i] * 3, t[i + 1] * 3, t[i + 2] * 3];
    v += p[a] * (p[b + 1] * p[c + 2] - p[b + 2] * p[c + 1]) -
         p[a + 1] * (p[b] * p[c + 2] - p[b + 2] * p[c]) +
         p[a + 2] * (p[b] * p[c + 1] - p[b + 1] * p[c]);
  }
  return v / 6;
}

test('a cube: mesh arrays, measures, bbox', () => {
  const r = mos.render('cube([10, 20, 30]);');
  assert.equal(r.ok, true);
  assert.equal(r.cancelled, false);
  assert.equal(r.kind, '3d');
  checkWireFormat(r.mesh);
  assert.equal(r.mesh.indices.length / 3, 12);
  assert.equal(r.triangles, 12);
  assert.ok(near(r.volume, 6000) && near(r.area, 2200));
  assert.deepEqual(r.bbox, { min: [0, 0, 0], max: [10, 20, 30] });
  assert.ok(near(meshVolume(r.mesh), 6000, 1e-6), 'triangles face outwards');
  assert.equal(r.mesh.palette.length, 4, 'one part');
  assert.deepEqual([...r.mesh.palette], [249, 215, 44, 255], "OpenSCAD's yellow");
});

test('per-part colours from color()', () => {
  const r = mos.render('color("red") cube(1);\ntranslate([3, 0, 0]) color([0, 0, 1, 0.5]) cube(1);\n' +
                       'translate([6, 0, 0]) cube(1);\n');
  assert.equal(r.ok, true);
  checkWireFormat(r.mesh);
  const colours = [];
  for (let i = 0; i < r.mesh.palette.length; i += 4) colours.push([...r.mesh.palette.subarray(i, i + 4)].join(','));
  // The colour of each part by where its triangles lie.
  const colourAtX = {};
  for (let t = 0; t < r.mesh.partIds.length; t++) {
    const x = r.mesh.positions[r.mesh.indices[t * 3] * 3];
    colourAtX[Math.floor(x / 3)] = colours[r.mesh.partIds[t]];
  }
  assert.equal(colourAtX[0], '255,0,0,255');
  assert.equal(colourAtX[1], '0,0,255,128');
  assert.equal(colourAtX[2], '249,215,44,255');
  assert.equal(r.mesh.partNodes.length, r.mesh.palette.length / 4);
});

test('mesh arrays are heap views by default, copies with copy: true', () => {
  const view = mos.render('sphere(5, $fn=24);');
  assert.ok(view.mesh.positions.buffer.byteLength > view.mesh.positions.byteLength, 'a view into the heap');
  assert.equal(view.mesh.positions.buffer, view.mesh.indices.buffer, 'one heap');
  const saved = view.mesh.positions.slice();
  const copy = mos.render('sphere(5, $fn=24);', { copy: true });
  assert.equal(copy.mesh.positions.buffer.byteLength, copy.mesh.positions.byteLength, 'own buffer');
  assert.deepEqual(copy.mesh.positions, saved, 'same mesh');
  // After releaseResult (or the next render) a view may show anything; the
  // copy keeps its values.
  mos.releaseResult();
  mos.render('cube(1);');
  assert.deepEqual(copy.mesh.positions, saved);
});

test('stats: stage timings and geometry cache hits after a parameter change', () => {
  mos.clearGeometryCache();
  const model = 'h = 2;\nmodule part(r) difference() { cube(10); translate([5,5,-1]) cylinder(r=r, h=12, $fn=16); }\n' +
                'part(3); translate([20,0,0]) part(h); translate([40,0,0]) part(4);\n';
  const first = mos.render(model);
  const s = first.stats;
  for (const k of ['parseSeconds', 'evalSeconds', 'geometrySeconds', 'totalSeconds']) {
    assert.ok(s[k] >= 0 && Number.isFinite(s[k]), k);
  }
  assert.ok(s.totalSeconds >= s.geometrySeconds);
  assert.equal(s.geometryCacheHits, 0);
  assert.ok(s.geometryCacheMisses > 0 && s.geometryCacheStores > 0);
  assert.ok(s.geometryCacheBytes > 0 && s.geometryCacheEntries > 0);
  assert.ok(s.geometrySecondsByKind.difference.nodes >= 3);
  const second = mos.render(model, { defines: { h: 2.5 } });
  assert.equal(second.ok, true);
  assert.ok(second.stats.geometryCacheHits >= 2, `parts 1 and 3 reused (${second.stats.geometryCacheHits})`);
  assert.ok(second.stats.parsedFileCacheHits + second.stats.parsedFileCacheMisses >= 0);
  assert.ok(second.volume < first.volume, 'a larger hole');
});

test('geometry cache: 64 MB by default, configurable from options', () => {
  assert.equal(mos.geometryCacheInfo().budgetBytes, 64 * 1024 * 1024);
  mos.render('cube(3);', { geometryCacheBytes: 0 });
  assert.equal(mos.geometryCacheInfo().budgetBytes, 0);
  assert.equal(mos.geometryCacheInfo().entries, 0);
  const r = mos.render('difference() { cube(3); sphere(2); }');
  assert.equal(r.stats.geometryCacheStores, 0, 'cache off');
  mos.setGeometryCacheBudget(8 << 20);
  assert.equal(mos.geometryCacheInfo().budgetBytes, 8 << 20);
  mos.render('cube(3);', { geometryCacheBytes: 64 * 1024 * 1024 });
  assert.equal(mos.geometryCacheInfo().budgetBytes, 64 * 1024 * 1024);
});

test('mesh: false renders echo only, with $preview true; preview: true with the mesh', () => {
  const echoOnly = mos.render('echo($preview); cube(1);', { mesh: false });
  assert.equal(echoOnly.echo, 'ECHO: true\n');
  assert.equal(echoOnly.kind, 'empty');
  assert.equal(echoOnly.mesh.positions.length, 0);
  const full = mos.render('echo($preview); cube(1);');
  assert.equal(full.echo, 'ECHO: false\n');
  const preview = mos.render('echo($preview); cube(1);', { preview: true });
  assert.equal(preview.echo, 'ECHO: true\n');
  assert.equal(preview.triangles, 12);
});

test('2D results: kind, area and bbox, no 3D mesh', () => {
  const r = mos.render('square([4, 5]);');
  assert.equal(r.kind, '2d');
  assert.ok(near(r.area, 20));
  assert.deepEqual(r.bbox.max.slice(0, 2), [4, 5]);
  assert.equal(r.mesh.indices.length, 0);
});

test('errors: diagnostics with line and column, no mesh', () => {
  const r = mos.render('cube(1);\ncube(2) foo;\n', { name: 'bad.scad' });
  assert.equal(r.ok, false);
  assert.equal(r.parsed, false);
  const e = r.diagnostics.find((d) => d.severity === 'error');
  assert.equal(e.line, 2);
  assert.ok(e.column > 0);
  assert.equal(r.mesh.positions.length, 0);
});

test('csg, ast and export on request', () => {
  const r = mos.render('cube(2);', { csg: true, ast: true, export: 'stl' });
  assert.ok(r.csg.startsWith('cube(size = [2, 2, 2], center = false);'), r.csg);
  assert.ok(r.ast.includes('cube(2);'));
  assert.ok(r.exported.startsWith('solid '));
  const bin = mos.render('cube(2);', { export: 'binstl' });
  assert.equal(bin.exported, undefined);
  assert.equal(bin.exportedBytes.length, 84 + 50 * 12);
  const none = mos.render('cube(2);');
  assert.equal(none.csg, undefined);
});

test('a cancel flag set before the render stops it: cancelled, no mesh, cache intact', () => {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(flag, 0, 1);
  const r = mos.render('difference() { sphere(10); cube(5); }', { cancelFlag: flag });
  assert.equal(r.cancelled, true);
  assert.equal(r.ok, false);
  assert.ok(r.diagnostics.some((d) => /cancelled/.test(d.message)), JSON.stringify(r.diagnostics));
  assert.equal(r.mesh.positions.length, 0);
  Atomics.store(flag, 0, 0);
  const again = mos.render('difference() { sphere(10); cube(5); }', { cancelFlag: flag });
  assert.equal(again.ok, true);
  assert.equal(again.cancelled, false);
  assert.ok(again.triangles > 0);
  // A plain (not shared) Int32Array works too.
  const plain = mos.render('cube(1);', { cancelFlag: new Int32Array([1]) });
  assert.equal(plain.cancelled, true);
});

console.log(`mesh_api_test: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
