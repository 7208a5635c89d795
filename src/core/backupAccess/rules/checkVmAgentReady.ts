// Azure Backup works through an extension installed by the VM agent. Marketplace images run it; custom
// images and migrated machines may not. Silent when the instance view wasn't read.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import type { BackupCheckContext } from './backupCheckContext.ts';

export function checkVmAgentReady(context: BackupCheckContext): BackupAccessFinding[] {
  const instanceView = context.vm.instanceView;
  if (!instanceView) return [];
  const statuses = instanceView.vmAgent?.statuses ?? [];
  const ready = statuses.some((s) => s.displayStatus?.toLowerCase() === 'ready');
  return ready ? [] : [backupAccessFinding('backup.vmAgentNotReady', 'warning')];
}
