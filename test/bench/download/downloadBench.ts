// Benchmark: our download engine vs AzCopy on the same sparse page blob in the same Azurite (disk store), plus
// the raw ceiling (parallel GETs of the planned requests, bodies discarded, nothing written). Everything runs as a
// child process and is measured the same way: median wall time of a few runs, MB/s of disk size, peak RSS, and
// the allocated size of the output (what `du` shows). Ours runs as the bundled CLI (as shipped: no TypeScript
// stripping at start), the ceiling as plain JavaScript; both also report their in-process time (from their first
// request), which leaves Node's start out of the comparison. Runs are interleaved (ceiling, ours, ours without
// verification) so a change in machine load hits all of them alike.
// Runnable alone: node test/bench/download/downloadBench.ts
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, mkdtemp, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAzurite, type RunningAzurite } from '../../azure-local/azurite.ts';
import type { ByteRange } from '../../../src/core/download/byteRange.ts';
import { createSparseVhdBlob, spreadRanges } from '../../integration/download/pageBlobFixture.ts';
import { planPageRangeDownload } from '../../../src/core/download/planPageRangeDownload.ts';
import { createPageBlobSource } from '../../../src/azure/storage/createPageBlobSource.ts';
import { findAzuriteProcess, measureProcess, processCpuMs, type ProcessFigures } from './measureProcess.ts';

export interface ToolFigures {
  medianWallMs: number;
  wallMs: number[];
  /** Blob size / wall time: the speed the user perceives for "a disk of this size". */
  effectiveMBps: number;
  peakRssBytes?: number;
  allocatedBytes: number;
  /** Median CPU time of the tool's process (all threads, user + system). */
  medianCpuMs?: number;
  /** Median CPU time Azurite spent while the tool ran: the server's share of the same cores. */
  medianServerCpuMs?: number;
}

export interface PhaseTimes {
  planning: number;
  fetching: number;
  verifying: number;
  finishing: number;
}

export interface DownloadBenchmarkFigures {
  blobBytes: number;
  writtenBytes: number;
  runs: number;
  /** The ceiling's median wall time (its process, start-up included). */
  rawCeilingMs: number;
  rawCeilingInProcessMs: number;
  rawCeilingCpuMs?: number;
  rawCeilingServerCpuMs?: number;
  engine: ToolFigures & {
    medianInProcessMs: number;
    /** Median of each phase over the runs (the tail after the last byte is verifying + finishing). */
    medianPhaseMs: PhaseTimes;
    medianVerifyMs: number;
    /** In-process time of the same engine with verification off (hashes on receipt and manifest kept). */
    medianInProcessNoVerifyMs: number;
    peakInFlight: number[];
  };
  /** In-process time with verification / without, minus one. */
  verificationOverhead: number;
  engineVsCeilingInProcess: number;
  azcopy?: ToolFigures & { error?: string };
  sameBytes?: boolean;
  engineVsAzcopyTime?: number;
  engineVsCeilingTime: number;
  engineAllocatedVsWritten: number;
}

const MiB = 1024 * 1024;
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../../..');
const packagedAzcopy = join(root, 'node_modules/@azure-tools/azcopy-linux/dist/bin/azcopy_linux_amd64');

/**
 * The npm package ships the binary without the execute bit (it has no install script to set it), so a clean
 * `npm ci` cannot run it: use an executable copy in the scratch folder when needed.
 */
async function executableAzcopy(scratch: string): Promise<string> {
  try {
    await access(packagedAzcopy, constants.X_OK);
    return packagedAzcopy;
  } catch {
    const copy = join(scratch, 'azcopy');
    await copyFile(packagedAzcopy, copy);
    await chmod(copy, 0o755);
    return copy;
  }
}

export interface DownloadBenchmarkOptions {
  diskBytes: number;
  /** Written ranges: `writtenRuns` runs of `runBytes` spread evenly, unless `written` lists them. */
  writtenRuns: number;
  runBytes: number;
  written?: ByteRange[];
  runs: number;
  /** An Azurite (disk store) shared by several benchmarks in one run; left running. Default: one of our own. */
  azurite?: RunningAzurite;
  /** Blob name in the `bench` container (distinct names when sharing an Azurite). */
  blobName?: string;
}

const DEFAULT_OPTIONS: DownloadBenchmarkOptions = { diskBytes: 1024 * MiB, writtenRuns: 52, runBytes: 2 * MiB, runs: 3 };

export async function runDownloadBenchmark(overrides: Partial<DownloadBenchmarkOptions> = {}): Promise<DownloadBenchmarkFigures> {
  const options = { ...DEFAULT_OPTIONS, ...overrides };
  const scratch = await mkdtemp(join(tmpdir(), 'dl-bench-'));
  // Disk store (the realistic case) in our scratch folder, so the blob's footprint goes away with it.
  await mkdir(join(scratch, 'azurite'));
  const azurite = options.azurite ?? (await startAzurite({ location: join(scratch, 'azurite') }));
  try {
    const written = options.written ?? spreadRanges(options.diskBytes, options.writtenRuns, options.runBytes);
    const blob = await createSparseVhdBlob(azurite, 'bench', options.blobName ?? 'disk', options.diskBytes, written, false);
    const sasUrl = blob.sasUrl();
    const cli = await bundleCli(scratch);
    // The ceiling fetches exactly the requests our planner makes.
    const planFile = join(scratch, 'plan.json');
    const planningSource = await createPageBlobSource({ sasUrl });
    const signal = new AbortController().signal;
    const plan = planPageRangeDownload((await planningSource.getProperties(signal)).size, await planningSource.listPageRanges(signal));
    await writeFile(planFile, JSON.stringify(plan.requests.map((r) => [r.offset, r.count])));

    const env = { ...process.env, BENCH_SAS_URL: sasUrl, BENCH_PLAN_FILE: planFile };
    // Azurite's CPU during each run: on a 2-core machine the server and the client share the cores.
    const serverPid = await findAzuriteProcess(azurite.location);
    const serverCpu = new Map<ProcessFigures, number>();
    const measure = async (command: string, args: string[], runEnv: NodeJS.ProcessEnv) => {
      const before = serverPid === undefined ? undefined : await processCpuMs(serverPid);
      const run = await measureProcess(command, args, runEnv);
      const after = serverPid === undefined ? undefined : await processCpuMs(serverPid);
      if (before !== undefined && after !== undefined) serverCpu.set(run, after - before);
      return run;
    };
    const ceilingRuns: ProcessFigures[] = [];
    const engineRuns: ProcessFigures[] = [];
    const noVerifyRuns: ProcessFigures[] = [];
    const engineOut = join(scratch, 'engine.vhd');
    const checked = (run: ProcessFigures, what: string) => {
      if (run.exitCode !== 0) throw new Error(`${what} failed: ${(run.stdout + run.stderr).replace(/sig=[^&\s"]+/g, 'sig=<redacted>').slice(-500)}`);
      return run;
    };
    for (let i = 0; i < options.runs; i++) {
      ceilingRuns.push(checked(await measure(process.execPath, [join(here, 'rawCeilingOnce.mjs')], env), 'ceiling'));
      await rm(engineOut, { force: true });
      engineRuns.push(checked(await measure(process.execPath, [cli, 'download', '--sas-url-env', 'BENCH_SAS_URL', engineOut, '--overwrite'], env), 'engine (CLI)'));
      const noVerifyOut = join(scratch, 'engine-noverify.vhd');
      noVerifyRuns.push(checked(await measureProcess(process.execPath, [join(here, 'runEngineOnce.ts'), noVerifyOut], { ...env, BENCH_VERIFY: '0' }), 'engine without verification'));
      await rm(noVerifyOut, { force: true });
      await rm(`${noVerifyOut}.manifest.json`, { force: true });
    }
    const lastJson = <T>(run: ProcessFigures) => JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T;
    const reports = engineRuns.map((r) => lastJson<{ elapsedMs: number; phaseMs: PhaseTimes; peakInFlight: number }>(r));
    const phase = (name: keyof PhaseTimes) => median(reports.map((r) => r.phaseMs[name]));
    const engine = {
      ...figures(engineRuns, blob.blobSize, (await stat(engineOut)).blocks * 512, serverCpu),
      medianInProcessMs: median(reports.map((r) => r.elapsedMs)),
      medianPhaseMs: { planning: phase('planning'), fetching: phase('fetching'), verifying: phase('verifying'), finishing: phase('finishing') },
      medianVerifyMs: phase('verifying'),
      medianInProcessNoVerifyMs: median(noVerifyRuns.map((r) => lastJson<{ elapsedMs: number }>(r).elapsedMs)),
      peakInFlight: reports.map((r) => r.peakInFlight),
    };
    const rawCeilingMs = median(ceilingRuns.map((r) => r.wallMs));
    const rawCeilingInProcessMs = median(ceilingRuns.map((r) => lastJson<{ elapsedMs: number }>(r).elapsedMs));
    const ceilingFigures = figures(ceilingRuns, blob.blobSize, 0, serverCpu);

    let azcopy: DownloadBenchmarkFigures['azcopy'];
    let sameBytes: boolean | undefined;
    const azcopyOut = join(scratch, 'azcopy.vhd');
    const azEnv = { ...process.env, AZCOPY_LOG_LOCATION: join(scratch, 'azlogs'), AZCOPY_JOB_PLAN_LOCATION: join(scratch, 'azplans'), AZCOPY_DISABLE_SYSLOG: 'true' };
    const azRuns: ProcessFigures[] = [];
    const azcopyBinary = await executableAzcopy(scratch).catch(() => packagedAzcopy);
    for (let i = 0; i < options.runs; i++) {
      await rm(azcopyOut, { force: true });
      const run = await measure(azcopyBinary, ['copy', sasUrl, azcopyOut, '--from-to', 'BlobLocal', '--log-level', 'ERROR'], azEnv);
      if (run.exitCode !== 0) {
        azcopy = { medianWallMs: NaN, wallMs: [], effectiveMBps: NaN, allocatedBytes: NaN, error: (run.stdout + run.stderr).replace(/sig=[^&\s"]+/g, 'sig=<redacted>').slice(-400) };
        break;
      }
      azRuns.push(run);
    }
    if (!azcopy) {
      azcopy = figures(azRuns, blob.blobSize, (await stat(azcopyOut)).blocks * 512, serverCpu);
      sameBytes = (await sha256File(engineOut)) === (await sha256File(azcopyOut));
    }
    await unlink(azcopyOut).catch(() => undefined);
    await blob.container.getPageBlobClient(blob.blobName).delete().catch(() => undefined);
    return {
      blobBytes: blob.blobSize,
      writtenBytes: blob.writtenBytes,
      runs: options.runs,
      rawCeilingMs,
      rawCeilingInProcessMs,
      rawCeilingCpuMs: ceilingFigures.medianCpuMs,
      rawCeilingServerCpuMs: ceilingFigures.medianServerCpuMs,
      engine,
      verificationOverhead: engine.medianInProcessMs / engine.medianInProcessNoVerifyMs - 1,
      engineVsCeilingInProcess: engine.medianInProcessMs / rawCeilingInProcessMs,
      azcopy,
      sameBytes,
      engineVsAzcopyTime: azcopy && !azcopy.error ? engine.medianWallMs / azcopy.medianWallMs : undefined,
      engineVsCeilingTime: engine.medianWallMs / rawCeilingMs,
      engineAllocatedVsWritten: engine.allocatedBytes / blob.writtenBytes,
    };
  } finally {
    if (!options.azurite) await azurite.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The CLI bundled as it ships (dist/cli.cjs), built into the scratch folder so a parallel `npm run package` cannot swap it mid-run. */
async function bundleCli(scratch: string): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = join(scratch, 'cli.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'src/cli/downloadCli.ts')], outfile, bundle: true, minify: true, platform: 'node', format: 'cjs',
    target: 'node22', mainFields: ['module', 'main'], logLevel: 'warning', legalComments: 'none',
  });
  return outfile;
}

function figures(runs: ProcessFigures[], blobBytes: number, allocatedBytes: number, serverCpu: Map<ProcessFigures, number>): ToolFigures {
  const wallMs = runs.map((r) => r.wallMs);
  const medianWallMs = median(wallMs);
  const peaks = runs.map((r) => r.peakRssBytes).filter((x): x is number => x !== undefined);
  const cpu = runs.map((r) => r.cpuMs).filter((x): x is number => x !== undefined);
  const server = runs.map((r) => serverCpu.get(r)).filter((x): x is number => x !== undefined);
  return {
    medianWallMs, wallMs, effectiveMBps: blobBytes / 1e6 / (medianWallMs / 1000), peakRssBytes: peaks.length ? Math.max(...peaks) : undefined, allocatedBytes,
    medianCpuMs: cpu.length ? median(cpu) : undefined, medianServerCpuMs: server.length ? median(server) : undefined,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function printFigures(f: DownloadBenchmarkFigures): void {
  const mb = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : `${(n / 1e6).toFixed(1)} MB`);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`blob ${mb(f.blobBytes)}, written ${mb(f.writtenBytes)}, ${f.runs} runs each (Azurite disk store)`);
  console.log(`raw parallel-GET ceiling: ${s(f.rawCeilingMs)} wall, ${s(f.rawCeilingInProcessMs)} in-process`);
  for (const [name, t] of [['engine', f.engine], ['azcopy', f.azcopy]] as const) {
    if (!t) continue;
    if ('error' in t && t.error) { console.log(`${name}: failed: ${t.error}`); continue; }
    console.log(`${name.padEnd(6)}: median ${s(t.medianWallMs)} [${t.wallMs.map(s).join(', ')}], ${t.effectiveMBps.toFixed(0)} MB/s of disk, peak RSS ${mb(t.peakRssBytes)}, allocated ${mb(t.allocatedBytes)}`);
  }
  if (f.engineVsAzcopyTime !== undefined) console.log(`time engine/azcopy: ${f.engineVsAzcopyTime.toFixed(2)}x (azcopy/engine ${(1 / f.engineVsAzcopyTime).toFixed(1)}x)`);
  const p = f.engine.medianPhaseMs;
  console.log(`engine in-process ${s(f.engine.medianInProcessMs)} (planning ${s(p.planning)}, fetching ${s(p.fetching)}, verifying tail ${s(p.verifying)}, finishing ${s(p.finishing)}); in-process/raw ceiling ${f.engineVsCeilingInProcess.toFixed(2)}x`);
  console.log(`verification: ${s(f.engine.medianInProcessMs)} with, ${s(f.engine.medianInProcessNoVerifyMs)} without = +${(f.verificationOverhead * 100).toFixed(1)} %`);
  console.log(`time engine/raw ceiling: ${f.engineVsCeilingTime.toFixed(2)}x wall; allocated/written: ${f.engineAllocatedVsWritten.toFixed(3)}; same bytes as azcopy: ${f.sameBytes ?? '-'}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printFigures(await runDownloadBenchmark());
}

export function printDownloadFigures(f: DownloadBenchmarkFigures): void {
  printFigures(f);
}
