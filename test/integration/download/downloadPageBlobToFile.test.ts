// The download engine against a real Azurite (through the real SDK), with a fault proxy for what Azurite
// cannot do by itself. Each test checks what the user gets: the bytes, the sparseness, the files left behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type RunningAzurite } from '../../azure-local/azurite.ts';
import { downloadPageBlobToFile } from '../../../src/azure/storage/downloadPageBlobToFile.ts';
import { createPageBlobSource } from '../../../src/azure/storage/createPageBlobSource.ts';
import { DownloadError } from '../../../src/core/download/downloadError.ts';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/download/rangeRetryPolicy.ts';
import { createSparseVhdBlob, spreadRanges, type PageBlobFixture } from './pageBlobFixture.ts';
import { startFaultProxy } from './faultProxy.ts';
import { createLocalCertificates } from '../../azure-local/arm/tls.ts';

const MiB = 1024 * 1024;
const DISK = 128 * MiB;
// 24 runs of 512 KiB plus a 6 MiB run: ~18 MiB written of 128 MiB, like a mostly empty disk.
const WRITTEN = [...spreadRanges(DISK, 24, 512 * 1024), { offset: 70 * MiB, count: 6 * MiB }];
const SMALL_REQUESTS = { targetRequestBytes: MiB }; // ~30 requests: room for faults to land mid-way
const FAST_RETRIES = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 20, maxDelayMs: 200 };

let azurite: RunningAzurite;
let blob: PageBlobFixture;
let dir: string;

before(async () => {
  azurite = await startAzurite(); // disk store, as the benchmark (inMemory + the helper's temp location is refused by Azurite 3.37)
  blob = await createSparseVhdBlob(azurite, 'disks', 'abcd', DISK, WRITTEN);
  dir = await mkdtemp(join(tmpdir(), 'dl-int-'));
});
after(async () => {
  await azurite?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const exists = (p: string) => access(p).then(() => true, () => false);
let n = 0;
const destination = () => join(dir, `disk-${++n}.vhd`);

async function assertSameBytesAndSparse(path: string) {
  assert.ok((await readFile(path)).equals(blob.expected!), 'downloaded bytes equal the blob');
  const allocated = (await stat(path)).blocks * 512;
  assert.ok(allocated <= blob.writtenBytes * 1.01 + 64 * 1024, `allocated ${allocated} bytes for ${blob.writtenBytes} written`);
}

test('downloads a sparse page blob: same bytes, holes stay holes, manifest beside it', async () => {
  const path = destination();
  const result = await downloadPageBlobToFile({ sasUrl: blob.sasUrl(), destinationPath: path });
  await assertSameBytesAndSparse(path);
  assert.equal(result.bytesSkipped + result.bytesFetched, blob.blobSize);
  assert.ok(result.bytesSkipped > DISK * 0.8, 'most of the disk was never fetched');
  const manifest = JSON.parse(await readFile(result.manifestPath, 'utf8'));
  assert.equal(manifest.sourceId, `${azurite.blobEndpoint}/disks/abcd?<redacted>`);
  assert.ok(!JSON.stringify(manifest).includes('sig='), 'no SAS in the manifest');
  assert.equal(await exists(`${path}.partial`), false);
  assert.equal(await exists(`${path}.partial.journal`), false);
});

test('listPageRanges gives exact (inclusive-end) ranges: adjacent uploads touch, no byte lost', async () => {
  const source = await createPageBlobSource({ sasUrl: blob.sasUrl() });
  const ranges = await source.listPageRanges(new AbortController().signal);
  const total = ranges.reduce((s, r) => s + r.count, 0);
  assert.equal(total, blob.writtenBytes);
  assert.ok(ranges.every((r) => r.offset % 512 === 0 && r.count % 512 === 0));
});

test('aborted half-way, then resumed: only the missing part is fetched and the result is whole', async () => {
  const path = destination();
  const controller = new AbortController();
  await assert.rejects(
    downloadPageBlobToFile({
      sasUrl: blob.sasUrl(), destinationPath: path, signal: controller.signal, plan: SMALL_REQUESTS, progressIntervalMs: 0,
      onProgress: (p) => { if (p.bytesDone > p.bytesToFetch / 2) controller.abort(); },
    }),
    (e: DownloadError) => e.code === 'cancelled',
  );
  assert.equal(await exists(path), false, 'no file under the final name');
  assert.equal(await exists(`${path}.partial`), true);
  const result = await downloadPageBlobToFile({ sasUrl: blob.sasUrl(), destinationPath: path, plan: SMALL_REQUESTS });
  assert.equal(result.resumed, true);
  assert.ok(result.bytesResumed > 0 && result.bytesFetched < blob.writtenBytes, `resumed ${result.bytesResumed}, fetched ${result.bytesFetched}`);
  await assertSameBytesAndSparse(path);
});

test('503 with Retry-After and sockets cut mid-body: the download still completes and verifies', async () => {
  const proxy = await startFaultProxy({ targetPort: azurite.port, throttleEvery: 8, retryAfterSeconds: 1, cutEvery: 7 });
  try {
    const path = destination();
    const retries: string[] = [];
    const result = await downloadPageBlobToFile({
      sasUrl: proxy.via(blob.sasUrl()), destinationPath: path, plan: SMALL_REQUESTS, retryPolicy: FAST_RETRIES,
      onRetry: (e) => retries.push(e.kind),
    });
    assert.ok(proxy.stats.throttled > 0 && proxy.stats.cut > 0, JSON.stringify(proxy.stats));
    assert.ok(retries.includes('throttled') && retries.includes('connection'), retries.join());
    assert.equal(result.retries, retries.length);
    await assertSameBytesAndSparse(path);
  } finally {
    await proxy.stop();
  }
});

test('a response that stalls is abandoned after the stall timeout and resumed', async () => {
  const proxy = await startFaultProxy({ targetPort: azurite.port, stallEvery: 9 });
  try {
    const path = destination();
    const retries: string[] = [];
    await downloadPageBlobToFile({
      sasUrl: proxy.via(blob.sasUrl()), destinationPath: path, plan: SMALL_REQUESTS, retryPolicy: FAST_RETRIES, stallTimeoutMs: 400,
      onRetry: (e) => retries.push(e.kind),
    });
    assert.ok(proxy.stats.stalled > 0);
    assert.ok(retries.includes('stalled'), retries.join());
    await assertSameBytesAndSparse(path);
  } finally {
    await proxy.stop();
  }
});

test('the SAS expiring mid-way asks for a fresh one and continues', async () => {
  // Slow each GET down so a SAS valid for 2 s runs out half-way through.
  const proxy = await startFaultProxy({ targetPort: azurite.port, delayMs: 120 });
  try {
    const path = destination();
    let renewals = 0;
    const result = await downloadPageBlobToFile({
      sasUrl: proxy.via(blob.sasUrl({ expiresInSeconds: 2 })), destinationPath: path, plan: SMALL_REQUESTS,
      concurrency: { initial: 2, max: 2 },
      getFreshSasUrl: async () => { renewals++; return proxy.via(blob.sasUrl()); },
    });
    assert.equal(renewals, 1, 'one renewal however many requests saw the 403');
    assert.ok(result.retries >= 1);
    await assertSameBytesAndSparse(path);
  } finally {
    await proxy.stop();
  }
});

test('an expired SAS without a way to renew stops with accessExpired and keeps the partial file', async () => {
  const path = destination();
  await assert.rejects(
    downloadPageBlobToFile({ sasUrl: blob.sasUrl({ expiresInSeconds: -10 }), destinationPath: path }),
    (e: DownloadError) => e.code === 'accessExpired' && !e.message.includes('sig='),
  );
  assert.equal(await exists(path), false);
});

test('a range damaged on disk after it was journaled is caught by verification and fetched again', async () => {
  const path = destination();
  const controller = new AbortController();
  await assert.rejects(downloadPageBlobToFile({
    sasUrl: blob.sasUrl(), destinationPath: path, signal: controller.signal, plan: SMALL_REQUESTS, progressIntervalMs: 0,
    concurrency: { initial: 1, max: 1 }, journalFlushIntervalMs: 10,
    onProgress: (p) => { if (p.bytesDone > p.bytesToFetch * 0.6) controller.abort(); },
  }));
  // The first written run (offset 0) is done and journaled: flip bytes in it, as a disk or another program might.
  const partial = await open(`${path}.partial`, 'r+');
  await partial.write(Buffer.from('damaged!'), 0, 8, 1000);
  await partial.close();
  const result = await downloadPageBlobToFile({ sasUrl: blob.sasUrl(), destinationPath: path, plan: SMALL_REQUESTS });
  assert.equal(result.rangesRefetched, 1);
  await assertSameBytesAndSparse(path);
});

test('Entra-ID-secured disks: every data request carries the bearer token on top of the SAS', async () => {
  const proxy = await startFaultProxy({ targetPort: azurite.port, stripAuthorization: true });
  try {
    const path = destination();
    let calls = 0;
    await downloadPageBlobToFile({
      sasUrl: proxy.via(blob.sasUrl()), destinationPath: path, plan: SMALL_REQUESTS,
      getBearerToken: async () => { calls++; return 'disk-token-123'; },
    });
    assert.ok(proxy.stats.dataRequests > 0);
    assert.deepEqual([...new Set(proxy.stats.authorizationHeaders)], ['Bearer disk-token-123']);
    assert.ok(calls >= proxy.stats.dataRequests);
    await assertSameBytesAndSparse(path);
  } finally {
    await proxy.stop();
  }
});

test('a storage endpoint behind a private CA (a custom cloud): refused as untrusted without it, downloaded with it', async () => {
  const certs = await createLocalCertificates();
  const front = await startFaultProxy({ targetPort: azurite.port, tls: { certPem: certs.serverCertPem, keyPem: certs.serverKeyPem } });
  try {
    const sasUrl = front.via(blob.sasUrl());
    assert.match(sasUrl, /^https:/);
    const refused = destination();
    await assert.rejects(downloadPageBlobToFile({ sasUrl, destinationPath: refused, retryPolicy: FAST_RETRIES }), (error: unknown) => {
      assert.ok(error instanceof DownloadError);
      assert.match(`${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`, /certificate/i);
      return true;
    });
    assert.equal(await exists(refused), false, 'nothing presented as the disk');
    const path = destination();
    await downloadPageBlobToFile({ sasUrl, destinationPath: path, tlsOptions: { ca: certs.caCertPem } });
    await assertSameBytesAndSparse(path);
  } finally {
    await front.stop();
  }
});
