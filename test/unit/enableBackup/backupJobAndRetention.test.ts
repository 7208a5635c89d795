import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRetentionDate, parseRetentionDate } from '../../../src/core/enableBackup/backupRetentionDate.ts';
import { backupJobSeconds, backupJobState, describeBackupJobEnd, describeBackupJobProgress, formatJobDuration } from '../../../src/core/enableBackup/describeBackupJob.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';

const now = new Date('2025-06-10T22:30:00Z');

test('the default retention date is 30 days ahead, as Azure keeps an on-demand point without one', () => {
  assert.equal(defaultRetentionDate(now), '2025-07-10');
  const parsed = parseRetentionDate(defaultRetentionDate(now), now, t);
  assert.ok(parsed.ok && parsed.days === 30);
});

test('a retention date is kept to the end of that day (UTC), so tomorrow late in the evening is still a day', () => {
  const parsed = parseRetentionDate('2025-06-11', now, t);
  assert.ok(parsed.ok);
  assert.equal(parsed.ok && parsed.expiry.toISOString(), '2025-06-11T23:59:59.000Z');
});

test('malformed, impossible, past, today\'s and too distant dates are refused with the reason', () => {
  for (const text of ['', '10/07/2025', '2025-7-10', '2025-02-30', '2025-13-01']) {
    const r = parseRetentionDate(text, now, t);
    assert.ok(!r.ok && r.message === 'Enter a date as YYYY-MM-DD, for example 2025-07-10.', text);
  }
  for (const text of ['2025-06-10', '2024-01-01']) {
    const r = parseRetentionDate(text, now, t);
    assert.ok(!r.ok && /after today/.test(r.message), text);
  }
  const far = parseRetentionDate('2124-06-11', now, t);
  assert.ok(!far.ok && far.message === 'Azure Backup keeps an on-demand recovery point at most 99 years (until 2124-06-10).');
  assert.ok(parseRetentionDate('2124-06-10', now, t).ok);
});

const job = (status: string, extra: Record<string, unknown> = {}) => ({ name: 'j', properties: { status, startTime: '2025-06-10T22:00:00Z', ...extra } });

test('job statuses map to what the user is told; an unknown one keeps waiting', () => {
  assert.equal(backupJobState(job('InProgress')), 'running');
  assert.equal(backupJobState(job('Cancelling')), 'running');
  assert.equal(backupJobState(job('SomethingNew')), 'running');
  assert.equal(backupJobState(job('Completed')), 'succeeded');
  assert.equal(backupJobState(job('CompletedWithWarnings')), 'succeededWithWarnings');
  assert.equal(backupJobState(job('Failed')), 'failed');
  assert.equal(backupJobState(job('Cancelled')), 'cancelled');
});

test('durations are read from a TimeSpan, ISO 8601, or start/end (ignoring Azure\'s 0001-01-01 end)', () => {
  assert.equal(backupJobSeconds(job('Completed', { duration: '00:03:42.1234567' }), now), 222);
  assert.equal(backupJobSeconds(job('Completed', { duration: '1.02:00:05' }), now), 93605);
  assert.equal(backupJobSeconds(job('Completed', { duration: 'PT1H2M3.5S' }), now), 3723);
  assert.equal(backupJobSeconds(job('InProgress', { endTime: '0001-01-01T00:00:00Z' }), now), 1800);
  assert.equal(backupJobSeconds({ properties: {} }, now), undefined);
  assert.equal(formatJobDuration(42, t), '42 s');
  assert.equal(formatJobDuration(222, t), '3 min 42 s');
  assert.equal(formatJobDuration(3723, t), '1 h 2 min');
});

test('progress shows the status, the percentage when given and the time so far', () => {
  assert.equal(describeBackupJobProgress(job('InProgress', { duration: '00:00:12', extendedInfo: { progressPercentage: 41.6 } }), now, t), 'In progress · 42% · 12 s');
  assert.equal(describeBackupJobProgress(job('Cancelling', { duration: '00:00:12' }), now, t), 'Cancelling · 12 s');
  assert.equal(describeBackupJobProgress({ properties: {} }, now, t), 'Starting');
});

test('the end of a job is one sentence: success with its time, failure with the service\'s reason and code', () => {
  assert.deepEqual(describeBackupJobEnd(job('Completed', { duration: '00:01:05' }), 'vm1', now, t), { severity: 'info', message: 'The backup of vm1 completed in 1 min 5 s.' });
  const failed = job('Failed', { duration: '00:00:30', errorDetails: [{ errorCode: 400061, errorString: 'Backup doesn\'t have sufficient permissions to the key vault.', recommendations: ['Grant access'] }] });
  assert.deepEqual(describeBackupJobEnd(failed, 'vm1', now, t), { severity: 'error', message: 'The backup of vm1 failed after 30 s: Backup doesn\'t have sufficient permissions to the key vault (400061).' });
  const titled = job('Failed', { duration: '00:00:30', errorDetails: [{ errorTitle: 'UserErrorX', errorString: 'Broken' }] });
  assert.equal(describeBackupJobEnd(titled, 'vm1', now, t).message, 'The backup of vm1 failed after 30 s: Broken (UserErrorX).');
  assert.equal(describeBackupJobEnd(job('Failed', { duration: '00:00:30' }), 'vm1', now, t).message, 'The backup of vm1 failed after 30 s; see the job in the vault for details.');
  assert.equal(describeBackupJobEnd(job('CompletedWithWarnings', { duration: '00:00:30' }), 'vm1', now, t).severity, 'warning');
  assert.equal(describeBackupJobEnd(job('Cancelled', { duration: '00:00:30' }), 'vm1', now, t).message, 'The backup of vm1 was cancelled after 30 s.');
});
