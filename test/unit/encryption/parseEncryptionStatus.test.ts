import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEncryptionStatus, parseVolumeStatusMessage } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { renderFindingText } from '../../../src/core/encryption/finding.ts';
import { runningVm } from './fixtures.ts';
import { encryptedVm } from './instanceViews.ts';

test('no extension and no encrypted disk: not encrypted, offer to enable', () => {
  const s = parseEncryptionStatus(runningVm());
  assert.equal(s.extension.present, false);
  assert.deepEqual([s.phase, s.next.kind, s.os, s.data], ['NotEncrypted', 'offerEnable', 'Unknown', 'Unknown']);
});

test('OS volume encrypting: wait, and say SSH logins should wait', () => {
  const s = parseEncryptionStatus(encryptedVm({
    volumeType: 'All', os: 'EncryptionInProgress', data: 'EncryptionInProgress', provisioning: 'transitioning', message: 'Encryption in progress',
  }));
  assert.equal(s.phase, 'Encrypting');
  assert.equal(s.next.kind, 'wait');
  assert.equal(s.next.avoidSshLogins, true);
  assert.match(s.next.message, /avoid SSH logins/);
  assert.ok(s.next.pollAfterSeconds! >= 30);
  assert.equal(s.extension.progressMessage, 'Encryption in progress');
  assert.equal(s.extension.lastVolumeType, 'All');
});

test('VMRestartPending: offer a restart and say to check again a few minutes after it', () => {
  const s = parseEncryptionStatus(encryptedVm({
    volumeType: 'All', os: 'VMRestartPending', data: 'NotMounted', message: 'OS disk successfully encrypted, please reboot the VM',
  }));
  assert.deepEqual([s.phase, s.next.kind], ['RestartPending', 'offerRestart']);
  assert.match(s.next.message, /few minutes after the restart/);
});

test('encrypted: per-disk states from the instance view, per-volume states from the substatus', () => {
  const s = parseEncryptionStatus(encryptedVm({
    volumeType: 'All', os: 'Encrypted', data: 'Encrypted', osDiskEncrypted: true, dataDiskEncrypted: true,
  }));
  assert.deepEqual([s.phase, s.next.kind], ['Encrypted', 'none']);
  assert.deepEqual(s.disks.map((d) => [d.name, d.role, d.diskState, d.volumeState]), [
    ['vm1_OsDisk_1', 'os', 'encrypted', 'Encrypted'],
    ['vm1-data0', 'data', 'encrypted', 'Encrypted'],
  ]);
  assert.equal(s.disks[0].secretUrl, 'https://kv-ade.vault.azure.net/secrets/6b1f0c4e/0a1b2c3d4e5f');
  assert.equal(s.disks[1].lun, 0);
  assert.equal(renderFindingText(s.next.message, s.next.params), 'Encryption is complete (OS volume: Encrypted, data volumes: Encrypted).');
});

test('an OS-only run on a VM with data disks: encrypted, but data disks not mounted are only flagged when Data was asked for', () => {
  const osOnly = parseEncryptionStatus(encryptedVm({ volumeType: 'OS', os: 'Encrypted', data: 'NotMounted', osDiskEncrypted: true, dataDiskEncrypted: false }));
  assert.deepEqual([osOnly.phase, osOnly.next.kind], ['Encrypted', 'none']);
  const all = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'Encrypted', data: 'NotMounted' }));
  assert.equal(all.next.kind, 'mountDataDisks');
  assert.match(all.next.message, /\/etc\/fstab with a persistent block device name/);
});

test('disable: decrypting waits; once NotEncrypted, offer to remove the extension', () => {
  const decrypting = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'DecryptionInProgress', operation: 'DisableEncryption' }));
  assert.deepEqual([decrypting.phase, decrypting.next.kind], ['Decrypting', 'wait']);
  const done = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'NotEncrypted', operation: 'DisableEncryption', dataDiskEncrypted: false }));
  assert.deepEqual([done.phase, done.next.kind], ['Decrypted', 'offerRemoveExtension']);
});

test('a failed extension surfaces its message', () => {
  const s = parseEncryptionStatus(encryptedVm({
    volumeType: 'All', os: 'NotEncrypted', data: 'NotEncrypted', provisioning: 'failed',
    message: 'Failed to send DiskEncryptionData: key vault is not enabled for disk encryption',
  }));
  assert.deepEqual([s.phase, s.next.kind, s.extension.provisioning], ['Failed', 'investigate', 'failed']);
  assert.match(renderFindingText(s.next.message, s.next.params), /not enabled for disk encryption/);
});

test('an unreadable substatus (outdated extension) gives Unknown volumes and does not throw', () => {
  const s = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'x', data: 'x', substatusMessage: 'Encryption succeeded' }));
  assert.deepEqual([s.os, s.data, s.phase, s.next.kind], ['Unknown', 'Unknown', 'Unknown', 'investigate']);
  assert.equal(parseVolumeStatusMessage('{"os": "encrypted", "data": "notmounted"}')?.data, 'NotMounted');
  assert.equal(parseVolumeStatusMessage('[1,2]'), undefined);
  assert.equal(parseVolumeStatusMessage('{"os": 3}')?.os, 'Unknown');
});

test('the extension just installed, no substatus yet: starting, poll soon', () => {
  const vm = encryptedVm({ volumeType: 'Data', os: '', data: '', provisioning: 'transitioning' });
  const ext = vm.instanceView!.extensions![0];
  const s = parseEncryptionStatus({ ...vm, instanceView: { ...vm.instanceView, extensions: [{ ...ext, substatuses: [] }] } });
  assert.deepEqual([s.phase, s.next.kind], ['Starting', 'wait']);
});

test('legacy ADE (Entra ID app, osDisk.encryptionSettings) is recognized and not managed', () => {
  const vm = runningVm();
  const legacy = {
    ...vm,
    storageProfile: { ...vm.storageProfile, osDisk: { ...vm.storageProfile!.osDisk, encryptionSettings: { enabled: true, diskEncryptionKey: { secretUrl: 'https://kv.vault.azure.net/secrets/a/b' } } } },
    resources: [{ publisher: 'Microsoft.Azure.Security', typePropertiesType: 'AzureDiskEncryptionForLinux', typeHandlerVersion: '0.1' }],
  };
  const s = parseEncryptionStatus(legacy);
  assert.equal(s.extension.legacy, true);
  assert.equal(s.phase, 'LegacyEntraId');
});

test('extension removed after encrypting: the disks still show encrypted', () => {
  const vm = encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted', dataDiskEncrypted: true });
  const s = parseEncryptionStatus({ ...vm, resources: [], instanceView: { ...vm.instanceView, extensions: [] } });
  assert.equal(s.extension.present, false);
  assert.equal(s.phase, 'Encrypted');
});
