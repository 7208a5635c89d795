// RBAC vaults: one role assignment at the vault scope, of Key Vault Administrator or of the least-privilege
// custom role (created first when no equivalent role exists). Nothing is planned when assignments at the vault
// or above it already grant all five data actions. Names are deterministic GUIDs so re-running is safe.

import {
  BACKUP_CUSTOM_ROLE_DEFAULT_NAME,
  BACKUP_KEY_VAULT_DATA_ACTIONS,
  KEY_VAULT_ADMINISTRATOR_ROLE_ID,
  KEY_VAULT_ADMINISTRATOR_ROLE_NAME,
} from './backupAccessConstants.ts';
import { BACKUP_ACCESS_STEP_TEXT, backupAccessFinding, fillBackupAccessText } from './backupAccessText.ts';
import type {
  BackupAccessDiffLine,
  BackupAccessFinding,
  BackupAccessStep,
  CustomRoleAssignableScope,
  KeyVaultLike,
  RbacRoleChoice,
  RoleAssignmentDiff,
  RoleAssignmentLike,
  RoleAssignmentSummary,
  RoleDefinitionLike,
} from './backupAccessTypes.ts';
import { lastSegment, subscriptionIdOf, subscriptionRoleDefinitionId } from './armResourceIds.ts';
import {
  buildBackupKeyVaultCustomRoleDefinition,
  customRoleAssignableScopeFor,
  findReusableBackupCustomRole,
} from './buildBackupKeyVaultCustomRole.ts';
import { deterministicGuid } from './deterministicGuid.ts';
import { evaluateRoleAssignmentCoverage, type EvaluatedRoleAssignment } from './evaluateRoleAssignmentCoverage.ts';

export interface RoleAssignmentGrantInput {
  vault: KeyVaultLike;
  principalObjectId: string;
  /** Assignments of the principal that apply to the vault: roleAssignments.listForScope(vaultId, {filter: principalId eq '…'}). */
  roleAssignments: readonly RoleAssignmentLike[];
  /** Definitions of those roles plus the custom roles visible in the subscription (roleDefinitions.list(subscription scope)). */
  roleDefinitions: readonly RoleDefinitionLike[];
  role: RbacRoleChoice;
  customRoleAssignableScope: CustomRoleAssignableScope;
  customRoleName?: string;
}

export interface RoleAssignmentGrantPlan {
  steps: BackupAccessStep[];
  diff: RoleAssignmentDiff;
  findings: BackupAccessFinding[];
}

export function planRoleAssignmentGrant(input: RoleAssignmentGrantInput): RoleAssignmentGrantPlan {
  const { vault, principalObjectId } = input;
  const vaultName = vault.name ?? lastSegment(vault.id);
  const subscriptionId = subscriptionIdOf(vault.id);
  if (!subscriptionId) throw new Error(`Not an ARM resource id: ${vault.id}`);

  const coverage = evaluateRoleAssignmentCoverage({
    vaultId: vault.id,
    principalObjectId,
    roleAssignments: input.roleAssignments,
    roleDefinitions: input.roleDefinitions,
  });
  const findings = [...coverage.findings];
  const before = coverage.applicable.map(summarize);

  if (coverage.missing.length === 0) {
    // Already covered. Say so when the grant is inherited: deleting that broad assignment would break backups.
    for (const e of coverage.applicable) {
      if (e.relation !== 'self' && e.grants.length > 0) {
        findings.push(backupAccessFinding('access.coveredAtHigherScope', 'info', { vault: vaultName, roleName: e.roleName, scope: e.scope }));
      }
    }
    return { steps: [], diff: buildDiff(principalObjectId, before, undefined), findings };
  }

  const steps: BackupAccessStep[] = [];
  let roleGuid: string;
  let roleName: string;
  if (input.role === 'keyVaultAdministrator') {
    roleGuid = KEY_VAULT_ADMINISTRATOR_ROLE_ID;
    roleName = KEY_VAULT_ADMINISTRATOR_ROLE_NAME;
    findings.push(backupAccessFinding('access.keyVaultAdministratorIsBroad', 'info', { vault: vaultName }));
  } else {
    const reusable = findReusableBackupCustomRole(input.roleDefinitions, vault.id);
    if (reusable) {
      roleGuid = reusable.name ?? lastSegment(reusable.id ?? '');
      roleName = reusable.roleName ?? roleGuid;
    } else {
      roleName = input.customRoleName ?? BACKUP_CUSTOM_ROLE_DEFAULT_NAME;
      const taken = input.roleDefinitions.find((d) => d.roleName?.toLowerCase() === roleName.toLowerCase());
      if (taken) {
        findings.push(backupAccessFinding('access.customRoleNameTaken', 'error', { roleName }));
        return { steps: [], diff: buildDiff(principalObjectId, before, undefined), findings };
      }
      const scope = customRoleAssignableScopeFor(vault.id, input.customRoleAssignableScope);
      roleGuid = deterministicGuid('backup-key-vault-custom-role', scope, roleName);
      const descriptionParams = { roleName, scope };
      steps.push({
        kind: 'createCustomRoleDefinition',
        description: fillBackupAccessText(BACKUP_ACCESS_STEP_TEXT.createCustomRoleDefinition, descriptionParams),
        descriptionParams,
        scope,
        roleDefinitionName: roleGuid,
        roleDefinitionId: subscriptionRoleDefinitionId(subscriptionId, roleGuid),
        roleDefinition: buildBackupKeyVaultCustomRoleDefinition({ assignableScope: scope, roleName }),
      });
    }
  }

  const roleDefinitionId = subscriptionRoleDefinitionId(subscriptionId, roleGuid);
  const descriptionParams = { roleName, vault: vaultName };
  steps.push({
    kind: 'createRoleAssignment',
    description: fillBackupAccessText(BACKUP_ACCESS_STEP_TEXT.createRoleAssignment, descriptionParams),
    descriptionParams,
    scope: vault.id,
    roleAssignmentName: deterministicGuid('backup-key-vault-role-assignment', vault.id, principalObjectId, roleGuid),
    roleDefinitionId,
    roleName,
    principalId: principalObjectId,
    // Saying what the principal is lets ARM skip the directory lookup that fails right after creation.
    principalType: 'ServicePrincipal',
  });
  const added: RoleAssignmentSummary = { roleName, roleDefinitionId, scope: vault.id, grantedBackupDataActions: [...BACKUP_KEY_VAULT_DATA_ACTIONS] };
  return { steps, diff: buildDiff(principalObjectId, before, added), findings };
}

function summarize(e: EvaluatedRoleAssignment): RoleAssignmentSummary {
  return { roleName: e.roleName, roleDefinitionId: e.roleDefinitionId, scope: e.scope, grantedBackupDataActions: e.grants };
}

function buildDiff(principalId: string, before: RoleAssignmentSummary[], added: RoleAssignmentSummary | undefined): RoleAssignmentDiff {
  const line = (s: RoleAssignmentSummary) => fillBackupAccessText(BACKUP_ACCESS_STEP_TEXT.roleAssignmentLine, { roleName: s.roleName, scope: s.scope });
  const lines: BackupAccessDiffLine[] = before.map((s) => ({ change: 'unchanged', text: line(s) }));
  if (before.length === 0) lines.push({ change: 'unchanged', text: BACKUP_ACCESS_STEP_TEXT.none });
  if (added) lines.push({ change: 'added', text: line(added) });
  return { kind: 'roleAssignments', principalId, before, after: added ? [...before, added] : before, lines };
}
