// How many evaluator frames each runaway recursion shape reaches on a fixed
// JS-engine native stack before V8 overflows, for WASM frame-size work
// (bindings/wasm/README.md "Stack depth"). Node's V8 stands in for a
// Chromium worker: --stack-size sets the native stack (KB); "cold" runs
// Liftoff (baseline) code only, "warm" TurboFan code only, "inline"
// TurboFan with wasm inlining. Bytes per frame = stack / frames.
//   node bench/stack/probe_depth.mjs <mos_wasm_node.mjs> [--stack KB] [--modes cold,warm]
//     [--only name-substring]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNAWAY } from '../../tests/wasm/runaway_shapes.mjs';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const mjs = args[0];
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const stackKb = Number(opt('--stack', '400'));
const modes = opt('--modes', 'cold,warm').split(',');
const only = opt('--only', '');

// The runaway shapes of tests/wasm/stack_depth.test.mjs, more paths through
// the evaluator that nest, and polygon_areas' sum().
export const SHAPES = {
  ...RUNAWAY,
  'a vector': 'function f(n) = [f(n + 1)];\necho(f(0));\n',
  'an index': 'function f(n) = f(n + 1)[0];\necho(f(0));\n',
  'a function value argument': 'g = function(x) x;\nfunction f(n) = g(f(n + 1));\necho(f(0));\n',
  'if/else': 'module m(n) { if (n >= 0) m(n + 1); else cube(); }\nm(0);\n',
  'let()': 'module m(n) { let (x = n) m(x + 1); }\nm(0);\n',
  'children([0])': 'module a() { children([0]); }\nmodule m(n) { a() m(n + 1); }\nm(0);\n',
  'sum() of polygon_areas': 'function sum(v, s = 0) = s == len(v) - 1 ? v[s] : v[s] + sum(v, s + 1);\n' +
      'echo(sum([for (i = [0:1e6]) 1]));\n',
};

const FLAGS = { cold: ['--liftoff-only'], warm: ['--no-liftoff'],
                inline: ['--no-liftoff', '--experimental-wasm-inlining'] };

async function fits(source, depth, mode) {
  const { stdout } = await run(process.execPath,
    [`--stack-size=${stackKb}`, ...FLAGS[mode], path.join(here, 'probe_child.mjs'), mjs, String(depth), source],
    { maxBuffer: 1 << 20 });
  return stdout.startsWith('engine');
}

async function deepest(source, mode) {
  let lo = 10, hi = Number(opt("--hi", "8000"));
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (await fits(source, mid, mode)) lo = mid; else hi = mid;
  }
  return lo;
}

const rows = [];
for (const [name, source] of Object.entries(SHAPES)) {
  if (only && !name.includes(only)) continue;
  const row = { shape: name };
  const found = await Promise.all(modes.map((m) => deepest(source, m)));
  modes.forEach((m, i) => { row[m] = found[i]; row[`${m} B/frame`] = Math.round(stackKb * 1024 / found[i]); });
  rows.push(row);
  console.log(JSON.stringify(row));
}
for (const m of modes) {
  const min = rows.reduce((a, r) => (r[m] < a[m] ? r : a));
  console.log(`tightest ${m}: ${min.shape} ${min[m]} frames at ${stackKb} KB`);
}
