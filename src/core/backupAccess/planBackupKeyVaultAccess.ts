// The one entry point the feature calls per key vault: given the vault (its permission model and policies),
// which ADE keys it holds, what the Backup Management Service principal already has and the user's choice of
// role, return the steps that grant exactly what is missing, a before/after diff and the findings to show.
// Pure: the adapter reads the inputs with the SDKs and executes the steps in order.

import { backupAccessFinding } from './backupAccessText.ts';
import type {
  BackupKeyVaultAccessPlan,
  CustomRoleAssignableScope,
  KeyVaultLike,
  RbacRoleChoice,
  RoleAssignmentLike,
  RoleDefinitionLike,
  VaultKeyUsage,
} from './backupAccessTypes.ts';
import { lastSegment } from './armResourceIds.ts';
import { accessPolicyEntriesFor, planAccessPolicyGrant } from './planAccessPolicyGrant.ts';
import { planRoleAssignmentGrant } from './planRoleAssignmentGrant.ts';

export interface PlanBackupKeyVaultAccessInput {
  vault: KeyVaultLike;
  /** From vaultKeyUsage(findEncryptionKeyVaults(...).vaults[i]); use 'bekAndKek' when the key kind is unknown. */
  keyUsage: VaultKeyUsage;
  /** The Backup Management Service's object id in the vault's tenant (Graph servicePrincipals(appId=…) or pasted). */
  backupPrincipal: { objectId: string; tenantId?: string };
  /** RBAC vaults only: the principal's assignments that apply to the vault. */
  roleAssignments?: readonly RoleAssignmentLike[];
  /** RBAC vaults only: the definitions they reference and the custom roles of the subscription. */
  roleDefinitions?: readonly RoleDefinitionLike[];
  /** RBAC vaults only. Default: the least-privilege custom role, which the issue recommends. */
  rbacRole?: RbacRoleChoice;
  customRoleAssignableScope?: CustomRoleAssignableScope;
  customRoleName?: string;
}

export function planBackupKeyVaultAccess(input: PlanBackupKeyVaultAccessInput): BackupKeyVaultAccessPlan {
  const { vault, keyUsage, backupPrincipal } = input;
  const vaultName = vault.name ?? lastSegment(vault.id);
  const base = { vaultId: vault.id, keyUsage, principalObjectId: backupPrincipal.objectId };

  if (vault.properties.enableRbacAuthorization === true) {
    const plan = planRoleAssignmentGrant({
      vault,
      principalObjectId: backupPrincipal.objectId,
      roleAssignments: input.roleAssignments ?? [],
      roleDefinitions: input.roleDefinitions ?? [],
      role: input.rbacRole ?? 'leastPrivilegeCustomRole',
      customRoleAssignableScope: input.customRoleAssignableScope ?? 'subscription',
      customRoleName: input.customRoleName,
    });
    const findings = [...plan.findings];
    // A leftover access policy would suggest access that the vault no longer honours.
    if (accessPolicyEntriesFor(vault, backupPrincipal.objectId).length > 0) {
      findings.push(backupAccessFinding('access.rbacIgnoresAccessPolicies', 'info', { vault: vaultName }));
    }
    return finish({ ...base, permissionModel: 'rbac', steps: plan.steps, diff: plan.diff, findings }, vaultName);
  }

  const plan = planAccessPolicyGrant({ vault, keyUsage, principal: backupPrincipal });
  return finish({ ...base, permissionModel: 'accessPolicy', steps: plan.steps, diff: plan.diff, findings: plan.findings }, vaultName);
}

function finish(plan: Omit<BackupKeyVaultAccessPlan, 'alreadyGranted'>, vaultName: string): BackupKeyVaultAccessPlan {
  const blocked = plan.findings.some((f) => f.severity === 'error');
  const alreadyGranted = plan.steps.length === 0 && !blocked;
  const findings = alreadyGranted ? [backupAccessFinding('access.alreadyGranted', 'info', { vault: vaultName }), ...plan.findings] : plan.findings;
  return { ...plan, findings, alreadyGranted };
}
