// Disk export end to end: grant access -> read ranges of the VHD from the SAS with @azure/storage-blob ->
// revoke -> the same SAS is refused (403). Plus ARM's refusals and snapshot copies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AnonymousCredential, PageBlobClient } from '@azure/storage-blob';

const sasBlob = (url: string) => new PageBlobClient(url, new AnonymousCredential());
import { PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { GiB, expectedDiskBytes, fixedVhdFooter, vhdChecksum } from '../../azure-local/storage/fixedVhd.ts';
import { armErrorCode, startLocalAzureWithClients, type LocalAzureClients } from './localAzureClients.ts';

let env: LocalAzureClients;
before(async () => {
  env = await startLocalAzureWithClients();
});
after(() => env?.stop());

const WEB = 'rg-web-prod-japaneast';

test('grant -> download ranges -> revoke -> the old SAS gets 403', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  const disk = await compute.disks.get(WEB, 'disk-orphan-logs-01');
  assert.equal(disk.diskState, 'Unattached');
  const access = await compute.disks.grantAccess(WEB, 'disk-orphan-logs-01', { access: 'Read', durationInSeconds: 3600 }, env.poll).pollUntilDone();
  assert.ok(access.accessSAS?.startsWith(env.local.blobEndpoint + '/'), access.accessSAS);
  assert.match(access.accessSAS!, /[?&]si=/, 'signed with a stored access policy');
  assert.equal((await compute.disks.get(WEB, 'disk-orphan-logs-01')).diskState, 'ActiveSAS');

  const blob = sasBlob(access.accessSAS!);
  const props = await blob.getProperties();
  const diskBytes = 2 * GiB;
  assert.equal(props.contentLength, diskBytes + 512);
  const ranges = [];
  for await (const page of blob.listPageRanges()) ranges.push(page);
  assert.ok(ranges.length > 0);
  const head = await blob.downloadToBuffer(0, 4096);
  assert.deepEqual(head, expectedDiskBytes('disk-orphan-logs-01', diskBytes, 0, 4096));
  assert.match(head.subarray(0, 64).toString('ascii'), /^LOCALAZURE disk=disk-orphan-logs-01 sector=0/);
  const hole = await blob.downloadToBuffer(10 * 1024 * 1024, 512);
  assert.ok(hole.every((b) => b === 0), 'holes read as zeros');
  const footer = await blob.downloadToBuffer(diskBytes, 512);
  assert.equal(footer.subarray(0, 8).toString('ascii'), 'conectix');
  assert.equal(footer.readUInt32BE(64), vhdChecksum(footer));
  assert.equal(footer.readUInt32BE(60), 2, 'fixed disk');
  assert.equal(footer.readBigUInt64BE(48), BigInt(diskBytes));
  assert.deepEqual(footer, fixedVhdFooter(diskBytes, disk.id!));
  // Read-only: a write with the SAS is refused.
  await assert.rejects(blob.uploadPages(Buffer.alloc(512), 0, 512), (e: any) => e.statusCode === 403);

  await compute.disks.revokeAccess(WEB, 'disk-orphan-logs-01', env.poll).pollUntilDone();
  assert.equal((await compute.disks.get(WEB, 'disk-orphan-logs-01')).diskState, 'Unattached');
  await assert.rejects(blob.downloadToBuffer(0, 512), (e: any) => e.statusCode === 403);
});

test('grant refused while attached to a VM that is not deallocated; allowed once deallocated (Reserved)', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  await assert.rejects(
    compute.disks.grantAccess(WEB, 'vm-web-02_OsDisk_1_0a7e6b5c4d3f', { access: 'Read', durationInSeconds: 600 }, env.poll).pollUntilDone(),
    (e: any) => e.statusCode === 409 && armErrorCode(e) === 'OperationNotAllowed',
  );
  const access = await compute.disks.grantAccess('rg-data-prod-eastus', 'vm-db-01-data-00', { access: 'Read', durationInSeconds: 600 }, env.poll).pollUntilDone();
  assert.ok(access.accessSAS);
  // Starting the VM while its disk is exported is refused.
  await assert.rejects(compute.virtualMachines.start('rg-data-prod-eastus', 'vm-db-01', env.poll).pollUntilDone(), (e: any) => e.statusCode === 409);
  await compute.disks.revokeAccess('rg-data-prod-eastus', 'vm-db-01-data-00', env.poll).pollUntilDone();
  assert.equal((await compute.disks.get('rg-data-prod-eastus', 'vm-db-01-data-00')).diskState, 'Reserved');
});

test('durationInSeconds above 5,184,000 is refused with InvalidParameter', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  await assert.rejects(
    compute.disks.grantAccess(WEB, 'disk-orphan-logs-01', { access: 'Read', durationInSeconds: 5_184_001 }, env.poll).pollUntilDone(),
    (e: any) => e.statusCode === 400 && armErrorCode(e) === 'InvalidParameter' && /5184000/.test(e.message),
  );
  await assert.rejects(
    compute.disks.grantAccess(WEB, 'disk-orphan-logs-01', { access: 'Read', durationInSeconds: 0 }, env.poll).pollUntilDone(),
    (e: any) => e.statusCode === 400,
  );
});

test('Frozen disk grants become ActiveSASFrozen and go back to Frozen', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  await compute.disks.grantAccess('rg-data-prod-eastus', 'vm-batch-01_OsDisk_1_2e1f0a9b8c7d', { access: 'Read', durationInSeconds: 60 }, env.poll).pollUntilDone();
  assert.equal((await compute.disks.get('rg-data-prod-eastus', 'vm-batch-01_OsDisk_1_2e1f0a9b8c7d')).diskState, 'ActiveSASFrozen');
  await compute.disks.revokeAccess('rg-data-prod-eastus', 'vm-batch-01_OsDisk_1_2e1f0a9b8c7d', env.poll).pollUntilDone();
  assert.equal((await compute.disks.get('rg-data-prod-eastus', 'vm-batch-01_OsDisk_1_2e1f0a9b8c7d')).diskState, 'Frozen');
});

test('Trusted Launch snapshot export adds securityDataAccessSAS (VM guest state)', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  const access = await compute.snapshots
    .grantAccess('rg-security-prod', 'snap-vm-tl-01-os-20250603', { access: 'Read', durationInSeconds: 600, getSecureVMGuestStateSAS: true }, env.poll)
    .pollUntilDone();
  assert.ok(access.accessSAS && access.securityDataAccessSAS);
  const vmgs = await sasBlob(access.securityDataAccessSAS!).downloadToBuffer(0, 64);
  assert.match(vmgs.toString('ascii'), /vmgs/);
  await compute.snapshots.revokeAccess('rg-security-prod', 'snap-vm-tl-01-os-20250603', env.poll).pollUntilDone();
  await assert.rejects(sasBlob(access.securityDataAccessSAS!).downloadToBuffer(0, 64), (e: any) => e.statusCode === 403);
});

test('incremental snapshot from a disk copies its blob; delete removes it', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  const source = await compute.disks.get(WEB, 'vm-web-01-data-01');
  const snapshot = await compute.snapshots
    .createOrUpdate(WEB, 'snap-web-01-data-01-test', { location: 'japaneast', incremental: true, creationData: { createOption: 'Copy', sourceResourceId: source.id } } as never, env.poll)
    .pollUntilDone();
  assert.equal(snapshot.provisioningState, 'Succeeded');
  assert.equal(snapshot.incremental, true);
  assert.equal(snapshot.diskSizeGB, 1);
  const access = await compute.snapshots.grantAccess(WEB, 'snap-web-01-data-01-test', { access: 'Read', durationInSeconds: 600 }, env.poll).pollUntilDone();
  const bytes = await sasBlob(access.accessSAS!).downloadToBuffer(64 * 1024 * 1024, 4096);
  assert.deepEqual(bytes, expectedDiskBytes('vm-web-01-data-01', GiB, 64 * 1024 * 1024, 4096), 'the snapshot holds the source disk bytes');
  await assert.rejects(compute.snapshots.delete(WEB, 'snap-web-01-data-01-test', env.poll).pollUntilDone(), (e: any) => e.statusCode === 409);
  await compute.snapshots.revokeAccess(WEB, 'snap-web-01-data-01-test', env.poll).pollUntilDone();
  await compute.snapshots.delete(WEB, 'snap-web-01-data-01-test', env.poll).pollUntilDone();
  await assert.rejects(compute.snapshots.get(WEB, 'snap-web-01-data-01-test'), (e: any) => e.statusCode === 404 && armErrorCode(e) === 'ResourceNotFound');
});

test('snapshot PUT without creationData or location is refused', async () => {
  const compute = env.compute(PROD_SUBSCRIPTION);
  await assert.rejects(compute.snapshots.createOrUpdate(WEB, 'snap-bad', { location: 'japaneast' } as never, env.poll).pollUntilDone(), (e: any) => e.statusCode === 400 && armErrorCode(e) === 'InvalidParameter');
  await assert.rejects(
    compute.snapshots.createOrUpdate(WEB, 'snap-bad', { location: 'japaneast', creationData: { createOption: 'Copy', sourceResourceId: `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/${WEB}/providers/Microsoft.Compute/disks/nope` } } as never, env.poll).pollUntilDone(),
    (e: any) => e.statusCode === 404,
  );
});
