// Bundles the page of `mos serve` (scripts/build_serve_assets.sh):
// src/serve-page.ts -> <out>/serve-page.js (+ serve-page.css) and the render
// worker src/render-worker.ts -> <out>/render-worker.js, which the page starts
// from its URL. Modules that inline the worker's source as text
// (`import source from 'worker-source:render-worker'`, as the widget bundle
// does) get it through the same resolution as the widget's build.
//   node build-serve.mjs <outdir>
import * as esbuild from 'esbuild';
import path from 'node:path';
import { common, here, workerSource } from './esbuild-common.mjs';

const out = path.resolve(process.argv[2] ?? '.');

await esbuild.build({
  ...common,
  entryPoints: [path.join(here, 'src/serve-page.ts'), path.join(here, 'src/render-worker.ts')],
  outdir: out,
  plugins: [workerSource],
});
