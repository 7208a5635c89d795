// Runs a command and measures its wall time and peak resident memory (VmHWM from /proc, sampled until exit:
// the high-water mark only grows, so the last sample is the peak).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ProcessFigures {
  wallMs: number;
  peakRssBytes?: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export async function measureProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcessFigures> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  let peakRssBytes: number | undefined;
  const sample = async () => {
    try {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) peakRssBytes = Math.max(peakRssBytes ?? 0, Number(kb) * 1024);
    } catch {
      // the process is gone
    }
  };
  const timer = setInterval(() => void sample(), 25);
  // A command that cannot start (missing, not executable) reports like a failed run instead of throwing.
  child.on('error', (error) => (stderr += `${error.message}\n`));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  clearInterval(timer);
  return { wallMs: performance.now() - started, peakRssBytes, exitCode, stdout, stderr };
}
