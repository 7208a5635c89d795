import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { listResourcesOfKind } from '../../../src/azure/inventory/listResourcesOfKind.ts';
import { followBackupJob, triggerVmBackup } from '../../../src/azure/recoveryServices/backUpVmNow.ts';
import { enableVmProtection, type ProtectionStep } from '../../../src/azure/recoveryServices/enableVmProtection.ts';
import { listVmBackupPolicies } from '../../../src/azure/recoveryServices/listVmBackupPolicies.ts';
import { recoveryServicesBackupClient } from '../../../src/azure/clients.ts';
import { readVmForBackup } from '../../../src/azure/recoveryServices/readVmForBackup.ts';
import { readVmBackupProtection } from '../../../src/azure/recoveryServices/readVmBackupProtection.ts';
import { createRecoveryVault, listRecoveryVaults } from '../../../src/azure/recoveryServices/recoveryVaults.ts';
import { withBackupProtection } from '../../../src/azure/recoveryServices/withBackupProtection.ts';
import { describeBackupJobEnd } from '../../../src/core/enableBackup/describeBackupJob.ts';
import { describeBackupPolicy } from '../../../src/core/enableBackup/describeBackupPolicy.ts';
import { parseRetentionDate } from '../../../src/core/enableBackup/backupRetentionDate.ts';
import { iaasVmContainerName, iaasVmProtectedItemName } from '../../../src/core/enableBackup/iaasVmBackupNames.ts';
import { partitionVaultsForVm } from '../../../src/core/enableBackup/chooseRecoveryVault.ts';
import type { BackupJobLike, VmBackupProtection } from '../../../src/core/enableBackup/recoveryServicesTypes.ts';
import { formatAzureError } from '../../../src/core/errors/describeAzureError.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';
import { presentVirtualMachine } from '../../../src/core/resources/presentVirtualMachine.ts';
import { executeBackupAccessSteps } from '../../../src/azure/keyVaultAccess/executeBackupAccessSteps.ts';
import { planBackupAccessForVault } from '../../../src/azure/keyVaultAccess/planBackupAccessForVault.ts';
import { vaultKeyUsage } from '../../../src/core/backupAccess/findEncryptionKeyVaults.ts';
import { findVmDiskBackupFindings, diskBackupDecision } from '../../../src/core/backupAccess/findVmDiskBackupFindings.ts';
import { linuxVm, managedDisk } from '../../azure-local/fixtures/builders.ts';
import { CONTOSO_BACKUP_MANAGEMENT_SERVICE_OBJECT_ID, PROD_SUBSCRIPTION, defaultFixture } from '../../azure-local/fixtures/default.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { recoveryServicesBackupStateOf } from '../../azure-local/state/RecoveryServicesBackupState.ts';
import { localCloud } from '../support/localCloud.ts';

// "Enable backup" and "Back up now" through the extension's own adapters and the real Recovery Services SDKs,
// against the local Azure: vault choice, policy, protection, the on-demand backup and its job to the end.

/**
 * The default local Azure plus two VMs Azure Backup must not take silently: vm-secure-01, whose OS disk requires
 * Microsoft Entra ID for data access, and vm-split-01, whose data disk cannot be read (it is gone).
 */
function enableBackupFixture() {
  const fixture = defaultFixture();
  const sec = { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'rg-security-prod', location: 'japaneast' };
  const secureOs = managedDisk({ ...sec, name: 'vm-secure-01_OsDisk_1', sizeGB: 1, os: true, diskState: 'Attached', extra: { properties: { dataAccessAuthMode: 'AzureActiveDirectory' } } });
  const splitOs = managedDisk({ ...sec, name: 'vm-split-01_OsDisk_1', sizeGB: 1, os: true, diskState: 'Attached' });
  const gone = managedDisk({ ...sec, name: 'vm-split-01-data-gone', sizeGB: 1, diskState: 'Attached' });
  fixture.virtualMachines.push(
    linuxVm({ ...sec, name: 'vm-secure-01', size: 'Standard_D2s_v5', powerState: 'running', osDisk: secureOs }),
    linuxVm({ ...sec, name: 'vm-split-01', size: 'Standard_D2s_v5', powerState: 'running', osDisk: splitOs, dataDisks: [gone] }),
  );
  fixture.disks.push(secureOs, splitOs);
  return fixture;
}

let local: LocalAzure;
let prod: SubscriptionSession;
const originalPath = process.env.PATH;
const poll = { pollIntervalMs: 50 };

before(async () => {
  local = await startLocalAzure({ fixture: enableBackupFixture(), lroDurationMs: 150, retryAfterSeconds: 0 });
  recoveryServicesBackupStateOf(local.state).settings.backupJobDurationMs = 600;
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  prod = listing.subscriptions.find((s) => s.subscriptionId === PROD_SUBSCRIPTION)!;
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

async function vm(name: string) {
  const vms = (await listResourcesOfKind(prod, 'virtualMachine')) as Array<{ id: string; name: string; location: string }>;
  return vms.find((v) => v.name === name)!;
}

test('the vault picker offers only vaults of the VM\'s region; the others say why', async () => {
  const web01 = await vm('vm-web-01');
  const { usable, unusable } = partitionVaultsForVm(web01, await listRecoveryVaults(prod), false, t);
  assert.deepEqual(usable.map((v) => v.name), ['rsv-contoso-jpe']);
  assert.deepEqual(unusable.map((u) => u.vault.name), ['rsv-contoso-eus']);
  assert.match(unusable[0].problem, /eastus.*japaneast.*same region/);
});

test('policies come with their schedule and retention, DefaultPolicy first', async () => {
  const policies = await listVmBackupPolicies(prod, 'rsv-contoso-jpe', 'rg-web-prod-japaneast');
  const summaries = policies.map((p) => describeBackupPolicy(p, t));
  assert.deepEqual(summaries.map((s) => s.name), ['DefaultPolicy', 'EnhancedPolicy', 'Daily-Retain90']);
  assert.equal(summaries[0].schedule, 'Daily at 19:00 (UTC)');
  assert.equal(summaries[0].retention, 'keeps recovery points 30 days');
  assert.equal(summaries[2].schedule, 'Daily at 02:00 (Tokyo Standard Time)');
  assert.equal(summaries[2].retention, 'keeps recovery points 90 days');
  assert.equal(summaries[1].tier, 'Enhanced');
});

test('enable protection with a new vault, then back up now: the job runs to Completed and the tree says protected', async () => {
  const web01 = await vm('vm-web-01');
  assert.equal(await readVmBackupProtection(prod, web01), undefined, 'not protected before');
  const vault = await createRecoveryVault(prod, 'rg-web-prod-japaneast', 'rsv-web-new', 'japaneast', { updateIntervalInMs: 20 });
  assert.equal(vault.location, 'japaneast');
  const policies = await listVmBackupPolicies(prod, 'rsv-web-new', 'rg-web-prod-japaneast');
  const defaultPolicy = policies.find((p) => p.name === 'DefaultPolicy')!;

  const steps: ProtectionStep[] = [];
  const protection = await enableVmProtection(prod, { vm: web01, vault: { ...vault, id: vault.id! }, policy: { ...defaultPolicy, id: defaultPolicy.id! }, usesAde: false }, t,
    { ...poll, onStep: (s) => steps.push(s) });
  assert.deepEqual(steps, ['checking', 'discovering', 'protecting']);
  assert.equal(protection.containerName, 'iaasvmcontainer;iaasvmcontainerv2;rg-web-prod-japaneast;vm-web-01');
  assert.equal(protection.policyName, 'DefaultPolicy');
  const status = await readVmBackupProtection(prod, web01);
  assert.equal(status?.vaultName, 'rsv-web-new');

  // The retention date as the user types it: the point is kept to the end of that day (UTC).
  const chosen = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
  const parsed = parseRetentionDate(chosen, new Date(), t);
  assert.ok(parsed.ok);
  const expiry = parsed.expiry;
  const jobId = await triggerVmBackup(prod, protection, expiry, poll);
  const seen: string[] = [];
  const job = await followBackupJob(prod, protection, jobId, { ...poll, onProgress: (j) => seen.push(j.properties?.status ?? '') });
  assert.equal(seen[0], 'InProgress');
  assert.equal(job.properties?.status, 'Completed');
  assert.match(describeBackupJobEnd(job as BackupJobLike, 'vm-web-01', new Date(), t).message, /^The backup of vm-web-01 completed in \d+ s\.$/);
  // The chosen date reached Azure Backup: the job keeps the recovery point until it.
  const bag = (job.properties as { extendedInfo?: { propertyBag?: Record<string, string> } }).extendedInfo?.propertyBag ?? {};
  assert.equal(bag['Recovery Point Expiry Time in UTC'], `${chosen}T23:59:59.000Z`);
  assert.equal(recoveryServicesBackupStateOf(local.state).jobs.get(jobId)?.recoveryPointExpiryTime, `${chosen}T23:59:59.000Z`);

  // What the tree shows: the inventory's VM listing carries the protection, the node its tooltip and contextValue.
  const list = withBackupProtection(listResourcesOfKind, () => assert.fail('no warning expected'));
  const listed = (await list(prod, 'virtualMachine')) as Array<{ name: string; backupProtection?: VmBackupProtection }>;
  const p = presentVirtualMachine(listed.find((v) => v.name === 'vm-web-01')! as never, t);
  assert.match(p.contextValue, /\bbackupProtected\b/);
  assert.ok(p.tooltip.includes('Backup: protected by vault rsv-web-new'));
  assert.equal(listed.find((v) => v.name === 'vm-web-02')?.backupProtection?.vaultName, 'rsv-contoso-jpe', 'the fixture\'s protected VM');
  assert.equal(listed.find((v) => v.name === 'vm-build-01'), undefined, 'dev VMs are in the other subscription');
  assert.equal(listed.find((v) => v.name === 'vm-db-01')?.backupProtection, undefined);
});

test('a vault in another region is refused before anything changes', async () => {
  const db01 = await vm('vm-db-01'); // eastus
  const vaults = await listRecoveryVaults(prod);
  const jpe = vaults.find((v) => v.name === 'rsv-contoso-jpe')!;
  const policy = (await listVmBackupPolicies(prod, 'rsv-contoso-jpe', 'rg-web-prod-japaneast'))[0];
  local.state.requestLog.length = 0;
  await assert.rejects(
    enableVmProtection(prod, { vm: db01, vault: { ...jpe, id: jpe.id! }, policy: { ...policy, id: policy.id! }, usesAde: true }, t, poll),
    (e: unknown) => /Vault rsv-contoso-jpe is in japaneast, but vm-db-01 is in eastus/.test(formatAzureError(e)),
  );
  assert.deepEqual(local.state.requestLog.filter((r) => r.method !== 'GET'), [], 'no call changed anything');
  // The stand-in refuses it too, as Azure would, when a caller skips the check and PUTs the protected item.
  const client = await recoveryServicesBackupClient(prod);
  await assert.rejects(
    client.protectedItems.createOrUpdate('rsv-contoso-jpe', 'rg-web-prod-japaneast', 'Azure', iaasVmContainerName(db01.id), iaasVmProtectedItemName(db01.id),
      { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: db01.id, policyId: policy.id } }),
    (e: unknown) => /^UserErrorVmNotInVaultRegion: /.test(formatAzureError(e)),
  );
  assert.equal(recoveryServicesBackupStateOf(local.state).protectedItemOfVm(db01.id), undefined);
});

test('a Trusted Launch VM is refused a Standard policy and protected with the Enhanced one', async () => {
  const tl01 = await vm('vm-tl-01');
  const vault = (await listRecoveryVaults(prod)).find((v) => v.name === 'rsv-contoso-jpe')!;
  const policies = await listVmBackupPolicies(prod, 'rsv-contoso-jpe', 'rg-web-prod-japaneast');
  const standard = policies.find((p) => p.name === 'DefaultPolicy')!;
  const enhanced = policies.find((p) => p.name === 'EnhancedPolicy')!;
  const full = { ...tl01, securityProfile: { securityType: 'TrustedLaunch' } };
  await assert.rejects(
    enableVmProtection(prod, { vm: full, vault: { ...vault, id: vault.id! }, policy: { ...standard, id: standard.id! }, usesAde: false }, t, poll),
    /only with an Enhanced policy/,
  );
  const protection = await enableVmProtection(prod, { vm: full, vault: { ...vault, id: vault.id! }, policy: { ...enhanced, id: enhanced.id! }, usesAde: false }, t, poll);
  assert.equal(protection.policyName, 'EnhancedPolicy');
});

test('a failed backup job is surfaced as one sentence with the service\'s reason', async () => {
  const web02 = await vm('vm-web-02');
  const protection = (await readVmBackupProtection(prod, web02))!;
  assert.equal(protection.vaultName, 'rsv-contoso-jpe');
  const rule = local.faults.add({ route: 'backups.trigger', operationOutcome: 'Failed', code: 'UserErrorKeyVaultPermissionsNotConfigured', message: 'Azure Backup Service does not have sufficient permissions to Key Vault for Backup of Encrypted Virtual Machines.', times: 1 });
  try {
    const jobId = await triggerVmBackup(prod, protection, new Date(Date.now() + 86400_000 * 2), poll);
    const job = await followBackupJob(prod, protection, jobId, poll);
    assert.equal(job.properties?.status, 'Failed');
    const end = describeBackupJobEnd(job as BackupJobLike, 'vm-web-02', new Date(), t);
    assert.equal(end.severity, 'error');
    assert.match(end.message, /^The backup of vm-web-02 failed after \d+ s: Azure Backup Service does not have sufficient permissions to Key Vault for Backup of Encrypted Virtual Machines \(UserErrorKeyVaultPermissionsNotConfigured\)\.$/);
  } finally {
    local.faults.remove(rule);
  }
});

test('a second backup while one runs is refused with the service\'s sentence; a past expiry too', async () => {
  const web02 = await vm('vm-web-02');
  const protection = (await readVmBackupProtection(prod, web02))!;
  await triggerVmBackup(prod, protection, new Date(Date.now() + 86400_000), poll);
  await assert.rejects(triggerVmBackup(prod, protection, new Date(Date.now() + 86400_000), poll), (e: unknown) => /UserErrorBackupOperationInProgress: A backup of 'vm-web-02' is already in progress/.test(formatAzureError(e)));
  await assert.rejects(triggerVmBackup(prod, protection, new Date(Date.now() - 1000), poll), /expiry time must be a time in the future/);
});

test('cancelling stops the waiting at once; the job goes on', async () => {
  const web01 = await vm('vm-web-01');
  const protection = (await readVmBackupProtection(prod, web01))!;
  await new Promise((r) => setTimeout(r, 700)); // let an earlier job of this VM finish
  const jobId = await triggerVmBackup(prod, protection, new Date(Date.now() + 86400_000), poll);
  const controller = new AbortController();
  const following = followBackupJob(prod, protection, jobId, { ...poll, abortSignal: controller.signal, onProgress: () => controller.abort() });
  await assert.rejects(following, (e: Error) => e.name === 'AbortError');
  const job = recoveryServicesBackupStateOf(local.state).jobs.get(jobId)!;
  assert.equal(job.finished ?? false, false);
});

test('the ADE-encrypted VM: its backup fails until Azure Backup may read its key vault; after the grant it completes', async () => {
  const web01 = await readVmForBackup(prod, (await vm('vm-web-01')).id);
  assert.equal(web01.encryption.keyKind, 'notEncrypted');
  const db01 = await readVmForBackup(prod, (await vm('vm-db-01')).id);
  assert.notEqual(db01.encryption.keyKind, 'notEncrypted');
  assert.deepEqual(db01.encryption.vaults.map((v) => v.vaultName), ['kv-contoso-ade-eus']);
  assert.equal(db01.vm.location, 'eastus');
  const { usable } = partitionVaultsForVm(db01.vm, await listRecoveryVaults(prod), true, t);
  assert.deepEqual(usable.map((v) => v.name), ['rsv-contoso-eus']);
  const policy = (await listVmBackupPolicies(prod, 'rsv-contoso-eus', 'rg-data-prod-eastus')).find((p) => p.name === 'DefaultPolicy')!;
  const protection = await enableVmProtection(prod, { vm: db01.vm, vault: { ...usable[0], id: usable[0].id! }, policy: { ...policy, id: policy.id! }, usesAde: true }, t, poll);
  assert.equal(protection.vaultName, 'rsv-contoso-eus');
  assert.equal((await readVmBackupProtection(prod, db01.vm))?.protectedItemName, 'VM;iaasvmcontainerv2;rg-data-prod-eastus;vm-db-01');

  // Without the key vault step, Azure Backup cannot read the BEK: the job fails with the service's code.
  const denied = await followBackupJob(prod, protection, await triggerVmBackup(prod, protection, new Date(Date.now() + 86400_000), poll), poll);
  assert.equal(denied.properties?.status, 'Failed');
  assert.match(describeBackupJobEnd(denied as BackupJobLike, 'vm-db-01', new Date(), t).message, /\(UserErrorKeyVaultPermissionsNotConfigured\)/);

  // The access step Enable Backup runs first: plan what is missing on the RBAC vault, apply it, back up again.
  const use = db01.encryption.vaults[0];
  const { plan } = await planBackupAccessForVault(prod, { vaultId: use.vaultId!, keyUsage: vaultKeyUsage(use), principalObjectId: CONTOSO_BACKUP_MANAGEMENT_SERVICE_OBJECT_ID });
  assert.deepEqual(plan.steps.map((s) => s.kind), ['createCustomRoleDefinition', 'createRoleAssignment']);
  await executeBackupAccessSteps(prod, plan.steps);
  const job = await followBackupJob(prod, protection, await triggerVmBackup(prod, protection, new Date(Date.now() + 86400_000), poll), poll);
  assert.equal(job.properties?.status, 'Completed');
});

test('disks Azure Backup does not support are found on any VM, read from Azure: an Entra-ID disk refuses, an unreadable disk asks', async () => {
  const secure = await readVmForBackup(prod, (await vm('vm-secure-01')).id);
  assert.equal(secure.encryption.keyKind, 'notEncrypted', 'not an ADE VM: the check runs anyway');
  const refused = findVmDiskBackupFindings(secure);
  assert.deepEqual(refused.map((f) => [f.rule, f.severity, f.params?.disk]), [['backup.entraIdDataAccessDisk', 'error', 'vm-secure-01_OsDisk_1']]);
  assert.equal(diskBackupDecision(refused), 'refuse');

  const split = await readVmForBackup(prod, (await vm('vm-split-01')).id);
  assert.deepEqual(split.disks.map((d) => d.name), ['vm-split-01_OsDisk_1']);
  assert.deepEqual(split.unreadableDiskIds.map((id) => id.split('/').pop()), ['vm-split-01-data-gone'], 'the disk that could not be read is kept, not dropped');
  const asked = findVmDiskBackupFindings(split);
  assert.deepEqual(asked.map((f) => [f.rule, f.severity]), [['backup.diskUnreadable', 'warning']]);
  assert.equal(diskBackupDecision(asked), 'confirm');

  const web01 = await readVmForBackup(prod, (await vm('vm-web-01')).id);
  assert.equal(diskBackupDecision(findVmDiskBackupFindings(web01)), 'proceed');
});
