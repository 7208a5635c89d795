import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dataActionsGrantedBy,
  evaluateRoleAssignmentCoverage,
  rbacActionMatches,
  roleAssignmentScope,
} from '../../../src/core/backupAccess/evaluateRoleAssignmentCoverage.ts';
import { BACKUP_KEY_VAULT_DATA_ACTIONS } from '../../../src/core/backupAccess/backupAccessConstants.ts';
import { scopeRelation } from '../../../src/core/backupAccess/armResourceIds.ts';
import { BACKUP_OID, EXISTING_CUSTOM_ROLE_ID, RG_ID, SECRETS_USER, SECRETS_USER_ROLE_ID, SUB, VAULT_ID, assignment } from './backupAccessFixtures.ts';

test('RBAC wildcards match across segments, case-insensitively, and nothing else', () => {
  assert.ok(rbacActionMatches('Microsoft.KeyVault/vaults/*', 'microsoft.keyvault/vaults/keys/backup/action'));
  assert.ok(rbacActionMatches('*', 'Microsoft.KeyVault/vaults/keys/read'));
  assert.ok(rbacActionMatches('Microsoft.KeyVault/vaults/secrets/*/action', 'Microsoft.KeyVault/vaults/secrets/getSecret/action'));
  assert.ok(!rbacActionMatches('Microsoft.KeyVault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/keys/read'));
  assert.ok(!rbacActionMatches('Microsoft.KeyVault/vaults.keys/read', 'Microsoft.KeyVault/vaultsXkeys/read'));
});

test('notDataActions remove what dataActions grant', () => {
  const role = { permissions: [{ dataActions: ['Microsoft.KeyVault/vaults/*'], notDataActions: ['Microsoft.KeyVault/vaults/keys/*'] }] };
  assert.deepEqual(dataActionsGrantedBy(role, BACKUP_KEY_VAULT_DATA_ACTIONS), [
    'Microsoft.KeyVault/vaults/secrets/backup/action',
    'Microsoft.KeyVault/vaults/secrets/getSecret/action',
    'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
  ]);
});

test('scopes: the vault, its ancestors and management groups apply; siblings and children do not', () => {
  assert.equal(scopeRelation(VAULT_ID.toUpperCase(), VAULT_ID), 'self');
  assert.equal(scopeRelation(RG_ID, VAULT_ID), 'resourceGroup');
  assert.equal(scopeRelation(`/subscriptions/${SUB}/`, VAULT_ID), 'subscription');
  assert.equal(scopeRelation('/', VAULT_ID), 'root');
  assert.equal(scopeRelation('/providers/Microsoft.Management/managementGroups/corp', VAULT_ID), 'managementGroup');
  assert.equal(scopeRelation(`${VAULT_ID}/keys/kek`, VAULT_ID), 'unrelated');
  assert.equal(scopeRelation(`${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-ad`, VAULT_ID), 'unrelated');
  assert.equal(scopeRelation(`${RG_ID}2`, VAULT_ID), 'unrelated');
});

test('an assignment\'s scope comes from its id when `scope` is missing', () => {
  const a = assignment(RG_ID, SECRETS_USER_ROLE_ID);
  delete a.scope;
  assert.equal(roleAssignmentScope(a), RG_ID);
});

test('coverage adds up across assignments at different scopes', () => {
  const keysRole = { name: 'keys-guid', roleName: 'Keys backup', permissions: [{ dataActions: ['Microsoft.KeyVault/vaults/keys/*'] }] };
  const secretsBackup = { name: 'sb-guid', roleName: 'Secrets backup', permissions: [{ dataActions: ['Microsoft.KeyVault/vaults/secrets/backup/action'] }] };
  const r = evaluateRoleAssignmentCoverage({
    vaultId: VAULT_ID,
    principalObjectId: BACKUP_OID,
    roleAssignments: [assignment(VAULT_ID, SECRETS_USER_ROLE_ID), assignment(RG_ID, 'keys-guid'), assignment(`/subscriptions/${SUB}`, 'sb-guid')],
    roleDefinitions: [SECRETS_USER, keysRole, secretsBackup],
  });
  assert.deepEqual(r.missing, []);
  assert.deepEqual(r.applicable.map((a) => a.relation), ['self', 'resourceGroup', 'subscription']);
});

test('an assignment whose role definition is not known is reported and not counted', () => {
  const r = evaluateRoleAssignmentCoverage({
    vaultId: VAULT_ID, principalObjectId: BACKUP_OID, roleAssignments: [assignment(VAULT_ID, EXISTING_CUSTOM_ROLE_ID)], roleDefinitions: [],
  });
  assert.equal(r.missing.length, 5);
  assert.equal(r.findings[0].rule, 'access.roleDefinitionUnreadable');
});
