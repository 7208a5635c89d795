// The article: enabling encryption on a VM that is already backed up only requires giving Azure Backup access
// to the key vault, so backups continue without interruption. Worth saying when that's the situation.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import { usesAde, type BackupCheckContext } from './backupCheckContext.ts';

export function checkAlreadyProtected(context: BackupCheckContext): BackupAccessFinding[] {
  return usesAde(context) && context.vmAlreadyProtected === true ? [backupAccessFinding('backup.alreadyProtected', 'info')] : [];
}
