// The article: member users get Azure Backup's key vault access without further action; guest users must
// grant it themselves, and configuring backup of an encrypted VM needs that access.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import { usesAde, type BackupCheckContext } from './backupCheckContext.ts';

export function checkGuestUser(context: BackupCheckContext): BackupAccessFinding[] {
  return usesAde(context) && context.signedInUser?.isGuest === true ? [backupAccessFinding('backup.guestUser', 'warning')] : [];
}
