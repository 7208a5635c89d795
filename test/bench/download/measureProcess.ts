// Runs a command and measures its wall time, peak resident memory (VmHWM from /proc, sampled until exit: the
// high-water mark only grows, so the last sample is the peak) and CPU time (all its threads, user + system; the
// last sample before it exits, so a little short). CPU time matters on a small machine: the local server
// competes for the same cores, so a client's CPU shows up in the wall time of both.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface ProcessFigures {
  wallMs: number;
  peakRssBytes?: number;
  cpuMs?: number;
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
  let cpuMs: number | undefined;
  const sample = async () => {
    try {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) peakRssBytes = Math.max(peakRssBytes ?? 0, Number(kb) * 1024);
      cpuMs = Math.max(cpuMs ?? 0, (await processCpuMs(child.pid!)) ?? 0);
    } catch {
      // the process is gone
    }
  };
  const timer = setInterval(() => void sample(), 25);
  // A command that cannot start (missing, not executable) reports like a failed run instead of throwing.
  child.on('error', (error) => (stderr += `${error.message}\n`));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  clearInterval(timer);
  return { wallMs: performance.now() - started, peakRssBytes, cpuMs, exitCode, stdout, stderr };
}

/** User + system CPU time of a process so far (utime + stime from /proc/PID/stat, at 100 ticks a second). */
export async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") "; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The pid of the Azurite serving from `location` (its workspace folder is on its command line). */
export async function findAzuriteProcess(location: string): Promise<number | undefined> {
  const needle = location;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(needle) && commandLine.includes('azurite')) return Number(entry);
  }
  return undefined;
}
