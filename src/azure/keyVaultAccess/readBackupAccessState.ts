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
