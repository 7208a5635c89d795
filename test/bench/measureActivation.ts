import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';

/**
 * Loads dist/extension.cjs in a fresh process with a stub `vscode` and times require + activate(). The SDKs
 * must not be evaluated here: they are imported on first use. Reports the modules evaluated as a check.
 */
export async function measureActivation(root: string): Promise<{ requireMs: number; activateMs: number; totalMs: number }> {
  const require = createRequire(join(root, 'package.json'));
  const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = Module._resolveFilename;
  const stub = join(root, 'test/bench/vscodeStub.cjs');
  Module._resolveFilename = (request: string, ...rest: unknown[]) => (request === 'vscode' ? stub : original(request, ...rest));
  try {
    const t0 = performance.now();
    const extension = require(join(root, 'dist/extension.cjs')) as { activate(context: unknown): void };
    const t1 = performance.now();
    extension.activate(fakeContext());
    const t2 = performance.now();
    return { requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0 };
  } finally {
    Module._resolveFilename = original;
  }
}

if (import.meta.main) {
  const figures = await measureActivation(join(import.meta.dirname, '../..'));
  console.log(JSON.stringify(figures));
}

/** What activate() reads from its context: mementos (empty), paths, a subscriptions list. */
function fakeContext(): unknown {
  const memento = () => {
    const values = new Map<string, unknown>();
    return {
      get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback),
      update: async (key: string, value: unknown) => void values.set(key, value),
      keys: () => [...values.keys()],
      setKeysForSync: () => undefined,
    };
  };
  return {
    subscriptions: [],
    extensionUri: { fsPath: '/tmp', path: '/tmp', scheme: 'file' },
    extensionPath: '/tmp',
    globalState: memento(),
    workspaceState: memento(),
    globalStorageUri: { fsPath: '/tmp', path: '/tmp', scheme: 'file' },
    storageUri: undefined,
    logUri: { fsPath: '/tmp', path: '/tmp', scheme: 'file' },
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
  };
}
