import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildBackupKeyVaultCustomRoleDefinition,
  customRoleAssignableScopeFor,
  findReusableBackupCustomRole,
  isBackupKeyVaultCustomRole,
} from '../../../src/core/backupAccess/buildBackupKeyVaultCustomRole.ts';
import { EXISTING_CUSTOM_ROLE, OWNER, RG_ID, SUB, VAULT_ID } from './backupAccessFixtures.ts';

test('the custom role has exactly the article\'s five data actions and nothing else', () => {
  const role = buildBackupKeyVaultCustomRoleDefinition({ assignableScope: `/subscriptions/${SUB}` });
  assert.deepEqual(role.permissions, [
    {
      actions: [],
      notActions: [],
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/backup/action',
        'Microsoft.KeyVault/vaults/secrets/backup/action',
        'Microsoft.KeyVault/vaults/secrets/getSecret/action',
        'Microsoft.KeyVault/vaults/keys/read',
        'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
      ],
      notDataActions: [],
    },
  ]);
  assert.equal(role.roleType, 'CustomRole');
  assert.deepEqual(role.assignableScopes, [`/subscriptions/${SUB}`]);
  assert.equal(role.roleName, 'Azure Backup Key Vault Reader (ADE)');
  assert.equal(buildBackupKeyVaultCustomRoleDefinition({ assignableScope: RG_ID, roleName: 'Mine' }).roleName, 'Mine');
});

test('assignable scope: the subscription or the vault\'s resource group (ARM refuses a single resource)', () => {
  assert.equal(customRoleAssignableScopeFor(VAULT_ID, 'subscription'), `/subscriptions/${SUB}`);
  assert.equal(customRoleAssignableScopeFor(VAULT_ID, 'resourceGroup'), RG_ID);
  assert.throws(() => customRoleAssignableScopeFor('kv-ade', 'subscription'));
});

test('an existing role is reused only when its data actions are the same five (any order/case) and nothing more', () => {
  assert.equal(isBackupKeyVaultCustomRole(EXISTING_CUSTOM_ROLE), true);
  assert.equal(isBackupKeyVaultCustomRole(OWNER), false);
  const extraAction = structuredClone(EXISTING_CUSTOM_ROLE);
  extraAction.permissions![0].actions = ['Microsoft.Resources/subscriptions/resourceGroups/read'];
  assert.equal(isBackupKeyVaultCustomRole(extraAction), false);
  const fourOnly = structuredClone(EXISTING_CUSTOM_ROLE);
  fourOnly.permissions![0].dataActions = fourOnly.permissions![0].dataActions!.slice(1);
  assert.equal(isBackupKeyVaultCustomRole(fourOnly), false);
  const wildcard = structuredClone(EXISTING_CUSTOM_ROLE);
  wildcard.permissions![0].dataActions = ['Microsoft.KeyVault/vaults/*'];
  assert.equal(isBackupKeyVaultCustomRole(wildcard), false);
});

test('a reusable role must be assignable at the vault', () => {
  assert.equal(findReusableBackupCustomRole([OWNER, EXISTING_CUSTOM_ROLE], VAULT_ID), EXISTING_CUSTOM_ROLE);
  const elsewhere = { ...EXISTING_CUSTOM_ROLE, assignableScopes: [`/subscriptions/${SUB}/resourceGroups/rg-other`] };
  assert.equal(findReusableBackupCustomRole([elsewhere], VAULT_ID), undefined);
  const otherSub = { ...EXISTING_CUSTOM_ROLE, assignableScopes: ['/subscriptions/99999999-2222-3333-4444-555555555555'] };
  assert.equal(findReusableBackupCustomRole([otherSub], VAULT_ID), undefined);
});
