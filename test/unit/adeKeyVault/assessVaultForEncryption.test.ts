import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessVaultForEncryption } from '../../../src/core/adeKeyVault/assessVaultForEncryption.ts';
import { planVaultPatch } from '../../../src/core/adeKeyVault/planVaultPatch.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';

const SUB = '11111111-1111-1111-1111-111111111111';
const vaultId = (sub = SUB) => `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1`;
const vm = { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`, location: 'japaneast' };
const ready = { id: vaultId(), name: 'kv1', location: 'japaneast', properties: { enabledForDiskEncryption: true, enableSoftDelete: true, enablePurgeProtection: true } };
const text = (t: { message: string; args: readonly string[] }) => formatMessage(t.message, ...t.args);

test('a ready vault in the VM\'s region and subscription needs nothing', () => {
  assert.deepEqual(assessVaultForEncryption(ready, vm), { blockers: [], fixes: [] });
});

test('disk encryption off is a required fix, purge protection off a recommended and irreversible one', () => {
  const r = assessVaultForEncryption({ ...ready, properties: { enabledForDiskEncryption: false } }, vm);
  assert.deepEqual(r.fixes.map((f) => [f.kind, f.required, f.irreversible]), [['enabledForDiskEncryption', true, false], ['purgeProtection', false, true]]);
  assert.match(text(r.fixes[0].problem), /"kv1" is not enabled for disk encryption/);
  assert.match(text(r.fixes[1].action), /cannot be turned off again/);
});

test('soft delete explicitly off is offered too; absent means on', () => {
  const off = assessVaultForEncryption({ ...ready, properties: { ...ready.properties, enableSoftDelete: false } }, vm);
  assert.deepEqual(off.fixes.map((f) => f.kind), ['softDelete']);
  const absent = assessVaultForEncryption({ ...ready, properties: { enabledForDiskEncryption: true, enablePurgeProtection: true } }, vm);
  assert.deepEqual(absent.fixes, []);
});

test('another region or subscription blocks: a vault cannot be moved, only replaced', () => {
  const r = assessVaultForEncryption({ ...ready, id: vaultId('22222222-2222-2222-2222-222222222222'), location: 'East US' }, vm);
  assert.deepEqual(r.blockers.map((b) => b.rule), ['region', 'subscription']);
  assert.equal(text(r.blockers[0].problem), 'Key vault "kv1" is in eastus, but the VM is in japaneast: Azure Disk Encryption needs a vault in the same region as the VM.');
  assert.deepEqual(r.fixes, []);
});

test('without a VM (the command on a vault node) only the vault\'s own properties are checked', () => {
  const r = assessVaultForEncryption({ ...ready, location: 'eastus', properties: {} });
  assert.deepEqual(r.blockers, []);
  assert.deepEqual(r.fixes.map((f) => f.kind), ['enabledForDiskEncryption', 'purgeProtection']);
});

test('a VM with an encryption identity does not need enabledForDiskEncryption (the rule\'s waiver)', () => {
  const withIdentity = { ...vm, securityProfile: { encryptionIdentity: { userAssignedIdentityResourceId: '/subscriptions/x/id' } } };
  const r = assessVaultForEncryption({ ...ready, properties: { enablePurgeProtection: true } }, withIdentity);
  assert.deepEqual(r.fixes, []);
});

test('the PATCH carries exactly the chosen fixes; purge protection brings soft delete along', () => {
  assert.equal(planVaultPatch([]), undefined);
  assert.deepEqual(planVaultPatch(['enabledForDiskEncryption']), { properties: { enabledForDiskEncryption: true } });
  assert.deepEqual(planVaultPatch(['enabledForDiskEncryption', 'purgeProtection']), {
    properties: { enabledForDiskEncryption: true, enableSoftDelete: true, enablePurgeProtection: true },
  });
  assert.deepEqual(planVaultPatch(['softDelete']), { properties: { enableSoftDelete: true } });
});
