// The mesh as the viewer draws it, prepared by the WASM engine in the render
// worker (render option viewEdgeCos, bindings/wasm/wasm_view_mesh.h): its
// triangles grouped by part, edges overlay and closedness must be exactly
// what the viewer computes on the page (worker-renderer.ts decodedFromWorker
// without `view`, feature-edges.ts meshTopology), so the picture does not
// depend on which side did the work. Runs the engine in Node.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const engineDir = path.resolve(process.env.MOS_WASM_BUILD_DIR || path.join(repo, 'build-wasm'), 'bindings/wasm');
const require = createRequire(path.join(repo, 'viewer/package.json'));

let mos, viewer;

// decodedFromWorker and meshTopology as the viewer bundles them.
async function loadViewerModules() {
  const esbuild = require('esbuild');
  const { workerSource } = await import(pathToFileURL(path.join(repo, 'viewer/esbuild-common.mjs')).href);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mos-view-mesh-'));
  const entry = path.join(dir, 'entry.ts');
  const out = path.join(dir, 'entry.mjs');
  await import('node:fs').then((fs) => fs.writeFileSync(entry,
    `export { decodedFromWorker, VIEW_OPTIONS } from ${JSON.stringify(path.join(repo, 'viewer/src/worker-renderer.ts'))};\n` +
    `export { meshTopology, EDGE_ANGLE_DEG } from ${JSON.stringify(path.join(repo, 'viewer/src/feature-edges.ts'))};\n`));
  await esbuild.build({
    entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'neutral', target: 'es2020',
    logLevel: 'warning', plugins: [workerSource], nodePaths: [path.join(repo, 'viewer/node_modules')],
  });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

before(async () => {
  assert.ok(existsSync(path.join(engineDir, 'mos_wasm.wasm')), `${engineDir}/mos_wasm.wasm missing: run scripts/build_wasm.sh`);
  const { loadMos } = await import(pathToFileURL(path.join(repo, 'bindings/wasm/load_module.mjs')).href);
  mos = await loadMos(path.join(engineDir, 'mos_wasm.mjs'), { packages: ['mos_fonts.data'] });
  viewer = await loadViewerModules();
});

// The engine's view of `source` and the page's own computation of it.
function bothSides(source, defines = {}) {
  const raw = mos.render(source, { name: 'm.scad', defines, ...viewer.VIEW_OPTIONS });
  assert.ok(raw.ok, JSON.stringify(raw.diagnostics));
  const mesh = {
    positions: raw.mesh.positions.slice(), indices: raw.mesh.indices.slice(),
    partIds: raw.mesh.partIds.slice(), palette: raw.mesh.palette.slice(),
  };
  const view = { ...raw.view, edgeCos: viewer.VIEW_OPTIONS.viewEdgeCos };
  mos.releaseResult();
  const fromWorker = viewer.decodedFromWorker(mesh, view);
  const onPage = viewer.decodedFromWorker(mesh);
  const topology = viewer.meshTopology(onPage.positions, onPage.indices, viewer.EDGE_ANGLE_DEG, true);
  return { fromWorker, onPage, topology };
}

function assertSame(source, defines, expect = {}) {
  const { fromWorker, onPage, topology } = bothSides(source, defines);
  assert.ok(fromWorker.topology, 'the worker computed the overlay at the viewer\'s angle');
  assert.deepEqual(fromWorker.indices, onPage.indices, 'triangles grouped by part alike');
  assert.deepEqual(fromWorker.partCounts, onPage.partCounts);
  assert.equal(fromWorker.topology.angleDeg, viewer.EDGE_ANGLE_DEG);
  assert.equal(fromWorker.topology.closed, topology.closed, 'closedness');
  assert.ok(fromWorker.topology.edges.length > 0, 'some edges');
  // Same segments, same order, bit for bit.
  assert.deepEqual(new Uint32Array(fromWorker.topology.edges.buffer), new Uint32Array(topology.edges.buffer));
  if ('closed' in expect) assert.equal(topology.closed, expect.closed);
  return fromWorker;
}

const examples = '/usr/share/openscad/examples';
const example = (p) => readFileSync(path.join(examples, p), 'utf8');

describe('mesh prepared in the worker', () => {
  it('a cube: closed, its 12 edges', () => {
    const m = assertSame('cube(10);', {}, { closed: true });
    assert.equal(m.topology.edges.length, 12 * 6);
  });

  it('coloured parts (functions.scad at $fn 30): grouped by part, same edges', () => {
    const m = assertSame(example('Functions/functions.scad'), { $fn: 30 }, { closed: true });
    assert.ok(m.partCounts.length > 1, 'several parts');
  });

  it('text and booleans (children.scad at $fn 24)', () => {
    assertSame(example('Advanced/children.scad'), { $fn: 24 });
  });

  it('sign.scad at resolution 50', () => {
    assertSame(example('Parametric/sign.scad'), { resolution: 50 });
  });

  it('two tetrahedra sharing an edge (non-manifold: four faces on one edge)', () => {
    assertSame('polyhedron([[0,0,0],[0,0,10],[10,0,0],[0,10,0],[-10,0,0],[0,-10,0]],' +
               ' [[0,2,3],[0,1,2],[0,3,1],[1,3,2],[0,4,5],[0,1,4],[0,5,1],[1,5,4]]);');
  });

  it('a polyhedron given inside out (the engine turns it outward): closed on both sides', () => {
    assertSame('polyhedron([[0,0,0],[10,0,0],[0,10,0],[0,0,10]], [[0,1,2],[0,3,1],[0,2,3],[1,3,2]]);', {}, { closed: true });
  });

  it('an empty result has no view; a failed view falls back to the page', () => {
    const raw = mos.render('cube(0);', { name: 'e.scad', ...viewer.VIEW_OPTIONS });
    assert.equal(raw.view, undefined);
    mos.releaseResult();
    const { onPage } = bothSides('cube(3);');
    assert.equal(onPage.topology, undefined, 'no view given: the viewer computes the overlay itself');
  });
});
