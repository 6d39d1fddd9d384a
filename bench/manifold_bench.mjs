// Times npm manifold-3d (WASM, benchmark-only dev dependency) on the
// kernel's stress models, loaded from the JSON files that
// `mos_bench_kernel --export DIR` writes (exactly our operands).
// Prints one JSON object: {model: {seconds, cpu_seconds, triangles}}
// (medians of the wall-clock and the process CPU time of a run).
//   node bench/manifold_bench.mjs DIR [--min-time 0.5] [--model NAME]
import fs from 'node:fs';
import path from 'node:path';
import Module from 'manifold-3d';

const dir = process.argv[2];
const minTimeArg = process.argv.indexOf('--min-time');
const minTime = minTimeArg > 0 ? Number(process.argv[minTimeArg + 1]) : 0.5;
const modelArg = process.argv.indexOf('--model');
const only = modelArg > 0 ? process.argv[modelArg + 1] : null;
const wasm = await Module();
wasm.setup();
const {Manifold, Mesh} = wasm;

function toManifold(op) {
  const mesh = new Mesh({
    numProp: 3,
    vertProperties: Float32Array.from(op.vertices),
    triVerts: Uint32Array.from(op.triangles),
  });
  return new Manifold(mesh);
}

function run(model, ms) {
  let out;
  switch (model.op) {
    case 'union': out = Manifold.union(ms); break;
    case 'difference': out = Manifold.difference(ms); break;
    case 'hull': {
      const pts = [];
      for (const op of model.operands)
        for (let i = 0; i < op.vertices.length; i += 3) pts.push([op.vertices[i], op.vertices[i + 1], op.vertices[i + 2]]);
      out = Manifold.hull(pts);
      break;
    }
    case 'minkowski': out = ms[0].minkowskiSum(ms[1]); break;
    default: throw new Error('unknown op ' + model.op);
  }
  const tris = out.numTri();  // Manifold evaluates lazily: force it
  out.delete();
  return tris;
}

const results = {};
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && (!only || f === only + '.json'));
for (const file of files.sort()) {
  const model = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const times = [], cpus = [];
  let tris = 0, total = 0;
  // One warm-up, then repeats until minTime has passed (at least 3).
  let ms = model.operands.map(toManifold);
  run(model, ms);
  ms.forEach((m) => m.delete());
  while (times.length < 3 || total < minTime) {
    ms = model.operands.map(toManifold);  // fresh operands: no cached results
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    tris = run(model, ms);
    const c = process.cpuUsage(c0);
    const t = Number(process.hrtime.bigint() - t0) / 1e9;
    cpus.push((c.user + c.system) / 1e6);
    ms.forEach((m) => m.delete());
    times.push(t);
    total += t;
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  results[model.name] = {seconds: times[mid], cpu_seconds: cpus[mid], triangles: tris};
}
console.log(JSON.stringify(results));
