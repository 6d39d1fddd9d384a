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

// The runaway shapes of tests/wasm/stack_depth.test.mjs, and polygon_areas' sum().
export const SHAPES = {
  'module recursion': 'module m(n) { if (n > 0) m(n - 1); }\nm(1e9);\n',
  'module recursion without a condition': 'module m(n) { m(n + 1); }\nm(0);\n',
  'function recursion': 'function f(n) = n == 0 ? 0 : 1 + f(n - 1);\necho(f(1e9));\n',
  'infinite function recursion': 'function f(n) = f(n + 1) + 1;\necho(f(0));\n',
  'a function literal': 'g = function(n) g(n + 1) + 1;\necho(g(0));\n',
  'a list comprehension': 'function f(n) = [for (i = [0:1]) let (x = f(n + 1)) x];\necho(f(0));\n',
  'children()': 'module m(n) { m(n + 1) children(); }\nm(0) cube();\n',
  'a default argument': 'function f(n, a = f(n + 1)) = a;\necho(f(0));\n',
  'mutual recursion': 'function a(n) = b(n + 1);\nfunction b(n) = a(n + 1);\necho(a(0));\n',
  'transforms': 'module m(n) { translate([0, 0, 1]) rotate([0, 0, 1]) m(n + 1); }\nm(0);\n',
  'a for loop': 'module m(n) { for (i = [0:0]) m(n + 1); }\nm(0);\n',
  'difference()': 'module m(n) { difference() { m(n + 1); cube(1); } }\nm(0);\n',
  "a module's children": 'module a() { children(); }\nmodule m(n) { a() m(n + 1); }\nm(0);\n',
  'let and assert': 'function f(n) = let (a = n) assert(a >= 0) f(n + 1) + 0;\necho(f(0));\n',
  'nested expressions': 'function f(n) = 1 + (2 * (3 - (4 + f(n + 1))));\necho(f(0));\n',
  // More paths through the evaluator that nest.
  "a function's argument": 'function g(x) = x;\nfunction f(n) = g(f(n + 1));\necho(f(0));\n',
  "a builtin's argument": 'function f(n) = max(f(n + 1), 0);\necho(f(0));\n',
  'a vector': 'function f(n) = [f(n + 1)];\necho(f(0));\n',
  'an index': 'function f(n) = f(n + 1)[0];\necho(f(0));\n',
  'a let expression': 'function f(n) = let (x = f(n + 1)) x;\necho(f(0));\n',
  'a function value argument': 'g = function(x) x;\nfunction f(n) = g(f(n + 1));\necho(f(0));\n',
  'if/else': 'module m(n) { if (n >= 0) m(n + 1); else cube(); }\nm(0);\n',
  'let()': 'module m(n) { let (x = n) m(x + 1); }\nm(0);\n',
  'echo()': 'module m(n) { echo(n) m(n + 1); }\nm(0);\n',
  'a two-level for': 'module m(n) { for (i = [0:0], j = [0:0]) m(n + 1); }\nm(0);\n',
  'children(0)': 'module a() { children(0); }\nmodule m(n) { a() m(n + 1); }\nm(0);\n',
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
