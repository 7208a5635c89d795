// Small ARM-shaped fixtures for the backup-access tests: one subscription, one VM, one vault.

import type { KeyVaultLike, RoleAssignmentLike, RoleDefinitionLike } from '../../../src/core/backupAccess/backupAccessTypes.ts';

export const SUB = '11111111-2222-3333-4444-555555555555';
export const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-app`;
export const VAULT_ID = `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-ade`;
export const VM_ID = `${RG_ID}/providers/Microsoft.Compute/virtualMachines/vm1`;
/** The Backup Management Service's object id in this test tenant. */
export const BACKUP_OID = '0f0e0d0c-0b0a-4909-8807-060504030201';

export function accessPolicyVault(accessPolicies: KeyVaultLike['properties']['accessPolicies'] = []): KeyVaultLike {
  return {
    id: VAULT_ID,
    name: 'kv-ade',
    location: 'japaneast',
    properties: { tenantId: TENANT, enableRbacAuthorization: false, accessPolicies, vaultUri: 'https://kv-ade.vault.azure.net/' },
  };
}

export function rbacVault(): KeyVaultLike {
  return { id: VAULT_ID, name: 'kv-ade', location: 'japaneast', properties: { tenantId: TENANT, enableRbacAuthorization: true, accessPolicies: [] } };
}

export function assignment(scope: string, roleGuid: string, extra: Partial<RoleAssignmentLike> = {}): RoleAssignmentLike {
  const name = `${roleGuid.slice(0, 8)}-0000-4000-8000-${scope.length.toString().padStart(12, '0')}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    scope,
    roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
    principalId: BACKUP_OID,
    principalType: 'ServicePrincipal',
    ...extra,
  };
}

export const SECRETS_USER_ROLE_ID = '4633458b-17de-408a-b874-0445c86b69e6';
/** Built-in "Key Vault Secrets User": reads secrets but can't back them up, and nothing on keys. */
export const SECRETS_USER: RoleDefinitionLike = {
  id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${SECRETS_USER_ROLE_ID}`,
  name: SECRETS_USER_ROLE_ID,
  roleName: 'Key Vault Secrets User',
  roleType: 'BuiltInRole',
  permissions: [{ actions: [], notActions: [], dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'], notDataActions: [] }],
  assignableScopes: ['/'],
};

export const OWNER_ROLE_ID = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
/** Owner grants every control-plane action but no data actions: it does not let Backup read secrets. */
export const OWNER: RoleDefinitionLike = {
  id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${OWNER_ROLE_ID}`,
  name: OWNER_ROLE_ID,
  roleName: 'Owner',
  roleType: 'BuiltInRole',
  permissions: [{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }],
  assignableScopes: ['/'],
};

export const EXISTING_CUSTOM_ROLE_ID = 'c0ffee00-1111-4222-8333-444455556666';
/** A custom role someone made earlier from the article's JSON (different name and case). */
export const EXISTING_CUSTOM_ROLE: RoleDefinitionLike = {
  id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${EXISTING_CUSTOM_ROLE_ID}`,
  name: EXISTING_CUSTOM_ROLE_ID,
  roleName: 'Backup KV reader',
  roleType: 'CustomRole',
  permissions: [
    {
      actions: [],
      notActions: [],
      dataActions: [
        'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
        'microsoft.keyvault/vaults/keys/read',
        'Microsoft.KeyVault/vaults/secrets/getSecret/action',
        'Microsoft.KeyVault/vaults/secrets/backup/action',
        'Microsoft.KeyVault/vaults/keys/backup/action',
      ],
      notDataActions: [],
    },
  ],
  assignableScopes: [`/subscriptions/${SUB}`],
};
