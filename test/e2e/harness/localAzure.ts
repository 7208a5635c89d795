// Starts the local Azure (ARM stand-in + Azurite + fake `az`) as a process and reads the endpoints it prints.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { childEnv, node22, repoRoot, spawnGroup, type GroupProcess } from './processes.ts';

/** The first line `node test/azure-local/cli.ts` prints (the fields the harness relies on; it prints more). */
export interface LocalAzureInfo {
  armEndpoint: string;
  tokenAudience: string;
  caCertFile: string;
  caCertPem: string;
  azBinDir: string;
  blobEndpoint: string;
  [key: string]: unknown;
}

export interface LocalAzure {
  readonly info: LocalAzureInfo;
  /** Switches faults per route (the stand-in's admin endpoint); the body is passed through as JSON. */
  setFaults(body: unknown): Promise<unknown>;
  /** Removes every fault rule. */
  clearFaults(): Promise<unknown>;
  /** Changes the stand-in's state behind the extension's back (POST /__admin/state: powerStates, diskStates, merge). */
  setState(body: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export const localAzureCli = resolve(repoRoot, 'test/azure-local/cli.ts');

export function localAzureAvailable(): boolean {
  return existsSync(localAzureCli);
}

export async function startLocalAzure(runDir: string, fixture = 'default', timeoutMs = 60_000): Promise<LocalAzure> {
  if (!localAzureAvailable()) throw new Error(`${localAzureCli} does not exist yet`);
  const proc = spawnGroup(node22(), [localAzureCli, '--fixture', fixture], {
    cwd: repoRoot,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    logFile: join(runDir, 'local-azure.log'),
  });
  const info = await readFirstJsonLine(proc, timeoutMs).catch(async err => {
    await proc.stop();
    throw new Error(`local Azure did not start: ${(err as Error).message} (log: ${join(runDir, 'local-azure.log')})`);
  });
  return {
    info,
    setFaults: (body: unknown) => adminFetch(info, 'POST', '/__admin/faults', body),
    clearFaults: () => adminFetch(info, 'DELETE', '/__admin/faults'),
    setState: (body: unknown) => adminFetch(info, 'POST', '/__admin/state', body),
    stop: () => proc.stop(),
  };
}

async function adminFetch(info: LocalAzureInfo, method: string, path: string, body?: unknown): Promise<unknown> {
  // The stand-in serves https with its own CA: trust exactly that CA for this call (undici has no per-call CA
  // option without a dispatcher, so use node:https).
  const https = await import('node:https');
  const url = new URL(info.armEndpoint.replace(/\/$/, '') + path);
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((res, rej) => {
    const req = https.request(url, {
      method,
      ca: info.caCertPem,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, r => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', c => (text += c));
      r.on('end', () => {
        if ((r.statusCode ?? 500) >= 300) return rej(new Error(`${method} ${path}: HTTP ${r.statusCode} ${text}`));
        try { res(text ? JSON.parse(text) : undefined); } catch { res(text); }
      });
    });
    req.on('error', rej);
    req.end(payload);
  });
}

function readFirstJsonLine(proc: GroupProcess, timeoutMs: number): Promise<LocalAzureInfo> {
  return new Promise((res, rej) => {
    let buffered = '';
    const timer = setTimeout(() => rej(new Error(`no JSON line after ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const nl = buffered.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      proc.child.stdout?.off('data', onData);
      try {
        res(JSON.parse(buffered.slice(0, nl)) as LocalAzureInfo);
      } catch (err) {
        rej(new Error(`first line is not JSON: ${buffered.slice(0, nl).slice(0, 200)} (${(err as Error).message})`));
      }
    };
    proc.child.stdout?.on('data', onData);
    proc.exited.then(code => { clearTimeout(timer); rej(new Error(`exited with code ${code}`)); });
  });
}
