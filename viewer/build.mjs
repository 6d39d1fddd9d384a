// Bundles the viewer: src/index.ts -> <out>/viewer.js (+ viewer.css), one ES
// module with Three.js inside (nothing from a CDN). The render worker
// (src/render-worker.ts) is bundled on its own and inlined as text
// (`import source from 'worker-source:render-worker'`): the widget's ESM is
// served by the notebook as one file, so the worker starts from a blob URL.
//   node build.mjs <outdir>
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, '../python/marimo_openscad/static'));
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
  entryPoints: [path.join(here, 'src/index.ts')],
  outfile: path.join(out, 'viewer.js'),
  sourcemap: 'linked',
  plugins: [workerSource],
});
