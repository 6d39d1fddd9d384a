// The golden comparison on the WASM build, in one Node process: .echo and
// .csg byte for byte and the exit status (parsed or not), against the same
// corpus, references and known-mismatch list as tests/golden/run_golden.py,
// plus the WASM-only list (tests/golden/known_mismatches_wasm.txt).
// (run_golden.py --mos bindings/wasm/mos-wasm runs the same through the CLI
// shim, one process per model: slower, same figures.)
//   node golden_test.mjs <mos_wasm_node.mjs> [--only SUBSTR] [--verbose]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMos } from './load_module.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const golden = path.resolve(here, '../../tests/golden');
const referenceDir = path.join(golden, 'reference');
const corpusRoot = process.env.MOS_CORPUS_ROOT || '/usr/share/openscad';
const args = process.argv.slice(2);
const modulePath = path.resolve(args[0]);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
const verbose = args.includes('--verbose');

function listKeys(dir, prefix = '') {
  const keys = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) keys.push(...listKeys(full, prefix + name + '/'));
    else if (name.endsWith('.meta')) keys.push(prefix + name.slice(0, -5));
  }
  return keys;
}

function corpusPath(key) {
  const [prefix, ...rest] = key.split('/');
  const rel = rest.join('/');
  return prefix === 'testdata' ? path.join(corpusRoot, 'testdata', 'scad', rel)
                               : path.join(corpusRoot, 'examples', rel);
}

function readReference(key, kind) {
  const base = path.join(referenceDir, key + '.' + kind);
  if (existsSync(base)) return readFileSync(base);
  if (existsSync(base + '.gz')) return gunzipSync(readFileSync(base + '.gz'));
  return null;
}

function readKnown(file) {
  const known = new Map();
  if (!existsSync(file)) return known;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const m = line.match(/^(.*?\.scad)\s+(echo|csg|exit)\s+(.*)$/);
    if (!m) throw new Error(`${file}: bad line: ${line}`);
    known.set(`${m[1]} ${m[2]}`, m[3]);
  }
  return known;
}

const normalise = (buf) => Buffer.from(buf.toString('latin1')
  .replace(/timestamp = [0-9]+/g, 'timestamp = 0'), 'latin1');

let mos = await loadMos(modulePath);
const known = readKnown(path.join(golden, 'known_mismatches.txt'));
for (const [k, v] of readKnown(path.join(golden, 'known_mismatches_wasm.txt'))) known.set(k, v);

const KINDS = ['echo', 'csg', 'exit'];
const keys = listKeys(referenceDir).filter((k) => k.includes(only));
const same = { echo: 0, csg: 0, exit: 0 }, nonEmpty = { echo: 0, csg: 0 }, sameNonEmpty = { echo: 0, csg: 0 };
const regressions = [], nowMatching = [], stale = [], aborted = [];
const startDir = process.cwd();
for (const key of keys) {
  const input = corpusPath(key);
  const meta = readFileSync(path.join(referenceDir, key + '.meta'), 'utf8');
  const sha = createHash('sha256').update(readFileSync(input)).digest('hex');
  if (!meta.includes(`sha256 ${sha}`)) { stale.push(key); continue; }
  // Same working directory and file name as the references were made with.
  process.chdir(path.dirname(input));
  let r = null;
  try {
    // As `mos -o x.echo -o x.csg`: no geometry ($preview true); MCAD from the
    // same built-in library folder the native `mos` uses.
    r = mos.render('', { file: path.basename(input), mesh: false, csg: true, timeoutSeconds: 10,
                         libraryPaths: ['/usr/share/openscad/libraries'] });
  } catch (e) {
    // An abort (e.g. the stack check) kills the module instance: note it and
    // start a fresh one for the remaining models.
    aborted.push(`${key}: ${String(e).split('\n')[0].slice(0, 200)}`);
    process.chdir(startDir);
    mos = await loadMos(modulePath);
  }
  process.chdir(startDir);
  const expectedExit = Number((meta.match(/^echo_exit (\d+)/m) || [0, 0])[1]);
  const actual = {
    echo: r === null ? null : normalise(Buffer.from(r.echoBytes)),
    // 2021.01 writes no .csg for a model it cannot parse.
    csg: r === null || !r.parsed ? null : normalise(Buffer.from(r.csg ?? '', 'utf8')),
  };
  for (const kind of KINDS) {
    let identical, isNonEmpty = false;
    if (kind === 'exit') {
      identical = r !== null && (r.parsed ? 0 : 1) === expectedExit;
    } else {
      const expected = readReference(key, kind);
      identical = expected === null ? actual[kind] === null : actual[kind] !== null && actual[kind].equals(expected);
      isNonEmpty = expected !== null && expected.toString().trim().length > 0;
      if (isNonEmpty) { nonEmpty[kind]++; if (identical) sameNonEmpty[kind]++; }
    }
    if (identical) same[kind]++;
    const listed = known.has(`${key} ${kind}`);
    if (!identical && !listed) regressions.push(`${key} ${kind}`);
    if (identical && listed) nowMatching.push(`${key} ${kind}`);
    if (!identical && verbose) console.log(`  ${key} ${kind}: differs`);
  }
}
const pct = (a, b) => (100 * a / Math.max(b, 1)).toFixed(1);
for (const kind of ['echo', 'csg']) {
  console.log(`wasm ${kind} identical: ${same[kind]}/${keys.length} all references (${pct(same[kind], keys.length)}%), ` +
              `${sameNonEmpty[kind]}/${nonEmpty[kind]} non-empty (${pct(sameNonEmpty[kind], nonEmpty[kind])}%)`);
}
console.log(`wasm exit status as openscad: ${same.exit}/${keys.length}`);
for (const k of stale) console.log(`STALE reference (input changed): ${k}`);
for (const k of aborted) console.log(`ABORTED (module instance died): ${k}`);
for (const k of nowMatching) console.log(`NOW MATCHES (remove from the list): ${k}`);
for (const k of regressions) console.log(`REGRESSION: ${k}`);
// An abort of a listed model is a known mismatch; of any other, a regression.
process.exit(regressions.length || stale.length || keys.length === 0 ? 1 : 0);
