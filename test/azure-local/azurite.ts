// Starts a private Azurite blob service on a free loopback port for tests, benchmarks and the demo.
// Azurite is started with --blobPort 0 and the port it really bound is read from its startup line, so
// parallel test processes never race for a port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The well-known Azurite development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT_NAME = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Hold the data in RAM (`--inMemoryPersistence`); faster, nothing left on disk. */
  inMemory?: boolean;
  /** Workspace folder. When omitted a temp folder is created and removed by stop(). */
  location?: string;
  /** How long to wait for Azurite to answer before giving up. */
  startTimeoutMs?: number;
}

export interface RunningAzurite {
  /** http://127.0.0.1:PORT/devstoreaccount1 */
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
  port: number;
  /** A connection string for BlobServiceClient.fromConnectionString. */
  connectionString: string;
  /** Azurite's workspace folder (removed by stop() when startAzurite created it). */
  location: string;
  stop(): Promise<void>;
}

const azuriteBlobMain = fileURLToPath(
  new URL('../../node_modules/azurite/dist/src/blob/main.js', import.meta.url),
);

// Children still alive when the test process exits would keep ports and files: kill them synchronously.
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const ownsLocation = options.location === undefined;
  const location = options.location ?? (await mkdtemp(join(tmpdir(), 'azurite-')));
  const args = [
    azuriteBlobMain,
    '--blobHost', '127.0.0.1',
    '--blobPort', '0',
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
  ];
  // Azurite refuses --location together with --inMemoryPersistence; the folder is then only its cwd.
  if (options.inMemory) args.push('--inMemoryPersistence');
  else args.push('--location', location);

  // process.execPath: the Node that runs the tests (Node 22 from node_modules/.bin under npm scripts).
  const child = spawn(process.execPath, args, { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => liveChildren.delete(child));

  let port: number;
  try {
    port = await waitForListeningPort(child, options.startTimeoutMs ?? 20_000);
    await waitUntilAnswering(port);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    if (ownsLocation) await rm(location, { recursive: true, force: true });
    throw error;
  }
  // Keep draining output so a chatty child never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();

  const blobEndpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT_NAME}`;
  let stopping: Promise<void> | undefined;
  return {
    blobEndpoint,
    accountName: AZURITE_ACCOUNT_NAME,
    accountKey: AZURITE_ACCOUNT_KEY,
    port,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT_NAME};` +
      `AccountKey=${AZURITE_ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
    location,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
          await exited;
          clearTimeout(timer);
        }
        if (ownsLocation) await rm(location, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** Azurite prints "successfully listens on http://127.0.0.1:PORT" once bound (even with --silent). */
function waitForListeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => finish(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listens on https?:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null) => finish(new Error(`Azurite exited (code ${code}) before listening:\n${output}`));
    function finish(error?: Error, port?: number) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(port!);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** The startup line comes before the HTTP server takes requests in some versions; poll until it answers. */
async function waitUntilAnswering(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      // Any HTTP answer (even 400 for a bare GET) proves the server is up.
      await fetch(`http://127.0.0.1:${port}/${AZURITE_ACCOUNT_NAME}?comp=list`);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
