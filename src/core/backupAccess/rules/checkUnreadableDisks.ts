// A disk of the VM that could not be read (another subscription, no permission, gone) is not known to be
// supported by Azure Backup: its data access mode may be Microsoft Entra ID. Said, never silently dropped.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import { lastSegment } from '../armResourceIds.ts';
import type { BackupCheckContext } from './backupCheckContext.ts';

export function checkUnreadableDisks(context: Pick<BackupCheckContext, 'unreadableDiskIds'>): BackupAccessFinding[] {
  return (context.unreadableDiskIds ?? []).map((id) => backupAccessFinding('backup.diskUnreadable', 'warning', { disk: lastSegment(id) }, id));
}
