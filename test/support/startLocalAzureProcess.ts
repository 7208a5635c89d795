import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface LocalAzureEndpoints {
  readonly armEndpoint: string;
  readonly tokenAudience: string;
  readonly caCertFile: string;
  readonly azBinDir: string;
  readonly blobEndpoint: string;
  readonly adminUrl: string;
}

/**
 * The local Azure in a process of its own, as Azure is remote: a benchmark then measures the client alone,
 * not the stand-in's work on the same event loop.
 */
export async function startLocalAzureProcess(args: string[]): Promise<LocalAzureEndpoints & { stop(): Promise<void> }> {
  const cli = fileURLToPath(new URL('../azure-local/cli.ts', import.meta.url));
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`local Azure exited with ${code} before it was ready`);
    }),
  ])) as [string];
  const endpoints = JSON.parse(first) as LocalAzureEndpoints;
  return {
    ...endpoints,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
