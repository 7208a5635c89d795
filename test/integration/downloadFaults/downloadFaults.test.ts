// Fault cases of issue 4 the download tests did not cover yet: 500 responses (transient, and persistent), the disk
// holding the download filling up, and the user cancelling late (while verifying) or from the command line.
// Each ends with the right bytes or a clear error, and never a file under the final name before it is whole.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAzurite, type RunningAzurite } from '../../azure-local/azurite.ts';
import { downloadPageBlobToFile } from '../../../src/azure/storage/downloadPageBlobToFile.ts';
import { DownloadError } from '../../../src/core/download/downloadError.ts';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/download/rangeRetryPolicy.ts';
import { createSparseVhdBlob, spreadRanges, type PageBlobFixture } from '../download/pageBlobFixture.ts';
import { startFaultProxy } from '../download/faultProxy.ts';
import { startServerErrorProxy } from './serverErrorProxy.ts';

const MiB = 1024 * 1024;
const DISK = 128 * MiB;
// 24 runs of 1 MiB: 24 MiB written, 24 requests of 1 MiB.
const WRITTEN = spreadRanges(DISK, 24, MiB);
const SMALL_REQUESTS = { targetRequestBytes: MiB };
const FAST_RETRIES = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 20, maxDelayMs: 200 };
const cli = fileURLToPath(new URL('../../../src/cli/downloadCli.ts', import.meta.url));

let azurite: RunningAzurite;
let blob: PageBlobFixture;
let dir: string;

before(async () => {
  azurite = await startAzurite();
  blob = await createSparseVhdBlob(azurite, 'disks', 'faults', DISK, WRITTEN);
  dir = await mkdtemp(join(tmpdir(), 'dl-faults-'));
});
after(async () => {
  await azurite?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const exists = (p: string) => access(p).then(() => true, () => false);
let n = 0;
const destination = (folder = dir) => join(folder, `disk-${++n}.vhd`);

async function assertSameBytesAndSparse(path: string) {
  assert.ok((await readFile(path)).equals(blob.expected!), 'downloaded bytes equal the blob');
  const allocated = (await stat(path)).blocks * 512;
  assert.ok(allocated <= blob.writtenBytes * 1.01 + 64 * 1024, `allocated ${allocated} bytes for ${blob.writtenBytes} written`);
}

test('500 InternalError on every third range read: retried, the download completes with the right bytes', async () => {
  const proxy = await startServerErrorProxy(azurite.port, (k) => k % 3 === 0);
  try {
    const path = destination();
    const result = await downloadPageBlobToFile({ sasUrl: proxy.via(blob.sasUrl()), destinationPath: path, plan: SMALL_REQUESTS, retryPolicy: FAST_RETRIES });
    assert.ok(proxy.stats.failed >= 5, `${proxy.stats.failed} responses were 500`);
    assert.ok(result.retries >= proxy.stats.failed, 'every 500 was retried');
    await assertSameBytesAndSparse(path);
  } finally {
    await proxy.stop();
  }
});

test('500 on every range read: a clear transferFailed error, partial + journal kept, no final name', async () => {
  const proxy = await startServerErrorProxy(azurite.port, () => true);
  try {
    const path = destination();
    await assert.rejects(
      downloadPageBlobToFile({ sasUrl: proxy.via(blob.sasUrl()), destinationPath: path, plan: SMALL_REQUESTS, retryPolicy: FAST_RETRIES }),
      (e: DownloadError) => {
        assert.equal(e.code, 'transferFailed');
        assert.match(e.message, /500|InternalError|server/i);
        assert.ok(!e.message.includes('sig='), 'no SAS in the message');
        return true;
      },
    );
    assert.equal(await exists(path), false);
    assert.equal(await exists(`${path}.partial`), true);
    assert.equal(await exists(`${path}.partial.journal`), true);
  } finally {
    await proxy.stop();
  }
});

test('cancelled while verifying: partial + journal stay, no final name; the next run fetches nothing again', async () => {
  const path = destination();
  const controller = new AbortController();
  await assert.rejects(
    downloadPageBlobToFile({
      sasUrl: blob.sasUrl(), destinationPath: path, signal: controller.signal, plan: SMALL_REQUESTS, progressIntervalMs: 0,
      onProgress: (p) => { if (p.phase === 'verifying') controller.abort(); },
    }),
    (e: DownloadError) => e.code === 'cancelled',
  );
  assert.equal(await exists(path), false, 'never the final name');
  assert.equal(await exists(`${path}.partial`), true);
  assert.equal(await exists(`${path}.partial.journal`), true);
  const result = await downloadPageBlobToFile({ sasUrl: blob.sasUrl(), destinationPath: path, plan: SMALL_REQUESTS });
  assert.equal(result.resumed, true);
  assert.equal(result.bytesFetched, 0, 'everything was already on disk and journaled');
  await assertSameBytesAndSparse(path);
});

test('Ctrl-C (SIGINT) in the command line: exit 130, partial + journal stay, no final name', async () => {
  const slow = await startFaultProxy({ targetPort: azurite.port, delayMs: 200 });
  try {
    const path = destination();
    const child = spawn(process.execPath, [cli, 'download', slow.via(blob.sasUrl()), path, '--concurrency', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setInterval(() => void exists(`${path}.partial.journal`).then((yes) => { if (yes) child.kill('SIGINT'); }), 100);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(timer);
    assert.equal(code, 130, stderr);
    assert.match(stderr, /error \(cancelled\)/);
    assert.equal(await exists(path), false);
    assert.equal(await exists(`${path}.partial`), true);
    assert.equal(await exists(`${path}.partial.journal`), true);
  } finally {
    await slow.stop();
  }
});

test('disk full (a 16 MiB tmpfs for 24 MiB of data): diskFull error, no final name; with room again it resumes', async (t) => {
  const mountPoint = join(dir, 'small-disk');
  await mkdir(mountPoint);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    t.skip('mounting a tmpfs needs root (CAP_SYS_ADMIN); disk-full is not exercised here');
    return;
  }
  try {
    const path = destination(mountPoint);
    await assert.rejects(
      downloadPageBlobToFile({ sasUrl: blob.sasUrl(), destinationPath: path, plan: SMALL_REQUESTS }),
      (e: DownloadError) => {
        assert.equal(e.code, 'diskFull', `${e.code}: ${e.message}`);
        assert.match(e.message, /full/);
        return true;
      },
    );
    assert.equal(await exists(path), false, 'no file under the final name');
    assert.equal(await exists(`${path}.partial`), true);
    // The user frees space (here: the tmpfs grows) and runs again: it resumes and completes.
    execFileSync('mount', ['-o', 'remount,size=64m', mountPoint]);
    const result = await downloadPageBlobToFile({ sasUrl: blob.sasUrl(), destinationPath: path, plan: SMALL_REQUESTS });
    assert.equal(result.resumed, true);
    assert.ok(result.bytesFetched < blob.writtenBytes, `fetched ${result.bytesFetched} of ${blob.writtenBytes} again`);
    await assertSameBytesAndSparse(path);
  } finally {
    execFileSync('umount', [mountPoint]);
  }
});
