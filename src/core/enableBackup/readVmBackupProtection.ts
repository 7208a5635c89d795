// Whether a VM is protected, and where, read from the two places Azure Backup tells it: the per-VM backup status
// (POST .../locations/{region}/backupStatus, what the portal's VM blade asks) and a vault's protected items (what
// the tree reads, one call per vault instead of one per VM).

import { parseRecoveryVaultId } from './iaasVmBackupNames.ts';
import type { VmBackupProtection } from './recoveryServicesTypes.ts';

export interface BackupStatusLike {
  readonly protectionStatus?: string;
  readonly vaultId?: string;
  readonly containerName?: string;
  readonly protectedItemName?: string;
  readonly policyName?: string;
}

/** Protected (or protecting / stopped with data kept) means the VM has an item in a vault: "Back up now" works. */
export function protectionFromBackupStatus(status: BackupStatusLike): VmBackupProtection | undefined {
  const state = (status.protectionStatus ?? '').toLowerCase();
  if (state !== 'protected' && state !== 'protecting') return undefined;
  if (!status.vaultId || !status.containerName || !status.protectedItemName) return undefined;
  const vault = parseRecoveryVaultId(status.vaultId);
  return {
    vaultId: status.vaultId,
    vaultName: vault.vaultName,
    vaultResourceGroup: vault.resourceGroup,
    containerName: status.containerName,
    protectedItemName: status.protectedItemName,
    policyName: status.policyName || undefined,
  };
}

export interface ProtectedItemLike {
  readonly id?: string;
  readonly name?: string;
  readonly properties?: {
    readonly protectedItemType?: string;
    readonly virtualMachineId?: string;
    readonly sourceResourceId?: string;
    readonly containerName?: string;
    readonly policyName?: string;
    readonly protectionState?: string;
    readonly lastBackupStatus?: string;
    readonly lastBackupTime?: Date | string;
  };
}

/**
 * The VM a protected item stands for and where it is protected. Items whose protection was stopped (with or
 * without keeping data) are not "protected": the tree must not say so and "Back up now" would be refused.
 */
export function protectionFromProtectedItem(item: ProtectedItemLike, vaultId: string): { vmId: string; protection: VmBackupProtection } | undefined {
  const p = item.properties;
  const vmId = p?.virtualMachineId ?? p?.sourceResourceId;
  if (!p || !vmId || !item.id || !item.name) return undefined;
  const state = (p.protectionState ?? '').toLowerCase();
  if (state === 'protectionstopped' || state === 'invalid') return undefined;
  const containerName = /\/protectionContainers\/([^/]+)\//i.exec(item.id)?.[1];
  if (!containerName) return undefined;
  const vault = parseRecoveryVaultId(vaultId);
  return {
    vmId,
    protection: {
      vaultId,
      vaultName: vault.vaultName,
      vaultResourceGroup: vault.resourceGroup,
      containerName,
      protectedItemName: item.name,
      policyName: p.policyName,
      lastBackupStatus: p.lastBackupStatus || undefined,
      lastBackupTime: p.lastBackupTime,
    },
  };
}
