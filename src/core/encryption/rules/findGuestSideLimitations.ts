import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001 lists unsupported scenarios the ARM model cannot reveal: they live inside the guest. We show them once
// as a checklist for the user to confirm, rather than pretending to have checked them.
export const GUEST_SIDE_LIMITATIONS_RULE = 'ade.guest-side-limitations';

export const GUEST_SIDE_LIMITATIONS_MESSAGES = {
  message: localizable('Check inside the VM: Azure Disk Encryption does not support Azure Files or NFS mounts, dynamic volumes, shared/distributed file systems (DFS, GFS, DRBD, CephFS, …), kdump, Oracle ACFS, nested mount points (such as /1stmountpoint/data/2ndmountpoint), a data drive mounted on top of an OS folder, or a root logical volume extended onto a data disk.'),
  why: localizable('These cannot be seen from Azure Resource Manager, and encryption fails or leaves the VM unbootable when they are present. The extension also needs the dm-crypt and vfat modules, and data disks to encrypt must be mounted and listed in /etc/fstab with a persistent block device name.'),
  fix: localizable('Review the VM\'s mounts (lsblk, /etc/fstab) and services before continuing; stop services that write to the data disks.'),
} as const;

export function findGuestSideLimitations(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  return [finding(GUEST_SIDE_LIMITATIONS_RULE, 'info', GUEST_SIDE_LIMITATIONS_MESSAGES)];
}
