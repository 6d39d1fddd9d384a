// The browser module (mos_wasm.mjs, in-memory file system) with its data
// packages: mos_libraries.data puts MCAD at /libraries/MCAD and the examples
// at /examples, mos_fonts.data the fonts at /fonts. Every example renders
// from the in-memory file system exactly as mos_wasm_node renders it from
// the host's disk (echo, triangles, volume), `use <MCAD/...>` works from
// source text, and the sizes (engine .wasm raw and gzipped, packages) are
// printed.
//   node data_package_test.mjs <build-wasm/bindings/wasm> [--only SUBSTR]
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadMos } from './load_module.mjs';

const args = process.argv.slice(2);
const dir = path.resolve(args[0]);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
const examplesDir = '/usr/share/openscad/examples';

const size = (f) => statSync(path.join(dir, f)).size;
const gz = (f) => gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length;
const mb = (n) => (n / 1048576).toFixed(2) + ' MB';
for (const f of ['mos_wasm.wasm', 'mos_wasm.mjs', 'mos_fonts.data', 'mos_libraries.data']) {
  console.log(`size ${f}: ${mb(size(f))}, gzip -9 ${mb(gz(f))}`);
}

const web = await loadMos(path.join(dir, 'mos_wasm.mjs'), { packages: ['mos_fonts.data', 'mos_libraries.data'] });
const node = await loadMos(path.join(dir, 'mos_wasm_node.mjs'));
let failures = 0;
function check(ok, what) {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

// The packages hold exactly the files on disk.
function listFiles(root, rel = '') {
  const out = [];
  for (const name of readdirSync(path.join(root, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(root, r)).isDirectory()) out.push(...listFiles(root, r));
    else out.push(r);
  }
  return out;
}
for (const [hostRoot, vfsRoot] of [['/usr/share/openscad/libraries/MCAD', '/libraries/MCAD'],
                                   [examplesDir, '/examples']]) {
  const files = listFiles(hostRoot);
  const same = files.filter((f) => Buffer.compare(Buffer.from(web.FS.readFile(`${vfsRoot}/${f}`)),
                                                  readFileSync(path.join(hostRoot, f))) === 0);
  check(same.length === files.length && files.length > 0, `${vfsRoot}: ${same.length}/${files.length} files as on disk`);
}

// `use <MCAD/...>` from source text: the built-in /libraries search path.
{
  const r = web.render('use <MCAD/boxes.scad>\nroundedBox([20, 30, 10], 3, false);\n');
  check(r.ok && r.triangles > 100 && !r.diagnostics.some((d) => d.severity === 'warning'),
        `use <MCAD/boxes.scad>: ${r.triangles} triangles, volume ${r.volume.toFixed(2)} ` +
        r.diagnostics.map((d) => d.text).join('; '));
  const missing = web.render('use <MCAD/no_such_file.scad>\ncube(1);\n');
  check(missing.diagnostics.some((d) => /no_such_file/.test(d.message)), 'a missing library is reported');
}
// text() through the fonts package.
{
  const r = web.render('linear_extrude(1) text("OpenSCAD", size=10);');
  check(r.ok && r.triangles > 500, `text() from /fonts: ${r.triangles} triangles`);
}

// Every example: the browser module from /examples against the Node module
// from the host's disk. Working directory = the example's folder in both, as
// the corpus runners do (imports next to the model).
const examples = listFiles(examplesDir).filter((f) => f.endsWith('.scad') && f.includes(only));
let same = 0;
const started = performance.now();
for (const rel of examples) {
  const options = { file: path.basename(rel), timeoutSeconds: 30, copy: true };
  web.FS.chdir(path.dirname(`/examples/${rel}`));
  const w = web.render('', options);
  process.chdir(path.dirname(path.join(examplesDir, rel)));
  const n = node.render('', { ...options, libraryPaths: ['/usr/share/openscad/libraries'] });
  const identical = w.echo === n.echo && w.triangles === n.triangles && w.volume === n.volume && w.ok === n.ok;
  if (identical) same++;
  else console.log(`  differs ${rel}: echo ${w.echo === n.echo}, triangles ${w.triangles}/${n.triangles}, ` +
                   `volume ${w.volume}/${n.volume}, ok ${w.ok}/${n.ok}`);
}
check(same === examples.length && examples.length > 0,
      `examples: ${same}/${examples.length} render from /examples as from disk ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(failures ? `data_package_test: ${failures} failure(s)` : 'data_package_test: all passed');
process.exit(failures ? 1 : 0);
