import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgressThrottle, DownloadProgressMeter } from '../../../src/core/download/downloadProgress.ts';

test('progress reports done, skipped, throughput over the window and an ETA', () => {
  const meter = new DownloadProgressMeter({ blobSize: 1000e6, bytesToFetch: 100e6, bytesSkipped: 900e6, bytesResumed: 20e6 }, 0);
  meter.addBytes(10e6, 1000);
  meter.addBytes(10e6, 2000);
  const p = meter.snapshot(2000);
  assert.equal(p.bytesDone, 40e6);
  assert.equal(p.bytesSkipped, 900e6);
  assert.equal(p.bytesPerSecond, 10e6);
  assert.equal(p.etaSeconds, 6);
});

test('throughput forgets samples older than the window', () => {
  const meter = new DownloadProgressMeter({ blobSize: 1, bytesToFetch: 1e9, bytesSkipped: 0, bytesResumed: 0 }, 0);
  meter.addBytes(500e6, 1000); // a fast start…
  for (let t = 2000; t <= 20_000; t += 1000) meter.addBytes(1e6, t); // …then 1 MB/s
  const p = meter.snapshot(20_000);
  assert.ok(p.bytesPerSecond > 0.9e6 && p.bytesPerSecond < 1.3e6, String(p.bytesPerSecond));
});

test('ETA is unknown before any byte and zero when done', () => {
  const meter = new DownloadProgressMeter({ blobSize: 10, bytesToFetch: 10, bytesSkipped: 0, bytesResumed: 0 }, 0);
  assert.equal(meter.snapshot(0).etaSeconds, undefined);
  meter.addBytes(10, 5);
  assert.equal(meter.snapshot(5).etaSeconds, 0);
});

test('the throttle lets one event through per interval, forced ones always', () => {
  const allow = createProgressThrottle(250);
  assert.deepEqual([0, 100, 249, 250, 260, 600].map((t) => allow(t)), [true, false, false, true, false, true]);
  assert.equal(allow(601, true), true);
});
