// Deep recursion must end in an evaluation error, not a stack overflow. The
// module under test is built with -sSTACK_OVERFLOW_CHECK=2, so overflowing
// the WASM stack would abort (an exception here) instead of passing silently.
//   node deep_recursion_test.mjs <mos_wasm_node.mjs>
import { loadMos } from './load_module.mjs';

const mos = await loadMos(process.argv[2]);
// [source, parses]: recursion must parse and fail in the evaluator; absurd
// nesting may instead be refused by the parser's own depth limit.
const cases = {
  'function recursion': ['function f(n) = n == 0 ? 0 : 1 + f(n - 1);\necho(f(1000000));\n', true],
  'infinite function recursion': ['function f(n) = f(n + 1) + 1;\necho(f(0));\n', true],
  'module recursion': ['module m(n) { m(n + 1); }\nm(0);\n', true],
  'recursion through a function literal': ['g = function(n) g(n + 1) + 1;\necho(g(0));\n', true],
  'deep expression nesting': [`echo(${'('.repeat(20000)}1${')'.repeat(20000)});\n`, false],
  'deep vector nesting': [`echo(${'['.repeat(20000)}1${']'.repeat(20000)});\n`, false],
};
let failed = 0;
for (const [name, [source, mustParse]] of Object.entries(cases)) {
  let result;
  try {
    result = mos.render(source, { name: 'deep.scad' });
  } catch (e) {
    console.log(`FAIL ${name}: aborted (${String(e).slice(0, 200)})`);
    failed++;
    continue;
  }
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (mustParse && !result.parsed) {
    console.log(`FAIL ${name}: did not parse (${error ? error.message : 'no error'})`);
    failed++;
  } else if (!error || error.message.startsWith('internal error')) {
    console.log(`FAIL ${name}: no evaluation error (${error ? error.message : 'none'})`);
    failed++;
  } else {
    console.log(`ok   ${name}: ${error.message.slice(0, 100)}`);
  }
}
// The module must still work after all of that.
const after = mos.render('echo(1 + 2);\n', { name: 'after.scad' });
console.log(`after deep recursion: ${JSON.stringify(after.echo)}`);
if (!after.echo.includes('ECHO: 3')) failed++;
process.exit(failed ? 1 : 0);
