import type { VmBackupProtection } from '../../core/enableBackup/recoveryServicesTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import type { ListResources } from '../inventory/SubscriptionInventory.ts';
import { listProtectedVms } from './listProtectedVms.ts';

/**
 * Wraps the inventory's listing so each VM carries `backupProtection` (the tree shows "Backup: protected" and
 * offers "Back Up Now…"). The backup listing runs beside the VM listing; when it fails (no access to the vaults,
 * provider not registered) the VMs are shown without it rather than not at all.
 */
export function withBackupProtection(
  list: ListResources,
  warn: (message: string) => void,
  listProtected: (session: SubscriptionSession) => Promise<Map<string, VmBackupProtection>> = listProtectedVms,
): ListResources {
  return async (session, kind) => {
    if (kind !== 'virtualMachine') return list(session, kind);
    const protectedVms = listProtected(session).catch((error: unknown) => {
      warn(`Could not read Azure Backup protection for ${session.name}: ${error instanceof Error ? error.message : String(error)}`);
      return new Map<string, VmBackupProtection>();
    });
    const [vms, protection] = await Promise.all([list(session, kind), protectedVms]);
    return vms.map((vm) => {
      const id = (vm as { id?: string }).id?.toLowerCase();
      const backupProtection = id ? protection.get(id) : undefined;
      return backupProtection ? { ...(vm as object), backupProtection } : vm;
    });
  };
}
