import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAdeExtensionSettings, SETTINGS_ERRORS, type AdeSettingsInput } from '../../../src/core/encryption/buildAdeExtensionSettings.ts';
import { KEK_URL, VAULT_ID } from './fixtures.ts';

function sequence(): () => string {
  let n = 0;
  return () => `seq-${++n}`;
}

const enable: AdeSettingsInput = {
  operation: 'Enable', location: 'japaneast', volumeType: 'All',
  keyVaultUrl: 'https://kv-ade.vault.azure.net', keyVaultResourceId: VAULT_ID,
};

test('enable without KEK: the v1.1 extension with the vault and a new sequence version', () => {
  const r = buildAdeExtensionSettings(enable, sequence());
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.extension, {
    location: 'japaneast',
    publisher: 'Microsoft.Azure.Security',
    typePropertiesType: 'AzureDiskEncryptionForLinux',
    typeHandlerVersion: '1.1',
    autoUpgradeMinorVersion: true,
    settings: {
      EncryptionOperation: 'EnableEncryption',
      VolumeType: 'All',
      KeyVaultURL: 'https://kv-ade.vault.azure.net/',
      KeyVaultResourceId: VAULT_ID,
      SequenceVersion: 'seq-1',
    },
  });
});

test('every call takes a new sequence version from the injected generator', () => {
  const next = sequence();
  const a = buildAdeExtensionSettings(enable, next);
  const b = buildAdeExtensionSettings(enable, next);
  assert.ok(a.ok && b.ok);
  assert.notEqual(a.extension.settings.SequenceVersion, b.extension.settings.SequenceVersion);
});

test('enable with KEK: RSA-OAEP by default, the KEK vault defaults to the disk vault', () => {
  const r = buildAdeExtensionSettings({ ...enable, keyEncryptionKeyUrl: KEK_URL }, sequence());
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.extension.settings.KeyEncryptionKeyURL, KEK_URL);
  assert.equal(r.extension.settings.KekVaultResourceId, VAULT_ID);
  assert.equal(r.extension.settings.KeyEncryptionAlgorithm, 'RSA-OAEP');
  const other = buildAdeExtensionSettings({ ...enable, keyEncryptionKeyUrl: KEK_URL, keyEncryptionAlgorithm: 'RSA-OAEP-256' }, sequence());
  assert.ok(other.ok && other.extension.settings.KeyEncryptionAlgorithm === 'RSA-OAEP-256');
});

test('EncryptFormatAll sends EnableEncryptionFormatAll and needs Data', () => {
  const ok = buildAdeExtensionSettings({ ...enable, operation: 'EnableFormatAll', volumeType: 'Data' }, sequence());
  assert.ok(ok.ok && ok.extension.settings.EncryptionOperation === 'EnableEncryptionFormatAll');
  const bad = buildAdeExtensionSettings({ ...enable, operation: 'EnableFormatAll', volumeType: 'All' }, sequence());
  assert.deepEqual(bad, { ok: false, errors: [SETTINGS_ERRORS.formatAllDataOnly] });
});

test('disable sends DisableEncryption for Data without vault settings, and refuses OS/All', () => {
  const r = buildAdeExtensionSettings({ operation: 'Disable', location: 'japaneast' }, sequence());
  assert.ok(r.ok);
  assert.deepEqual(r.extension.settings, { EncryptionOperation: 'DisableEncryption', VolumeType: 'Data', SequenceVersion: 'seq-1' });
  const bad = buildAdeExtensionSettings({ operation: 'Disable', location: 'japaneast', volumeType: 'All' }, sequence());
  assert.deepEqual(bad, { ok: false, errors: [SETTINGS_ERRORS.disableDataOnly] });
});

test('invalid inputs come back as clear messages, all at once, and no sequence version is spent', () => {
  let calls = 0;
  const r = buildAdeExtensionSettings({
    operation: 'Enable', location: ' ', keyVaultUrl: 'http://kv-ade.vault.azure.net/', keyVaultResourceId: '/subscriptions/x/resourceGroups/y',
    keyEncryptionKeyUrl: 'https://kv-ade.vault.azure.net/keys/kek1', keyEncryptionAlgorithm: 'RSA-PSS' as never,
  }, () => `s${++calls}`);
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.errors, [
    SETTINGS_ERRORS.location, SETTINGS_ERRORS.volumeTypeMissing, SETTINGS_ERRORS.vaultUrl, SETTINGS_ERRORS.vaultId,
    SETTINGS_ERRORS.kekVersion, SETTINGS_ERRORS.algorithm,
  ]);
  assert.equal(calls, 0);
});

test('vault URL and id must name the same vault; the KEK must live in its KEK vault', () => {
  const mismatch = buildAdeExtensionSettings({ ...enable, keyVaultUrl: 'https://kv-other.vault.azure.net/' }, sequence());
  assert.deepEqual(!mismatch.ok && mismatch.errors, [SETTINGS_ERRORS.vaultMismatch]);
  const kekElsewhere = buildAdeExtensionSettings({ ...enable, keyEncryptionKeyUrl: KEK_URL.replace('kv-ade', 'kv-kek') }, sequence());
  assert.deepEqual(!kekElsewhere.ok && kekElsewhere.errors, [SETTINGS_ERRORS.kekVaultMismatch]);
  const kekVaultId = VAULT_ID.replace('kv-ade', 'kv-kek');
  const ok = buildAdeExtensionSettings({ ...enable, keyEncryptionKeyUrl: KEK_URL.replace('kv-ade', 'kv-kek'), kekVaultResourceId: kekVaultId }, sequence());
  assert.ok(ok.ok && ok.extension.settings.KekVaultResourceId === kekVaultId);
  const orphan = buildAdeExtensionSettings({ ...enable, keyEncryptionAlgorithm: 'RSA1_5' }, sequence());
  assert.deepEqual(!orphan.ok && orphan.errors, [SETTINGS_ERRORS.kekWithoutUrl]);
});

test('sovereign-cloud vault URLs are accepted', () => {
  const r = buildAdeExtensionSettings({ ...enable, keyVaultUrl: 'https://kv-ade.vault.azure.cn/' }, sequence());
  assert.ok(r.ok && r.extension.settings.KeyVaultURL === 'https://kv-ade.vault.azure.cn/');
});

test('an empty sequence version is refused', () => {
  assert.deepEqual(buildAdeExtensionSettings(enable, () => ''), { ok: false, errors: [SETTINGS_ERRORS.sequenceVersion] });
});
