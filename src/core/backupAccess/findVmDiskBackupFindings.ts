// The disk checks that apply to every VM Azure Backup is asked to protect, encrypted or not: disks whose data
// access requires Microsoft Entra ID are not supported (an error), and disks that could not be read are unknown
// (a warning the user must accept). Enable Backup runs these before asking anything else.

import type { BackupAccessFinding } from './backupAccessTypes.ts';
import type { BackupCheckContext } from './rules/backupCheckContext.ts';
import { checkEntraIdDataAccessDisks } from './rules/checkEntraIdDataAccessDisks.ts';
import { checkUnreadableDisks } from './rules/checkUnreadableDisks.ts';

export function findVmDiskBackupFindings(context: Pick<BackupCheckContext, 'disks' | 'unreadableDiskIds'>): BackupAccessFinding[] {
  return [...checkEntraIdDataAccessDisks(context), ...checkUnreadableDisks(context)];
}

/** refuse: a disk Azure Backup does not support; confirm: a disk that could not be checked; proceed: none. */
export function diskBackupDecision(findings: readonly BackupAccessFinding[]): 'refuse' | 'confirm' | 'proceed' {
  if (findings.some((f) => f.severity === 'error')) return 'refuse';
  return findings.some((f) => f.severity === 'warning') ? 'confirm' : 'proceed';
}
