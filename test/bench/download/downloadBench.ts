// Benchmark: our download engine vs AzCopy on the same sparse page blob in the same Azurite (disk store), plus
// the raw ceiling (parallel GETs of the written ranges into memory, nothing written). Both tools run as child
// processes and are measured the same way: median wall time of a few runs, MB/s of disk size, peak RSS, and
// the allocated size of the output (what `du` shows).
// Runnable alone: node test/bench/download/downloadBench.ts
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, mkdtemp, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAzurite, type RunningAzurite } from '../../azure-local/azurite.ts';
import type { ByteRange } from '../../../src/core/download/byteRange.ts';
import { createSparseVhdBlob, spreadRanges } from '../../integration/download/pageBlobFixture.ts';
import { planPageRangeDownload } from '../../../src/core/download/planPageRangeDownload.ts';
import { createPageBlobSource } from '../../../src/azure/storage/createPageBlobSource.ts';
import { measureProcess, type ProcessFigures } from './measureProcess.ts';

export interface ToolFigures {
  medianWallMs: number;
  wallMs: number[];
  /** Blob size / wall time: the speed the user perceives for "a disk of this size". */
  effectiveMBps: number;
  peakRssBytes?: number;
  allocatedBytes: number;
}

export interface DownloadBenchmarkFigures {
  blobBytes: number;
  writtenBytes: number;
  runs: number;
  rawCeilingMs: number;
  engine: ToolFigures & { medianInProcessMs: number; medianVerifyMs: number };
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
    const ceilingRuns: number[] = [];
    for (let i = 0; i < options.runs; i++) ceilingRuns.push(await measureRawCeiling(sasUrl));
    const rawCeilingMs = median(ceilingRuns);

    const engineRuns: ProcessFigures[] = [];
    const engineOut = join(scratch, 'engine.vhd');
    for (let i = 0; i < options.runs; i++) {
      await rm(engineOut, { force: true });
      const run = await measureProcess(process.execPath, [join(here, 'runEngineOnce.ts'), engineOut], { ...process.env, BENCH_SAS_URL: sasUrl });
      if (run.exitCode !== 0) throw new Error(`engine run failed: ${run.stderr.slice(0, 500)}`);
      engineRuns.push(run);
    }
    const reports = engineRuns.map((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { elapsedMs: number; phaseMs: { verifying: number } });
    const engine = {
      ...figures(engineRuns, blob.blobSize, (await stat(engineOut)).blocks * 512),
      // Inside the process: without Node's start and module loading, which the wall time includes.
      medianInProcessMs: median(reports.map((r) => r.elapsedMs)),
      medianVerifyMs: median(reports.map((r) => r.phaseMs.verifying)),
    };

    let azcopy: DownloadBenchmarkFigures['azcopy'];
    let sameBytes: boolean | undefined;
    const azcopyOut = join(scratch, 'azcopy.vhd');
    const env = { ...process.env, AZCOPY_LOG_LOCATION: join(scratch, 'azlogs'), AZCOPY_JOB_PLAN_LOCATION: join(scratch, 'azplans'), AZCOPY_DISABLE_SYSLOG: 'true' };
    const azRuns: ProcessFigures[] = [];
    const azcopyBinary = await executableAzcopy(scratch).catch(() => packagedAzcopy);
    for (let i = 0; i < options.runs; i++) {
      await rm(azcopyOut, { force: true });
      const run = await measureProcess(azcopyBinary, ['copy', sasUrl, azcopyOut, '--from-to', 'BlobLocal', '--log-level', 'ERROR'], env);
      if (run.exitCode !== 0) {
        azcopy = { medianWallMs: NaN, wallMs: [], effectiveMBps: NaN, allocatedBytes: NaN, error: (run.stdout + run.stderr).replace(/sig=[^&\s"]+/g, 'sig=<redacted>').slice(-400) };
        break;
      }
      azRuns.push(run);
    }
    if (!azcopy) {
      azcopy = figures(azRuns, blob.blobSize, (await stat(azcopyOut)).blocks * 512);
      sameBytes = (await sha256File(engineOut)) === (await sha256File(azcopyOut));
    }
    await unlink(azcopyOut).catch(() => undefined);
    await blob.container.getPageBlobClient(blob.blobName).delete().catch(() => undefined);
    return {
      blobBytes: blob.blobSize,
      writtenBytes: blob.writtenBytes,
      runs: options.runs,
      rawCeilingMs,
      engine,
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

/** Parallel GETs (8 in flight) of the planned requests, bodies discarded: what the server can give at best. */
async function measureRawCeiling(sasUrl: string): Promise<number> {
  const source = await createPageBlobSource({ sasUrl });
  const signal = new AbortController().signal;
  const { size } = await source.getProperties(signal);
  const started = performance.now();
  const plan = planPageRangeDownload(size, await source.listPageRanges(signal));
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < plan.requests.length) {
      const r = plan.requests[next++];
      const response = await fetch(sasUrl, { headers: { Range: `bytes=${r.offset}-${r.offset + r.count - 1}`, 'x-ms-version': '2025-01-05' } });
      await response.arrayBuffer();
    }
  }));
  return performance.now() - started;
}

function figures(runs: ProcessFigures[], blobBytes: number, allocatedBytes: number): ToolFigures {
  const wallMs = runs.map((r) => r.wallMs);
  const medianWallMs = median(wallMs);
  const peaks = runs.map((r) => r.peakRssBytes).filter((x): x is number => x !== undefined);
  return { medianWallMs, wallMs, effectiveMBps: blobBytes / 1e6 / (medianWallMs / 1000), peakRssBytes: peaks.length ? Math.max(...peaks) : undefined, allocatedBytes };
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
  console.log(`raw parallel-GET ceiling: ${s(f.rawCeilingMs)}`);
  for (const [name, t] of [['engine', f.engine], ['azcopy', f.azcopy]] as const) {
    if (!t) continue;
    if ('error' in t && t.error) { console.log(`${name}: failed: ${t.error}`); continue; }
    console.log(`${name.padEnd(6)}: median ${s(t.medianWallMs)} [${t.wallMs.map(s).join(', ')}], ${t.effectiveMBps.toFixed(0)} MB/s of disk, peak RSS ${mb(t.peakRssBytes)}, allocated ${mb(t.allocatedBytes)}`);
  }
  if (f.engineVsAzcopyTime !== undefined) console.log(`time engine/azcopy: ${f.engineVsAzcopyTime.toFixed(2)}x (azcopy/engine ${(1 / f.engineVsAzcopyTime).toFixed(1)}x)`);
  console.log(`engine in-process ${s(f.engine.medianInProcessMs)} (of which re-read verification ${s(f.engine.medianVerifyMs)}); in-process/raw ceiling ${(f.engine.medianInProcessMs / f.rawCeilingMs).toFixed(2)}x`);
  console.log(`time engine/raw ceiling: ${f.engineVsCeilingTime.toFixed(2)}x; allocated/written: ${f.engineAllocatedVsWritten.toFixed(3)}; same bytes as azcopy: ${f.sameBytes ?? '-'}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printFigures(await runDownloadBenchmark());
}

export function printDownloadFigures(f: DownloadBenchmarkFigures): void {
  printFigures(f);
}
