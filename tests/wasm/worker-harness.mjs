// Serves the render worker test page on 127.0.0.1: the page and helpers
// (tests/wasm), the worker and client bundled from viewer/src (/bundle), and
// the WASM engine with its data packages (/engine, from build-wasm). With
// `isolated`, every response carries COOP/COEP so the page is cross-origin
// isolated (SharedArrayBuffer available), as `mos serve` will send them.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'viewer/package.json'));

export const engineDir = path.resolve(process.env.MOS_WASM_BUILD_DIR || path.join(repo, 'build-wasm'),
                                      'bindings/wasm');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.map': 'application/json' };

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

export async function startServer(bundleDir, { isolated }) {
  const roots = { '/bundle/': bundleDir, '/engine/': engineDir, '/': here };
  const server = createServer(async (req, res) => {
    const clean = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const prefix = Object.keys(roots).find((p) => clean.startsWith(p));
    const base = roots[prefix];
    const file = path.resolve(base, clean.slice(prefix.length) || 'worker-page.html');
    const headers = isolated ? { 'cross-origin-opener-policy': 'same-origin',
                                 'cross-origin-embedder-policy': 'require-corp' } : {};
    try {
      if (!file.startsWith(base + path.sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/worker-page.html` };
}
