// One probe: renders `source` with a recursion limit of `depth` frames and
// prints "engine" (the engine's own error or success) or "overflow" (the JS
// engine's native stack ran out first).
//   node --stack-size=KB probe_child.mjs <mos_wasm_node.mjs> <depth> <source>
import { loadMos } from '../../bindings/wasm/load_module.mjs';

const [mjs, depth, source] = process.argv.slice(2);
const mos = await loadMos(mjs);
// Warm up (optimised code) when asked: a few shallow renders first.
const warm = Number(process.env.PROBE_WARM ?? 0);
for (let i = 0; i < warm; i++) mos.render(source, { name: 'p.scad', maxRecursionDepth: 100, mesh: false });
try {
  const r = mos.render(source, { name: 'p.scad', maxRecursionDepth: Number(depth), mesh: false });
  const err = r.diagnostics.find((d) => d.severity === 'error');
  console.log(err ? (err.message.startsWith('Recursion detected') ? 'engine' : 'other ' + err.message) : 'engine ok');
} catch (e) {
  console.log('overflow ' + String(e).slice(0, 80));
}
