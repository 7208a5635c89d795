// The article: member users get Azure Backup's key vault access without further action; guest users must
// grant it themselves, and configuring backup of an encrypted VM needs that access. A known guest is warned; when
// the account's user type is unknown, or the principal had to be pasted (often a guest's situation), the
// article's sentence is shown so the user can tell which case they are in. Independent of the VM, so the key
// vault node's path runs it too.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import type { BackupCheckContext } from './backupCheckContext.ts';

export function checkGuestUser(context: Pick<BackupCheckContext, 'signedInUser' | 'backupPrincipalResolved'>): BackupAccessFinding[] {
  if (context.signedInUser?.isGuest === true) return [backupAccessFinding('backup.guestUser', 'warning')];
  const unknown = context.signedInUser?.isGuest === undefined;
  return unknown || context.backupPrincipalResolved === false ? [backupAccessFinding('backup.guestOrMemberNote', 'info')] : [];
}
