// startAzurite: a real Azurite on a free port that the storage SDK can use, and nothing left after stop().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { startAzurite } from '../../azure-local/azurite.ts';

for (const inMemory of [false, true]) {
  test(`startAzurite (inMemory=${inMemory}) serves page blobs and stop() frees the port`, async (t) => {
    const azurite = await startAzurite({ inMemory });
    t.after(() => azurite.stop());
    assert.equal(azurite.blobEndpoint, `http://127.0.0.1:${azurite.port}/devstoreaccount1`);
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    const container = service.getContainerClient('probe');
    await container.create();
    const page = container.getPageBlobClient('disk.vhd');
    await page.create(1024 * 1024);
    await page.uploadPages(Buffer.alloc(512, 7), 4096, 512);
    assert.deepEqual([...(await page.downloadToBuffer(4096, 4))], [7, 7, 7, 7]);
    // holes read as zeros
    assert.deepEqual([...(await page.downloadToBuffer(0, 4))], [0, 0, 0, 0]);

    await azurite.stop();
    await azurite.stop(); // idempotent
    await assert.rejects(fetch(`http://127.0.0.1:${azurite.port}/devstoreaccount1?comp=list`));
  });
}

test('two Azurites run side by side on different ports', async (t) => {
  const results = await Promise.allSettled([startAzurite({ inMemory: true }), startAzurite({ inMemory: true })]);
  for (const r of results) if (r.status === 'fulfilled') t.after(() => r.value.stop());
  const [a, b] = results.map((r) => (r.status === 'fulfilled' ? r.value : assert.fail(String(r.reason))));
  assert.notEqual(a.port, b.port);
});

test('a caller-owned location is kept, a temp one is removed', async () => {
  const owned = mkdtempSync(join(tmpdir(), 'azurite-owned-'));
  try {
    const azurite = await startAzurite({ location: owned });
    await azurite.stop();
    assert.ok(existsSync(owned));
    assert.ok(readdirSync(owned).length > 0, 'Azurite wrote its database there');
  } finally {
    rmSync(owned, { recursive: true, force: true });
  }
  const azurite = await startAzurite();
  assert.ok(existsSync(azurite.location));
  await azurite.stop();
  assert.equal(existsSync(azurite.location), false);
});
