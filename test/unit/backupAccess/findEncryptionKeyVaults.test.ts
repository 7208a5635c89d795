import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEncryptionKeyVaults, vaultKeyUsage } from '../../../src/core/backupAccess/findEncryptionKeyVaults.ts';
import type { EncryptedDiskLike, VmExtensionLike } from '../../../src/core/backupAccess/encryptionSourceTypes.ts';
import { RG_ID, VAULT_ID, VM_ID } from './backupAccessFixtures.ts';

const KEK_VAULT_ID = `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-kek`;
const SECRET_URL = 'https://kv-ade.vault.azure.net/secrets/bek-os/0123456789abcdef';
const KEY_URL = 'https://kv-ade.vault.azure.net/keys/kek/fedcba9876543210';

function adeExtension(settings: unknown): VmExtensionLike {
  return { name: 'AzureDiskEncryptionForLinux', type: 'Microsoft.Compute/virtualMachines/extensions', publisher: 'Microsoft.Azure.Security', typePropertiesType: 'AzureDiskEncryptionForLinux', settings };
}

function adeDisk(name: string, withKek: boolean, vaultId = VAULT_ID): EncryptedDiskLike {
  return {
    id: `${RG_ID}/providers/Microsoft.Compute/disks/${name}`,
    name,
    encryptionSettingsCollection: {
      enabled: true,
      encryptionSettingsVersion: '1.1',
      encryptionSettings: [
        {
          diskEncryptionKey: { sourceVault: { id: vaultId }, secretUrl: SECRET_URL.replace('bek-os', `bek-${name}`) },
          ...(withKek ? { keyEncryptionKey: { sourceVault: { id: vaultId }, keyUrl: KEY_URL } } : {}),
        },
      ],
    },
  };
}

test('extension settings with only KeyVaultURL/ResourceId: one vault, BEK only', () => {
  const r = findEncryptionKeyVaults({
    vm: { id: VM_ID, resources: [adeExtension({ EncryptionOperation: 'EnableEncryption', KeyVaultURL: 'https://kv-ade.vault.azure.net/', KeyVaultResourceId: VAULT_ID, VolumeType: 'All' })] },
  });
  assert.equal(r.keyKind, 'bekOnly');
  assert.equal(r.vaults.length, 1);
  assert.equal(r.vaults[0].vaultId, VAULT_ID);
  assert.equal(r.vaults[0].vaultName, 'kv-ade');
  assert.equal(vaultKeyUsage(r.vaults[0]), 'bekOnly');
  assert.deepEqual(r.findings, []);
});

test('extension settings with a KEK in the same vault: BEK + KEK, case-insensitive names, JSON-string settings', () => {
  const settings = JSON.stringify({ keyvaulturl: 'https://kv-ade.vault.azure.net/', KEYVAULTRESOURCEID: VAULT_ID, KeyEncryptionKeyUrl: KEY_URL, KekVaultResourceId: VAULT_ID });
  const r = findEncryptionKeyVaults({ vm: { id: VM_ID, resources: [adeExtension(settings)] } });
  assert.equal(r.keyKind, 'bekAndKek');
  assert.equal(r.vaults.length, 1);
  assert.equal(vaultKeyUsage(r.vaults[0]), 'bekAndKek');
  assert.deepEqual(r.vaults[0].keyUrls, [KEY_URL]);
});

test('KEK in a separate vault: two vaults, one needs secrets, the other keys', () => {
  const r = findEncryptionKeyVaults({
    vm: { id: VM_ID, resources: [adeExtension({ KeyVaultURL: 'https://kv-ade.vault.azure.net/', KeyVaultResourceId: VAULT_ID, KeyEncryptionKeyURL: 'https://kv-kek.vault.azure.net/keys/kek/1', KekVaultResourceId: KEK_VAULT_ID })] },
  });
  assert.equal(r.keyKind, 'bekAndKek');
  assert.deepEqual(r.vaults.map((v) => [v.vaultName, vaultKeyUsage(v)]), [['kv-ade', 'bekOnly'], ['kv-kek', 'kekOnly']]);
});

test('disks\' encryptionSettingsCollection alone (no extension listed): vault and key kind from the disks', () => {
  const r = findEncryptionKeyVaults({ vm: { id: VM_ID }, disks: [adeDisk('osdisk', true), adeDisk('data0', true), { name: 'plain' }] });
  assert.equal(r.keyKind, 'bekAndKek');
  assert.equal(r.vaults.length, 1);
  assert.equal(r.vaults[0].vaultId, VAULT_ID);
  assert.equal(r.vaults[0].secretUrls.length, 2);
  assert.deepEqual(r.vaults[0].sources, ['disk:osdisk', 'disk:data0']);
});

test('a URL-only vault (VM status without ids) is named and flagged so the user can select it', () => {
  const r = findEncryptionKeyVaults({
    vm: { id: VM_ID, instanceView: { disks: [{ name: 'osdisk', encryptionSettings: [{ enabled: true, diskEncryptionKey: { secretUrl: SECRET_URL } }] }] } },
  });
  assert.equal(r.keyKind, 'bekOnly');
  assert.equal(r.vaults[0].vaultName, 'kv-ade');
  assert.equal(r.vaults[0].vaultUri, 'https://kv-ade.vault.azure.net/');
  assert.equal(r.vaults[0].vaultId, undefined);
  assert.equal(r.findings[0].rule, 'ade.vaultResourceIdUnknown');
});

test('URL from the VM status and id from the disk merge into one vault', () => {
  const r = findEncryptionKeyVaults({
    vm: { id: VM_ID, instanceView: { disks: [{ name: 'osdisk', encryptionSettings: [{ diskEncryptionKey: { secretUrl: SECRET_URL } }] }] } },
    disks: [adeDisk('osdisk', false)],
  });
  assert.equal(r.vaults.length, 1);
  assert.equal(r.vaults[0].vaultId, VAULT_ID);
  assert.deepEqual(r.findings, []);
});

test('settings name a KEK the disks lack: warns and plans for BEK + KEK', () => {
  const r = findEncryptionKeyVaults({
    vm: { id: VM_ID, resources: [adeExtension({ KeyVaultURL: 'https://kv-ade.vault.azure.net/', KeyVaultResourceId: VAULT_ID, KeyEncryptionKeyURL: KEY_URL })] },
    disks: [adeDisk('osdisk', false)],
  });
  assert.equal(r.keyKind, 'bekAndKek');
  assert.deepEqual(r.findings.map((f) => f.rule), ['ade.kekOnlyInSettings']);
});

test('disks use a KEK the settings don\'t name: warns, BEK + KEK', () => {
  const r = findEncryptionKeyVaults({
    vm: { id: VM_ID, resources: [adeExtension({ KeyVaultURL: 'https://kv-ade.vault.azure.net/', KeyVaultResourceId: VAULT_ID })] },
    disks: [adeDisk('osdisk', true)],
  });
  assert.equal(r.keyKind, 'bekAndKek');
  assert.deepEqual(r.findings.map((f) => f.rule), ['ade.kekOnlyOnDisks']);
});

test('no ADE anywhere (SSE with a customer key only): not encrypted, no vault, an info that nothing is needed', () => {
  const r = findEncryptionKeyVaults({
    vm: { id: VM_ID, resources: [{ publisher: 'Microsoft.Azure.Extensions', typePropertiesType: 'CustomScript', settings: {} }] },
    disks: [{ name: 'osdisk', encryption: { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: `${RG_ID}/providers/Microsoft.Compute/diskEncryptionSets/des` } }],
  });
  assert.equal(r.keyKind, 'notEncrypted');
  assert.deepEqual(r.vaults, []);
  assert.deepEqual(r.findings.map((f) => [f.rule, f.severity]), [['ade.notEncrypted', 'info']]);
});

test('ADE extension without readable settings and no disk data: vault not found, key kind unknown', () => {
  const r = findEncryptionKeyVaults({ vm: { id: VM_ID, resources: [adeExtension(undefined)] } });
  assert.equal(r.keyKind, 'unknown');
  assert.deepEqual(r.findings.map((f) => [f.rule, f.severity]), [['ade.keyVaultNotFound', 'error'], ['ade.keyKindUnknown', 'warning']]);
});

test('an extension that is disabling encryption, with decrypted disks, counts as not encrypted', () => {
  const disabled = structuredClone(adeDisk('osdisk', false));
  disabled.encryptionSettingsCollection!.enabled = false;
  const r = findEncryptionKeyVaults({ vm: { id: VM_ID, resources: [adeExtension({ EncryptionOperation: 'DisableEncryption', KeyVaultResourceId: VAULT_ID })] }, disks: [disabled] });
  assert.equal(r.keyKind, 'notEncrypted');
});

test('legacy (Entra app) ADE on the VM model\'s osDisk.encryptionSettings is found', () => {
  const r = findEncryptionKeyVaults({
    vm: { id: VM_ID, storageProfile: { osDisk: { name: 'os', encryptionSettings: { enabled: true, diskEncryptionKey: { secretUrl: SECRET_URL, sourceVault: { id: VAULT_ID } }, keyEncryptionKey: { keyUrl: KEY_URL, sourceVault: { id: VAULT_ID } } } } } },
  });
  assert.equal(r.keyKind, 'bekAndKek');
  assert.equal(r.vaults[0].vaultId, VAULT_ID);
});
