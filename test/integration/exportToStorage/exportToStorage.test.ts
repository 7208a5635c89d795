// Export a disk to a storage account against the local Azure: the storage account listing (ARM), the key
// (listKeys), a container created when missing, Azure's server-side copy from the disk's SAS into `<disk>.vhd`,
// and revoke after success and after a failed copy; a failing revoke is reported, never swallowed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { diskRefFromId } from '../../../src/azure/diskDataAccess/diskRef.ts';
import { exportDiskToStorageAccount } from '../../../src/azure/storageAccounts/exportDiskToStorageAccount.ts';
import { listStorageAccounts, type StorageAccountChoice } from '../../../src/azure/storageAccounts/listStorageAccounts.ts';
import { listContainerNames, openBlobService } from '../../../src/azure/storageAccounts/openBlobService.ts';
import { planStorageExport } from '../../../src/core/diskDataAccess/planStorageExport.ts';
import { defaultBlobName } from '../../../src/core/diskDataAccess/validateStorageNames.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { GiB, expectedDiskBytes } from '../../azure-local/storage/fixedVhd.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';

let local: LocalAzure;
let prod: SubscriptionSession;
let accounts: StorageAccountChoice[];
const originalPath = process.env.PATH;
const fast = { updateIntervalInMs: 20, copyPollIntervalMs: 20 };
const diskId = (rg: string, name: string) => `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Compute/disks/${name}`;
const ORPHAN = diskId('rg-web-prod-japaneast', 'disk-orphan-logs-01');

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 50 });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  prod = listing.subscriptions.find((s) => s.subscriptionId === PROD_SUBSCRIPTION)!;
  accounts = await listStorageAccounts(prod);
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

const azuriteAccount = () => accounts.find((a) => a.name === local.storage.accountName)!;

test('storage accounts come from ARM with their kind and endpoint; a BlobStorage account is refused by the plan', () => {
  assert.deepEqual(accounts.map((a) => `${a.name} ${a.kind}`), [`${local.storage.accountName} StorageV2`, 'stcontosologsblob BlobStorage']);
  assert.equal(azuriteAccount().primaryEndpoints?.blob, `${local.blobEndpoint}/`);
  const disk = { name: 'disk-orphan-logs-01', kind: 'disk' as const, diskState: 'Unattached', diskSizeGB: 2, location: 'japaneast' };
  assert.equal(planStorageExport(disk, azuriteAccount(), formatMessage).canExport, true);
  const blobOnly = planStorageExport(disk, accounts[1], formatMessage);
  assert.deepEqual(blobOnly.findings.map((f) => f.rule), ['noPageBlobs']);
});

test('copy into a new container as <disk>.vhd: the bytes arrive, the disk is revoked, the blob keeps no SAS', async () => {
  const service = await openBlobService(prod, azuriteAccount());
  assert.ok(!(await listContainerNames(service)).includes('vhd-exports'));
  const phases: string[] = [];
  const percents: number[] = [];
  const outcome = await exportDiskToStorageAccount(prod, diskRefFromId(ORPHAN), { service, containerName: 'vhd-exports', blobName: defaultBlobName('disk-orphan-logs-01'), sourceResourceId: ORPHAN }, {
    grantSeconds: 3600, signal: new AbortController().signal, onPhase: (p) => phases.push(p), onProgress: (p) => percents.push(p.percent), ...fast,
  });
  assert.deepEqual(outcome, { kind: 'copied', revoked: true });
  assert.deepEqual(phases, ['granting', 'copying', 'revoking']);
  assert.equal(percents.at(-1), 100);
  assert.equal(local.state.get('disks', ORPHAN)!.resource.properties!.diskState, 'Unattached', 'revoked');
  assert.ok((await listContainerNames(service)).includes('vhd-exports'), 'container created');

  const blob = service.getContainerClient('vhd-exports').getPageBlobClient('disk-orphan-logs-01.vhd');
  const props = await blob.getProperties();
  assert.equal(props.contentLength, 2 * GiB + 512);
  assert.equal(props.blobType, 'PageBlob');
  assert.equal(props.metadata?.sourceresourceid, encodeURIComponent(ORPHAN));
  // Azure drops x-ms-copy-source (which holds the source SAS) on Set Blob Properties after the copy; Azurite keeps
  // it. Either way no working SAS remains on the destination: the one it may still show was revoked (403).
  if (props.copySource) {
    const { AnonymousCredential, PageBlobClient } = await import('@azure/storage-blob');
    await assert.rejects(new PageBlobClient(props.copySource, new AnonymousCredential()).getProperties(), (e: { statusCode?: number }) => e.statusCode === 403);
  }
  assert.ok(!JSON.stringify(props.metadata).includes('sig='), 'no SAS in the metadata');
  assert.deepEqual(await blob.downloadToBuffer(0, 4096), expectedDiskBytes('disk-orphan-logs-01', 2 * GiB, 0, 4096));
  const footer = await blob.downloadToBuffer(2 * GiB, 512);
  assert.equal(footer.subarray(0, 8).toString('ascii'), 'conectix');
});

test('a copy that Azure refuses (an Entra-ID disk: the copy cannot send the token) still revokes the grant', async () => {
  const secure = diskId('rg-security-prod', 'disk-secure-export-01');
  const service = await openBlobService(prod, azuriteAccount());
  await assert.rejects(
    exportDiskToStorageAccount(prod, diskRefFromId(secure), { service, containerName: 'vhd-exports', blobName: 'secure.vhd', sourceResourceId: secure }, {
      grantSeconds: 600, signal: new AbortController().signal, ...fast,
    }),
    (e: Error & { statusCode?: number }) => /CannotVerifyCopySource|copy/i.test(`${(e as any).code ?? ''} ${e.message}`),
  );
  assert.equal(local.state.get('disks', secure)!.resource.properties!.diskState, 'Unattached', 'revoked after the failed copy');
  assert.ok(local.state.requestLog.some((r) => r.route === 'disks.revokeAccess' && r.path.includes('disk-secure-export-01')));
});

test('a revoke that keeps failing is the outcome after three attempts: the disk stays in ActiveSAS and the caller is told', async () => {
  // Enough failures for every attempt (each also retried by the SDK on 500).
  local.faults.add({ route: 'disks.revokeAccess', status: 500, code: 'InternalServerError', message: 'Revoke failed (injected).', times: 100 });
  try {
    const service = await openBlobService(prod, azuriteAccount());
    const outcome = await exportDiskToStorageAccount(prod, diskRefFromId(ORPHAN), { service, containerName: 'vhd-exports', blobName: 'again.vhd', sourceResourceId: ORPHAN }, {
      grantSeconds: 600, signal: new AbortController().signal, ...fast, revokeDelaysMs: [10, 10],
    });
    assert.equal(outcome.kind, 'revokeFailed');
    assert.ok(outcome.kind === 'revokeFailed' && outcome.copied);
    assert.equal(local.state.get('disks', ORPHAN)!.resource.properties!.diskState, 'ActiveSAS');
  } finally {
    local.faults.clear();
  }
});
