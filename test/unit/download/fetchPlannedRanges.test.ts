import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchPlannedRanges } from '../../../src/core/download/fetchPlannedRanges.ts';
import type { PageBlobSource } from '../../../src/core/download/pageBlobSource.ts';
import { planPageRangeDownload } from '../../../src/core/download/planPageRangeDownload.ts';

const MiB = 1024 * 1024;

/** A source whose range reads wait until released, so a test sees how many the engine keeps in flight. */
function gatedSource() {
  const waiting: Array<() => void> = [];
  const source: PageBlobSource = {
    sourceId: 'https://fake/disks/gated',
    async getProperties() { return { size: 64 * MiB }; },
    async listPageRanges() { return []; },
    async readRange(range, receive, { signal }) {
      await new Promise<void>((resolve, reject) => {
        waiting.push(resolve);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      await receive(Buffer.alloc(range.count, 1));
    },
  };
  return { source, waiting, releaseAll: () => { while (waiting.length) waiting.shift()!(); } };
}

async function tempFile(t: { after(fn: () => Promise<void>): void }) {
  const dir = await mkdtemp(join(tmpdir(), 'fetch-unit-'));
  const file = await open(join(dir, 'f'), 'w+');
  t.after(async () => { await file.close(); await rm(dir, { recursive: true, force: true }); });
  return file;
}

const plan = planPageRangeDownload(64 * MiB, [{ offset: 0, count: 64 * MiB }], { targetRequestBytes: MiB, mergeGapBytes: 0 });

test('starts with 8 requests in flight by default (what a plain parallel downloader uses)', async (t) => {
  const file = await tempFile(t);
  const gated = gatedSource();
  const stop = new AbortController();
  t.after(() => stop.abort());
  const running = fetchPlannedRanges({ source: gated.source, file, requests: plan.requests, signal: stop.signal, windowMs: 60_000 });
  running.catch(() => undefined);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(gated.waiting.length, 8);
  const release = setInterval(gated.releaseAll, 5);
  await running;
  clearInterval(release);
});

test('when the limit rises, the new slots fill at once instead of waiting for a request to finish', async (t) => {
  const file = await tempFile(t);
  const gated = gatedSource();
  const limits: number[] = [];
  const stop = new AbortController();
  t.after(() => stop.abort());
  const running = fetchPlannedRanges({
    source: gated.source, file, requests: plan.requests, signal: stop.signal,
    concurrency: { initial: 2, max: 8 }, windowMs: 15, onConcurrency: (s) => limits.push(s.limit),
  });
  running.catch(() => undefined);
  // No request finishes during this wait: the first window doubles the limit (nothing measured yet).
  await new Promise((r) => setTimeout(r, 60));
  assert.ok(limits.length > 0 && limits[0] === 4, `limits ${limits}`);
  assert.ok(gated.waiting.length >= 4, `${gated.waiting.length} in flight after the limit rose to ${limits.at(-1)}`);
  const release = setInterval(gated.releaseAll, 5);
  const result = await running;
  clearInterval(release);
  assert.equal(result.hashesByIndex.size, plan.requests.length);
});

test('each finished range is reported with the bytes written, so verification and syncing can follow it', async (t) => {
  const file = await tempFile(t);
  const gated = gatedSource();
  const done: Array<[number, number]> = [];
  const release = setInterval(gated.releaseAll, 2);
  await fetchPlannedRanges({
    source: gated.source, file, requests: plan.requests.slice(0, 3), signal: new AbortController().signal,
    onRangeDone: (request, sha256, written) => { assert.match(sha256, /^[0-9a-f]{64}$/); done.push([request.index, written]); },
  });
  clearInterval(release);
  assert.deepEqual(done.sort((a, b) => a[0] - b[0]), [[0, MiB], [1, MiB], [2, MiB]]);
});
