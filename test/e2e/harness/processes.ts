// Child processes for the E2E harness and the demo: each server runs in its own process group (detached) so
// stopping it ends everything it started (code-server's extension host, Azurite, …), and nothing outlives us.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Node 22 (the npm package `node`): what users' VS Code runs extensions on, and what code-server 4.105 needs. */
export function node22(): string {
  return process.versions.node.startsWith('22.') ? process.execPath : resolve(repoRoot, 'node_modules/.bin/node');
}

/** The environment for a child: ours, less what node:test sets for its own subprocesses. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;
  return env;
}

export interface GroupProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  /** SIGTERM the whole group, then SIGKILL it if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const liveGroups = new Set<number>();
// Last resort (a test crashed, Ctrl-C): no server may outlive the process that started it.
process.on('exit', () => {
  for (const pgid of liveGroups) {
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

/**
 * Tests: a SIGTERM/SIGINT (the suite's time limit, Ctrl-C) ends every server group at once, then this process.
 * (Not for the demo, which stops its servers gracefully itself.)
 */
export function killGroupsOnSignals(): void {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

export function spawnGroup(command: string, args: string[], options: SpawnOptions & { logFile?: string }): GroupProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pgid = child.pid;
  liveGroups.add(pgid);
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stderr?.pipe(log);
    if (options.stdio === undefined || (Array.isArray(options.stdio) && options.stdio[1] === 'pipe')) {
      // stdout is read by the caller too; tee it into the log as well
      child.stdout?.on('data', (d: Buffer) => log.write(d));
    }
  }
  const exited = new Promise<number | null>(res => child.once('exit', code => res(code)));
  exited.then(() => groupGone(pgid)).catch(() => {});
  return {
    child,
    exited,
    async stop(graceMs = 5000) {
      if (!liveGroups.has(pgid)) return;
      signalGroup(pgid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (Date.now() < deadline && groupAlive(pgid)) await sleep(100);
      if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
      liveGroups.delete(pgid);
    },
  };
}

function groupGone(pgid: number): void {
  // the leader exited; members of its group may still run: they are ended by stop() or at exit
  if (!groupAlive(pgid)) liveGroups.delete(pgid);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pgid, signal); } catch { /* already gone */ }
}

function groupAlive(pgid: number): boolean {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

export function sleep(ms: number): Promise<void> {
  return new Promise(res => setTimeout(res, ms));
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Polls `url` until it answers with a status below 500. */
export async function waitForHttp(url: string, timeoutMs: number, isDead: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`server for ${url} exited while starting`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(250);
  }
  throw new Error(`${url} not up after ${timeoutMs} ms (${last})`);
}
