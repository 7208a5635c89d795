import type { KeyVaultLike, RoleAssignmentLike, RoleDefinitionLike } from '../../core/backupAccess/backupAccessTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { readBackupPrincipalRoleState } from '../authorization/readBackupPrincipalRoleState.ts';
import { readKeyVault } from './readKeyVault.ts';

export interface BackupAccessState {
  vault: KeyVaultLike & { location?: string };
  roleAssignments: RoleAssignmentLike[];
  roleDefinitions: RoleDefinitionLike[];
}

/** The planner's view of one vault: the vault itself and, for RBAC vaults, what the principal holds there. */
export async function readBackupAccessState(session: SubscriptionSession, vaultId: string, principalObjectId: string): Promise<BackupAccessState> {
  const vault = await readKeyVault(session, vaultId);
  if (vault.properties.enableRbacAuthorization !== true) return { vault, roleAssignments: [], roleDefinitions: [] };
  const roles = await readBackupPrincipalRoleState(session, vault.id, principalObjectId);
  return { vault, ...roles };
}

/**
 * The same view when the principal depends on the vault: its object id differs per tenant, so it is asked for the
 * tenant of the vault once the vault is read (`principalFor` may resolve it in Microsoft Graph or ask the user).
 */
export async function readBackupAccessStateFor<P extends { objectId: string }>(
  session: SubscriptionSession,
  vaultId: string,
  principalFor: (vaultTenantId: string) => Promise<P>,
): Promise<{ state: BackupAccessState; principal: P }> {
  const vault = await readKeyVault(session, vaultId);
  const principal = await principalFor(vault.properties.tenantId);
  if (vault.properties.enableRbacAuthorization !== true) return { state: { vault, roleAssignments: [], roleDefinitions: [] }, principal };
  const roles = await readBackupPrincipalRoleState(session, vault.id, principal.objectId);
  return { state: { vault, ...roles }, principal };
}
