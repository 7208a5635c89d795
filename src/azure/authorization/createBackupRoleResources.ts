import type { CreateCustomRoleDefinitionStep, CreateRoleAssignmentStep } from '../../core/backupAccess/backupAccessTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { authorizationClient } from '../clients.ts';
import { scopePath } from './scopePath.ts';

/** PUT of the least-privilege custom role under its deterministic GUID (a retry writes the same role). */
export async function createCustomRoleDefinition(session: SubscriptionSession, step: CreateCustomRoleDefinitionStep): Promise<void> {
  const client = await authorizationClient(session);
  await client.roleDefinitions.createOrUpdate(scopePath(step.scope), step.roleDefinitionName, {
    roleName: step.roleDefinition.roleName,
    description: step.roleDefinition.description,
    roleType: step.roleDefinition.roleType,
    permissions: step.roleDefinition.permissions,
    assignableScopes: step.roleDefinition.assignableScopes,
  });
}

/** PUT of the role assignment at the vault scope, naming the principal type so ARM skips its directory wait. */
export async function createRoleAssignment(session: SubscriptionSession, step: CreateRoleAssignmentStep): Promise<void> {
  const client = await authorizationClient(session);
  await client.roleAssignments.create(scopePath(step.scope), step.roleAssignmentName, {
    roleDefinitionId: step.roleDefinitionId,
    principalId: step.principalId,
    principalType: step.principalType,
  });
}
