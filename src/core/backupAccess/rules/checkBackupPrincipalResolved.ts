// The Backup Management Service's object id differs per tenant; when Graph can't be read (guests, restricted
// tenants) the user has to paste it, and the finding tells them where to find it.

import { BACKUP_MANAGEMENT_SERVICE_APP_ID } from '../backupAccessConstants.ts';
import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import type { BackupCheckContext } from './backupCheckContext.ts';

export function checkBackupPrincipalResolved(context: Pick<BackupCheckContext, 'backupPrincipalResolved'>): BackupAccessFinding[] {
  if (context.backupPrincipalResolved !== false) return [];
  return [backupAccessFinding('backup.principalUnresolved', 'warning', { appId: BACKUP_MANAGEMENT_SERVICE_APP_ID })];
}
