import { withBackupProtection } from '../recoveryServices/withBackupProtection.ts';
import { listResourcesOfKind } from './listResourcesOfKind.ts';
import type { ListResources } from './SubscriptionInventory.ts';

/**
 * The listing behind the tree and the pickers: every kind, every page, and each VM with its Azure Backup protection.
 * The benchmark measures this same function.
 */
export function createTreeListing(warn: (message: string) => void): ListResources {
  return withBackupProtection(listResourcesOfKind, warn);
}
