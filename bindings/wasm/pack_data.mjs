// Writes a data package for the WASM engine's in-memory file system: the
// files of the given folders (recursively) or single files under a target
// path. Format (read by mos_data.mjs):
//   "MOSDATA1", u32 LE header length, header JSON {files: [{path, size}]},
//   then the files' bytes in header order.
//   node pack_data.mjs out.data SRC@/target [SRC@/target ...]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function collect(src, target, out) {
  if (statSync(src).isDirectory()) {
    for (const name of readdirSync(src).sort()) collect(path.join(src, name), `${target}/${name}`, out);
  } else {
    out.push({ path: target, bytes: readFileSync(src) });
  }
}

const [outFile, ...specs] = process.argv.slice(2);
if (!outFile || specs.length === 0) {
  console.error('usage: node pack_data.mjs out.data SRC@/target ...');
  process.exit(2);
}
const files = [];
for (const spec of specs) {
  const at = spec.lastIndexOf('@');
  if (at <= 0 || !spec.slice(at + 1).startsWith('/')) throw new Error(`bad spec ${spec}`);
  collect(spec.slice(0, at), spec.slice(at + 1).replace(/\/$/, ''), files);
}
const header = Buffer.from(JSON.stringify({ files: files.map((f) => ({ path: f.path, size: f.bytes.length })) }));
const length = Buffer.alloc(4);
length.writeUInt32LE(header.length);
writeFileSync(outFile, Buffer.concat([Buffer.from('MOSDATA1'), length, header, ...files.map((f) => f.bytes)]));
console.log(`${outFile}: ${files.length} files`);
