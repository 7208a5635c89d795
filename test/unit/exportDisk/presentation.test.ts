import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DownloadError } from '../../../src/core/download/downloadError.ts';
import type { DownloadProgress } from '../../../src/core/download/downloadProgress.ts';
import { activeSasQuestion } from '../../../src/core/exportDisk/decideActiveSas.ts';
import { describeExportFailure } from '../../../src/core/exportDisk/describeExportFailure.ts';
import { findActiveSasResources } from '../../../src/core/exportDisk/findActiveSasResources.ts';
import { formatBytes, formatExportProgress, percentDone } from '../../../src/core/exportDisk/formatExportProgress.ts';
import { addPendingExport, exportsToResume, removePendingExport, type PendingExport } from '../../../src/core/exportDisk/pendingExports.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';
import { disk } from './fixtures.ts';

const MiB = 1024 * 1024;
const progress = (p: Partial<DownloadProgress>): DownloadProgress => ({
  phase: 'downloading', blobSize: 4096 * MiB, bytesToFetch: 400 * MiB, bytesDone: 100 * MiB, bytesResumed: 0, bytesSkipped: 3696 * MiB,
  bytesPerSecond: 50 * MiB, etaSeconds: 6, requestsInFlight: 4, retries: 0, ...p,
});

test('progress reads as done of to-fetch, empty skipped, rate and time left', () => {
  assert.equal(formatExportProgress(progress({}), t), '100 MiB of 400 MiB · 3.61 GiB empty, skipped · 50.0 MiB/s · 6 s left');
  assert.equal(formatExportProgress(progress({ bytesSkipped: 0, bytesPerSecond: 0, etaSeconds: undefined }), t), '100 MiB of 400 MiB');
  assert.equal(formatExportProgress(progress({ phase: 'verifying' }), t), 'Verifying 400 MiB…');
  assert.equal(percentDone(progress({})), 25);
  assert.equal(percentDone(progress({ phase: 'done' })), 100);
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.50 KiB');
});

test('an active SAS is asked about: someone else, or our own interrupted export', () => {
  assert.equal(activeSasQuestion(disk('d1'), false, t), undefined);
  const other = activeSasQuestion(disk('d1', { diskState: 'ActiveSASFrozen' }), false, t)!;
  assert.equal(other.message, 'd1 already has an active download link (ActiveSASFrozen): someone may be downloading it now.');
  assert.match(other.detail, /also ends any other download of this disk/);
  const ours = activeSasQuestion(disk('d1', { diskState: 'ActiveSAS' }), true, t)!;
  assert.match(ours.message, /earlier export of yours/);
});

test('engine errors become one actionable sentence; other errors are left to the ARM describer', () => {
  assert.equal(describeExportFailure(new DownloadError('diskFull', 'ENOSPC'), 'd1.vhd', t), 'There is not enough space for d1.vhd. Free some space and export again to resume.');
  assert.match(describeExportFailure(new DownloadError('cancelled', 'x'), 'd1.vhd', t)!, /partial file stays/);
  assert.equal(describeExportFailure(new Error('x'), 'd1.vhd', t), undefined);
});

test('disks and snapshots with an active SAS are found across subscriptions, sorted by name', () => {
  const found = findActiveSasResources([
    { session: 'a', disks: [{ id: '/x/d2', name: 'd2', diskState: 'ActiveSAS' }, { id: '/x/d1', name: 'd1', diskState: 'Unattached' }], snapshots: [{ id: '/x/s1', name: 's1', diskState: 'ActiveSASFrozen' }] },
    { session: 'b', disks: [{ id: '/y/a0', name: 'a0', diskState: 'ActiveSAS' }], snapshots: [] },
  ]);
  assert.deepEqual(found.map((f) => `${f.session}:${f.kind}:${f.resource.name}`), ['b:disk:a0', 'a:disk:d2', 'a:snapshot:s1']);
});

test('interrupted exports are remembered by resource and folder, and offered while their partial file exists', () => {
  const entry = (id: string, folder = '/out'): PendingExport => ({ resourceId: id, kind: 'disk', tenantId: 't', subscriptionId: 's', displayName: id, folder, durationSeconds: 60, startedAt: '' });
  let list = addPendingExport([], entry('/D1'));
  list = addPendingExport(list, entry('/d1'));
  list = addPendingExport(list, entry('/d2', '/other'));
  assert.equal(list.length, 2, 'the same disk and folder is one entry (ids compare case-insensitively)');
  assert.deepEqual(exportsToResume(list, (e) => e.resourceId === '/d2').map((e) => e.resourceId), ['/d2']);
  assert.deepEqual(removePendingExport(list, { resourceId: '/D1', folder: '/out' }).map((e) => e.resourceId), ['/d2']);
});
