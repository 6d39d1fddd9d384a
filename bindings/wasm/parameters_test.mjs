// parameters(source, options) of the WASM module (mos_wasm_node, host file
// system): the customizer parameters of source text and of a file (with an
// include beside it), parse errors as diagnostics, and, given the native CLI,
// the same list `mos -o x.param` writes for every example model.
//   node parameters_test.mjs <mos_wasm_node.mjs> [--native build/bin/mos]
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMos } from './load_module.mjs';

const args = process.argv.slice(2);
const native = args.includes('--native') ? args[args.indexOf('--native') + 1] : '';
const mos = await loadMos(args[0]);
const dir = mkdtempSync(path.join(os.tmpdir(), 'mos-params-'));
let checks = 0;

try {
  const source = [
    'width = 20; // [10:2:40]',
    '/* [Text] */', '// The label', 'label = "hi"; // [hi, ho]',
    'flag = true;', 'size = [1, 2, 3];', '/* [Hidden] */', 'h = 1;',
    'n = 3; // [1:"one", 3:"three"]',
    'cube(width);', 'derived = width * 2;',
  ].join('\n');
  const r = mos.parameters(source, { name: 'm.scad' });
  assert.equal(r.ok, true);
  const byName = Object.fromEntries(r.parameters.map((p) => [p.name, p]));
  assert.deepEqual(Object.keys(byName), ['width', 'label', 'flag', 'size', 'h', 'n']);
  assert.deepEqual([byName.width.type, byName.width.initial, byName.width.min, byName.width.step, byName.width.max],
                   ['number', 20, 10, 2, 40]);
  assert.deepEqual([byName.label.type, byName.label.caption, byName.label.group], ['string', 'The label', 'Text']);
  assert.deepEqual(byName.label.options, [{ name: 'hi', value: 'hi' }, { name: 'ho', value: 'ho' }]);
  assert.deepEqual(byName.n.options, [{ name: 'one', value: 1 }, { name: 'three', value: 3 }]);
  assert.deepEqual([byName.flag.type, byName.size.type, byName.size.initial], ['boolean', 'vector', [1, 2, 3]]);
  assert.equal(byName.h.group, 'Hidden');
  assert.equal(byName.width.line, 1);
  checks++;

  // Without options; and no parameters.
  assert.deepEqual(mos.parameters('cube(1);').parameters, []);
  checks++;

  // A file read from the file system, with an include beside it: only the
  // main file's own assignments are parameters, as for `mos -o x.param`.
  writeFileSync(path.join(dir, 'inc.scad'), 'inner = 2; // [1:5]\n');
  writeFileSync(path.join(dir, 'main.scad'), 'include <inc.scad>\nouter = 50; // [0:100]\ncube(outer);\n');
  const f = mos.parameters('', { file: path.join(dir, 'main.scad') });
  assert.equal(f.ok, true);
  assert.deepEqual(f.parameters.map((p) => p.name), ['outer']);
  checks++;

  // A syntax error: not ok, with its line.
  const bad = mos.parameters('a = 1; // [0:9]\ncube(;\n', { name: 'bad.scad' });
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.parameters, []);
  const errors = bad.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors.length > 0, true);
  assert.equal(errors[0].line, 2);
  checks++;

  // Against `mos -o x.param` on every example model.
  if (native) {
    const examples = '/usr/share/openscad/examples';
    let compared = 0;
    for (const group of readdirSync(examples)) {
      const groupDir = path.join(examples, group);
      if (!statSync(groupDir).isDirectory()) continue;
      for (const name of readdirSync(groupDir).filter((n) => n.endsWith('.scad'))) {
        const file = path.join(groupDir, name);
        const out = path.join(dir, 'x.param');
        execFileSync(native, ['-o', out, file], { stdio: 'ignore' });
        const expected = JSON.parse(readFileSync(out, 'utf8')).parameters;
        assert.deepEqual(mos.parameters('', { file }).parameters, expected, file);
        compared++;
      }
    }
    assert.equal(compared > 10, true);
    console.log(`parameters: ${compared} example models as mos -o x.param writes them`);
    checks++;
  }
  console.log(`parameters_test: ${checks} checks passed`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
