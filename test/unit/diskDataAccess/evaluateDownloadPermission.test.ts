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

// The built-in role as Azure publishes it (built-in-roles/compute.md): no control-plane actions, four dataActions.
const dataOperator = {
  actions: [], notActions: [],
  dataActions: ['Microsoft.Compute/disks/download/action', 'Microsoft.Compute/disks/upload/action', 'Microsoft.Compute/snapshots/download/action', 'Microsoft.Compute/snapshots/upload/action'],
  notDataActions: [],
};
const owner = { actions: ['*'], notActions: [], dataActions: [], notDataActions: [] };
const contributor = { actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write'], dataActions: [], notDataActions: [] };

test('Data Operator for Managed Disks (dataActions) grants disk and snapshot downloads', () => {
  assert.deepEqual(evaluateDownloadPermission([dataOperator], 'disk'), { allowed: true, requiredAction: DISK_DOWNLOAD, grantedBy: DISK_DOWNLOAD });
  const snap = evaluateDownloadPermission([dataOperator], 'snapshot');
  assert.equal(snap.allowed, true);
  assert.equal(snap.requiredAction, 'Microsoft.Compute/snapshots/download/action');
});

test('Owner and Contributor (actions "*") do not: the download is a data action, which control-plane actions never grant', () => {
  assert.deepEqual(evaluateDownloadPermission([owner], 'disk'), { allowed: false, requiredAction: DISK_DOWNLOAD, managementOnlyPattern: '*' });
  assert.equal(evaluateDownloadPermission([contributor], 'snapshot').allowed, false);
  // The same action named under `actions` (a mistaken custom role) does not count either.
  assert.equal(evaluateDownloadPermission([{ actions: [DISK_DOWNLOAD], dataActions: [] }], 'disk').allowed, false);
  // Owner together with the data role: allowed, by the data role.
  assert.deepEqual(evaluateDownloadPermission([owner, dataOperator], 'disk'), { allowed: true, requiredAction: DISK_DOWNLOAD, grantedBy: DISK_DOWNLOAD });
});

test('Reader alone does not; a custom data role for disks only does not cover snapshots', () => {
  assert.deepEqual(evaluateDownloadPermission([{ actions: ['*/read'], notActions: [] }], 'disk'), { allowed: false, requiredAction: DISK_DOWNLOAD });
  const diskOnly = [{ actions: [], dataActions: ['Microsoft.Compute/disks/download/action'] }];
  assert.equal(evaluateDownloadPermission(diskOnly, 'disk').allowed, true);
  assert.equal(evaluateDownloadPermission(diskOnly, 'snapshot').allowed, false);
  assert.equal(evaluateDownloadPermission([], 'disk').allowed, false);
});

test('wildcard dataActions grant it; a NotDataActions entry removes it within that role only', () => {
  assert.equal(evaluateDownloadPermission([{ actions: [], dataActions: ['Microsoft.Compute/*'] }], 'disk').allowed, true);
  const noDownloads = { dataActions: ['*'], notDataActions: ['Microsoft.Compute/*/download/action'] };
  assert.deepEqual(evaluateDownloadPermission([noDownloads], 'disk'), { allowed: false, requiredAction: DISK_DOWNLOAD, excludedBy: 'Microsoft.Compute/*/download/action' });
  // NotDataActions are not a deny: another role that grants it wins.
  assert.equal(evaluateDownloadPermission([noDownloads, dataOperator], 'disk').allowed, true);
  // notActions never remove a data action.
  assert.equal(evaluateDownloadPermission([{ notActions: ['*'], dataActions: ['Microsoft.Compute/disks/*'] }], 'disk').allowed, true);
});
