// Azure Backup does not support disks whose export/upload requires Microsoft Entra ID authorization
// (dataAccessAuthMode AzureActiveDirectory), encrypted or not.

import { ENTRA_ID_DATA_ACCESS_AUTH_MODE } from '../backupAccessConstants.ts';
import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import { lastSegment } from '../armResourceIds.ts';
import type { BackupCheckContext } from './backupCheckContext.ts';

export function checkEntraIdDataAccessDisks(context: Pick<BackupCheckContext, 'disks'>): BackupAccessFinding[] {
  return (context.disks ?? [])
    .filter((d) => d.dataAccessAuthMode?.toLowerCase() === ENTRA_ID_DATA_ACCESS_AUTH_MODE.toLowerCase())
    .map((d) => {
      const disk = d.name ?? (d.id ? lastSegment(d.id) : '?');
      return backupAccessFinding('backup.entraIdDataAccessDisk', 'error', { disk }, d.id);
    });
}
