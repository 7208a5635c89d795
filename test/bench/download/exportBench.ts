// `npm run bench:export`: the issue-4 download targets, measured in one run against one Azurite (disk store):
//   (a) an 8 GiB page blob with ~10 % written in scattered ranges, (b) a fully written 1 GiB blob.
// For each: median wall time of our engine and of AzCopy (each a child process, same blob), their ratio, the raw
// parallel-GET ceiling of the same server, allocated size (du) vs written bytes, and verification's share of our time,
// each against its target. Figures are printed, never asserted. BENCH_RUNS=n changes the runs per tool (default 3);
// BENCH_ONLY=sparse|full runs one of the two blobs (quicker while iterating).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from '../../azure-local/azurite.ts';
import { runDownloadBenchmark, type DownloadBenchmarkFigures } from './downloadBench.ts';
import { scatteredRanges } from './scatteredRanges.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const TARGET = { vsCeiling: 1.2, allocatedVsWritten: 1.01, verifyShare: 0.1 };

function report(title: string, f: DownloadBenchmarkFigures): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  const check = (ok: boolean) => (ok ? 'OK' : 'MISSED');
  const p = f.engine.medianPhaseMs;
  console.log(`\n== ${title}: blob ${mb(f.blobBytes)}, written ${mb(f.writtenBytes)}, ${f.runs} runs per tool, interleaved`);
  console.log(`raw parallel-GET ceiling (median): ${s(f.rawCeilingMs)} wall, ${s(f.rawCeilingInProcessMs)} in-process`);
  console.log(`engine (bundled CLI): median ${s(f.engine.medianWallMs)} wall [${f.engine.wallMs.map(s).join(', ')}], ${s(f.engine.medianInProcessMs)} in-process, peak RSS ${f.engine.peakRssBytes ? mb(f.engine.peakRssBytes) : '?'}, peak in flight ${f.engine.peakInFlight.join('/')}`);
  const cpu = (ms: number | undefined) => (ms === undefined ? '?' : s(ms));
  console.log(`CPU time (median; client process / Azurite meanwhile): ceiling ${cpu(f.rawCeilingCpuMs)} / ${cpu(f.rawCeilingServerCpuMs)}, engine ${cpu(f.engine.medianCpuMs)} / ${cpu(f.engine.medianServerCpuMs)}${f.azcopy && !f.azcopy.error ? `, azcopy ${cpu(f.azcopy.medianCpuMs)} / ${cpu(f.azcopy.medianServerCpuMs)}` : ''}  (${os.cpus().length} cores: client and server share them)`);
  console.log(`engine phases (median): planning ${s(p.planning)}, fetching ${s(p.fetching)}, verifying (tail after the last byte) ${s(p.verifying)}, finishing ${s(p.finishing)}`);
  if (f.azcopy && !f.azcopy.error) {
    console.log(`azcopy: median ${s(f.azcopy.medianWallMs)} wall [${f.azcopy.wallMs.map(s).join(', ')}], peak RSS ${f.azcopy.peakRssBytes ? mb(f.azcopy.peakRssBytes) : '?'}`);
    console.log(`time engine/azcopy: ${f.engineVsAzcopyTime!.toFixed(3)}x (AzCopy takes ${(1 / f.engineVsAzcopyTime!).toFixed(1)}x our time); same bytes: ${f.sameBytes}`);
  } else {
    console.log(`azcopy: could not run: ${f.azcopy?.error ?? 'not installed'}`);
  }
  console.log(`time engine/ceiling: ${f.engineVsCeilingTime.toFixed(2)}x wall, ${f.engineVsCeilingInProcess.toFixed(2)}x in-process  [target <= ${TARGET.vsCeiling}x: ${check(f.engineVsCeilingTime <= TARGET.vsCeiling)} wall, ${check(f.engineVsCeilingInProcess <= TARGET.vsCeiling)} in-process]`);
  console.log(`allocated (du): engine ${mb(f.engine.allocatedBytes)} = ${f.engineAllocatedVsWritten.toFixed(3)}x written${f.azcopy && !f.azcopy.error ? `, azcopy ${mb(f.azcopy.allocatedBytes)} = ${(f.azcopy.allocatedBytes / f.writtenBytes).toFixed(2)}x` : ''}  [target <= ${TARGET.allocatedVsWritten}x: ${check(f.engineAllocatedVsWritten <= TARGET.allocatedVsWritten)}]`);
  console.log(`verification: ${s(f.engine.medianInProcessMs)} in-process with it, ${s(f.engine.medianInProcessNoVerifyMs)} without = +${(f.verificationOverhead * 100).toFixed(1)} %  [target <= ${TARGET.verifyShare * 100} %: ${check(f.verificationOverhead <= TARGET.verifyShare)}]`);
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const scratch = await mkdtemp(join(tmpdir(), 'export-bench-'));
await mkdir(join(scratch, 'azurite'));
const azurite = await startAzurite({ location: join(scratch, 'azurite') });
const started = performance.now();
try {
  const only = process.env.BENCH_ONLY;
  if (only !== 'full') {
    const sparse = await runDownloadBenchmark({ azurite, blobName: 'sparse-8g', diskBytes: 8 * GiB, written: scatteredRanges(8 * GiB, 0.1), runs, writtenRuns: 0, runBytes: 0 });
    report('(a) 8 GiB page blob, ~10 % written in scattered ranges', sparse);
  }
  if (only !== 'sparse') {
    const full = await runDownloadBenchmark({ azurite, blobName: 'full-1g', diskBytes: GiB, written: [{ offset: 0, count: GiB }], runs, writtenRuns: 0, runBytes: 0 });
    report('(b) 1 GiB page blob, fully written', full);
  }
} finally {
  await azurite.stop();
  await rm(scratch, { recursive: true, force: true });
  console.log(`\nbench:export took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
