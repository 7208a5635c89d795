import type { Disk, VirtualMachine } from '@azure/arm-compute';
import type { KeyVaultLike } from '../../core/encryption/adeModel.ts';
import { parseEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import type { EncryptionPreflightContext, EncryptionRequest } from '../../core/encryption/preflightContext.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { listProtectedVms } from '../recoveryServices/listProtectedVms.ts';
import { readSecretValidityPolicyDenies } from './readSecretValidityPolicy.ts';
import { readVmSizeMemoryGb } from './readVmSizeMemory.ts';
import { findRecentDiskSnapshots, getVmDisks, getVmWithInstanceView } from './vmForEncryption.ts';

// Everything the pre-flight rules read, fetched fresh from Azure: the VM with its instance view, its disk resources,
// the snapshots that count as the recovery point the article requires, the memory of its size (resource SKUs), whether
// a policy denies secrets without a maximum validity period (policy assignments), and the current ADE state.

/** A snapshot counts as "taken before encrypting" when it is at most this old. */
export const RECENT_SNAPSHOT_HOURS = 24;

export type EncryptionTarget = {
  readonly vm: VirtualMachine;
  readonly disks: readonly Disk[];
};

export async function readEncryptionTarget(session: SubscriptionSession, vmId: string): Promise<EncryptionTarget> {
  const vm = await getVmWithInstanceView(session, vmId);
  return { vm, disks: await getVmDisks(session, vm) };
}

export async function gatherPreflightContext(
  session: SubscriptionSession,
  target: EncryptionTarget,
  request: EncryptionRequest,
  keyVaults: { vault?: KeyVaultLike; kekVault?: KeyVaultLike },
  now: Date,
): Promise<EncryptionPreflightContext> {
  const diskIds = target.disks.map((d) => d.id).filter((id): id is string => !!id);
  const since = new Date(now.getTime() - RECENT_SNAPSHOT_HOURS * 3_600_000);
  const vmSize = target.vm.hardwareProfile?.vmSize;
  // The secret-validity policy is judged where ADE writes its secret: the vault once chosen, else the subscription.
  const policyScope = keyVaults.vault?.id ?? `/subscriptions/${session.subscriptionId}`;
  const [snapshots, vmBackedUpRecently, vmMemoryGb, secretValidityPolicyDenies] = await Promise.all([
    findRecentDiskSnapshots(session, diskIds, since),
    hasRecentAzureBackup(session, target.vm.id ?? '', since),
    vmSize && target.vm.location ? readVmSizeMemoryGb(session, target.vm.location, vmSize) : Promise.resolve(undefined),
    readSecretValidityPolicyDenies(session, policyScope),
  ]);
  const status = parseEncryptionStatus(target.vm);
  return {
    vm: target.vm,
    disks: target.disks,
    ...(keyVaults.vault ? { vault: keyVaults.vault } : {}),
    ...(keyVaults.kekVault ? { kekVault: keyVaults.kekVault } : {}),
    request,
    recoveryPoints: {
      vmBackedUpRecently,
      diskIdsWithRecentSnapshot: snapshots.map((s) => s.creationData?.sourceResourceId).filter((id): id is string => !!id),
    },
    ...(vmMemoryGb !== undefined ? { vmMemoryGb } : {}),
    ...(secretValidityPolicyDenies !== undefined ? { secretValidityPolicyDenies } : {}),
    ...(status.extension.present || status.disks.some((d) => d.diskState === 'encrypted') ? { status } : {}),
  };
}

/**
 * The article accepts a backup as the recovery point: a VM protected by Azure Backup whose last backup completed
 * recently counts for all its disks. When the vaults cannot be read, only snapshots count (the rule then asks for one).
 */
async function hasRecentAzureBackup(session: SubscriptionSession, vmId: string, since: Date): Promise<boolean> {
  try {
    const protection = (await listProtectedVms(session)).get(vmId.toLowerCase());
    if (!protection?.lastBackupTime || !/^(Completed|Healthy|Succeeded)$/i.test(protection.lastBackupStatus ?? 'Completed')) return false;
    return new Date(protection.lastBackupTime).getTime() >= since.getTime();
  } catch {
    return false;
  }
}
