// Serves the render worker test page on 127.0.0.1: the page and helpers
// (tests/wasm), the worker and client bundled from viewer/src (/bundle), and
// the WASM engine with its data packages (/engine, from build-wasm). With
// `isolated`, every response carries COOP/COEP so the page is cross-origin
// isolated (SharedArrayBuffer available), as `mos serve` will send them.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveStatic } from './static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'viewer/package.json'));

export const engineDir = path.resolve(process.env.MOS_WASM_BUILD_DIR || path.join(repo, 'build-wasm'),
                                      'bindings/wasm');

// render-worker.ts and render-client.ts as two ES modules.
export async function bundle() {
  const esbuild = require('esbuild');
  const out = mkdtempSync(path.join(os.tmpdir(), 'mos-worker-bundle-'));
  await esbuild.build({
    entryPoints: [path.join(repo, 'viewer/src/render-worker.ts'), path.join(repo, 'viewer/src/render-client.ts')],
    bundle: true, format: 'esm', target: 'es2020', outdir: out, logLevel: 'warning',
  });
  return { dir: out, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

export function startServer(bundleDir, { isolated }) {
  return serveStatic({ '/bundle/': bundleDir, '/engine/': engineDir, '/': here },
                     { index: 'worker-page.html', isolated });
}
