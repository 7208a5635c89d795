// Does the template's user-assigned identity already hold what `explainIdentityPermissions` says it needs? Its
// role assignments at each scope and above (resource group, subscription, management group, root) are matched
// against the actions each need lists (RBAC wildcards, minus notActions). What is missing gets a built-in role to
// offer: Reader where only reading is needed, Contributor where the identity writes. A need whose scope is not an
// ARM id (a storage account named in a URL) can't be checked here and stays an explanation.
import { findRoleDefinition, rbacActionMatches, roleAssignmentScope } from '../backupAccess/evaluateRoleAssignmentCoverage.ts';
import { scopeRelation } from '../backupAccess/armResourceIds.ts';
import type { RoleAssignmentLike, RoleDefinitionLike } from '../backupAccess/backupAccessTypes.ts';
import type { PermissionNeed } from './explainIdentityPermissions.ts';

export const READER_ROLE = { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', name: 'Reader' } as const;
export const CONTRIBUTOR_ROLE = { id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', name: 'Contributor' } as const;

export interface IdentityPermissionGap {
  need: PermissionNeed;
  /** The actions no assignment grants at the scope. */
  missingActions: string[];
  /** The built-in role that would grant them. */
  role: { id: string; name: string };
}

export function isArmScope(scope: string): boolean {
  return /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i.test(scope);
}

/** Actions a definition grants among `wanted` (unreadable definitions grant nothing; conditional assignments are not counted). */
function actionsGrantedBy(definition: RoleDefinitionLike, wanted: readonly string[]): string[] {
  const allowed = (definition.permissions ?? []).flatMap((p) => p.actions ?? []);
  const denied = (definition.permissions ?? []).flatMap((p) => p.notActions ?? []);
  return wanted.filter((a) => allowed.some((p) => rbacActionMatches(p, a)) && !denied.some((p) => rbacActionMatches(p, a)));
}

export function evaluateIdentityPermissions(input: {
  needs: readonly PermissionNeed[];
  principalId: string;
  roleAssignments: readonly RoleAssignmentLike[];
  roleDefinitions: readonly RoleDefinitionLike[];
}): IdentityPermissionGap[] {
  const gaps: IdentityPermissionGap[] = [];
  for (const need of input.needs) {
    if (!isArmScope(need.scope)) continue;
    const granted = new Set<string>();
    for (const assignment of input.roleAssignments) {
      if (assignment.principalId?.toLowerCase() !== input.principalId.toLowerCase() || assignment.condition) continue;
      const scope = roleAssignmentScope(assignment);
      if (!scope || !assignment.roleDefinitionId || scopeRelation(scope, need.scope) === 'unrelated') continue;
      const definition = findRoleDefinition(input.roleDefinitions, assignment.roleDefinitionId);
      if (definition) for (const action of actionsGrantedBy(definition, need.actions)) granted.add(action);
    }
    const missingActions = need.actions.filter((a) => !granted.has(a));
    if (missingActions.length === 0) continue;
    const readOnly = missingActions.every((a) => /\/read$/i.test(a));
    gaps.push({ need, missingActions, role: readOnly ? READER_ROLE : CONTRIBUTOR_ROLE });
  }
  return gaps;
}

/** The user-assigned identity the template runs as (the first one listed), or undefined. */
export function templateIdentityId(template: { identity?: unknown }): string | undefined {
  const identities = (template.identity as { userAssignedIdentities?: Record<string, unknown> } | undefined)?.userAssignedIdentities;
  const [first] = Object.keys(identities ?? {});
  return first && /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i.test(first) ? first : undefined;
}
