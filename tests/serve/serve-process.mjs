// Starts a real `mos serve` on a model in a fresh temporary folder, for the
// tests in this folder. The binary: $MOS_CLI or build/bin/mos; its page
// files: build/share/mos/serve next to it (scripts/build_serve_assets.sh)
// or $MOS_SERVE_ASSETS.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const mos = process.env.MOS_CLI || path.join(repo, 'build/bin/mos');

if (!existsSync(mos)) throw new Error(`${mos} missing: build mos_cli first (scripts/build_native.sh mos_cli)`);

// files: {relative path: text}; the first is the model. args: more
// arguments, or a function of the folder that returns them.
export async function startServe(files, { args = [] } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mos-serve-test-'));
  const write = (rel, text) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
    return p;
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  const model = path.join(dir, Object.keys(files)[0]);
  const extra = typeof args === 'function' ? args(dir) : args;
  const child = spawn(mos, ['serve', model, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mos serve did not start: ${output}`)), 15000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`mos serve exited ${code}: ${output}`)); });
  });
  const port = Number(new URL(url).port);
  return {
    dir, model, url, port, child, write,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
