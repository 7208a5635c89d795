import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { listVmDisks } from '../vmDisks.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001 (Prerequisites and "Important"): in all cases take a snapshot and/or a backup before encrypting, by
// means other than ADE; VMs with managed disks require a backup before encryption. A backup is the recovery option if
// encryption fails unexpectedly.
export const RECOVERY_POINT_RULE = 'ade.backup-required';

export const RECOVERY_POINT_MESSAGES = {
  diskWithoutSnapshot: {
    message: localizable('Disk "{diskName}" has no recent snapshot, and the VM has no recent Azure Backup recovery point.'),
    why: localizable('A snapshot or backup must exist before disks are encrypted: if encryption fails unexpectedly, it is the only way to recover the VM.'),
    fix: localizable('Snapshot every disk now (or back up the VM with Azure Backup), then run the check again.'),
  },
  unmanagedDisk: {
    message: localizable('Disk "{diskName}" is an unmanaged disk (a VHD in a storage account) and has no recent Azure Backup recovery point; it cannot be snapshotted from here.'),
    why: localizable('A snapshot or backup must exist before disks are encrypted: if encryption fails unexpectedly, it is the only way to recover the VM. Managed disk snapshots do not apply to unmanaged disks.'),
    fix: localizable('Back up the VM with Azure Backup, or copy the VHD blob (for example a blob snapshot in its storage account), then run the check again.'),
  },
  unknown: {
    message: localizable('It is not known whether the VM\'s disks have a recent snapshot or backup.'),
    why: localizable('A snapshot or backup must exist before disks are encrypted: if encryption fails unexpectedly, it is the only way to recover the VM.'),
    fix: localizable('Snapshot every disk now (or back up the VM with Azure Backup), then run the check again.'),
  },
} as const;

export function findMissingRecoveryPoint(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const points = context.recoveryPoints;
  if (!points) return [finding(RECOVERY_POINT_RULE, 'error', RECOVERY_POINT_MESSAGES.unknown, { path: 'recoveryPoints' })];
  if (points.vmBackedUpRecently) return [];
  const snapshotted = new Set((points.diskIdsWithRecentSnapshot ?? []).map((id) => id.toLowerCase()));
  return listVmDisks(context.vm, context.disks)
    .filter((d) => !d.id || !snapshotted.has(d.id.toLowerCase()))
    .map((d) => finding(RECOVERY_POINT_RULE, 'error', d.unmanaged ? RECOVERY_POINT_MESSAGES.unmanagedDisk : RECOVERY_POINT_MESSAGES.diskWithoutSnapshot, {
      path: d.path, params: { diskName: d.name },
    }));
}

/** True when taking managed disk snapshots now would satisfy this finding (not for unmanaged disks). */
export function isFixedBySnapshotNow(f: Finding): boolean {
  return f.rule === RECOVERY_POINT_RULE && f.message !== RECOVERY_POINT_MESSAGES.unmanagedDisk.message;
}
