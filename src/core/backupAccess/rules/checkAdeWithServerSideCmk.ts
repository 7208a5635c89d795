// ADE on a disk that is also server-side encrypted with a customer-managed key (a disk encryption set) is not a
// supported ADE scenario; SSE + CMK alone needs no key vault access for backup (the article: no action needed).

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import { lastSegment } from '../armResourceIds.ts';
import type { BackupCheckContext } from './backupCheckContext.ts';

export function checkAdeWithServerSideCmk(context: BackupCheckContext): BackupAccessFinding[] {
  return (context.disks ?? [])
    .filter((d) => {
      const ade = d.encryptionSettingsCollection?.enabled !== false && (d.encryptionSettingsCollection?.encryptionSettings ?? []).length > 0;
      const cmk = /customerkey/i.test(d.encryption?.type ?? '') || !!d.encryption?.diskEncryptionSetId;
      return ade && cmk;
    })
    .map((d) => backupAccessFinding('ade.withServerSideCmk', 'warning', { disk: d.name ?? (d.id ? lastSegment(d.id) : '?') }, d.id));
}
