import type { RoleAssignment, RoleDefinition } from '@azure/arm-authorization';
import { lastSegment } from '../../core/backupAccess/armResourceIds.ts';
import type { RoleAssignmentLike, RoleDefinitionLike } from '../../core/backupAccess/backupAccessTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { collectPages } from '../inventory/collectPages.ts';
import { authorizationClient } from '../clients.ts';
import { scopePath } from './scopePath.ts';

export interface PrincipalRoleState {
  /** The principal's assignments at, above and below the vault (the planner keeps those that apply). */
  roleAssignments: RoleAssignmentLike[];
  /** Definitions of the roles those assignments use, plus the custom roles assignable at the vault. */
  roleDefinitions: RoleDefinitionLike[];
}

/**
 * What an RBAC vault grants a principal: its role assignments for the vault's scope, and the role definitions
 * needed to judge them. Custom roles assignable at the vault are listed too, so an existing least-privilege role
 * is reused and a taken role name is noticed before anything is created.
 */
export async function readBackupPrincipalRoleState(session: SubscriptionSession, vaultId: string, principalObjectId: string): Promise<PrincipalRoleState> {
  const client = await authorizationClient(session);
  const [assignments, customRoles] = await Promise.all([
    collectPages<RoleAssignment>(client.roleAssignments.listForScope(scopePath(vaultId), { filter: `principalId eq '${principalObjectId}'` })),
    collectPages<RoleDefinition>(client.roleDefinitions.list(scopePath(vaultId), { filter: "type eq 'CustomRole'" })),
  ]);
  const known = new Set(customRoles.map((d) => (d.name ?? '').toLowerCase()));
  const referenced = [...new Set(assignments.map((a) => a.roleDefinitionId).filter((id): id is string => !!id))]
    .filter((id) => !known.has(lastSegment(id).toLowerCase()));
  // A definition that can't be read stays out; the planner then reports that assignment as unreadable.
  const fetched = await Promise.all(referenced.map((id) => client.roleDefinitions.getById(scopePath(id)).catch(() => undefined)));
  return {
    roleAssignments: assignments,
    roleDefinitions: [...customRoles, ...fetched.filter((d): d is RoleDefinition => d !== undefined)],
  };
}
