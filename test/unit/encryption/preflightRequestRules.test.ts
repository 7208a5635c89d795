import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFinding } from '../../../src/core/encryption/finding.ts';
import { parseEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { findMissingVolumeType } from '../../../src/core/encryption/rules/findMissingVolumeType.ts';
import { findVolumeTypeForEncryptedVm } from '../../../src/core/encryption/rules/findVolumeTypeForEncryptedVm.ts';
import { findDisableNotSupported } from '../../../src/core/encryption/rules/findDisableNotSupported.ts';
import { findOperationInProgress } from '../../../src/core/encryption/rules/findOperationInProgress.ts';
import { findEncryptFormatAllRisks } from '../../../src/core/encryption/rules/findEncryptFormatAllRisks.ts';
import { findMissingRecoveryPoint } from '../../../src/core/encryption/rules/findMissingRecoveryPoint.ts';
import { findEncryptionDowntime } from '../../../src/core/encryption/rules/findEncryptionDowntime.ts';
import { findLimitsAfterEncryption } from '../../../src/core/encryption/rules/findLimitsAfterEncryption.ts';
import { findGuestSideLimitations } from '../../../src/core/encryption/rules/findGuestSideLimitations.ts';
import { findInsufficientMemory } from '../../../src/core/encryption/rules/findInsufficientMemory.ts';
import { findUnsupportedDistribution } from '../../../src/core/encryption/rules/findUnsupportedDistribution.ts';
import { findSecretValidityPolicy } from '../../../src/core/encryption/rules/findSecretValidityPolicy.ts';
import { errorsOf, healthyContext, runningVm, withStorage, OS_DISK_ID, DATA_DISK_ID } from './fixtures.ts';
import { encryptedVm } from './instanceViews.ts';

test('volume-type-required: explicit Data passes; no volume type on a VM with data disks is an error', () => {
  assert.deepEqual(findMissingVolumeType(healthyContext()), []);
  const [f] = findMissingVolumeType(healthyContext({ request: { operation: 'Enable' } }));
  assert.equal(f.rule, 'ade.volume-type-required');
  assert.equal(f.path, 'request.volumeType');
  // Without data disks the CLI defaults to OS, so nothing to report.
  assert.deepEqual(findMissingVolumeType(healthyContext({ vm: withStorage({ dataDisks: [] }), request: { operation: 'Enable' } })), []);
});

test('volume-type-for-encrypted-vm: a VM encrypted with "OS" must be re-run with "All"; "All" passes', () => {
  const status = parseEncryptionStatus(encryptedVm({ volumeType: 'OS', os: 'Encrypted', data: 'NotMounted' }));
  const bad = findVolumeTypeForEncryptedVm(healthyContext({ status, request: { operation: 'Enable', volumeType: 'Data' } }));
  const err = errorsOf(bad)[0];
  assert.equal(err.rule, 'ade.volume-type-for-encrypted-vm');
  assert.match(renderFinding(err).fix!, /"All"/);
  assert.match(err.why!, /change the volume type to "All"/);
  const ok = findVolumeTypeForEncryptedVm(healthyContext({ status, request: { operation: 'Enable', volumeType: 'All' } }));
  assert.deepEqual(errorsOf(ok), []);
  assert.match(ok[0].why!, /\/etc\/fstab/); // reminder that the new disk must be formatted, mounted and in fstab
});

test('volume-type-for-encrypted-vm: "All" must stay "All"; "Data" may stay "Data"', () => {
  const all = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'Encrypted', data: 'Encrypted' }));
  assert.equal(errorsOf(findVolumeTypeForEncryptedVm(healthyContext({ status: all, request: { operation: 'Enable', volumeType: 'Data' } }))).length, 1);
  const data = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted' }));
  assert.deepEqual(errorsOf(findVolumeTypeForEncryptedVm(healthyContext({ status: data, request: { operation: 'Enable', volumeType: 'Data' } }))), []);
  assert.deepEqual(findVolumeTypeForEncryptedVm(healthyContext()), []); // never encrypted: nothing to say
});

test('disable-not-supported: data-only encryption can be disabled; an encrypted OS volume refuses with the article\'s reason', () => {
  const dataOnly = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted' }));
  assert.deepEqual(findDisableNotSupported(healthyContext({ status: dataOnly, request: { operation: 'Disable', volumeType: 'Data' } })), []);
  const osToo = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'Encrypted', data: 'Encrypted' }));
  const [f] = findDisableNotSupported(healthyContext({ status: osToo, request: { operation: 'Disable', volumeType: 'Data' } }));
  assert.equal(f.severity, 'error');
  assert.match(f.why!, /OS volume is encrypted/);
  const [g] = findDisableNotSupported(healthyContext({ status: dataOnly, request: { operation: 'Disable', volumeType: 'All' } }));
  assert.match(g.why!, /data volumes only/);
  assert.equal(findDisableNotSupported(healthyContext({ request: { operation: 'Disable' } }))[0].severity, 'error'); // no status read
});

test('operation-in-progress: a settled VM passes; VMRestartPending and EncryptionInProgress block', () => {
  const done = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'Encrypted', data: 'Encrypted' }));
  assert.deepEqual(findOperationInProgress(healthyContext({ status: done })), []);
  const pending = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'VMRestartPending', data: 'NotMounted' }));
  assert.match(renderFinding(findOperationInProgress(healthyContext({ status: pending }))[0]).message, /VMRestartPending/);
  const running = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'EncryptionInProgress' }));
  assert.equal(findOperationInProgress(healthyContext({ status: running }))[0].severity, 'error');
});

test('encrypt-format-all: plain Enable passes; FormatAll warns about data loss and refuses a non-Data volume type', () => {
  assert.deepEqual(findEncryptFormatAllRisks(healthyContext()), []);
  const data = findEncryptFormatAllRisks(healthyContext({ request: { operation: 'EnableFormatAll', volumeType: 'Data' } }));
  assert.deepEqual(data.map((f) => f.severity), ['warning']);
  assert.match(data[0].message, /all data on them is lost/);
  assert.match(data[0].fix!, /test VM/);
  const all = findEncryptFormatAllRisks(healthyContext({ request: { operation: 'EnableFormatAll', volumeType: 'All' } }));
  assert.deepEqual(all.map((f) => f.severity), ['error', 'warning']);
});

test('backup-required: snapshots of every disk pass; a disk without one is an error; unknown is an error', () => {
  assert.deepEqual(findMissingRecoveryPoint(healthyContext()), []);
  const partial = findMissingRecoveryPoint(healthyContext({ recoveryPoints: { diskIdsWithRecentSnapshot: [OS_DISK_ID.toUpperCase()] } }));
  assert.equal(partial.length, 1);
  assert.equal(partial[0].path, 'vm.storageProfile.dataDisks[0]');
  assert.match(renderFinding(partial[0]).message, /vm1-data0/);
  assert.match(partial[0].fix!, /Snapshot every disk now/);
  assert.equal(findMissingRecoveryPoint(healthyContext({ recoveryPoints: undefined }))[0].severity, 'error');
  assert.deepEqual(findMissingRecoveryPoint(healthyContext({ recoveryPoints: { vmBackedUpRecently: true } })), []);
  assert.deepEqual(findMissingRecoveryPoint(healthyContext({ recoveryPoints: { diskIdsWithRecentSnapshot: [DATA_DISK_ID] }, request: { operation: 'Disable' } })), []);
});

test('downtime: OS volume encryption warns about SSH and hours; Data only is informational', () => {
  const os = findEncryptionDowntime(healthyContext({ request: { operation: 'Enable', volumeType: 'All' } }));
  const warn = os.find((f) => f.severity === 'warning')!;
  assert.match(warn.why!, /SSH logins should be avoided/);
  assert.match(warn.why!, /30 GB OS volume takes a few hours/);
  const data = findEncryptionDowntime(healthyContext());
  assert.deepEqual(data.map((f) => f.severity), ['info', 'info']);
  assert.ok(data.some((f) => /may restart the VM/.test(f.message)));
});

test('limits-after-encryption: always lists what becomes impossible; warns that OS encryption cannot be undone', () => {
  const data = findLimitsAfterEncryption(healthyContext());
  assert.deepEqual(data.map((f) => f.severity), ['info']);
  assert.match(data[0].message, /another subscription or region/);
  const all = findLimitsAfterEncryption(healthyContext({ request: { operation: 'Enable', volumeType: 'All' } }));
  assert.ok(all.some((f) => f.severity === 'warning' && /cannot be undone/.test(f.message)));
});

test('guest-side-limitations: one info checklist when enabling, nothing when disabling', () => {
  const [f] = findGuestSideLimitations(healthyContext());
  assert.equal(f.severity, 'info');
  assert.match(f.message, /NFS/);
  assert.match(f.message, /kdump/);
  assert.deepEqual(findGuestSideLimitations(healthyContext({ request: { operation: 'Disable' } })), []);
});

test('insufficient-memory: 16 GB passes for All with a small root; 4 GB fails for All; 1 GB fails for Data', () => {
  assert.deepEqual(findInsufficientMemory(healthyContext({ request: { operation: 'Enable', volumeType: 'All' }, rootFileSystemUsageGb: 3 })), []);
  const [a] = findInsufficientMemory(healthyContext({ request: { operation: 'Enable', volumeType: 'All' }, vmMemoryGb: 4 }));
  assert.equal(a.severity, 'error');
  assert.match(renderFinding(a).message, /at least 8 GB/);
  const [b] = findInsufficientMemory(healthyContext({ vmMemoryGb: 1 }));
  assert.match(renderFinding(b).message, /data volumes needs at least 2 GB/);
  const [c] = findInsufficientMemory(healthyContext({ request: { operation: 'Enable', volumeType: 'OS' }, vmMemoryGb: 16, rootFileSystemUsageGb: 10 }));
  assert.match(renderFinding(c).message, /at least 20 GB/);
  const [d] = findInsufficientMemory(healthyContext({ request: { operation: 'Enable', volumeType: 'All' } }));
  assert.equal(d.severity, 'info'); // root usage unknown: explain the 2x rule
  assert.deepEqual(findInsufficientMemory(healthyContext({ vmMemoryGb: undefined })), []);
});

test('unsupported-distribution: Ubuntu 22.04 passes; SLES 12 SP4 with OS is an error; an unlisted image warns', () => {
  assert.deepEqual(findUnsupportedDistribution(healthyContext({ request: { operation: 'Enable', volumeType: 'All' } })), []);
  const sles = withStorage({ imageReference: { publisher: 'SUSE', offer: 'SLES', sku: '12-SP4', version: 'latest' } });
  const [e] = findUnsupportedDistribution(healthyContext({ vm: sles, request: { operation: 'Enable', volumeType: 'All' } }));
  assert.equal(e.severity, 'error');
  assert.match(renderFinding(e).message, /data disks only/);
  assert.deepEqual(findUnsupportedDistribution(healthyContext({ vm: sles })), []); // Data is fine
  const debian = withStorage({ imageReference: { publisher: 'Debian', offer: 'debian-12', sku: '12-gen2', version: 'latest' } });
  const [w] = findUnsupportedDistribution(healthyContext({ vm: debian }));
  assert.equal(w.severity, 'warning');
  assert.match(renderFinding(w).message, /Debian:debian-12:12-gen2/);
  const centos = withStorage({ imageReference: { publisher: 'OpenLogic', offer: 'CentOS', sku: '7_9', version: 'latest' } });
  assert.match(renderFinding(findUnsupportedDistribution(healthyContext({ vm: centos }))[0]).message, /end of life/);
});

test('secret-validity-policy: no policy passes; a Deny policy is an error', () => {
  assert.deepEqual(findSecretValidityPolicy(healthyContext()), []);
  assert.equal(findSecretValidityPolicy(healthyContext({ secretValidityPolicyDenies: true }))[0].severity, 'error');
});

test('the healthy fixture VM is what the tests assume', () => {
  assert.equal(runningVm().storageProfile?.dataDisks?.length, 1);
});
