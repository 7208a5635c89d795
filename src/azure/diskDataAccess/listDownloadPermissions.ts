import type { PermissionLike } from '../../core/diskDataAccess/evaluateDownloadPermission.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { authorizationClient } from '../clients.ts';
import type { DiskRef } from './diskRef.ts';

/**
 * The caller's effective permissions on a disk or snapshot (`GET {resource}/providers/Microsoft.Authorization/
 * permissions`): one entry per role assignment that reaches it, from the resource up to the subscription. Any
 * signed-in user may call it for themselves; no role-reading right is needed.
 */
export async function listDownloadPermissions(session: SubscriptionSession, ref: DiskRef): Promise<PermissionLike[]> {
  const client = await authorizationClient(session);
  const out: PermissionLike[] = [];
  // parentResourcePath is empty for top-level resources; the SDK does not encode it, ARM ignores the empty segment.
  const pages = client.permissions.listForResource(ref.resourceGroup, 'Microsoft.Compute', '', ref.kind === 'disk' ? 'disks' : 'snapshots', ref.name);
  for await (const permission of pages) out.push(permission);
  return out;
}

/**
 * The caller's effective permissions in a resource group: what a resource created there inherits. Used for a
 * snapshot this export will take, which does not exist yet when the role is checked.
 */
export async function listDownloadPermissionsInResourceGroup(session: SubscriptionSession, resourceGroup: string): Promise<PermissionLike[]> {
  const client = await authorizationClient(session);
  const out: PermissionLike[] = [];
  for await (const permission of client.permissions.listForResourceGroup(resourceGroup)) out.push(permission);
  return out;
}
