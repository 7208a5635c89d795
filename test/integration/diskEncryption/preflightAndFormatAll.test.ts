// The pre-flight doctor on data read from the stand-in: the backup-first rule fails until every disk is snapshotted
// (by the flow's own snapshot step), a stopped VM is blocked, and EncryptFormatAll (data only, confirmed with the
// VM's exact name) formats the data volumes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyAdeOperation } from '../../../src/azure/encryption/applyAdeOperation.ts';
import { gatherPreflightContext, readEncryptionTarget } from '../../../src/azure/encryption/gatherPreflightContext.ts';
import { snapshotDisk } from '../../../src/azure/encryption/snapshotVmDisks.ts';
import { followBackupJob, triggerVmBackup } from '../../../src/azure/recoveryServices/backUpVmNow.ts';
import { readVmBackupProtection } from '../../../src/azure/recoveryServices/readVmBackupProtection.ts';
import { runEncryptionPreflight } from '../../../src/core/encryption/runEncryptionPreflight.ts';
import { typedVmNameConfirms } from '../../../src/features/diskEncryption/typedVmNameConfirms.ts';
import { fast, JPE_VAULT_ID, JPE_VAULT_URL, startAdeEnvironment, statusUntil, vmId, type AdeEnvironment } from './adeEnvironment.ts';

let env: AdeEnvironment;
before(async () => { env = await startAdeEnvironment(); });
after(() => env?.stop());

const errorsOf = (r: ReturnType<typeof runEncryptionPreflight>) => r.findings.filter((f) => f.severity === 'error').map((f) => f.rule);

test('backup first: old snapshots do not count; after snapshotting every disk nothing blocks', async () => {
  const target = await readEncryptionTarget(env.prod, vmId('vm-web-01'));
  const vault = env.local.state.get('vaults', JPE_VAULT_ID)!.resource;
  const request = { operation: 'Enable' as const, volumeType: 'Data' as const };
  const now = new Date();
  const before = runEncryptionPreflight(await gatherPreflightContext(env.prod, target, request, { vault }, now));
  // The fixture's snapshots of vm-web-01 are a year old: every disk is reported.
  assert.deepEqual(errorsOf(before), ['ade.backup-required', 'ade.backup-required', 'ade.backup-required']);
  assert.equal(before.blocking, true);

  const snapshots = await Promise.all(target.disks.map((d) => snapshotDisk(env.prod, d, now, fast)));
  assert.ok(snapshots.every((s) => s.incremental === true && s.name?.includes('-pre-ade-')));
  const after = runEncryptionPreflight(await gatherPreflightContext(env.prod, target, request, { vault }, new Date()));
  assert.deepEqual(errorsOf(after), []);
  assert.equal(after.blocking, false);
  // What the user must still read stays in the report (downtime, guest-side limits ARM cannot see).
  assert.ok(after.findings.some((f) => f.rule === 'ade.guest-side-limitations'));
  assert.ok(after.findings.some((f) => f.rule === 'ade.downtime'));
});

test('backup first: a recent Azure Backup of the VM counts as the recovery point, as the article allows', async () => {
  // vm-web-02 is protected by rsv-contoso-jpe in the fixture, with no recent backup: its disk is reported first.
  const target = await readEncryptionTarget(env.prod, vmId('vm-web-02'));
  const vault = env.local.state.get('vaults', JPE_VAULT_ID)!.resource;
  const request = { operation: 'Enable' as const, volumeType: 'OS' as const };
  const before = runEncryptionPreflight(await gatherPreflightContext(env.prod, target, request, { vault }, new Date()));
  assert.ok(errorsOf(before).includes('ade.backup-required'));

  const protection = await readVmBackupProtection(env.prod, { id: vmId('vm-web-02'), name: 'vm-web-02', location: 'japaneast' } as never);
  assert.ok(protection, 'vm-web-02 is protected');
  const poll = { pollIntervalMs: 50 };
  const jobId = await triggerVmBackup(env.prod, protection, new Date(Date.now() + 30 * 86400_000), poll);
  assert.equal((await followBackupJob(env.prod, protection, jobId, poll)).properties?.status, 'Completed');

  const context = await gatherPreflightContext(env.prod, target, request, { vault }, new Date());
  assert.equal(context.recoveryPoints?.vmBackedUpRecently, true);
  assert.ok(!errorsOf(runEncryptionPreflight(context)).includes('ade.backup-required'), 'no snapshot needed after a backup');
});

test('a stopped VM and a vault in another region are blocking findings', async () => {
  const dev = (await import('../../azure-local/fixtures/default.ts')).DEVTEST_SUBSCRIPTION;
  const buildId = `/subscriptions/${dev}/resourceGroups/rg-devtest-japaneast/providers/Microsoft.Compute/virtualMachines/vm-build-01`;
  const { azureCliCredentials, listAzureCliSubscriptions } = await import('../../../src/azure/auth/listAzureCliSubscriptions.ts');
  const { localCloud } = await import('../support/localCloud.ts');
  const session = (await listAzureCliSubscriptions(localCloud(env.local), azureCliCredentials())).subscriptions.find((s) => s.subscriptionId === dev)!;
  const target = await readEncryptionTarget(session, buildId);
  const eus = env.local.state.list('vaults', env.prod.subscriptionId).find((v) => v.resource.name === 'kv-contoso-ade-eus')!.resource;
  const result = runEncryptionPreflight(await gatherPreflightContext(session, target, { operation: 'Enable', volumeType: 'OS' }, { vault: eus }, new Date()));
  const errors = errorsOf(result);
  assert.ok(errors.includes('ade.vm-not-running'), errors.join());
  assert.ok(errors.includes('ade.vault-region'), errors.join());
});

test('EncryptFormatAll: only the exact VM name confirms; then data volumes are formatted and encrypted, OS untouched', async () => {
  assert.equal(typedVmNameConfirms('vm-web-0', 'vm-web-01'), false);
  assert.equal(typedVmNameConfirms('vm-web-01', 'vm-web-01'), true);
  const applied = await applyAdeOperation(env.prod, { id: vmId('vm-web-01'), location: 'japaneast' }, {
    operation: 'EnableFormatAll', volumeType: 'Data', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID,
  }, fast);
  assert.equal(applied.settings.EncryptionOperation, 'EnableEncryptionFormatAll');
  const done = await statusUntil(() => env.status('vm-web-01'), (s) => s.phase === 'Encrypted');
  assert.equal(done.os, 'NotEncrypted');
  assert.deepEqual(done.disks.map((d) => d.diskState), ['notEncrypted', 'encrypted', 'encrypted']);
  assert.equal(done.extension.lastOperation, 'EnableEncryptionFormatAll');
});
