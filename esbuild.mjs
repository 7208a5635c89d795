// Two bundles: the extension (Node, CommonJS, `vscode` external) and the webview page (browser).
// `--production` minifies; `--watch` rebuilds on change; `--metafile` writes dist/meta.json for size analysis.
import * as esbuild from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production') || process.env.CI === 'true';
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['vscode'],
    // The SDKs ship ESM and CJS; prefer ESM so esbuild can drop what we never call.
    mainFields: ['module', 'main'],
  },
];
if (existsSync('src/webview/page/main.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/webview/page/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  if (process.argv.includes('--metafile')) writeFileSync('dist/meta.json', JSON.stringify(results[0].metafile));
  for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`${file}  ${(output.bytes / 1024).toFixed(0)} KiB`);
    }
  }
}
