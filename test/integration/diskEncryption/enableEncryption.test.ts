// Enabling ADE through the extension's adapters against the stand-in: the extension PUT the CLI would send, the
// instance view read the way `az vm encryption show` reads it, the restart that finishes the OS volume.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { restartVm } from '../../../src/azure/encryption/adeExtensionOperations.ts';
import { applyAdeOperation } from '../../../src/azure/encryption/applyAdeOperation.ts';
import { readEncryptionTarget } from '../../../src/azure/encryption/gatherPreflightContext.ts';
import { watchEncryptionStatus } from '../../../src/azure/encryption/watchEncryptionStatus.ts';
import { parseEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { fast, JPE_VAULT_ID, JPE_VAULT_URL, KEK_URL, startAdeEnvironment, vmId, type AdeEnvironment } from './adeEnvironment.ts';

let env: AdeEnvironment;
before(async () => { env = await startAdeEnvironment(); });
after(() => env?.stop());

const watch = (name: string) => watchEncryptionStatus({ read: () => env.status(name), onStatus: () => undefined, firstDelayMs: 30, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 60))) });

test('volume type All with a KEK: in progress, restart pending, restart, encrypted (disks and extension agree)', async () => {
  const seen: string[] = [];
  const applied = await applyAdeOperation(env.prod, { id: vmId('vm-web-01'), location: 'japaneast' }, {
    operation: 'Enable', volumeType: 'All', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID,
    keyEncryptionKeyUrl: KEK_URL, keyEncryptionAlgorithm: 'RSA-OAEP-256',
  }, fast);
  assert.equal(applied.settings.KeyEncryptionAlgorithm, 'RSA-OAEP-256');
  assert.equal(applied.settings.KekVaultResourceId, JPE_VAULT_ID);

  const first = await watchEncryptionStatus({
    read: () => env.status('vm-web-01'),
    onStatus: (s) => seen.push(`${s.os}/${s.data}`),
    firstDelayMs: 30,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 60))),
  });
  assert.equal(first.reason, 'needsRestart');
  assert.equal(first.status.next.kind, 'offerRestart');
  assert.equal(seen[0], 'EncryptionInProgress/EncryptionInProgress');
  assert.ok(seen.includes('EncryptionInProgress/Encrypted'), `data finishes first: ${seen.join(', ')}`);
  assert.equal(seen.at(-1), 'VMRestartPending/Encrypted');

  await restartVm(env.prod, vmId('vm-web-01'), fast);
  const done = await watch('vm-web-01');
  assert.equal(done.reason, 'finished');
  assert.equal(done.status.phase, 'Encrypted');
  assert.deepEqual(done.status.disks.map((d) => [d.role, d.diskState, d.volumeState]), [
    ['os', 'encrypted', 'Encrypted'], ['data', 'encrypted', 'Encrypted'], ['data', 'encrypted', 'Encrypted'],
  ]);
  assert.ok(done.status.disks.every((d) => d.keyEncryptionKeyUrl === KEK_URL && d.secretUrl?.startsWith(JPE_VAULT_URL + 'secrets/')));
  // The managed disks carry the ADE settings too (what the Disks group of the tree reads).
  const target = await readEncryptionTarget(env.prod, vmId('vm-web-01'));
  assert.ok(target.disks.every((d) => d.encryptionSettingsCollection?.enabled === true), 'every disk resource says encrypted');
  assert.equal(done.status.extension.lastVolumeType, 'All');
});

test('OS only without a KEK on a VM with no data disks: no KEK settings are sent, data stays not mounted', async () => {
  const applied = await applyAdeOperation(env.prod, { id: vmId('vm-web-02'), location: 'japaneast' }, {
    operation: 'Enable', volumeType: 'OS', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID,
  }, fast);
  assert.equal(applied.settings.KeyEncryptionKeyURL, undefined);
  assert.equal(applied.settings.KeyEncryptionAlgorithm, undefined);
  const pending = await watch('vm-web-02');
  assert.equal(pending.reason, 'needsRestart');
  assert.equal(pending.status.data, 'NotMounted');
  await restartVm(env.prod, vmId('vm-web-02'), fast);
  const done = await watch('vm-web-02');
  assert.equal(done.status.phase, 'Encrypted');
  assert.equal(done.status.disks[0].keyEncryptionKeyUrl, undefined);
});

test('every operation sends a new SequenceVersion, and the VM model keeps the last settings', async () => {
  const id = vmId('vm-web-02');
  const a = await applyAdeOperation(env.prod, { id, location: 'japaneast' }, { operation: 'Enable', volumeType: 'OS', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID }, fast);
  const b = await applyAdeOperation(env.prod, { id, location: 'japaneast' }, { operation: 'Enable', volumeType: 'OS', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID }, fast);
  assert.notEqual(a.settings.SequenceVersion, b.settings.SequenceVersion);
  const vm = (await readEncryptionTarget(env.prod, id)).vm;
  const ext = vm.resources?.find((r) => r.typePropertiesType === 'AzureDiskEncryptionForLinux');
  assert.equal((ext?.settings as { SequenceVersion?: string }).SequenceVersion, b.settings.SequenceVersion);
  assert.equal(parseEncryptionStatus(vm).phase, 'Encrypted');
});
