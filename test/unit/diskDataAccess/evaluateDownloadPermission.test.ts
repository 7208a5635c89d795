import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionMatchesPattern } from '../../../src/core/diskDataAccess/actionMatchesPattern.ts';
import { evaluateDownloadPermission } from '../../../src/core/diskDataAccess/evaluateDownloadPermission.ts';

const DISK_DOWNLOAD = 'Microsoft.Compute/disks/download/action';

test('action patterns: exact, case-insensitive, wildcards anywhere, nothing else', () => {
  assert.ok(actionMatchesPattern(DISK_DOWNLOAD, 'Microsoft.Compute/disks/download/action'));
  assert.ok(actionMatchesPattern(DISK_DOWNLOAD, 'microsoft.compute/DISKS/download/ACTION'));
  assert.ok(actionMatchesPattern(DISK_DOWNLOAD, '*'));
  assert.ok(actionMatchesPattern(DISK_DOWNLOAD, 'Microsoft.Compute/*'));
  assert.ok(actionMatchesPattern(DISK_DOWNLOAD, 'Microsoft.Compute/disks/*'));
  assert.ok(actionMatchesPattern(DISK_DOWNLOAD, 'Microsoft.Compute/*/download/action'));
  assert.ok(!actionMatchesPattern(DISK_DOWNLOAD, '*/read'));
  assert.ok(!actionMatchesPattern(DISK_DOWNLOAD, 'Microsoft.Compute/disks/upload/action'));
  assert.ok(!actionMatchesPattern(DISK_DOWNLOAD, 'Microsoft.Compute/snapshots/*'));
  assert.ok(!actionMatchesPattern(DISK_DOWNLOAD, 'Microsoft.Compute/disks/download'), 'no implicit suffix');
  assert.ok(!actionMatchesPattern(DISK_DOWNLOAD, 'Microsoft.ComputeX/disks/download/action'), 'dots are literal');
  assert.ok(!actionMatchesPattern(DISK_DOWNLOAD, ''));
});

test('Data Operator for Managed Disks grants disk and snapshot downloads', () => {
  const dataOperator = [{ actions: ['Microsoft.Compute/disks/download/action', 'Microsoft.Compute/disks/upload/action', 'Microsoft.Compute/snapshots/download/action', 'Microsoft.Compute/snapshots/upload/action'], notActions: [] }];
  assert.deepEqual(evaluateDownloadPermission(dataOperator, 'disk'), { allowed: true, requiredAction: DISK_DOWNLOAD, grantedBy: DISK_DOWNLOAD });
  const snap = evaluateDownloadPermission(dataOperator, 'snapshot');
  assert.equal(snap.allowed, true);
  assert.equal(snap.requiredAction, 'Microsoft.Compute/snapshots/download/action');
});

test('Reader alone does not; a custom role for disks only does not cover snapshots', () => {
  assert.deepEqual(evaluateDownloadPermission([{ actions: ['*/read'], notActions: [] }], 'disk'), { allowed: false, requiredAction: DISK_DOWNLOAD });
  const diskOnly = [{ actions: ['Microsoft.Compute/disks/download/action'] }];
  assert.equal(evaluateDownloadPermission(diskOnly, 'snapshot').allowed, false);
  assert.equal(evaluateDownloadPermission([], 'disk').allowed, false);
});

test('Owner/Contributor (*) grant it; a NotActions entry removes it within that role only', () => {
  const contributor = { actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write'] };
  assert.deepEqual(evaluateDownloadPermission([contributor], 'disk'), { allowed: true, requiredAction: DISK_DOWNLOAD, grantedBy: '*' });
  const noDownloads = { actions: ['Microsoft.Compute/*'], notActions: ['Microsoft.Compute/*/download/action'] };
  assert.deepEqual(evaluateDownloadPermission([noDownloads], 'disk'), { allowed: false, requiredAction: DISK_DOWNLOAD, excludedBy: 'Microsoft.Compute/*/download/action' });
  // NotActions are not a deny: another role that grants it wins.
  const other = { actions: ['Microsoft.Compute/disks/download/action'] };
  assert.equal(evaluateDownloadPermission([noDownloads, other], 'disk').allowed, true);
});

test('a role listing the action among dataActions counts, with its own notDataActions', () => {
  assert.equal(evaluateDownloadPermission([{ actions: [], dataActions: ['Microsoft.Compute/*'] }], 'disk').allowed, true);
  assert.equal(evaluateDownloadPermission([{ dataActions: ['*'], notDataActions: ['Microsoft.Compute/disks/*'] }], 'disk').allowed, false);
});
