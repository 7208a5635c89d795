import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planStorageExport, type StorageAccountLike } from '../../../src/core/diskDataAccess/planStorageExport.ts';
import { readCopyProgress } from '../../../src/core/diskDataAccess/readCopyProgress.ts';
import { defaultBlobName, suggestContainerName, validateBlobName, validateContainerName } from '../../../src/core/diskDataAccess/validateStorageNames.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';

const account: StorageAccountLike = { name: 'stexports', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, primaryEndpoints: { blob: 'https://stexports.blob.core.windows.net/' }, location: 'japaneast' };
const disk = { name: 'disk-a', kind: 'disk' as const, diskState: 'Unattached', diskSizeGB: 4, location: 'japaneast' };
const rules = (plan: { findings: readonly { rule: string }[] }) => plan.findings.map((f) => f.rule);

test('an unattached disk into a general-purpose v2 account in its region: no findings, a grant of at least an hour', () => {
  const plan = planStorageExport(disk, account, formatMessage);
  assert.deepEqual(plan.findings, []);
  assert.equal(plan.canExport, true);
  assert.equal(plan.grantSeconds, 3600);
});

test('the grant grows with the disk and never passes 60 days', () => {
  assert.ok(planStorageExport({ ...disk, diskSizeGB: 4095 }, account, formatMessage).grantSeconds > 3600);
  assert.equal(planStorageExport({ ...disk, diskSizeGB: 10_000_000 }, account, formatMessage).grantSeconds, 5_184_000);
});

test('stops before granting: attached to a running VM, an upload, Entra ID, accounts without page blobs or shared key', () => {
  assert.deepEqual(rules(planStorageExport({ ...disk, diskState: 'Attached' }, account, formatMessage)), ['attachedToRunningVm']);
  assert.deepEqual(rules(planStorageExport({ ...disk, diskState: 'ActiveUpload' }, account, formatMessage)), ['uploadInProgress']);
  const entra = planStorageExport({ ...disk, dataAccessAuthMode: 'AzureActiveDirectory' }, account, formatMessage);
  assert.equal(entra.canExport, false);
  assert.equal(entra.findings[0].message, "Disk disk-a is secured with Microsoft Entra ID. Azure's server-side copy into a storage account cannot present your Entra ID token, so the copy would be refused. Download it instead: the download sends the token.");
  for (const kind of ['BlobStorage', 'BlockBlobStorage', 'FileStorage']) {
    assert.deepEqual(rules(planStorageExport(disk, { ...account, kind }, formatMessage)), ['noPageBlobs'], kind);
  }
  assert.deepEqual(rules(planStorageExport(disk, { ...account, isHnsEnabled: true }, formatMessage)), ['hierarchicalNamespace']);
  const noKey = planStorageExport(disk, { ...account, allowSharedKeyAccess: false }, formatMessage);
  assert.equal(noKey.canExport, false);
  assert.match(noKey.findings[0].message, /^Storage account stexports does not allow shared key access/);
});

test('informs, without stopping: another region; a Trusted Launch disk whose guest state is not copied', () => {
  const plan = planStorageExport({ ...disk, kind: 'snapshot', location: 'eastus', securityProfile: { securityType: 'TrustedLaunch' } }, account, formatMessage);
  assert.equal(plan.canExport, true);
  assert.deepEqual(rules(plan), ['otherRegion', 'guestStateNotCopied']);
  assert.equal(plan.findings[0].message, 'The copy crosses regions (eastus to japaneast): it takes longer and outbound data transfer is billed.');
  assert.match(plan.findings[1].message, /^Snapshot disk-a belongs to a Trusted Launch/);
});

test('container and blob names follow Blob Storage rules; the blob is named after the disk', () => {
  assert.equal(validateContainerName('vhd-exports'), undefined);
  assert.ok(validateContainerName('ab'));
  assert.ok(validateContainerName('VHD'));
  assert.ok(validateContainerName('-vhd'));
  assert.ok(validateContainerName('vhd--x'));
  assert.ok(validateContainerName('a'.repeat(64)));
  assert.equal(defaultBlobName('vm-web-01_OsDisk_1'), 'vm-web-01_OsDisk_1.vhd');
  assert.equal(validateBlobName('folder/disk.vhd'), undefined);
  assert.ok(validateBlobName(''));
  assert.ok(validateBlobName('disk.'));
  assert.equal(suggestContainerName('VHD Exports!'), 'vhd-exports');
  assert.equal(suggestContainerName('x'), 'vhd-exports');
});

test('copy progress: bytes of the whole blob, status, Azure\'s failure text', () => {
  assert.deepEqual(readCopyProgress({ copyStatus: 'pending', copyProgress: '1073741824/4294967808' }), { status: 'pending', bytesCopied: 1073741824, totalBytes: 4294967808, percent: 24 });
  assert.equal(readCopyProgress({ copyStatus: 'success', copyProgress: '10/10' }).percent, 100);
  assert.deepEqual(readCopyProgress({ copyStatus: 'failed', copyProgress: '0/10', copyStatusDescription: '403 AuthorizationFailure' }), { status: 'failed', bytesCopied: 0, totalBytes: 10, percent: 0, description: '403 AuthorizationFailure' });
  assert.equal(readCopyProgress({}).status, 'unknown');
});
