import type { RoleAssignment, RoleDefinition } from '@azure/arm-authorization';
import { deterministicGuid } from '../../core/backupAccess/deterministicGuid.ts';
import type { RoleAssignmentLike, RoleDefinitionLike } from '../../core/backupAccess/backupAccessTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { armClientOptions } from '../auth/armClientOptions.ts';
import { scopePath } from '../authorization/scopePath.ts';
import { authorizationClient } from '../clients.ts';
import { collectPages } from '../inventory/collectPages.ts';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

// The template's user-assigned identity (@azure/arm-msi) and its role assignments (@azure/arm-authorization), read
// with the signed-in user's rights, and the assignments the user agrees to add.

export interface UserAssignedIdentity {
  id: string;
  principalId: string;
  tenantId?: string;
}

const IDENTITY_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/([^/]+)$/i;

/** The identity, or undefined when it does not exist. */
export async function readUserAssignedIdentity(session: SubscriptionSession, id: string): Promise<UserAssignedIdentity | undefined> {
  const [, , resourceGroup, name] = IDENTITY_ID.exec(id) ?? [];
  if (!name) return undefined;
  const { ManagedServiceIdentityClient } = await import('@azure/arm-msi');
  const client = new ManagedServiceIdentityClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  try {
    const identity = await client.userAssignedIdentities.get(resourceGroup, name);
    if (!identity.principalId) throw new LocalizableError(localizable('The identity {0} has no principal ID yet; try again in a minute.'), name);
    return { id, principalId: identity.principalId, tenantId: identity.tenantId };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

/** The principal's assignments at, above and below `scope`, and the definitions of the roles they use. */
export async function readPrincipalRoles(session: SubscriptionSession, scope: string, principalId: string): Promise<{ roleAssignments: RoleAssignmentLike[]; roleDefinitions: RoleDefinitionLike[] }> {
  const client = await authorizationClient(session);
  const roleAssignments = await collectPages<RoleAssignment>(client.roleAssignments.listForScope(scopePath(scope), { filter: `principalId eq '${principalId}'` }));
  const referenced = [...new Set(roleAssignments.map((a) => a.roleDefinitionId).filter((id): id is string => !!id))];
  const definitions = await Promise.all(referenced.map((id) => client.roleDefinitions.getById(scopePath(id)).catch(() => undefined)));
  return { roleAssignments, roleDefinitions: definitions.filter((d): d is RoleDefinition => !!d) };
}

/** Assigns a built-in role to the identity at `scope`; the assignment's name is derived from the three, so a retry is idempotent. */
export async function assignRoleToIdentity(session: SubscriptionSession, scope: string, roleGuid: string, principalId: string): Promise<void> {
  const client = await authorizationClient(session);
  const roleDefinitionId = `/subscriptions/${session.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
  try {
    await client.roleAssignments.create(scopePath(scope), deterministicGuid(scope.toLowerCase(), roleGuid, principalId.toLowerCase()), {
      roleDefinitionId, principalId, principalType: 'ServicePrincipal',
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'RoleAssignmentExists') return;
    throw error;
  }
}

