// The golden .echo comparison on the WASM build: same corpus, references and
// known-mismatch list as tests/golden/run_golden.py (echo entries), plus an
// optional WASM-only list (tests/golden/known_mismatches_wasm.txt).
//   node golden_echo_test.mjs <mos_wasm_node.mjs> [--only SUBSTR] [--verbose]
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

function readReference(key) {
  const base = path.join(referenceDir, key + '.echo');
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
    if (m[2] === 'echo') known.set(m[1], m[3]);
  }
  return known;
}

const normalise = (buf) => Buffer.from(buf.toString('latin1')
  .replace(/timestamp = [0-9]+/g, 'timestamp = 0'), 'latin1');

let mos = await loadMos(modulePath);
const known = readKnown(path.join(golden, 'known_mismatches.txt'));
for (const [k, v] of readKnown(path.join(golden, 'known_mismatches_wasm.txt'))) known.set(k, v);

const keys = listKeys(referenceDir).filter((k) => k.includes(only));
let same = 0, sameNonEmpty = 0, nonEmpty = 0;
const regressions = [], nowMatching = [], stale = [], aborted = [];
const startDir = process.cwd();
for (const key of keys) {
  const input = corpusPath(key);
  const meta = readFileSync(path.join(referenceDir, key + '.meta'), 'utf8');
  const sha = createHash('sha256').update(readFileSync(input)).digest('hex');
  if (!meta.includes(`sha256 ${sha}`)) { stale.push(key); continue; }
  const expected = readReference(key) ?? Buffer.alloc(0);
  // Same working directory and file name as the references were made with.
  process.chdir(path.dirname(input));
  let echo = null;
  try {
    echo = mos.render('', { file: path.basename(input), csg: false, timeoutSeconds: 10 }).echo;
  } catch (e) {
    // An abort (e.g. the stack check) kills the module instance: note it and
    // start a fresh one for the remaining models.
    aborted.push(`${key}: ${String(e).split('\n')[0].slice(0, 200)}`);
    process.chdir(startDir);
    mos = await loadMos(modulePath);
  }
  process.chdir(startDir);
  const actual = echo === null ? null : normalise(Buffer.from(echo, 'utf8'));
  const identical = actual !== null && actual.equals(expected);
  const isNonEmpty = expected.toString().trim().length > 0;
  if (identical) same++;
  if (isNonEmpty) { nonEmpty++; if (identical) sameNonEmpty++; }
  if (!identical && !known.has(key)) regressions.push(key);
  if (identical && known.has(key)) nowMatching.push(key);
  if (!identical && verbose) console.log(`  ${key}: differs`);
}
const pct = (a, b) => (100 * a / Math.max(b, 1)).toFixed(1);
console.log(`wasm echo identical: ${same}/${keys.length} all references (${pct(same, keys.length)}%), ` +
            `${sameNonEmpty}/${nonEmpty} non-empty (${pct(sameNonEmpty, nonEmpty)}%)`);
for (const k of stale) console.log(`STALE reference (input changed): ${k}`);
for (const k of aborted) console.log(`ABORTED (module instance died): ${k}`);
for (const k of nowMatching) console.log(`NOW MATCHES (remove from the list): ${k} echo`);
for (const k of regressions) console.log(`REGRESSION: ${k} echo`);
// An abort of a listed model is a known mismatch; of any other, a regression.
process.exit(regressions.length || stale.length || keys.length === 0 ? 1 : 0);
