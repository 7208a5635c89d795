// The last steps of a download (flush to disk, manifest, rename) can fail too, a full disk above all: the user
// must get the disk-full message (free space, run again to resume), not a raw ENOSPC, and no final name.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { access, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DownloadError } from '../../../src/core/download/downloadError.ts';
import { runPageBlobDownload } from '../../../src/core/download/runPageBlobDownload.ts';
import { fakePageBlobSource, makeFakeVhd } from './fakePageBlobSource.ts';

const MiB = 1024 * 1024;
const blob = makeFakeVhd(8 * MiB, [{ offset: 0, count: MiB }]);
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
const exists = (p: string) => access(p).then(() => true, () => false);

async function scratch(t: { after(fn: () => Promise<void>): void }) {
  const dir = await mkdtemp(join(tmpdir(), 'finish-unit-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'disk.vhd');
}

const isDiskFull = (e: unknown) => e instanceof DownloadError && e.code === 'diskFull' && e.message === 'The disk holding the download is full.';

test('a full disk at the final fsync is reported as diskFull; the partial file stays, no final name', async (t) => {
  const dest = await scratch(t);
  const probe = await open(join(tmpdir(), '.'), 'r');
  const fileHandlePrototype = Object.getPrototypeOf(probe);
  await probe.close();
  t.after(() => mock.restoreAll());
  // Only the data file's final sync fails (the journal is synced on creation, before any data).
  const realSync = fileHandlePrototype.sync as () => Promise<void>;
  let syncs = 0;
  mock.method(fileHandlePrototype, 'sync', async function (this: unknown) {
    if (++syncs === 2) throw enospc();
    return realSync.call(this);
  });
  const { source } = fakePageBlobSource(blob);
  await assert.rejects(runPageBlobDownload({ source, destinationPath: dest }), isDiskFull);
  assert.equal(await exists(dest), false);
  assert.equal(await exists(`${dest}.partial`), true);
});

test('a full disk when the journal is created is reported as diskFull', async (t) => {
  const dest = await scratch(t);
  const probe = await open(join(tmpdir(), '.'), 'r');
  const fileHandlePrototype = Object.getPrototypeOf(probe);
  await probe.close();
  t.after(() => mock.restoreAll());
  mock.method(fileHandlePrototype, 'sync', async () => { throw enospc(); });
  const { source } = fakePageBlobSource(blob);
  await assert.rejects(runPageBlobDownload({ source, destinationPath: dest }), isDiskFull);
  assert.equal(await exists(dest), false);
});

test('a full disk while writing the manifest is reported as diskFull; no final name, no stray manifest', async (t) => {
  const dest = await scratch(t);
  const fsp = createRequire(import.meta.url)('node:fs/promises') as typeof import('node:fs/promises');
  const realWriteFile = fsp.writeFile;
  t.after(() => { mock.restoreAll(); syncBuiltinESMExports(); });
  mock.method(fsp, 'writeFile', async (path: unknown, ...rest: unknown[]) => {
    if (String(path).endsWith('.manifest.json.tmp')) throw enospc();
    return (realWriteFile as (...a: unknown[]) => Promise<void>)(path, ...rest);
  });
  syncBuiltinESMExports();
  const { source } = fakePageBlobSource(blob);
  await assert.rejects(runPageBlobDownload({ source, destinationPath: dest }), isDiskFull);
  assert.equal(await exists(dest), false);
  assert.equal(await exists(`${dest}.manifest.json`), false);
  assert.equal(await exists(`${dest}.partial`), true);
});
