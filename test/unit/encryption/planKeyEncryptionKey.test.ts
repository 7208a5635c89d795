import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeKeyCreatePermission, kekKeyTypesFor } from '../../../src/core/encryption/planKeyEncryptionKey.ts';
import { renderFindingText } from '../../../src/core/encryption/finding.ts';
import { adeVault } from './fixtures.ts';

test('HSM-protected keys are offered only in a Premium vault', () => {
  const vault = adeVault();
  assert.deepEqual(kekKeyTypesFor(vault), ['RSA']);
  assert.deepEqual(kekKeyTypesFor({ ...vault, properties: { ...vault.properties, sku: { name: 'premium' } } }), ['RSA-HSM', 'RSA']);
});

test('the permission explained on failure follows the vault\'s access model', () => {
  const vault = adeVault();
  const rbac = describeKeyCreatePermission(vault);
  assert.match(renderFindingText(rbac.message, rbac.params), /"kv-ade" uses Azure role-based access control.*Key Vault Crypto Officer/);
  const policies = describeKeyCreatePermission({ ...vault, properties: { ...vault.properties, enableRbacAuthorization: false } });
  assert.match(policies.message, /access policies.*"create"/);
});
