#!/usr/bin/env node
// `mos` through the WASM build in Node: the command line of the native CLI
// that the corpus runners use (-o out.{echo,csg,ast,stl,off,svg,...}, -D,
// -L, --export-format), rendered by render() of mos_wasm_node, so
// tests/golden/run_golden.py and tests/differential/run_differential.py run
// unchanged against the WASM engine:
//   run_differential.py --mos bindings/wasm/mos-wasm
// (mos-wasm is this script with the Node flags it needs). The module is
// $MOS_WASM_MODULE, else build-wasm/bindings/wasm/mos_wasm_node.mjs.
// Library search as the native build: OPENSCADPATH, -L, then Debian's
// /usr/share/openscad/libraries.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMos } from './load_module.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILTIN_LIBRARIES = '/usr/share/openscad/libraries';
const TEXT_KINDS = new Set(['echo', 'csg', 'ast']);
const GEOMETRY = new Set(['stl', 'asciistl', 'binstl', 'off', 'obj', 'amf', '3mf', 'svg', 'dxf']);
const NOT_AVAILABLE = new Set(['png', 'nef3', 'nefdbg', 'term', 'pdf', 'wrl']);

function usage(message) {
  process.stderr.write(`mos: ${message}\n\nusage: mos-wasm [-o out]... [-D name=expr]... [-L dir]... ` +
                       '[--export-format fmt] file.scad\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { outputs: [], defines: {}, libraryPaths: [], exportFormat: '', input: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '-o') args.outputs.push(value());
    else if (a.startsWith('-o') && a.length > 2) args.outputs.push(a.slice(2));
    else if (a === '-D' || (a.startsWith('-D') && a.length > 2)) {
      const d = a === '-D' ? value() : a.slice(2);
      const eq = d.indexOf('=');
      if (eq <= 0) usage(`-D ${d}: expected name=expression`);
      args.defines[d.slice(0, eq)] = d.slice(eq + 1);
    } else if (a === '-L') args.libraryPaths.push(value());
    else if (a === '--export-format') args.exportFormat = value().toLowerCase();
    else if (a.startsWith('--export-format=')) args.exportFormat = a.split('=')[1].toLowerCase();
    else if (a.startsWith('-') && a !== '-') usage(`unknown option ${a}`);
    else if (args.input) usage(`a second input file ${a}`);
    else args.input = a;
  }
  if (!args.input) usage('no input file');
  return args;
}

function formatOf(out, exportFormat) {
  if (exportFormat) return exportFormat;
  const base = path.basename(out);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

const args = parseArgs(process.argv.slice(2));
let exitCode = 0;
const outputs = [];
for (const out of args.outputs) {
  const format = formatOf(out, args.exportFormat);
  if (TEXT_KINDS.has(format) || GEOMETRY.has(format)) {
    outputs.push({ out, format });
  } else {
    process.stderr.write(NOT_AVAILABLE.has(format)
      ? `mos: '${out}': export format '${format}' is not available yet in mos; nothing was written\n`
      : 'mos: Either add a valid suffix or specify one using the --export-format option.\n');
    exitCode = 1;
  }
}
if (exitCode && outputs.length === 0) process.exit(exitCode);
if (!existsSync(args.input)) {
  process.stderr.write(`Can't open input file '${args.input}'!\n`);
  process.exit(1);
}

const modulePath = process.env.MOS_WASM_MODULE ||
  path.resolve(here, '../../build-wasm/bindings/wasm/mos_wasm_node.mjs');
const mos = await loadMos(modulePath);
const libraryPaths = [...(process.env.OPENSCADPATH || '').split(':').filter(Boolean),
                      ...args.libraryPaths, BUILTIN_LIBRARIES];
const geometryOutputs = outputs.filter((o) => GEOMETRY.has(o.format));
const base = {
  file: args.input, defines: args.defines, libraryPaths,
  csg: outputs.some((o) => o.format === 'csg'), ast: outputs.some((o) => o.format === 'ast'),
  mesh: geometryOutputs.length > 0, copy: true,
};
// One render per geometry output (render() exports one format at a time);
// the first gives the echo, csg and diagnostics.
const result = mos.render('', geometryOutputs.length ? { ...base, export: geometryOutputs[0].format } : base);
const echoToFile = outputs.some((o) => o.format === 'echo');
for (const d of result.diagnostics) {
  if (d.severity === 'echo' && echoToFile) continue;
  process.stderr.write(d.text + '\n');
}
if (!result.parsed) exitCode = 1;
for (const { out, format } of outputs) {
  let error = '';
  if (format === 'echo') {
    writeFileSync(out, result.echoBytes);
  } else if (!result.parsed) {
    error = format === 'csg' || format === 'ast' ? `no .${format} written: the model could not be parsed`
                                                 : 'no geometry written: the model could not be parsed';
  } else if (format === 'csg' || format === 'ast') {
    writeFileSync(out, result[format] ?? '');
  } else {
    const r = format === geometryOutputs[0].format ? result : mos.render('', { ...base, export: format });
    if (r.exportError) error = r.exportError;
    else writeFileSync(out, r.exportedBytes);
  }
  if (error) {
    process.stderr.write(`mos: ${error}\n`);
    exitCode = 1;
  }
}
process.exit(exitCode);
