// Loads an emscripten 3.1.6 ES6 module in Node. Its generated code still
// refers to __dirname and require, and Node 18+'s global fetch would make it
// try to fetch the .wasm by URL, so: define both globals, read the bytes
// ourselves and hand them over as {wasmBinary}.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadMos(mjsPath) {
  const abs = path.resolve(mjsPath);
  globalThis.__dirname = path.dirname(abs);
  globalThis.require = createRequire(abs);
  const wasmBinary = readFileSync(abs.replace(/\.mjs$/, '.wasm'));
  const { default: createMos } = await import(pathToFileURL(abs).href);
  return createMos({ wasmBinary, print: () => {}, printErr: () => {} });
}
