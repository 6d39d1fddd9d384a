// Loads an emscripten 3.1.6 ES6 module in Node. Its generated code still
// refers to __dirname and require, and Node 18+'s global fetch would make it
// try to fetch the .wasm by URL, so: define both globals, read the bytes
// ourselves and hand them over as {wasmBinary}.
//   loadMos(mjsPath, {packages: ['mos_fonts.data', ...]}): data packages (in
//   the module's folder unless absolute) installed before it is returned.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installDataPackage } from './mos_data.mjs';

export async function loadMos(mjsPath, { packages = [] } = {}) {
  const abs = path.resolve(mjsPath);
  globalThis.__dirname = path.dirname(abs);
  globalThis.require = createRequire(abs);
  const wasmBinary = readFileSync(abs.replace(/\.mjs$/, '.wasm'));
  const { default: createMos } = await import(pathToFileURL(abs).href);
  const mos = await createMos({ wasmBinary, print: () => {}, printErr: () => {} });
  for (const p of packages) {
    await installDataPackage(mos, readFileSync(path.resolve(path.dirname(abs), p)));
  }
  return mos;
}
