import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VirtualMachineLike } from '../../../src/core/encryption/adeModel.ts';
import { renderFinding } from '../../../src/core/encryption/finding.ts';
import { parseEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { readPreviousEncryptionKeys } from '../../../src/core/encryption/previousEncryptionKeys.ts';
import { findKeyChangeOnEncryptedVm, KEY_CHANGE_MESSAGES, KEY_CHANGE_RULE } from '../../../src/core/encryption/rules/findKeyChangeOnEncryptedVm.ts';
import { runEncryptionPreflight } from '../../../src/core/encryption/runEncryptionPreflight.ts';
import { adeVault, healthyContext, KEK_URL, RG, runningVm, VAULT_ID } from './fixtures.ts';
import { encryptedVm } from './instanceViews.ts';

const OTHER_VAULT_ID = `${RG}/providers/Microsoft.KeyVault/vaults/kv-other`;
const otherVault = () => ({ ...adeVault(), id: OTHER_VAULT_ID, name: 'kv-other', properties: { ...adeVault().properties, vaultUri: 'https://kv-other.vault.azure.net/' } });

/** An All-encrypted VM whose extension settings carry `kek` (or none). */
function encryptedWith(kek?: string): VirtualMachineLike {
  const vm = encryptedVm({ volumeType: 'All', os: 'Encrypted', data: 'Encrypted', osDiskEncrypted: true, dataDiskEncrypted: true });
  const [ext] = vm.resources!;
  return { ...vm, resources: [{ ...ext, settings: { ...(ext.settings as object), ...(kek ? { KeyEncryptionKeyURL: kek, KekVaultResourceId: VAULT_ID, KeyEncryptionAlgorithm: 'RSA-OAEP-256' } : {}) } }] };
}

const context = (vm: VirtualMachineLike, overrides: Parameters<typeof healthyContext>[0] = {}) =>
  healthyContext({ vm, status: parseEncryptionStatus(vm), ...overrides });

test('previous keys: from the extension settings, including the KEK and its algorithm', () => {
  assert.deepEqual(readPreviousEncryptionKeys(encryptedWith(KEK_URL)), {
    keyVaultResourceId: VAULT_ID, keyVaultUrl: 'https://kv-ade.vault.azure.net/', keyEncryptionKeyUrl: KEK_URL,
    kekVaultResourceId: VAULT_ID, keyEncryptionAlgorithm: 'RSA-OAEP-256',
  });
  assert.equal(readPreviousEncryptionKeys(runningVm()), undefined);
});

test('previous keys: from the encrypted disks once the extension (and its settings) is gone', () => {
  const vm = encryptedWith();
  const removed: VirtualMachineLike = { ...vm, resources: [], instanceView: { ...vm.instanceView, extensions: [] } };
  assert.deepEqual(readPreviousEncryptionKeys(removed), { keyVaultResourceId: VAULT_ID, keyVaultUrl: 'https://kv-ade.vault.azure.net/' });
  const [f] = findKeyChangeOnEncryptedVm(context(removed, { vault: otherVault() }));
  assert.equal(f.rule, KEY_CHANGE_RULE);
});

test('same vault and same (absent) KEK: nothing to report', () => {
  assert.deepEqual(findKeyChangeOnEncryptedVm(context(encryptedWith())), []);
  assert.deepEqual(findKeyChangeOnEncryptedVm(context(encryptedWith(KEK_URL), { request: { operation: 'Enable', volumeType: 'All', keyEncryptionKeyUrl: KEK_URL.toUpperCase().replace('HTTPS', 'https') } })), []);
});

test('another key vault on an encrypted VM is an error with the article\'s reason', () => {
  const [f] = findKeyChangeOnEncryptedVm(context(encryptedWith(), { vault: otherVault() }));
  assert.equal(f.severity, 'error');
  assert.equal(f.path, 'vault.id');
  const text = renderFinding(f);
  assert.equal(text.message, 'This VM is encrypted with the keys in key vault "kv-ade", but this run would use key vault "kv-other".');
  assert.match(text.why!, /already encrypted is not supported/);
  assert.match(text.fix!, /"kv-ade"/);
});

test('adding, dropping or changing the KEK (even its version) is an error', () => {
  const added = findKeyChangeOnEncryptedVm(context(encryptedWith(), { request: { operation: 'Enable', volumeType: 'All', keyEncryptionKeyUrl: KEK_URL } }));
  assert.deepEqual(added.map((f) => f.message), [KEY_CHANGE_MESSAGES.kekAdded.message]);
  const dropped = findKeyChangeOnEncryptedVm(context(encryptedWith(KEK_URL)));
  assert.deepEqual(dropped.map((f) => f.message), [KEY_CHANGE_MESSAGES.kekDropped.message]);
  const rotated = KEK_URL.replace(/[0-9a-f]{32}$/, 'fedcba9876543210fedcba9876543210');
  const [changed] = findKeyChangeOnEncryptedVm(context(encryptedWith(KEK_URL), { request: { operation: 'Enable', volumeType: 'All', keyEncryptionKeyUrl: rotated } }));
  assert.equal(changed.message, KEY_CHANGE_MESSAGES.kek.message);
  assert.deepEqual(changed.params, { previous: KEK_URL, requested: rotated });
  // The full pre-flight blocks on it.
  assert.equal(runEncryptionPreflight(context(encryptedWith(KEK_URL), { request: { operation: 'Enable', volumeType: 'All', keyEncryptionKeyUrl: rotated } })).blocking, true);
});

test('not encrypted, decrypted, a disable request, or the early check (no vault yet): nothing to report', () => {
  assert.deepEqual(findKeyChangeOnEncryptedVm(healthyContext({ vault: otherVault() })), []);
  const decrypted = encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'NotEncrypted', operation: 'DisableEncryption', osDiskEncrypted: false, dataDiskEncrypted: false });
  assert.deepEqual(findKeyChangeOnEncryptedVm(context(decrypted, { vault: otherVault() })), []);
  assert.deepEqual(findKeyChangeOnEncryptedVm(context(encryptedWith(), { vault: otherVault(), request: { operation: 'Disable', volumeType: 'Data' } })), []);
  const { vault: _none, ...early } = context(encryptedWith(KEK_URL));
  assert.deepEqual(findKeyChangeOnEncryptedVm(early), []);
});
