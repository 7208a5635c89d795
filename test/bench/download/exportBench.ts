// `npm run bench:export`: the issue-4 download targets, measured in one run against one Azurite (disk store):
//   (a) an 8 GiB page blob with ~10 % written in scattered ranges, (b) a fully written 1 GiB blob.
// For each: median wall time of our engine and of AzCopy (each a child process, same blob), their ratio, the raw
// parallel-GET ceiling of the same server, allocated size (du) vs written bytes, and verification's share of our time,
// each against its target. Figures are printed, never asserted. BENCH_RUNS=n changes the runs per tool (default 3).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from '../../azure-local/azurite.ts';
import type { ByteRange } from '../../../src/core/download/byteRange.ts';
import { runDownloadBenchmark, type DownloadBenchmarkFigures } from './downloadBench.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const TARGET = { vsCeiling: 1.2, allocatedVsWritten: 1.01, verifyShare: 0.1 };

/** Runs of 256 KiB … 4 MiB at pseudo-random page-aligned places (seeded: the same blob every run) until `fraction` is written. */
export function scatteredRanges(diskBytes: number, fraction: number, seed = 42): ByteRange[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const slots = diskBytes / (4 * MiB);
  const chosen = new Set<number>();
  const ranges: ByteRange[] = [];
  let total = 0;
  while (total < diskBytes * fraction) {
    const slot = Math.floor(random() * slots);
    if (chosen.has(slot)) continue;
    chosen.add(slot);
    const count = Math.min((1 + Math.floor(random() * 16)) * 256 * 1024, 4 * MiB);
    const offset = slot * 4 * MiB + Math.floor((random() * (4 * MiB - count)) / 512) * 512;
    ranges.push({ offset, count });
    total += count;
  }
  return ranges.sort((a, b) => a.offset - b.offset);
}

function report(title: string, f: DownloadBenchmarkFigures): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  const check = (ok: boolean) => (ok ? 'OK' : 'MISSED');
  const engineVsCeilingInProcess = f.engine.medianInProcessMs / f.rawCeilingMs;
  const verifyShare = f.engine.medianVerifyMs / f.engine.medianInProcessMs;
  console.log(`\n== ${title}: blob ${mb(f.blobBytes)}, written ${mb(f.writtenBytes)}, ${f.runs} runs per tool`);
  console.log(`raw parallel-GET ceiling (median): ${s(f.rawCeilingMs)}`);
  console.log(`engine: median ${s(f.engine.medianWallMs)} wall [${f.engine.wallMs.map(s).join(', ')}], ${s(f.engine.medianInProcessMs)} in-process, peak RSS ${f.engine.peakRssBytes ? mb(f.engine.peakRssBytes) : '?'}`);
  if (f.azcopy && !f.azcopy.error) {
    console.log(`azcopy: median ${s(f.azcopy.medianWallMs)} wall [${f.azcopy.wallMs.map(s).join(', ')}], peak RSS ${f.azcopy.peakRssBytes ? mb(f.azcopy.peakRssBytes) : '?'}`);
    console.log(`time engine/azcopy: ${f.engineVsAzcopyTime!.toFixed(3)}x (AzCopy takes ${(1 / f.engineVsAzcopyTime!).toFixed(1)}x our time); same bytes: ${f.sameBytes}`);
  } else {
    console.log(`azcopy: could not run: ${f.azcopy?.error ?? 'not installed'}`);
  }
  console.log(`time engine/ceiling: ${f.engineVsCeilingTime.toFixed(2)}x wall (Node start included), ${engineVsCeilingInProcess.toFixed(2)}x in-process  [target <= ${TARGET.vsCeiling}x: ${check(f.engineVsCeilingTime <= TARGET.vsCeiling)} wall, ${check(engineVsCeilingInProcess <= TARGET.vsCeiling)} in-process]`);
  console.log(`allocated (du): engine ${mb(f.engine.allocatedBytes)} = ${f.engineAllocatedVsWritten.toFixed(3)}x written${f.azcopy && !f.azcopy.error ? `, azcopy ${mb(f.azcopy.allocatedBytes)} = ${(f.azcopy.allocatedBytes / f.writtenBytes).toFixed(2)}x` : ''}  [target <= ${TARGET.allocatedVsWritten}x: ${check(f.engineAllocatedVsWritten <= TARGET.allocatedVsWritten)}]`);
  console.log(`verification: ${s(f.engine.medianVerifyMs)} = ${(verifyShare * 100).toFixed(1)} % of our in-process time  [target <= ${TARGET.verifyShare * 100} %: ${check(verifyShare <= TARGET.verifyShare)}]`);
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const scratch = await mkdtemp(join(tmpdir(), 'export-bench-'));
await mkdir(join(scratch, 'azurite'));
const azurite = await startAzurite({ location: join(scratch, 'azurite') });
const started = performance.now();
try {
  const sparse = await runDownloadBenchmark({ azurite, blobName: 'sparse-8g', diskBytes: 8 * GiB, written: scatteredRanges(8 * GiB, 0.1), runs, writtenRuns: 0, runBytes: 0 });
  report('(a) 8 GiB page blob, ~10 % written in scattered ranges', sparse);
  const full = await runDownloadBenchmark({ azurite, blobName: 'full-1g', diskBytes: GiB, written: [{ offset: 0, count: GiB }], runs, writtenRuns: 0, runBytes: 0 });
  report('(b) 1 GiB page blob, fully written', full);
} finally {
  await azurite.stop();
  await rm(scratch, { recursive: true, force: true });
  console.log(`\nbench:export took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
