import type { AddAccessPolicyPermissionsStep } from '../../core/backupAccess/backupAccessTypes.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { keyVaultClient } from '../clients.ts';

/**
 * vaults.updateAccessPolicy with operationKind 'add': Key Vault merges the permissions into the principal's
 * entry, so other entries and the principal's other permissions stay as they are (a PUT of the vault would not).
 */
export async function addAccessPolicyPermissions(session: SubscriptionSession, step: AddAccessPolicyPermissionsStep): Promise<void> {
  const parts = parseResourceId(step.vaultId);
  if (!parts) throw new Error(`Not an ARM resource id: ${step.vaultId}`);
  const client = await keyVaultClient(session);
  await client.vaults.updateAccessPolicy(parts.resourceGroup, parts.name, step.operationKind, {
    properties: { accessPolicies: [{ tenantId: step.entry.tenantId, objectId: step.entry.objectId, permissions: step.entry.permissions }] },
  });
}
