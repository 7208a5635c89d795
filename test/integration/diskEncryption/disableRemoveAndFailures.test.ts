// Disable and remove in the article's order, the refusals it prescribes, and a provisioning failure reaching the
// user as one sentence, all through the extension's adapters against the stand-in playing the ADE extension.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteAdeExtension, restartVm } from '../../../src/azure/encryption/adeExtensionOperations.ts';
import { applyAdeOperation, AdeSettingsError } from '../../../src/azure/encryption/applyAdeOperation.ts';
import { readEncryptionTarget } from '../../../src/azure/encryption/gatherPreflightContext.ts';
import { formatAzureError } from '../../../src/core/errors/describeAzureError.ts';
import { planAdeExtensionRemoval, EXTENSION_REMOVAL_MESSAGES } from '../../../src/core/encryption/planAdeExtensionRemoval.ts';
import { checkDisableEncryption, VOLUME_TYPE_REASONS } from '../../../src/core/encryption/volumeTypeRules.ts';
import { EUS_VAULT_ID, fast, JPE_VAULT_ID, JPE_VAULT_URL, startAdeEnvironment, statusUntil, vmId, type AdeEnvironment } from './adeEnvironment.ts';

let env: AdeEnvironment;
before(async () => { env = await startAdeEnvironment(); });
after(() => env?.stop());

const enable = (name: string, volumeType: 'All' | 'OS' | 'Data', extra: Record<string, string> = {}, rg?: string) =>
  applyAdeOperation(env.prod, { id: vmId(name, rg), location: 'japaneast' }, { operation: 'Enable', volumeType, keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID, ...extra }, fast);

test('data only: encrypt, disable (data volumes back to NotEncrypted), then removing the extension is safe', async () => {
  await enable('vm-web-01', 'Data');
  const encrypted = await statusUntil(() => env.status('vm-web-01'), (s) => s.phase === 'Encrypted');
  assert.equal(encrypted.os, 'NotEncrypted');
  assert.deepEqual(checkDisableEncryption({ status: encrypted }), { allowed: true, volumeType: 'Data' });
  // Removing now would leave the disks encrypted: the plan asks for confirmation and says so.
  const early = planAdeExtensionRemoval(encrypted);
  assert.equal(early.needsConfirmation, true);
  assert.equal(early.message, EXTENSION_REMOVAL_MESSAGES.stillEncrypted);

  const disabled = await applyAdeOperation(env.prod, { id: vmId('vm-web-01'), location: 'japaneast' }, { operation: 'Disable', volumeType: 'Data' }, fast);
  assert.equal(disabled.settings.EncryptionOperation, 'DisableEncryption');
  assert.equal(disabled.settings.KeyVaultURL, undefined);
  const decrypted = await statusUntil(() => env.status('vm-web-01'), (s) => s.phase === 'Decrypted');
  assert.equal(decrypted.data, 'NotEncrypted');
  assert.equal(decrypted.next.kind, 'offerRemoveExtension');
  assert.ok(decrypted.disks.filter((d) => d.role === 'data').every((d) => d.diskState === 'notEncrypted'));
  const plan = planAdeExtensionRemoval(decrypted);
  assert.deepEqual([plan.allowed, plan.needsConfirmation], [true, false]);

  await deleteAdeExtension(env.prod, vmId('vm-web-01'), fast);
  const target = await readEncryptionTarget(env.prod, vmId('vm-web-01'));
  assert.equal(target.vm.resources?.some((r) => r.typePropertiesType === 'AzureDiskEncryptionForLinux') ?? false, false);
  assert.ok(target.disks.every((d) => !d.encryptionSettingsCollection?.enabled), 'no disk resource is left marked encrypted');
  assert.equal((await env.status('vm-web-01')).phase, 'NotEncrypted');
});

test('disable is refused with the article\'s reason once the OS volume is encrypted, here and by the extension', async () => {
  await enable('vm-web-02', 'OS');
  await statusUntil(() => env.status('vm-web-02'), (s) => s.phase === 'RestartPending');
  await restartVm(env.prod, vmId('vm-web-02'), fast);
  const status = await statusUntil(() => env.status('vm-web-02'), (s) => s.phase === 'Encrypted');
  assert.deepEqual(checkDisableEncryption({ status }), { allowed: false, reason: VOLUME_TYPE_REASONS.disableOsEncrypted });
  // Sent anyway, the extension rejects it the way Azure reports extension failures: one readable sentence.
  const error = await applyAdeOperation(env.prod, { id: vmId('vm-web-02'), location: 'japaneast' }, { operation: 'Disable', volumeType: 'Data' }, fast).catch((e: unknown) => e);
  const sentence = formatAzureError(error);
  assert.match(sentence, /^VMExtensionProvisioningError: VM has reported a failure when processing extension 'AzureDiskEncryptionForLinux'/);
  assert.match(sentence, /Disabling encryption is not supported when the OS volume is encrypted/);
  assert.doesNotMatch(sentence, /\n/);
  // Removing the extension from an OS-encrypted VM: allowed, but the disks stay encrypted (explicit confirmation).
  const plan = planAdeExtensionRemoval(await env.status('vm-web-02'));
  assert.equal(plan.message, EXTENSION_REMOVAL_MESSAGES.osEncrypted);
  assert.equal(plan.needsConfirmation, true);
  // Deleting the extension leaves the disks as they are.
  await deleteAdeExtension(env.prod, vmId('vm-web-02'), fast);
  const after = await env.status('vm-web-02');
  assert.equal(after.extension.present, false);
  assert.equal(after.disks[0].diskState, 'encrypted');
  assert.equal(after.phase, 'Encrypted');
});

test('a vault not enabled for disk encryption or in another region fails the extension provisioning with its reason', async () => {
  local().changeVault(JPE_VAULT_ID, { enabledForDiskEncryption: false });
  try {
    const error = await enable('vm-tl-01', 'OS', {}, 'rg-security-prod').catch((e: unknown) => e);
    assert.match(formatAzureError(error), /VMExtensionProvisioningError: .*is not enabled for disk encryption/);
    const failed = await env.status('vm-tl-01', 'rg-security-prod');
    assert.equal(failed.phase, 'Failed');
    assert.equal(failed.next.kind, 'investigate');
    assert.match(failed.extension.progressMessage ?? '', /not enabled for disk encryption/);
  } finally {
    local().changeVault(JPE_VAULT_ID, { enabledForDiskEncryption: true });
  }
  const otherRegion = await applyAdeOperation(env.prod, { id: vmId('vm-tl-01', 'rg-security-prod'), location: 'japaneast' }, {
    operation: 'Enable', volumeType: 'OS', keyVaultUrl: 'https://kv-contoso-ade-eus.vault.azure.net/', keyVaultResourceId: EUS_VAULT_ID,
  }, fast).catch((e: unknown) => e);
  assert.match(formatAzureError(otherRegion), /is in eastus, but the VM is in japaneast/);
});

test('settings the core refuses never reach Azure (EncryptFormatAll with OS, KEK without version)', async () => {
  const before = env.local.state.requestLog.length;
  const formatAllOs = await applyAdeOperation(env.prod, { id: vmId('vm-web-01'), location: 'japaneast' }, {
    operation: 'EnableFormatAll', volumeType: 'All', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID,
  }, fast).catch((e: unknown) => e);
  assert.ok(formatAllOs instanceof AdeSettingsError);
  assert.match(formatAllOs.message, /EncryptFormatAll runs with the "Data" volume type only/);
  const noVersion = await enable('vm-web-01', 'Data', { keyEncryptionKeyUrl: 'https://kv-contoso-ade-jpe.vault.azure.net/keys/kek-ade' }).catch((e: unknown) => e);
  assert.ok(noVersion instanceof AdeSettingsError);
  assert.match(noVersion.message, /must include the key version/);
  assert.equal(env.local.state.requestLog.slice(before).filter((r) => r.method === 'PUT').length, 0);
});

test('the extension rejects a new operation while one runs (restart pending)', async () => {
  const tl = vmId('vm-tl-01', 'rg-security-prod');
  await applyAdeOperation(env.prod, { id: tl, location: 'japaneast' }, { operation: 'Enable', volumeType: 'OS', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID }, fast);
  await statusUntil(() => env.status('vm-tl-01', 'rg-security-prod'), (s) => s.phase === 'RestartPending');
  const again = await applyAdeOperation(env.prod, { id: tl, location: 'japaneast' }, { operation: 'Enable', volumeType: 'OS', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID }, fast).catch((e: unknown) => e);
  assert.match(formatAzureError(again), /already in progress/);
});

function local() {
  return {
    changeVault(id: string, props: Record<string, unknown>) {
      const vault = env.local.state.get('vaults', id);
      if (!vault?.resource.properties) throw new Error(`no vault ${id}`);
      Object.assign(vault.resource.properties, props);
    },
  };
}

test('a key vault in another subscription fails the extension provisioning, as Azure refuses it', async () => {
  const devVaultId = '/subscriptions/b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85/resourceGroups/rg-devtest-japaneast/providers/Microsoft.KeyVault/vaults/kv-contoso-app-dev';
  // Enabled for disk encryption and in the VM's region: only the subscription is wrong.
  const vault = env.local.state.get('vaults', devVaultId);
  assert.ok(vault?.resource.properties);
  Object.assign(vault.resource.properties, { enabledForDiskEncryption: true });
  const error = await applyAdeOperation(env.prod, { id: vmId('vm-web-02'), location: 'japaneast' }, {
    operation: 'Enable', volumeType: 'OS', keyVaultUrl: String(vault.resource.properties.vaultUri), keyVaultResourceId: devVaultId,
  }, fast).catch((e: unknown) => e);
  assert.match(formatAzureError(error), /VMExtensionProvisioningError: .*kv-contoso-app-dev is in subscription b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85, but the VM is in subscription 3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12: the key vault and the VM must be in the same subscription/);
  assert.equal((await env.status('vm-web-02')).phase, 'Failed');
});
