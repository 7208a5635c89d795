import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackgroundDataSync } from '../../../src/core/download/backgroundDataSync.ts';
import { BackgroundRangeVerifier } from '../../../src/core/download/backgroundRangeVerifier.ts';
import { RangeFileWriter } from '../../../src/core/download/rangeFileWriter.ts';
import { StageBufferPool } from '../../../src/core/download/stageBufferPool.ts';

const MiB = 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function tempFile(t: { after(fn: () => Promise<void>): void }) {
  const dir = await mkdtemp(join(tmpdir(), 'bg-unit-'));
  const path = join(dir, 'f');
  const file = await open(path, 'w+');
  t.after(async () => { await file.close().catch(() => undefined); await rm(dir, { recursive: true, force: true }); });
  return { file, path };
}

test('the writer puts odd-sized chunks at their place through a reused stage buffer, skipping zero blocks', async (t) => {
  const { file, path } = await tempFile(t);
  await file.truncate(8 * MiB);
  const data = Buffer.alloc(3 * MiB + 1000);
  for (let i = 0; i < data.length; i++) data[i] = (i % 251) + 1;
  data.fill(0, MiB, 2 * MiB + 4096); // a zero stretch straddling the stage boundary
  const range = { offset: 4096, count: data.length };
  const pool = new StageBufferPool();
  const writer = new RangeFileWriter(file, range, { pool });
  for (let at = 0; at < data.length; at += 100_003) await writer.receive(data.subarray(at, Math.min(data.length, at + 100_003)));
  assert.equal(await writer.finish(), sha(data));
  assert.equal(writer.crc32, crc32(data), 'the CRC-32 the read-back check compares with');
  const onDisk = await readFile(path);
  assert.deepEqual(onDisk.subarray(4096, 4096 + data.length), data);
  assert.ok(writer.bytesWritten <= data.length - MiB, `zero blocks skipped: wrote ${writer.bytesWritten}`);
  assert.ok((await stat(path)).blocks * 512 < data.length - MiB + 64 * 1024);
  // The stage went back to the pool: the next range reuses it rather than allocating.
  const reused = pool.take();
  assert.equal(reused.length, MiB);
});

test('background verification checks ranges as they come: by CRC-32 of what was received, or by a journaled SHA-256', async (t) => {
  const { file } = await tempFile(t);
  const a = Buffer.alloc(MiB, 3);
  const b = Buffer.alloc(2 * MiB + 512, 9);
  await file.write(a, 0, a.length, 0);
  await file.write(b, 0, b.length, 5 * MiB);
  const verifier = new BackgroundRangeVerifier(file, new AbortController().signal);
  verifier.add({ index: 0, offset: 0, count: a.length }, { crc32: crc32(a) });
  verifier.add({ index: 1, offset: 5 * MiB, count: b.length }, { sha256: sha(b) });
  assert.deepEqual([...await verifier.mismatches()], []);
  // What was received differs from what is in the file (a lost or damaged write): reported, either way.
  verifier.add({ index: 2, offset: 0, count: a.length }, { crc32: crc32(b.subarray(0, a.length)) });
  verifier.add({ index: 3, offset: 5 * MiB, count: 10 }, { sha256: sha(a.subarray(0, 10)) });
  assert.deepEqual([...await verifier.mismatches()].sort(), [2, 3]);
});

test('background verification stops when asked (the file is about to close) and cancels with the download', async (t) => {
  const { file } = await tempFile(t);
  await file.truncate(64 * MiB);
  const controller = new AbortController();
  const verifier = new BackgroundRangeVerifier(file, controller.signal);
  for (let i = 0; i < 16; i++) verifier.add({ index: i, offset: i * 4 * MiB, count: 4 * MiB }, { crc32: 0 });
  controller.abort();
  await assert.rejects(verifier.mismatches(), { code: 'cancelled' });
  await verifier.stop();
});

function fakeSyncFile(fail?: NodeJS.ErrnoException) {
  let calls = 0;
  const file = { datasync: async () => { calls++; await new Promise((r) => setTimeout(r, 5)); if (fail) throw fail; } } as unknown as FileHandle;
  return { file, calls: () => calls };
}

test('data is flushed in the background every so many bytes, one sync at a time', async () => {
  const fake = fakeSyncFile();
  const sync = new BackgroundDataSync(fake.file, 256 * MiB);
  sync.noteWritten(100 * MiB);
  sync.noteWritten(100 * MiB);
  assert.equal(fake.calls(), 0);
  sync.noteWritten(100 * MiB);
  assert.equal(fake.calls(), 1);
  sync.noteWritten(300 * MiB); // while the first still runs: no second one at once
  assert.equal(fake.calls(), 1);
  await sync.settle();
  sync.noteWritten(256 * MiB);
  assert.equal(fake.calls(), 2);
  await sync.settle();
});

test('a background sync that hits a full disk is reported when the engine settles', async () => {
  const fake = fakeSyncFile(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
  const sync = new BackgroundDataSync(fake.file, MiB);
  sync.noteWritten(MiB);
  await assert.rejects(sync.settle(), { code: 'ENOSPC' });
  await sync.stop();
});
