// `mos serve` over raw sockets (no browser): COOP/COEP on every response,
// nothing served outside the model's folder and library paths (traversal in
// every spelling, symlinks), bad and oversized requests, the connection
// bound, live reload events when the model or an included file changes, and
// clients that vanish mid-reload.
//   node --test tests/serve/   (needs build/bin/mos and its page files)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startServe } from './serve-process.mjs';

// Sends raw bytes, returns everything the server sent until it closed (or
// `waitMs` passed).
function raw(port, bytes, { waitMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => { socket.destroy(); resolve(data); }, waitMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (d) => { data += d.toString('latin1'); });
    socket.on('close', () => { clearTimeout(timer); resolve(data); });
    socket.on('error', (e) => { clearTimeout(timer); e.code === 'ECONNRESET' ? resolve(data) : reject(e); });
  });
}

const get = (port, target, headers = '') =>
  raw(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`);
const statusOf = (response) => Number(response.slice(9, 12));

// An event stream: resolves each next event {event, data} as it arrives.
function events(port) {
  const socket = net.connect(port, '127.0.0.1');
  socket.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  let buffer = '';
  const waiting = [];
  const queue = [];
  let headDone = false;
  socket.on('data', (d) => {
    buffer += d.toString();
    if (!headDone) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      queue.push({ event: 'head', data: buffer.slice(0, end) });
      buffer = buffer.slice(end + 4);
      headDone = true;
    }
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event) queue.push({ event, data });
      while (waiting.length && queue.length) waiting.shift()(queue.shift());
    }
  });
  socket.on('error', () => {});
  return {
    socket,
    next: (ms = 10000) => new Promise((resolve, reject) => {
      if (queue.length) return resolve(queue.shift());
      const t = setTimeout(() => reject(new Error('no event')), ms);
      waiting.push((e) => { clearTimeout(t); resolve(e); });
    }),
  };
}

describe('mos serve over HTTP', () => {
  let s;
  before(async () => {
    s = await startServe({
      'site/model.scad': 'include <parts/part.scad>\nuse <lib.scad>\nw = 10; // [1:50]\ncube(w);\n',
      'site/parts/part.scad': 'p = 1;\n',
      'libs/lib.scad': 'module m() cube(1);\n',
      'secret.txt': 'TOP SECRET',
    }, { args: (dir) => ['-L', path.join(dir, 'libs')] });
    symlinkSync(path.join(s.dir, 'secret.txt'), path.join(s.dir, 'site/link.txt'));
    symlinkSync(s.dir, path.join(s.dir, 'site/up'));
  });
  after(async () => { await s?.stop(); });

  test('every response is cross-origin isolated (COOP/COEP)', async () => {
    const targets = ['/', '/assets/serve-page.js', '/assets/mos_wasm.wasm', '/api/model',
                     '/files/0/model.scad', '/nothing', '/files/0/../secret.txt'];
    for (const target of targets) {
      const r = await get(s.port, target);
      assert.match(r, /\r\ncross-origin-opener-policy: same-origin\r\n/i, target);
      assert.match(r, /\r\ncross-origin-embedder-policy: require-corp\r\n/i, target);
    }
    const bad = await raw(s.port, 'NONSENSE\r\n\r\n');
    assert.equal(statusOf(bad), 400);
    assert.match(bad, /cross-origin-embedder-policy: require-corp/i);
    const stream = events(s.port);
    const head = await stream.next();
    stream.socket.destroy();
    assert.match(head.data, /text\/event-stream/);
    assert.match(head.data, /cross-origin-opener-policy: same-origin/i);
    assert.equal(statusOf(await get(s.port, '/assets/mos_wasm.wasm')), 200);
    assert.match(await get(s.port, '/assets/mos_wasm.wasm'), /content-type: application\/wasm/i);
  });

  test('the model, its includes and its library files are served', async () => {
    const model = JSON.parse((await get(s.port, '/api/model')).split('\r\n\r\n')[1]);
    assert.equal(model.name, 'model.scad');
    assert.deepEqual(model.files.map((f) => f.url), ['/files/0/model.scad', '/files/0/parts/part.scad', '/files/1/lib.scad']);
    assert.deepEqual(model.customizer.parameters.map((p) => [p.name, p.min, p.max]), [['w', 1, 50]]);
    for (const f of model.files) {
      const r = await get(s.port, f.url);
      assert.equal(statusOf(r), 200, f.url);
    }
    assert.match(await get(s.port, '/files/0/parts/part.scad'), /p = 1;/);
  });

  test('nothing outside the model folder and library paths', async () => {
    const attempts = {
      '/files/0/../secret.txt': 403,
      '/files/0/parts/../../secret.txt': 403,
      '/files/0/%2e%2e/secret.txt': 403,
      '/files/0/%2E%2E%2Fsecret.txt': 403,
      '/files/0/.%2e/secret.txt': 403,
      '/files/1/../secret.txt': 403,
      '/files/0/link.txt': 403,        // a symlink leading out
      '/files/0/up/secret.txt': 403,   // a directory symlink leading out
      '/files/0//etc/passwd': 404,     // absolute: taken below the root
      '/files/0/%2Fetc%2Fpasswd': 404,
      '/files/0/a%00b': 400,           // NUL
      '/files/0/model.scad%00.txt': 400,
      '/files/0/..%5csecret.txt': 403, // backslash
      '/files/2/secret.txt': 404,      // no such root
      '/files/x/secret.txt': 404,
      '/files/99999999999/a': 404,
      '/assets/../../secret.txt': 403,
      '/assets/%2e%2e/%2e%2e/secret.txt': 403,
      '/../secret.txt': 404,
      '/etc/passwd': 404,
      '/files/0/parts': 404,           // a directory
    };
    for (const [target, status] of Object.entries(attempts)) {
      const r = await get(s.port, target);
      assert.equal(statusOf(r), status, target);
      assert.doesNotMatch(r, /TOP SECRET|root:/, target);
    }
    const absolute = await raw(s.port, `GET ${path.join(s.dir, 'secret.txt')} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(statusOf(absolute), 404);
    const absoluteForm = await raw(s.port, 'GET http://127.0.0.1/files/0/model.scad HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.equal(statusOf(absoluteForm), 400);
  });

  test('bad requests are refused and the server goes on', async () => {
    assert.equal(statusOf(await raw(s.port, 'POST /api/model HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc')), 413);
    assert.equal(statusOf(await raw(s.port, 'PUT /files/0/model.scad HTTP/1.1\r\nHost: x\r\n\r\n')), 405);
    assert.equal(statusOf(await raw(s.port, 'GET / HTTP/1.1\r\n\r\n')), 400);
    assert.equal(statusOf(await raw(s.port, 'GET / HTTP/3.0\r\nHost: x\r\n\r\n')), 505);
    assert.equal(statusOf(await raw(s.port, '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n')), 400);  // TLS hello
    // A head that never ends: refused at the bound (16 KB), not buffered on.
    assert.equal(statusOf(await raw(s.port, 'GET / HTTP/1.1\r\nX: ' + 'a'.repeat(40000))), 431);
    let many = 'GET / HTTP/1.1\r\nHost: x\r\n';
    for (let i = 0; i < 100; i++) many += `H${i}: v\r\n`;
    assert.equal(statusOf(await raw(s.port, many + '\r\n')), 431);
    assert.equal(statusOf(await raw(s.port, `GET /${'a'.repeat(5000)} HTTP/1.1\r\nHost: x\r\n\r\n`)), 414);
    // Half a request, then gone.
    await new Promise((ok) => { const c = net.connect(s.port, '127.0.0.1', () => { c.write('GET /api/mo'); c.destroy(); ok(); }); });
    // HEAD: the head only.
    const head = await raw(s.port, 'HEAD /api/model HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(statusOf(head), 200);
    assert.equal(head.split('\r\n\r\n')[1], '');
    // Two requests on one keep-alive connection.
    const two = await raw(s.port, 'GET /api/model HTTP/1.1\r\nHost: x\r\n\r\nGET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.deepEqual([...two.matchAll(/HTTP\/1\.1 (\d+)/g)].map((m) => m[1]), ['200', '404']);
    assert.equal(statusOf(await get(s.port, '/api/model')), 200);
    assert.ok(s.alive());
  });

  test('connections are bounded: beyond 64 at once the server answers 503', async () => {
    const idle = [];
    for (let i = 0; i < 70; i++) {
      idle.push(await new Promise((ok) => { const c = net.connect(s.port, '127.0.0.1', () => ok(c)); c.on('error', () => {}); }));
    }
    await new Promise((ok) => setTimeout(ok, 300));
    const refused = await get(s.port, '/api/model');
    assert.equal(statusOf(refused), 503);
    for (const c of idle) c.destroy();
    await new Promise((ok) => setTimeout(ok, 500));
    assert.equal(statusOf(await get(s.port, '/api/model')), 200);
  });

  test('a change to the model or an included file sends reload; vanished clients do no harm', async () => {
    const watcher = events(s.port);
    await watcher.next(); // the head
    const v0 = Number((await watcher.next()).data);
    assert.equal(JSON.parse((await get(s.port, '/api/model')).split('\r\n\r\n')[1]).version, v0);

    // Clients that go away as the reload happens: streams closed the moment
    // the change lands, one that stopped reading, and a page fetching the
    // engine that disconnects halfway through.
    const doomed = [];
    for (let i = 0; i < 5; i++) {
      const e = events(s.port);
      await e.next();
      await e.next();
      doomed.push(e);
    }
    const stalled = events(s.port);
    await stalled.next();
    stalled.socket.pause();
    s.write('site/parts/part.scad', 'p = 22;\n');
    for (const e of doomed) e.socket.destroy();
    const reload = await watcher.next();
    assert.equal(reload.event, 'reload');
    const v1 = Number(reload.data);
    assert.ok(v1 > v0);
    const partial = net.connect(s.port, '127.0.0.1');
    partial.on('error', () => {});
    partial.write('GET /assets/mos_fonts.data HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((ok) => partial.once('data', ok));
    partial.destroy();

    // The main file: a new include appears in the list.
    s.write('site/extra.scad', 'e = 1;\n');
    s.write('site/model.scad', 'include <parts/part.scad>\ninclude <extra.scad>\nuse <lib.scad>\nw = 12; // [1:50]\ncube(w);\n');
    const v2 = Number((await watcher.next()).data);
    assert.ok(v2 > v1);
    let model = JSON.parse((await get(s.port, '/api/model')).split('\r\n\r\n')[1]);
    assert.ok(model.version >= v2);
    assert.ok(model.files.some((f) => f.url === '/files/0/extra.scad'));
    // ... and is watched from then on.
    s.write('site/extra.scad', 'e = 2;\n');
    const v3 = Number((await watcher.next()).data);
    assert.ok(v3 > v2);
    // A library file the model uses.
    s.write('libs/lib.scad', 'module m() cube(2);\n');
    assert.ok(Number((await watcher.next()).data) > v3);

    // A syntax error in an include: still listed, still watched.
    s.write('site/extra.scad', 'e = ;\n');
    await watcher.next();
    model = JSON.parse((await get(s.port, '/api/model')).split('\r\n\r\n')[1]);
    assert.equal(model.parsed, false);
    assert.ok(model.files.some((f) => f.url === '/files/0/extra.scad'));
    s.write('site/extra.scad', 'e = 3;\n');
    await watcher.next();
    model = JSON.parse((await get(s.port, '/api/model')).split('\r\n\r\n')[1]);
    assert.equal(model.parsed, true);

    watcher.socket.destroy();
    stalled.socket.destroy();
    assert.ok(s.alive());
    const fresh = events(s.port);
    await fresh.next();
    assert.equal(Number((await fresh.next()).data), model.version);
    fresh.socket.destroy();
  });
});
