// Bundles the page of `mos serve` (scripts/build_serve_assets.sh):
// src/serve-page.ts -> <out>/serve-page.js (+ serve-page.css) and the render
// worker src/render-worker.ts -> <out>/render-worker.js, which the page starts
// from its URL. Modules that inline the worker's source as text
// (`import source from 'worker-source:render-worker'`, as the widget bundle
// does) get it through the same resolution as the widget's build.
//   node build-serve.mjs <outdir>
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? '.');
const common = { bundle: true, format: 'esm', target: 'es2020', minify: true, legalComments: 'none', logLevel: 'warning' };

const workerSource = {
  name: 'worker-source',
  setup(build) {
    build.onResolve({ filter: /^worker-source:/ }, (args) => ({
      path: path.join(here, 'src', `${args.path.slice('worker-source:'.length)}.ts`),
      namespace: 'worker-source',
    }));
    build.onLoad({ filter: /.*/, namespace: 'worker-source' }, async (args) => {
      const result = await esbuild.build({ ...common, entryPoints: [args.path], write: false });
      return { contents: result.outputFiles[0].text, loader: 'text', watchFiles: [args.path] };
    });
  },
};

await esbuild.build({
  ...common,
  entryPoints: [path.join(here, 'src/serve-page.ts'), path.join(here, 'src/render-worker.ts')],
  outdir: out,
  plugins: [workerSource],
});
