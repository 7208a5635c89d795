import type { BackupKeyVaultAccessPlan, RbacRoleChoice, VaultKeyUsage } from '../../core/backupAccess/backupAccessTypes.ts';
import { planBackupKeyVaultAccess } from '../../core/backupAccess/planBackupKeyVaultAccess.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { readBackupAccessState, type BackupAccessState } from './readBackupAccessState.ts';

export interface VaultAccessRequest {
  vaultId: string;
  keyUsage: VaultKeyUsage;
  principalObjectId: string;
  /** RBAC vaults; default the least-privilege custom role. */
  rbacRole?: RbacRoleChoice;
  customRoleName?: string;
}

/** Reads the vault (and the principal's roles on it) fresh and plans exactly what is missing. */
export async function planBackupAccessForVault(
  session: SubscriptionSession,
  request: VaultAccessRequest,
): Promise<{ state: BackupAccessState; plan: BackupKeyVaultAccessPlan }> {
  const state = await readBackupAccessState(session, request.vaultId, request.principalObjectId);
  const plan = planBackupKeyVaultAccess({
    vault: state.vault,
    keyUsage: request.keyUsage,
    backupPrincipal: { objectId: request.principalObjectId },
    roleAssignments: state.roleAssignments,
    roleDefinitions: state.roleDefinitions,
    rbacRole: request.rbacRole,
    customRoleName: request.customRoleName,
  });
  return { state, plan };
}
