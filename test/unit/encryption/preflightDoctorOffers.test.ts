// What the doctor offers next to a blocking finding: a snapshot only when snapshots can fix it (never for unmanaged
// disks, which would loop), a restart when the VM waits for one; and why a local NVMe size is only a warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFinding } from '../../../src/core/encryption/finding.ts';
import { parseEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { findLocalNvmeDiskSize } from '../../../src/core/encryption/rules/findLocalNvmeDiskSize.ts';
import { findMissingRecoveryPoint, isFixedBySnapshotNow } from '../../../src/core/encryption/rules/findMissingRecoveryPoint.ts';
import { findOperationInProgress, isRestartPendingFinding } from '../../../src/core/encryption/rules/findOperationInProgress.ts';
import { runEncryptionPreflight } from '../../../src/core/encryption/runEncryptionPreflight.ts';
import { healthyContext, OS_DISK_ID, runningVm, withStorage } from './fixtures.ts';
import { encryptedVm } from './instanceViews.ts';

test('an unmanaged data disk: the finding says it cannot be snapshotted here and what to do; no snapshot offer for it', () => {
  const vhd = 'https://stcontoso.blob.core.windows.net/vhds/vm1-data0.vhd';
  const vm = withStorage({ dataDisks: [{ lun: 0, name: 'vm1-data0', vhd: { uri: vhd } }] });
  const findings = findMissingRecoveryPoint(healthyContext({ vm, recoveryPoints: { diskIdsWithRecentSnapshot: [OS_DISK_ID] } }));
  assert.equal(findings.length, 1);
  const text = renderFinding(findings[0]);
  assert.match(text.message, /"vm1-data0" is an unmanaged disk .* cannot be snapshotted from here/);
  assert.match(text.fix!, /Azure Backup, or copy the VHD blob/);
  assert.equal(isFixedBySnapshotNow(findings[0]), false);
  // A managed disk without a snapshot: the snapshot offer fixes it.
  const managed = findMissingRecoveryPoint(healthyContext({ recoveryPoints: { diskIdsWithRecentSnapshot: [OS_DISK_ID] } }));
  assert.deepEqual(managed.map(isFixedBySnapshotNow), [true]);
});

test('a VM waiting for a restart: the blocking finding is the one a restart resolves', () => {
  const pending = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'VMRestartPending', data: 'Encrypted' }));
  const result = runEncryptionPreflight(healthyContext({ status: pending }));
  const blockers = result.findings.filter((f) => f.severity === 'error');
  assert.ok(blockers.some(isRestartPendingFinding), JSON.stringify(blockers.map((f) => f.rule)));
  const running = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'EncryptionInProgress' }));
  assert.equal(findOperationInProgress(healthyContext({ status: running })).some(isRestartPendingFinding), false);
});

test('local NVMe size: a warning that says why it does not block (the managed disks are encrypted as usual)', () => {
  const [f] = findLocalNvmeDiskSize(healthyContext({ vm: { ...runningVm(), hardwareProfile: { vmSize: 'Standard_L8s_v3' } } }));
  assert.equal(f.severity, 'warning');
  assert.match(renderFinding(f).why!, /This is a warning, not a blocker: the VM's managed OS and data disks are encrypted as usual; only the local NVMe disks are left out\./);
});
