// The esbuild settings shared by build.mjs (the widget bundle) and
// build-serve.mjs (the page of `mos serve`): the common options, and the
// `worker-source:` plugin that inlines a module of src/ (the render worker),
// bundled on its own, as text.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const common = { bundle: true, format: 'esm', target: 'es2020', minify: true, legalComments: 'none', logLevel: 'warning' };

export const workerSource = {
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
