// `mos serve` as a command: usage errors (exit 2), a missing model or page
// files, a port in use (exit 1, with what to do), --help.
//   node --test tests/serve/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mos, startServe } from './serve-process.mjs';

const run = (args, env = {}) => spawnSync(mos, ['serve', ...args], { encoding: 'utf8', timeout: 10000, env: { ...process.env, ...env } });

test('mos serve: command line', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mos-serve-cmd-'));
  try {
    const model = path.join(dir, 'm.scad');
    writeFileSync(model, 'cube(1);\n');
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: mos serve model\.scad/);
    assert.match(run([]).stderr, /no model file given/);
    assert.equal(run([]).status, 2);
    assert.equal(run([model, '--port', 'x']).status, 2);
    assert.equal(run([model, '--frobnicate']).status, 2);
    const missing = run([path.join(dir, 'nope.scad'), '--port', '0']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /cannot open .*nope\.scad/);
    const noAssets = run([model, '--port', '0'], { MOS_SERVE_ASSETS: dir });
    assert.equal(noAssets.status, 1);
    assert.match(noAssets.stderr, /missing: no index\.html in .* \(MOS_SERVE_ASSETS\).*build_serve_assets\.sh/);
    // A port in use: said, exit 1.
    const s = await startServe({ 'a.scad': 'cube(1);\n' });
    try {
      const busy = run([model, '--port', String(s.port)]);
      assert.equal(busy.status, 1);
      assert.match(busy.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${s.port}`));
    } finally {
      await s.stop();
    }
    assert.match(run(['--help']).stdout, /127\.0\.0\.1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
