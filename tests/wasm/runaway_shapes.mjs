// Runaway OpenSCAD recursion through every path of the evaluator that
// recurses: each must end in the engine's own "Recursion detected"
// (tests/wasm/stack_depth.test.mjs; bench/stack/probe_depth.mjs measures the
// frames each reaches).
export const RUNAWAY = {
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
  'a module\'s children': 'module a() { children(); }\nmodule m(n) { a() m(n + 1); }\nm(0);\n',
  'let and assert': 'function f(n) = let (a = n) assert(a >= 0) f(n + 1) + 0;\necho(f(0));\n',
  'nested expressions': 'function f(n) = 1 + (2 * (3 - (4 + f(n + 1))));\necho(f(0));\n',
  'a let expression': 'function f(n) = let (x = f(n + 1)) x;\necho(f(0));\n',
  "a function's argument": 'function g(x) = x;\nfunction f(n) = g(f(n + 1));\necho(f(0));\n',
  "a builtin's argument": 'function f(n) = max(f(n + 1), 0);\necho(f(0));\n',
  'echo()': 'module m(n) { echo(n) m(n + 1); }\nm(0);\n',
  'a two-level for': 'module m(n) { for (i = [0:0], j = [0:0]) m(n + 1); }\nm(0);\n',
  'children(0)': 'module a() { children(0); }\nmodule m(n) { a() m(n + 1); }\nm(0);\n',
};
