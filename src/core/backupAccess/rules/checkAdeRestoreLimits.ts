// The article's standing limits for ADE-encrypted VMs, shown before the user relies on the backup: same
// subscription only, no file-level recovery, no "replace existing", cross-region restore only to the pair.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import { usesAde, type BackupCheckContext } from './backupCheckContext.ts';

export function checkAdeRestoreLimits(context: BackupCheckContext): BackupAccessFinding[] {
  if (!usesAde(context)) return [];
  return [
    backupAccessFinding('backup.sameSubscriptionOnly', 'info'),
    backupAccessFinding('backup.noFileLevelRestore', 'info'),
    backupAccessFinding('backup.noReplaceExisting', 'info'),
    backupAccessFinding('backup.crossRegionRestorePairedOnly', 'info'),
  ];
}
