// What a backup job's state means to the person waiting for it. Azure Backup's job statuses are InProgress,
// Cancelling, Completed, CompletedWithWarnings, Failed and Cancelled; anything else is shown as it is and treated
// as still running, so an unknown status never ends the wait with a false "done".

import type { Translate } from '../l10n/Translate.ts';
import type { BackupJobLike } from './recoveryServicesTypes.ts';

export type BackupJobState = 'running' | 'succeeded' | 'succeededWithWarnings' | 'failed' | 'cancelled';

export function backupJobState(job: BackupJobLike): BackupJobState {
  switch ((job.properties?.status ?? '').toLowerCase()) {
    case 'completed': return 'succeeded';
    case 'completedwithwarnings': return 'succeededWithWarnings';
    case 'failed': return 'failed';
    case 'cancelled':
    case 'canceled': return 'cancelled';
    default: return 'running';
  }
}

export function isBackupJobFinished(job: BackupJobLike): boolean {
  return backupJobState(job) !== 'running';
}

/** Seconds from a .NET TimeSpan ("1.02:03:04.5"), an ISO 8601 duration ("PT3M42S") or start/end times. */
export function backupJobSeconds(job: BackupJobLike, now: Date): number | undefined {
  const d = job.properties?.duration;
  const span = d ? /^(?:(\d+)\.)?(\d+):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(d) : null;
  if (span) return Number(span[1] ?? 0) * 86400 + Number(span[2]) * 3600 + Number(span[3]) * 60 + Number(span[4]);
  const iso = d ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(d) : null;
  if (iso) return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Math.floor(Number(iso[4] ?? 0));
  const start = toTime(job.properties?.startTime);
  if (start === undefined) return undefined;
  const end = toTime(job.properties?.endTime) ?? now.getTime();
  return Math.max(0, Math.floor((end - start) / 1000));
}

export function formatJobDuration(seconds: number, t: Translate): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return t('{0} h {1} min', h, m);
  if (m > 0) return t('{0} min {1} s', m, s);
  return t('{0} s', s);
}

/** The progress line while the job runs: status, percentage when Azure gives one, time so far. */
export function describeBackupJobProgress(job: BackupJobLike, now: Date, t: Translate): string {
  // Azure's own word for a running job ("InProgress") reads badly in a sentence: say it in the user's language.
  const raw = job.properties?.status;
  const status = !raw ? t('Starting') : raw.toLowerCase() === 'inprogress' ? t('In progress') : raw.toLowerCase() === 'cancelling' ? t('Cancelling') : raw;
  const percent = job.properties?.extendedInfo?.progressPercentage;
  const seconds = backupJobSeconds(job, now);
  const parts = [status, percent !== undefined ? `${Math.round(percent)}%` : '', seconds !== undefined ? formatJobDuration(seconds, t) : ''];
  return parts.filter(Boolean).join(' · ');
}

export interface BackupJobEnd {
  readonly severity: 'info' | 'warning' | 'error';
  /** One sentence for the notification. */
  readonly message: string;
}

/** The one sentence the user reads when the job ends. */
export function describeBackupJobEnd(job: BackupJobLike, vmName: string, now: Date, t: Translate): BackupJobEnd {
  const seconds = backupJobSeconds(job, now);
  const took = seconds !== undefined ? formatJobDuration(seconds, t) : '?';
  const error = job.properties?.errorDetails?.[0];
  const reason = (error?.errorString ?? job.properties?.extendedInfo?.dynamicErrorMessage ?? '').trim().replace(/\.$/, '');
  const code = error?.errorTitle ?? (error?.errorCode !== undefined ? String(error.errorCode) : '');
  switch (backupJobState(job)) {
    case 'succeeded':
      return { severity: 'info', message: t('The backup of {0} completed in {1}.', vmName, took) };
    case 'succeededWithWarnings':
      return { severity: 'warning', message: reason
        ? t('The backup of {0} completed with warnings in {1}: {2}.', vmName, took, reason)
        : t('The backup of {0} completed with warnings in {1}; see the job in the vault.', vmName, took) };
    case 'cancelled':
      return { severity: 'warning', message: t('The backup of {0} was cancelled after {1}.', vmName, took) };
    case 'failed':
      return { severity: 'error', message: reason
        ? (code ? t('The backup of {0} failed after {1}: {2} ({3}).', vmName, took, reason, code) : t('The backup of {0} failed after {1}: {2}.', vmName, took, reason))
        : t('The backup of {0} failed after {1}; see the job in the vault for details.', vmName, took) };
    case 'running':
      return { severity: 'info', message: t('The backup of {0} is still running ({1}); follow it in the vault\'s backup jobs.', vmName, describeBackupJobProgress(job, now, t)) };
  }
}

function toTime(value: Date | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = (value instanceof Date ? value : new Date(value)).getTime();
  // Azure Backup reports "0001-01-01T00:00:00Z" for an end time that has not happened yet.
  return Number.isNaN(time) || time <= 0 ? undefined : time;
}
