// The least-privilege custom role the article describes: exactly its five data actions, no control-plane
// actions. Building the JSON is pure so it can be shown to the user before anything is created, and an
// existing role with the same permissions is reused instead of creating a second one.

import {
  BACKUP_CUSTOM_ROLE_DEFAULT_NAME,
  BACKUP_CUSTOM_ROLE_DESCRIPTION,
  BACKUP_KEY_VAULT_DATA_ACTIONS,
} from './backupAccessConstants.ts';
import type { CustomRoleAssignableScope, CustomRoleDefinitionBody, RoleDefinitionLike } from './backupAccessTypes.ts';
import { resourceGroupIdOf, scopeRelation, subscriptionIdOf } from './armResourceIds.ts';

/**
 * The assignable scope for the custom role. ARM accepts management groups, subscriptions and resource groups
 * here, not a single resource, so "just this vault" is expressed by assigning the role at the vault scope.
 */
export function customRoleAssignableScopeFor(vaultId: string, choice: CustomRoleAssignableScope): string {
  const sub = subscriptionIdOf(vaultId);
  if (!sub) throw new Error(`Not an ARM resource id: ${vaultId}`);
  if (choice === 'resourceGroup') {
    const rg = resourceGroupIdOf(vaultId);
    if (rg) return rg;
  }
  return `/subscriptions/${sub}`;
}

export function buildBackupKeyVaultCustomRoleDefinition(input: {
  assignableScope: string;
  roleName?: string;
  description?: string;
}): CustomRoleDefinitionBody {
  return {
    roleName: input.roleName ?? BACKUP_CUSTOM_ROLE_DEFAULT_NAME,
    description: input.description ?? BACKUP_CUSTOM_ROLE_DESCRIPTION,
    roleType: 'CustomRole',
    permissions: [{ actions: [], notActions: [], dataActions: [...BACKUP_KEY_VAULT_DATA_ACTIONS], notDataActions: [] }],
    assignableScopes: [input.assignableScope],
  };
}

function lowerSet(values: string[]): Set<string> {
  return new Set(values.map((v) => v.toLowerCase()));
}

/** A custom role granting exactly the five data actions and nothing else. */
export function isBackupKeyVaultCustomRole(definition: RoleDefinitionLike): boolean {
  if (definition.roleType && definition.roleType.toLowerCase() !== 'customrole') return false;
  const perms = definition.permissions ?? [];
  const data = lowerSet(perms.flatMap((p) => p.dataActions ?? []));
  const wanted = lowerSet([...BACKUP_KEY_VAULT_DATA_ACTIONS]);
  const sameData = data.size === wanted.size && [...wanted].every((a) => data.has(a));
  const nothingElse = perms.every((p) => !(p.actions ?? []).length && !(p.notDataActions ?? []).length);
  return sameData && nothingElse;
}

/** True when the role can be assigned at the vault: one of its assignable scopes is the vault or an ancestor. */
export function isAssignableAt(definition: RoleDefinitionLike, resourceId: string): boolean {
  return (definition.assignableScopes ?? []).some((s) => scopeRelation(s, resourceId) !== 'unrelated');
}

/** An existing custom role we can assign at the vault instead of creating a new one. */
export function findReusableBackupCustomRole(definitions: readonly RoleDefinitionLike[], vaultId: string): RoleDefinitionLike | undefined {
  return definitions.find((d) => isBackupKeyVaultCustomRole(d) && isAssignableAt(d, vaultId));
}
