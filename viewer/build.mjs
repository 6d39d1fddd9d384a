// Bundles the viewer: src/index.ts -> <out>/viewer.js (+ viewer.css), one ES
// module with Three.js inside (nothing from a CDN). The render worker
// (src/render-worker.ts) is bundled on its own and inlined as text
// (`import source from 'worker-source:render-worker'`): the widget's ESM is
// served by the notebook as one file, so the worker starts from a blob URL.
//   node build.mjs <outdir>
import * as esbuild from 'esbuild';
import path from 'node:path';
import { common, here, workerSource } from './esbuild-common.mjs';

const out = path.resolve(process.argv[2] ?? path.join(here, '../python/marimo_openscad/static'));

await esbuild.build({
  ...common,
  entryPoints: [path.join(here, 'src/index.ts')],
  outfile: path.join(out, 'viewer.js'),
  sourcemap: 'linked',
  plugins: [workerSource],
});
