// A static file server on 127.0.0.1 for browser tests and benches: URL
// prefixes map to folders (the first matching prefix wins), nothing outside
// a folder is served, and with `isolated` every response carries COOP/COEP
// so the page is cross-origin isolated (SharedArrayBuffer available).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.map': 'application/json' };

// roots: {'/prefix/': dir, ..., '/': dir}; index: the page served for '/'.
export async function serveStatic(roots, { index, isolated }) {
  const headers = isolated ? { 'cross-origin-opener-policy': 'same-origin',
                               'cross-origin-embedder-policy': 'require-corp' } : {};
  const server = createServer(async (req, res) => {
    const clean = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const prefix = Object.keys(roots).find((p) => clean.startsWith(p));
    const base = roots[prefix];
    const file = path.resolve(base, clean.slice(prefix.length) || index);
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
  return { server, url: `http://127.0.0.1:${server.address().port}/${index}` };
}
