// What the vault and the principal's RBAC state look like after the plan's steps ran, computed without Azure.
// The shell uses it to preview "after"; the tests use it to prove that planning again yields nothing, and it
// mirrors ARM's semantics the adapters rely on (updateAccessPolicy 'add' merges into the principal's entry).

import type {
  BackupAccessStep,
  KeyVaultLike,
  RoleAssignmentLike,
  RoleDefinitionLike,
} from './backupAccessTypes.ts';

export interface BackupAccessState {
  vault: KeyVaultLike;
  roleAssignments: RoleAssignmentLike[];
  roleDefinitions: RoleDefinitionLike[];
}

function mergePermissions(existing: string[] | undefined, added: string[]): string[] {
  const out = [...(existing ?? [])];
  for (const p of added) if (!out.some((x) => x.toLowerCase() === p.toLowerCase())) out.push(p);
  return out;
}

export function applyBackupAccessSteps(state: BackupAccessState, steps: readonly BackupAccessStep[]): BackupAccessState {
  let vault = state.vault;
  const roleAssignments = [...state.roleAssignments];
  const roleDefinitions = [...state.roleDefinitions];
  for (const step of steps) {
    switch (step.kind) {
      case 'addAccessPolicyPermissions': {
        const policies = [...(vault.properties.accessPolicies ?? [])];
        const i = policies.findIndex(
          (p) => p.objectId.toLowerCase() === step.entry.objectId.toLowerCase() && !p.applicationId &&
            p.tenantId.toLowerCase() === step.entry.tenantId.toLowerCase(),
        );
        if (i >= 0) {
          const p = policies[i];
          policies[i] = {
            ...p,
            permissions: {
              ...p.permissions,
              keys: mergePermissions(p.permissions.keys, step.entry.permissions.keys),
              secrets: mergePermissions(p.permissions.secrets, step.entry.permissions.secrets),
            },
          };
        } else {
          policies.push({ tenantId: step.entry.tenantId, objectId: step.entry.objectId, permissions: { ...step.entry.permissions } });
        }
        vault = { ...vault, properties: { ...vault.properties, accessPolicies: policies } };
        break;
      }
      case 'createCustomRoleDefinition':
        roleDefinitions.push({ id: step.roleDefinitionId, name: step.roleDefinitionName, ...step.roleDefinition });
        break;
      case 'createRoleAssignment':
        roleAssignments.push({
          id: `${step.scope}/providers/Microsoft.Authorization/roleAssignments/${step.roleAssignmentName}`,
          name: step.roleAssignmentName,
          scope: step.scope,
          roleDefinitionId: step.roleDefinitionId,
          principalId: step.principalId,
          principalType: step.principalType,
        });
        break;
    }
  }
  return { vault, roleAssignments, roleDefinitions };
}
