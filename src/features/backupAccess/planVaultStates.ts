// Plans every key vault of a VM with the Backup Management Service principal *of that vault's tenant*: its object id
// differs per tenant, and an access policy must name an object of the vault's tenant. Passing the principal's
// tenant lets the planner refuse (access.tenantMismatch) rather than grant an id that means nothing there.
// Free of VS Code so the choice of principal and session is unit-tested.

import type { BackupKeyVaultAccessPlan, RbacRoleChoice, VaultKeyUsage } from '../../core/backupAccess/backupAccessTypes.ts';
import { planBackupKeyVaultAccess } from '../../core/backupAccess/planBackupKeyVaultAccess.ts';
import type { BackupAccessState } from '../../azure/keyVaultAccess/readBackupAccessState.ts';

export interface TenantPrincipal {
  objectId: string;
  /** The tenant the object id was resolved (or pasted) for. */
  tenantId: string;
  resolvedBy: 'graph' | 'pasted';
  isGuest?: boolean;
}

export interface PlannableVault {
  use: { vaultId: string; keyUsage: VaultKeyUsage };
  state: BackupAccessState;
  principal: TenantPrincipal;
}

export function planVaultStates(vaults: readonly PlannableVault[], rbacRole?: RbacRoleChoice): BackupKeyVaultAccessPlan[] {
  return vaults.map(({ use, state, principal }) => planBackupKeyVaultAccess({
    vault: state.vault,
    keyUsage: use.keyUsage,
    backupPrincipal: { objectId: principal.objectId, tenantId: principal.tenantId },
    roleAssignments: state.roleAssignments,
    roleDefinitions: state.roleDefinitions,
    rbacRole,
  }));
}

/**
 * The session to resolve the principal of `tenantId` with: the signed-in session when it is that tenant, else any
 * subscription of that tenant the account can use; undefined when none (the principal of the session's tenant is
 * then planned, and the planner reports the mismatch).
 */
export function sessionForTenant<S extends { tenantId: string }>(session: S, subscriptions: readonly S[], tenantId: string): S | undefined {
  const same = (t: string) => t.toLowerCase() === tenantId.toLowerCase();
  if (same(session.tenantId)) return session;
  return subscriptions.find((x) => same(x.tenantId));
}
