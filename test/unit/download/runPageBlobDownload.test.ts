import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile, open, access, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPageBlobDownload } from '../../../src/core/download/runPageBlobDownload.ts';
import { DownloadError } from '../../../src/core/download/downloadError.ts';
import type { DownloadManifest } from '../../../src/core/download/downloadManifest.ts';
import type { DownloadProgress } from '../../../src/core/download/downloadProgress.ts';
import { fakePageBlobSource, makeFakeVhd } from './fakePageBlobSource.ts';

const MiB = 1024 * 1024;
const written = [{ offset: 0, count: 64 * 1024 }, { offset: 3 * MiB, count: 10 * MiB }, { offset: 40 * MiB, count: 4096 }, { offset: 50 * MiB, count: 9 * MiB }];
const blob = makeFakeVhd(64 * MiB, written);
const plan = { targetRequestBytes: MiB }; // many small requests so a test can stop half-way

async function scratch(t: { after(fn: () => Promise<void>): void }) {
  const dir = await mkdtemp(join(tmpdir(), 'dl-unit-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'disk.vhd');
}
const exists = (p: string) => access(p).then(() => true, () => false);

test('a fresh download writes the blob bytes, leaves holes unallocated, writes a manifest and nothing else', async (t) => {
  const dest = await scratch(t);
  const { source } = fakePageBlobSource(blob);
  const events: DownloadProgress[] = [];
  const result = await runPageBlobDownload({ source, destinationPath: dest, plan, onProgress: (p) => events.push(p) });
  assert.deepEqual(await readFile(dest), blob.bytes);
  const st = await stat(dest);
  assert.ok(st.blocks * 512 < 22 * MiB, `allocated ${st.blocks * 512} for ~19 MiB of data`);
  assert.equal(result.bytesSkipped + result.bytesFetched, blob.bytes.length);
  assert.equal(result.resumed, false);
  assert.deepEqual(result.vhdFooterFindings, []);
  assert.equal(await exists(`${dest}.partial`), false);
  assert.equal(await exists(`${dest}.partial.journal`), false);
  const manifest = JSON.parse(await readFile(result.manifestPath, 'utf8')) as DownloadManifest;
  assert.equal(manifest.sourceId, source.sourceId);
  assert.equal(manifest.ranges.length, result.requestCount);
  assert.equal(manifest.blobSize, blob.bytes.length);
  assert.deepEqual(events.map((e) => e.phase).filter((p, i, a) => a.indexOf(p) === i), ['downloading', 'verifying', 'finishing', 'done']);
  assert.equal(events.at(-1)!.bytesDone, events.at(-1)!.bytesToFetch);
});

test('a failed run leaves .partial and journal; the next run resumes, fetching only what is missing', async (t) => {
  const dest = await scratch(t);
  const first = fakePageBlobSource(blob, { failAfterRanges: 8 });
  await assert.rejects(runPageBlobDownload({ source: first.source, destinationPath: dest, plan, concurrency: { initial: 2, max: 2 } }), (e: DownloadError) => e.code === 'transferFailed');
  assert.equal(await exists(dest), false, 'never a file under the final name');
  assert.equal(await exists(`${dest}.partial`), true);
  assert.equal(await exists(`${dest}.partial.journal`), true);

  const second = fakePageBlobSource(blob);
  const result = await runPageBlobDownload({ source: second.source, destinationPath: dest, plan });
  assert.equal(result.resumed, true);
  assert.ok(result.bytesResumed > 7 * MiB, `resumed ${result.bytesResumed}`); // 64 KiB + 7 pieces of ~1 MiB
  assert.equal(second.served.length, result.requestCount - 8);
  assert.deepEqual(await readFile(dest), blob.bytes);
});

test('cancelling keeps the partial file and reports cancelled', async (t) => {
  const dest = await scratch(t);
  const controller = new AbortController();
  const { source } = fakePageBlobSource(blob, { onRange: (r) => { if (r.offset > 5 * MiB) controller.abort(); } });
  await assert.rejects(runPageBlobDownload({ source, destinationPath: dest, plan, signal: controller.signal }), (e: DownloadError) => e.code === 'cancelled');
  assert.equal(await exists(dest), false);
  assert.equal(await exists(`${dest}.partial`), true);
});

test('bytes changed in the partial file between runs are caught by verification and fetched again', async (t) => {
  const dest = await scratch(t);
  await assert.rejects(runPageBlobDownload({ source: fakePageBlobSource(blob, { failAfterRanges: 6 }).source, destinationPath: dest, plan, concurrency: { initial: 1, max: 1 } }));
  const partial = await open(`${dest}.partial`, 'r+');
  await partial.write(Buffer.from('tampered'), 0, 8, 3 * MiB + 100); // inside a journaled range
  await partial.write(Buffer.from('X'), 0, 1, 100); // and in the very first one
  await partial.close();
  const result = await runPageBlobDownload({ source: fakePageBlobSource(blob).source, destinationPath: dest, plan });
  assert.equal(result.rangesRefetched, 2);
  assert.deepEqual(await readFile(dest), blob.bytes);
});

test('a torn journal tail is cut off and the download still resumes', async (t) => {
  const dest = await scratch(t);
  await assert.rejects(runPageBlobDownload({ source: fakePageBlobSource(blob, { failAfterRanges: 5 }).source, destinationPath: dest, plan, concurrency: { initial: 1, max: 1 } }));
  await appendFile(`${dest}.partial.journal`, '{"o":123,"n":4');
  const result = await runPageBlobDownload({ source: fakePageBlobSource(blob).source, destinationPath: dest, plan });
  assert.equal(result.resumed, true);
  assert.ok(result.bytesResumed > 0);
  assert.deepEqual(await readFile(dest), blob.bytes);
});

test('a journal from another version of the blob is not trusted: start over', async (t) => {
  const dest = await scratch(t);
  await assert.rejects(runPageBlobDownload({ source: fakePageBlobSource(blob, { failAfterRanges: 5, etag: '"old"' }).source, destinationPath: dest, plan }));
  const result = await runPageBlobDownload({ source: fakePageBlobSource(blob, { etag: '"new"' }).source, destinationPath: dest, plan });
  assert.equal(result.resumed, false);
  assert.equal(result.bytesResumed, 0);
  assert.deepEqual(await readFile(dest), blob.bytes);
});

test('a blob without a valid VHD footer is not completed', async (t) => {
  const dest = await scratch(t);
  const broken = { bytes: Buffer.from(blob.bytes), pageRanges: blob.pageRanges };
  broken.bytes[broken.bytes.length - 100] ^= 1; // damage the footer
  await assert.rejects(runPageBlobDownload({ source: fakePageBlobSource(broken).source, destinationPath: dest, plan }), (e: DownloadError) => e.code === 'vhdFooterInvalid' && /checksum/.test(e.message));
  assert.equal(await exists(dest), false);
  // …unless the caller downloads something that is not meant to be a VHD.
  const result = await runPageBlobDownload({ source: fakePageBlobSource(broken).source, destinationPath: dest, plan, requireVhdFooter: false });
  assert.deepEqual(result.vhdFooterFindings.map((f) => f.rule), ['vhdFooter.checksum']);
});

test('an existing destination is not overwritten unless asked', async (t) => {
  const dest = await scratch(t);
  await writeFile(dest, 'keep me');
  await assert.rejects(runPageBlobDownload({ source: fakePageBlobSource(blob).source, destinationPath: dest }), (e: DownloadError) => e.code === 'destinationExists');
  assert.equal(await readFile(dest, 'utf8'), 'keep me');
  await runPageBlobDownload({ source: fakePageBlobSource(blob).source, destinationPath: dest, overwrite: true });
  assert.deepEqual(await readFile(dest), blob.bytes);
});
