import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFinding } from '../../../src/core/encryption/finding.ts';
import { findMissingKeyVault } from '../../../src/core/encryption/rules/findMissingKeyVault.ts';
import { findVaultNotEnabledForDiskEncryption } from '../../../src/core/encryption/rules/findVaultNotEnabledForDiskEncryption.ts';
import { findVaultInOtherRegion } from '../../../src/core/encryption/rules/findVaultInOtherRegion.ts';
import { findVaultInOtherSubscription } from '../../../src/core/encryption/rules/findVaultInOtherSubscription.ts';
import { findVaultWithoutRecoveryProtection } from '../../../src/core/encryption/rules/findVaultWithoutRecoveryProtection.ts';
import { findInvalidKeyEncryptionKey } from '../../../src/core/encryption/rules/findInvalidKeyEncryptionKey.ts';
import { adeVault, healthyContext, runningVm, KEK_URL, OTHER_SUB } from './fixtures.ts';

const vault = adeVault();

test('vault-missing: a chosen vault passes; none is an error when enabling, fine when disabling', () => {
  assert.deepEqual(findMissingKeyVault(healthyContext()), []);
  const [f] = findMissingKeyVault(healthyContext({ vault: undefined }));
  assert.equal(f.rule, 'ade.vault-missing');
  assert.match(renderFinding(f).fix!, /japaneast/);
  assert.deepEqual(findMissingKeyVault(healthyContext({ vault: undefined, request: { operation: 'Disable' } })), []);
});

test('vault-not-enabled-for-disk-encryption: enabled passes; disabled is an error unless the VM has an encryption identity', () => {
  assert.deepEqual(findVaultNotEnabledForDiskEncryption(healthyContext()), []);
  const off = { ...vault, properties: { ...vault.properties, enabledForDiskEncryption: false } };
  const [f] = findVaultNotEnabledForDiskEncryption(healthyContext({ vault: off }));
  assert.equal(f.severity, 'error');
  assert.equal(f.path, 'vault.properties.enabledForDiskEncryption');
  assert.match(renderFinding(f).message, /"kv-ade"/);
  const vm = { ...runningVm(), securityProfile: { encryptionIdentity: { userAssignedIdentityResourceId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1' } } };
  assert.deepEqual(findVaultNotEnabledForDiskEncryption(healthyContext({ vault: off, vm })), []);
});

test('vault-region: same region passes (ignoring case and spaces); another region is an error', () => {
  assert.deepEqual(findVaultInOtherRegion(healthyContext({ vault: { ...vault, location: 'Japan East' } })), []);
  const [f] = findVaultInOtherRegion(healthyContext({ vault: { ...vault, location: 'westus' } }));
  assert.match(renderFinding(f).message, /in westus, but the VM is in japaneast/);
});

test('vault-subscription: same subscription passes; another one is an error', () => {
  assert.deepEqual(findVaultInOtherSubscription(healthyContext()), []);
  const other = { ...vault, id: vault.id!.replace(/subscriptions\/[^/]+/, `subscriptions/${OTHER_SUB}`) };
  const [f] = findVaultInOtherSubscription(healthyContext({ vault: other }));
  assert.match(renderFinding(f).message, new RegExp(OTHER_SUB));
});

test('vault-recovery-protection: soft delete + purge protection pass; without them it warns and explains why', () => {
  assert.deepEqual(findVaultWithoutRecoveryProtection(healthyContext()), []);
  const weak = { ...vault, properties: { ...vault.properties, enableSoftDelete: false, enablePurgeProtection: undefined } };
  const found = findVaultWithoutRecoveryProtection(healthyContext({ vault: weak }));
  assert.deepEqual(found.map((f) => [f.severity, f.path]), [
    ['warning', 'vault.properties.enableSoftDelete'], ['warning', 'vault.properties.enablePurgeProtection'],
  ]);
  assert.match(found[0].why!, /can no longer boot/);
});

test('key-encryption-key: a versioned key in the chosen vault passes; no version, another vault or region are errors', () => {
  const ok = healthyContext({ request: { operation: 'Enable', volumeType: 'Data', keyEncryptionKeyUrl: KEK_URL } });
  assert.deepEqual(findInvalidKeyEncryptionKey(ok), []);
  const noVersion = findInvalidKeyEncryptionKey(healthyContext({ request: { operation: 'Enable', volumeType: 'Data', keyEncryptionKeyUrl: 'https://kv-ade.vault.azure.net/keys/kek1' } }));
  assert.equal(noVersion.length, 1);
  assert.match(renderFinding(noVersion[0]).message, /has no version/);
  const notAKey = findInvalidKeyEncryptionKey(healthyContext({ request: { operation: 'Enable', volumeType: 'Data', keyEncryptionKeyUrl: 'https://kv-ade.vault.azure.net/secrets/s1/0123456789abcdef0123456789abcdef' } }));
  assert.match(renderFinding(notAKey[0]).message, /is not a key URL/);
  const otherVault = findInvalidKeyEncryptionKey(healthyContext({ request: { operation: 'Enable', volumeType: 'Data', keyEncryptionKeyUrl: KEK_URL.replace('kv-ade', 'kv-other') } }));
  assert.match(renderFinding(otherVault[0]).message, /vault "kv-other"/);
  const kekVault = { ...vault, id: vault.id!.replace('kv-ade', 'kv-kek'), name: 'kv-kek', location: 'westus', properties: { ...vault.properties, vaultUri: 'https://kv-kek.vault.azure.net/' } };
  const region = findInvalidKeyEncryptionKey(healthyContext({ kekVault, request: { operation: 'Enable', volumeType: 'Data', keyEncryptionKeyUrl: KEK_URL.replace('kv-ade', 'kv-kek') } }));
  assert.deepEqual(region.map((f) => f.path), ['kekVault.location']);
  assert.deepEqual(findInvalidKeyEncryptionKey(healthyContext()), []); // no KEK requested
});
