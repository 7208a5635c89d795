// How a backup policy reads in the picker: when it runs and how long it keeps recovery points, as the portal lists
// them under the policy drop-down. Run times are stored as full timestamps whose time of day is in the policy's
// time zone (UTC when none is set); only the time of day means anything.

import type { Translate } from '../l10n/Translate.ts';
import type { BackupPolicyLike, BackupRetentionLike, BackupScheduleLike, RetentionDurationLike, VmForBackup } from './recoveryServicesTypes.ts';

export interface BackupPolicySummary {
  readonly name: string;
  /** "Enhanced" (V2) or "Standard". */
  readonly tier: string;
  readonly schedule: string;
  readonly retention: string;
}

export function isEnhancedPolicy(policy: BackupPolicyLike): boolean {
  return policy.properties?.policyType?.toUpperCase() === 'V2';
}

export function describeBackupPolicy(policy: BackupPolicyLike, t: Translate): BackupPolicySummary {
  const p = policy.properties ?? {};
  const zone = p.timeZone || 'UTC';
  return {
    name: policy.name ?? '',
    tier: isEnhancedPolicy(policy) ? t('Enhanced') : t('Standard'),
    schedule: describeSchedule(p.schedulePolicy, zone, t),
    retention: describeRetention(p.retentionPolicy, t),
  };
}

function describeSchedule(s: BackupScheduleLike | undefined, zone: string, t: Translate): string {
  if (!s) return t('No schedule');
  const frequency = (s.scheduleRunFrequency ?? '').toLowerCase();
  if (frequency === 'hourly' && s.hourlySchedule) {
    const h = s.hourlySchedule;
    return t('Every {0} hours from {1} for {2} hours ({3})', h.interval ?? '?', timeOfDay(h.scheduleWindowStartTime), h.scheduleWindowDuration ?? '?', zone);
  }
  if (frequency === 'weekly') {
    const days = s.weeklySchedule?.scheduleRunDays ?? s.scheduleRunDays ?? [];
    const times = s.weeklySchedule?.scheduleRunTimes ?? s.scheduleRunTimes ?? [];
    return t('Weekly on {0} at {1} ({2})', days.join(', ') || '?', times.map(timeOfDay).join(', ') || '?', zone);
  }
  const times = s.dailySchedule?.scheduleRunTimes ?? s.scheduleRunTimes ?? [];
  return t('Daily at {0} ({1})', times.map(timeOfDay).join(', ') || '?', zone);
}

function describeRetention(r: BackupRetentionLike | undefined, t: Translate): string {
  const duration = r?.dailySchedule?.retentionDuration ?? r?.retentionDuration ?? r?.weeklySchedule?.retentionDuration;
  return duration ? t('keeps recovery points {0}', describeDuration(duration, t)) : t('retention not set');
}

export function describeDuration(d: RetentionDurationLike, t: Translate): string {
  const count = d.count ?? 0;
  switch ((d.durationType ?? '').toLowerCase()) {
    case 'weeks': return t('{0} weeks', count);
    case 'months': return t('{0} months', count);
    case 'years': return t('{0} years', count);
    default: return t('{0} days', count);
  }
}

function timeOfDay(value: Date | string | undefined): string {
  if (value === undefined) return '?';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '?';
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * Why this policy can't protect this VM; undefined when it can. Trusted Launch VMs can be protected only by an
 * Enhanced policy, and a policy of another workload (SQL in VM, file shares) can't protect a VM at all.
 */
export function backupPolicyProblem(policy: BackupPolicyLike, vm: VmForBackup, t: Translate): string | undefined {
  const type = policy.properties?.backupManagementType;
  if (type && type.toLowerCase() !== 'azureiaasvm') {
    return t('Policy {0} is for {1}, not for Azure virtual machines.', policy.name ?? '', type);
  }
  if (vm.securityProfile?.securityType === 'TrustedLaunch' && !isEnhancedPolicy(policy)) {
    return t('{0} uses Trusted Launch, which Azure Backup protects only with an Enhanced policy; {1} is a Standard policy.', vm.name ?? '', policy.name ?? '');
  }
  return undefined;
}

/** The policy to preselect: DefaultPolicy if it can be used, else the first usable one. */
export function preferredPolicyName(policies: readonly BackupPolicyLike[], vm: VmForBackup, t: Translate): string | undefined {
  const usable = policies.filter((p) => !backupPolicyProblem(p, vm, t));
  return (usable.find((p) => p.name === 'DefaultPolicy') ?? usable.find((p) => p.name === 'EnhancedPolicy') ?? usable[0])?.name;
}
