// Bundles:
//  - dist/extension.cjs: our code (node, CommonJS, `vscode` external). Small, so activation is fast.
//  - dist/azure-sdk.cjs: the Azure SDKs our code imports, loaded on first use. Our adapters only ever
//    `const { X } = await import('@azure/…')`; here each such import becomes a lazy require of one object of
//    this bundle holding exactly the exports used,
//    so activation never parses the SDKs (≈1 MB) yet all SDKs share one copy of the core libraries.
//  - dist/webview.js: the webview page (browser).
// `--production` minifies; `--watch` rebuilds on change; `--metafile` writes dist/meta*.json for size analysis.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production') || process.env.CI === 'true';
const watch = process.argv.includes('--watch');

const SDK = /^(@azure\/[\w.-]+|@microsoft\/vscode-azext-azureauth|@microsoft\/microsoft-graph-client)$/;

/**
 * The SDK exports our code uses, per package, read from src/. Only two forms are allowed, so the SDK bundle
 * can keep exactly what is used (tree shaking) instead of whole packages:
 *   const { A, B } = await import('@azure/x');      (lazy, anywhere)
 *   import type { T } from '@azure/x';              (types only, erased)
 * Anything else fails the build with the place to fix.
 */
function sdkExportsUsed() {
  const used = new Map();
  const problems = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) { walk(path); continue; }
      if (!path.endsWith('.ts')) continue;
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/const\s*\{([^}]+)\}\s*=\s*await\s+import\(\s*'([^']+)'\s*\)/g)) {
        if (!SDK.test(m[2])) continue;
        const names = used.get(m[2]) ?? new Set();
        for (const part of m[1].split(',')) {
          const exported = part.trim().split(/\s*:\s*/)[0];
          if (exported) names.add(exported);
        }
        used.set(m[2], names);
      }
      const withoutAllowed = text
        .replace(/const\s*\{[^}]+\}\s*=\s*await\s+import\(\s*'[^']+'\s*\)/g, '')
        .replace(/import\s+type\s+[^;]+;/g, '');
      for (const m of withoutAllowed.matchAll(/(?:from\s+|import\(\s*)'([^']+)'/g)) {
        if (SDK.test(m[1])) problems.push(`${path}: import '${m[1]}' as "const { X } = await import('${m[1]}')" (or "import type")`);
      }
    }
  };
  walk('src');
  if (problems.length) throw new Error('SDK imports must be lazy and named:\n' + problems.join('\n'));
  return used;
}

const sdkExports = sdkExportsUsed();
const sdkPackages = [...sdkExports.keys()].sort();
const namespaceOf = (pkg) => pkg.replace(/[^A-Za-z0-9]/g, '_');
const sdkEntry = sdkPackages
  .map((pkg) => {
    const names = [...sdkExports.get(pkg)].sort();
    const ns = namespaceOf(pkg);
    return `import { ${names.map((n) => `${n} as ${ns}__${n}`).join(', ')} } from '${pkg}';\n` +
      `export const ${ns} = { ${names.map((n) => `${n}: ${ns}__${n}`).join(', ')} };`;
  })
  .join('\n');

/** In the extension bundle, `@azure/x` resolves to a stub that requires its namespace from azure-sdk.cjs. */
const lazySdkPlugin = {
  name: 'lazy-azure-sdk',
  setup(build) {
    const filter = new RegExp(`^(${sdkPackages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-sdk' }));
    build.onResolve({ filter: /^\.\/azure-sdk\.cjs$/ }, () => ({ path: './azure-sdk.cjs', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-sdk' }, (args) => ({
      contents: `module.exports = require('./azure-sdk.cjs').${namespaceOf(args.path)};`,
      loader: 'js',
    }));
  },
};

/**
 * Our own modules that are large and only needed on demand (the image template validator: ajv + our schema,
 * ≈200 KB). Callers import them only with `await import('…')`; the extension bundle then requires a bundle of their
 * own at that moment, so activation never parses them.
 */
const lazyModules = [{ source: 'src/core/imageTemplate/validateImageTemplateText.ts', bundle: 'imageTemplateValidator.cjs' }];

const lazyModulePlugin = {
  name: 'lazy-modules',
  setup(build) {
    for (const lazy of lazyModules) {
      const file = lazy.source.split('/').pop().replace(/\./g, '\\.');
      build.onResolve({ filter: new RegExp(`/${file}$`) }, (args) => {
        if (args.kind !== 'dynamic-import') {
          throw new Error(`${args.importer}: import ${lazy.source} only with await import(), so it stays out of activation`);
        }
        return { path: lazy.bundle, namespace: 'lazy-module' };
      });
    }
    build.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({ contents: `module.exports = require('./${args.path}');`, loader: 'js' }));
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};
const node = { ...common, platform: 'node', format: 'cjs', target: 'node22', external: ['vscode'], mainFields: ['module', 'main'] };

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.cjs', plugins: [lazySdkPlugin, lazyModulePlugin] },
  ...lazyModules.map((lazy) => ({ ...node, entryPoints: [lazy.source], outfile: `dist/${lazy.bundle}` })),
  // The download engine as a command line (package bin). Not through azure-sdk.cjs: that bundle also holds
  // vscode-azext-azureauth, which requires 'vscode' on load. The CLI inlines the one SDK it uses (storage-blob).
  { ...node, entryPoints: ['src/cli/downloadCli.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node' } },
  {
    ...node,
    stdin: {
      contents: sdkEntry,
      resolveDir: '.',
      sourcefile: 'azure-sdk-entry.js',
    },
    outfile: 'dist/azure-sdk.cjs',
  },
];
if (existsSync('src/webview/page/main.ts')) {
  builds.push({ ...common, entryPoints: ['src/webview/page/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'chrome120' });
}

/** Data files package.json points at (JSON schema, snippets): copied so the package ships dist/ only. */
const dataFiles = [
  ['src/core/imageTemplate/imageTemplate.schema.json', 'dist/imageTemplate.schema.json'],
  ['src/features/imageTemplateEditor/imageTemplate.snippets.json', 'dist/imageTemplate.snippets.json'],
];
mkdirSync('dist', { recursive: true });
for (const [from, to] of dataFiles) if (existsSync(from)) copyFileSync(from, to);

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  mkdirSync('dist', { recursive: true });
  results.forEach((result, i) => {
    if (process.argv.includes('--metafile')) writeFileSync(`dist/meta${i}.json`, JSON.stringify(result.metafile));
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`${file}  ${(output.bytes / 1024).toFixed(0)} KiB`);
    }
  });
}
