// RBAC vaults: which of the five data actions Azure Backup needs the principal already holds on the vault, and
// through which assignments. Assignments at the vault and at any ancestor (resource group, subscription,
// management group, root) apply; their roles' data actions are matched with RBAC wildcards, minus
// notDataActions. Conditional (ABAC) assignments are not counted: we can't evaluate the condition.

import {
  BACKUP_KEY_VAULT_DATA_ACTIONS,
  KEY_VAULT_ADMINISTRATOR_DATA_ACTIONS,
  KEY_VAULT_ADMINISTRATOR_ROLE_ID,
  KEY_VAULT_ADMINISTRATOR_ROLE_NAME,
} from './backupAccessConstants.ts';
import { backupAccessFinding } from './backupAccessText.ts';
import type { BackupAccessFinding, RoleAssignmentLike, RoleDefinitionLike } from './backupAccessTypes.ts';
import { lastSegment, scopeRelation, type ScopeRelation } from './armResourceIds.ts';

/** RBAC action match: case-insensitive, `*` matches any run of characters (including `/`). */
export function rbacActionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

/** The subset of `required` that a role definition's data actions grant. */
export function dataActionsGrantedBy(definition: RoleDefinitionLike, required: readonly string[]): string[] {
  const allowed = (definition.permissions ?? []).flatMap((p) => p.dataActions ?? []);
  const denied = (definition.permissions ?? []).flatMap((p) => p.notDataActions ?? []);
  return required.filter((a) => allowed.some((p) => rbacActionMatches(p, a)) && !denied.some((p) => rbacActionMatches(p, a)));
}

/** Scope of an assignment: its `scope`, or the part of its id before /providers/Microsoft.Authorization/. */
export function roleAssignmentScope(assignment: RoleAssignmentLike): string | undefined {
  if (assignment.scope) return assignment.scope;
  const m = assignment.id?.match(/^(.*?)\/providers\/Microsoft\.Authorization\/roleAssignments\//i);
  return m ? m[1] || '/' : undefined;
}

export function findRoleDefinition(definitions: readonly RoleDefinitionLike[], roleDefinitionId: string): RoleDefinitionLike | undefined {
  const guid = lastSegment(roleDefinitionId).toLowerCase();
  const found = definitions.find((d) => (d.name ?? (d.id ? lastSegment(d.id) : '')).toLowerCase() === guid);
  if (found) return found;
  // The built-in role we recommend is known without a lookup, so its coverage never depends on the adapter.
  if (guid === KEY_VAULT_ADMINISTRATOR_ROLE_ID) {
    return {
      name: KEY_VAULT_ADMINISTRATOR_ROLE_ID,
      roleName: KEY_VAULT_ADMINISTRATOR_ROLE_NAME,
      roleType: 'BuiltInRole',
      permissions: [{ dataActions: [...KEY_VAULT_ADMINISTRATOR_DATA_ACTIONS] }],
      assignableScopes: ['/'],
    };
  }
  return undefined;
}

export interface EvaluatedRoleAssignment {
  assignment: RoleAssignmentLike;
  scope: string;
  relation: Exclude<ScopeRelation, 'unrelated'>;
  roleName: string;
  roleDefinitionId: string;
  /** Backup data actions this assignment grants on the vault (empty when conditional or unreadable). */
  grants: string[];
}

export interface RoleAssignmentCoverage {
  applicable: EvaluatedRoleAssignment[];
  granted: string[];
  missing: string[];
  findings: BackupAccessFinding[];
}

export function evaluateRoleAssignmentCoverage(input: {
  vaultId: string;
  principalObjectId: string;
  roleAssignments: readonly RoleAssignmentLike[];
  roleDefinitions: readonly RoleDefinitionLike[];
  required?: readonly string[];
}): RoleAssignmentCoverage {
  const required = input.required ?? BACKUP_KEY_VAULT_DATA_ACTIONS;
  const findings: BackupAccessFinding[] = [];
  const applicable: EvaluatedRoleAssignment[] = [];

  for (const assignment of input.roleAssignments) {
    if (assignment.principalId?.toLowerCase() !== input.principalObjectId.toLowerCase()) continue;
    const scope = roleAssignmentScope(assignment);
    if (!scope || !assignment.roleDefinitionId) continue;
    const relation = scopeRelation(scope, input.vaultId);
    if (relation === 'unrelated') continue;
    const definition = findRoleDefinition(input.roleDefinitions, assignment.roleDefinitionId);
    const roleName = definition?.roleName ?? lastSegment(assignment.roleDefinitionId);
    let grants: string[] = [];
    if (!definition) {
      findings.push(backupAccessFinding('access.roleDefinitionUnreadable', 'warning', { roleDefinitionId: assignment.roleDefinitionId, scope }));
    } else if (assignment.condition) {
      findings.push(backupAccessFinding('access.conditionalAssignmentIgnored', 'info', { roleName, scope }));
    } else {
      grants = dataActionsGrantedBy(definition, required);
    }
    applicable.push({ assignment, scope, relation, roleName, roleDefinitionId: assignment.roleDefinitionId, grants });
  }

  const granted = required.filter((a) => applicable.some((e) => e.grants.includes(a)));
  const missing = required.filter((a) => !granted.includes(a));
  return { applicable, granted, missing, findings };
}
