// `npm run bench`: the figures the issues set targets for, each beside its peer measured in the same run.
//   bundle size (target: extension bundle ≤ 1.5 MB), activation (≤ 50 ms, SDKs lazily loaded),
//   listing 20 subscriptions × 500 resources with 100 ms per ARM call (≤ 1.5 s) vs one call after another,
//   disk download: our engine vs AzCopy on the same sparse blob,
//   image template validation per keystroke on a large template (≤ 10 ms).
// Figures are printed, never asserted: speed targets live here, not in timed unit tests.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { runDownloadBenchmark } from './download/downloadBench.ts';
import { runListingBenchmark } from './listingBench.ts';
import { runTemplateValidationBenchmark } from './templateValidationBench.ts';

const root = join(import.meta.dirname, '../..');
const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function section(title: string) {
  console.log(`\n== ${title}`);
}

if (wanted('bundle') || wanted('activation')) {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
}

if (wanted('bundle')) {
  section('Bundle size (production build)');
  const files = ['dist/extension.cjs', 'dist/azure-sdk.cjs', 'dist/webview.js'];
  const sizes = files.map((f) => ({ f, bytes: statSync(join(root, f)).size }));
  for (const { f, bytes } of sizes) console.log(`${f.padEnd(22)} ${kib(bytes).padStart(9)}`);
  const extension = sizes[0].bytes;
  const total = sizes.reduce((s, x) => s + x.bytes, 0);
  console.log(`extension bundle (loaded at activation): ${kib(extension)} — ${verdict(extension <= 1.5 * 1024 * 1024)} (≤ 1.5 MB)`);
  console.log(`all JavaScript shipped: ${kib(total)} — ${verdict(total <= 1.5 * 1024 * 1024)} (≤ 1.5 MB)`);
}

if (wanted('activation')) {
  section('Activation (require + activate, fresh process each, vscode stubbed)');
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const r = spawnSync(process.execPath, [join(root, 'test/bench/measureActivation.ts')], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(JSON.parse(r.stdout.trim()).totalMs);
  }
  const m = median(runs);
  console.log(`median ${m.toFixed(1)} ms over ${runs.length} runs (${runs.map((x) => x.toFixed(1)).join(', ')}) — ${verdict(m <= 50)} (≤ 50 ms)`);
}

if (wanted('listing')) {
  section('Listing 20 subscriptions × 500 resources, 100 ms added to every ARM call');
  const f = await runListingBenchmark();
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`resources listed: ${f.resources} in ${f.subscriptions} subscriptions (pages of 100), VMs with backup protection`);
  console.log(`ours, what Refresh does, cold (first in the process, SDKs loading): ${s(f.coldMs)} — ${verdict(f.coldMs <= 1500)} (≤ 1.5 s)`);
  console.log(`ours, warm (SDKs preloaded), median of ${f.warmMs.length}: ${s(f.warmMedianMs)} (${f.warmMs.map(s).join(', ')}) — ${verdict(f.warmMedianMs <= 1500)} (≤ 1.5 s)`);
  console.log(`one call after another (same calls, same run): ${s(f.sequentialMs)}`);
  console.log(`speed-up: ${(f.sequentialMs / f.warmMedianMs).toFixed(1)}× warm, ${(f.sequentialMs / f.coldMs).toFixed(1)}× cold`);
}

if (wanted('validation')) {
  section('Image template validation per keystroke (schema + every rule, whole text)');
  const f = runTemplateValidationBenchmark();
  console.log(`template ${(f.templateBytes / 1024).toFixed(0)} KiB, ${f.customizers} customizers, ${f.distributeTargets} targets, ${f.keystrokes} keystrokes`);
  console.log(`median ${f.medianMs.toFixed(2)} ms, p95 ${f.p95Ms.toFixed(2)} ms — ${verdict(f.medianMs <= 10)} (≤ 10 ms)`);
}

if (wanted('download')) {
  section('Disk download: our engine vs AzCopy (same sparse blob in Azurite, same run)');
  const f = await runDownloadBenchmark();
  const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
  console.log(`blob ${mb(f.blobBytes)}, written ${mb(f.writtenBytes)}, ${f.runs} runs each (median)`);
  console.log(`ours:   ${(f.engine.medianWallMs / 1000).toFixed(2)} s, ${f.engine.effectiveMBps.toFixed(0)} MB/s, peak RSS ${f.engine.peakRssBytes ? mb(f.engine.peakRssBytes) : '?'}, on disk ${mb(f.engine.allocatedBytes)}`);
  if (f.azcopy && !f.azcopy.error) {
    console.log(`AzCopy: ${(f.azcopy.medianWallMs / 1000).toFixed(2)} s, ${f.azcopy.effectiveMBps.toFixed(0)} MB/s, peak RSS ${f.azcopy.peakRssBytes ? mb(f.azcopy.peakRssBytes) : '?'}, on disk ${mb(f.azcopy.allocatedBytes)}`);
    console.log(`ours vs AzCopy: ${f.engineVsAzcopyTime?.toFixed(2)}× the time (< 1 is faster); same bytes: ${f.sameBytes}`);
  } else {
    console.log(`AzCopy could not run: ${f.azcopy?.error ?? 'not installed'}`);
  }
  console.log(`raw parallel-GET ceiling: ${(f.rawCeilingMs / 1000).toFixed(2)} s; ours is ${f.engineVsCeilingTime.toFixed(2)}× the ceiling`);
}
