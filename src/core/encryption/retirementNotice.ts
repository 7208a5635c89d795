import { finding, type Finding } from './finding.ts';
import { localizable } from '../l10n/Translate.ts';

// Azure Disk Encryption is scheduled for retirement on 15 September 2028 (notice at the top of the current Learn
// articles). Until then it keeps working; after it, ADE-enabled workloads keep running but encrypted disks fail to
// unlock after a VM reboot. Encryption at host is the path for new VMs. Shown once per flow, separately from the
// pre-flight findings, so it does not drown them.

export const ADE_RETIREMENT_DATE = '2028-09-15';

export const ADE_RETIREMENT_RULE = 'ade.retirement-notice';

export const ADE_RETIREMENT_MESSAGES = {
  message: localizable('Azure Disk Encryption is scheduled for retirement on 15 September 2028.'),
  why: localizable('You can keep using it until then. After that date, encrypted disks will fail to unlock when the VM restarts, which interrupts service. Encryption at host is the recommended option for new VMs.'),
  fix: localizable('Use encryption at host for new VMs, and plan to migrate ADE-enabled VMs (and their backups) to encryption at host before the retirement date.'),
} as const;

export const ADE_RETIREMENT_NOTICE: Finding = finding(ADE_RETIREMENT_RULE, 'info', ADE_RETIREMENT_MESSAGES);

/** Whole days left until the retirement date (negative once it has passed); `now` is injected for tests. */
export function daysUntilAdeRetirement(now: Date): number {
  const retirement = Date.UTC(2028, 8, 15);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((retirement - today) / 86_400_000);
}
