import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDisableEncryption, defaultVolumeType, listVolumeTypeChoices, VOLUME_TYPE_REASONS, volumeTypeForAddedDataDisk,
} from '../../../src/core/encryption/volumeTypeRules.ts';
import { planAdeExtensionRemoval } from '../../../src/core/encryption/planAdeExtensionRemoval.ts';
import { disableConfirmationText, DISABLE_IN_PLACE } from '../../../src/core/encryption/disableConfirmationText.ts';
import { parseEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { runningVm } from './fixtures.ts';
import { encryptedVm } from './instanceViews.ts';

test('adding a data disk: All stays All, OS becomes All, Data stays Data', () => {
  assert.equal(volumeTypeForAddedDataDisk('All').volumeType, 'All');
  assert.equal(volumeTypeForAddedDataDisk('OS').volumeType, 'All');
  assert.match(volumeTypeForAddedDataDisk('OS').reason, /change the volume type to "All"/);
  assert.equal(volumeTypeForAddedDataDisk('Data').volumeType, 'Data');
});

test('a fresh VM with data disks may use All, OS or Data', () => {
  const choices = listVolumeTypeChoices({ operation: 'Enable', hasDataDisks: true });
  assert.deepEqual(choices.map((c) => [c.volumeType, c.allowed]), [['All', true], ['OS', true], ['Data', true]]);
});

test('Data is offered only when the VM has data disks', () => {
  const data = listVolumeTypeChoices({ operation: 'Enable', hasDataDisks: false }).find((c) => c.volumeType === 'Data')!;
  assert.equal(data.allowed, false);
  assert.match(data.reason!, /no data disks/);
});

test('a VM encrypted with OS: only All is allowed to pick up a new data disk, and it is recommended', () => {
  const status = parseEncryptionStatus(encryptedVm({ volumeType: 'OS', os: 'Encrypted', data: 'NotMounted' }));
  const choices = listVolumeTypeChoices({ operation: 'Enable', hasDataDisks: true, status });
  assert.deepEqual(choices.map((c) => [c.volumeType, c.allowed]), [['All', true], ['OS', false], ['Data', false]]);
  assert.equal(choices[0].recommended, true);
});

test('a VM encrypted with Data keeps Data recommended', () => {
  const status = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted' }));
  const data = listVolumeTypeChoices({ operation: 'Enable', hasDataDisks: true, status }).find((c) => c.volumeType === 'Data')!;
  assert.deepEqual([data.allowed, data.recommended], [true, true]);
});

test('EncryptFormatAll, data-only distributions and scale-set VMs allow Data only', () => {
  for (const input of [
    { operation: 'EnableFormatAll' as const, hasDataDisks: true },
    { operation: 'Enable' as const, hasDataDisks: true, distroSupport: 'dataOnly' as const },
    { operation: 'Enable' as const, hasDataDisks: true, scaleSetMember: true },
  ]) {
    const allowed = listVolumeTypeChoices(input).filter((c) => c.allowed).map((c) => c.volumeType);
    assert.deepEqual(allowed, ['Data'], JSON.stringify(input));
  }
});

test('the CLI default: OS without data disks, none (must ask) with data disks', () => {
  assert.equal(defaultVolumeType(false), 'OS');
  assert.equal(defaultVolumeType(true), undefined);
});

test('disable: allowed for data volumes when the OS volume is not encrypted', () => {
  const status = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted' }));
  assert.deepEqual(checkDisableEncryption({ status }), { allowed: true, volumeType: 'Data' });
});

test('disable: refused for OS/All, refused once the OS volume is encrypted (even with Data), with the article\'s reason', () => {
  const dataOnly = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted' }));
  const os = checkDisableEncryption({ status: dataOnly, requestedVolumeType: 'OS' });
  assert.equal(os.allowed, false);
  assert.match(!os.allowed ? os.reason : '', /data volumes only/);
  const all = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'Encrypted', data: 'Encrypted' }));
  const refused = checkDisableEncryption({ status: all, requestedVolumeType: 'Data' });
  assert.equal(refused.allowed, false);
  assert.match(!refused.allowed ? refused.reason : '', /not supported on either the data or the OS volumes/);
  // Unknown OS state but the original operation used All: the article says the OS disk is encrypted.
  const unknown = { ...all, os: 'Unknown' as const };
  assert.equal(checkDisableEncryption({ status: unknown }).allowed, false);
});

test('disable: nothing to disable when no data volume is encrypted', () => {
  const status = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'NotEncrypted', operation: 'DisableEncryption' }));
  assert.equal(checkDisableEncryption({ status }).allowed, false);
});

test('removing the extension: safe after disable; warns that disks stay encrypted otherwise; refused while busy', () => {
  const disabled = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'NotEncrypted', operation: 'DisableEncryption' }));
  assert.deepEqual([planAdeExtensionRemoval(disabled).allowed, planAdeExtensionRemoval(disabled).needsConfirmation], [true, false]);
  const encrypted = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted' }));
  const warn = planAdeExtensionRemoval(encrypted);
  assert.equal(warn.needsConfirmation, true);
  assert.match(warn.message, /stay encrypted.*installed again/s);
  const busy = parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'DecryptionInProgress', operation: 'DisableEncryption' }));
  assert.equal(planAdeExtensionRemoval(busy).allowed, false);
  assert.equal(planAdeExtensionRemoval(parseEncryptionStatus(runningVm())).allowed, false);
});

/** The VM as GET shows it after `az vm extension delete`: no extension resource, no extension instance view. */
function withoutExtension(vm: ReturnType<typeof encryptedVm>): ReturnType<typeof encryptedVm> {
  return { ...vm, resources: [], instanceView: { ...vm.instanceView, extensions: [] } };
}

test('disable: refused after the extension was removed from an OS-encrypted VM (the OS disk still reports encrypted)', () => {
  const removed = parseEncryptionStatus(withoutExtension(encryptedVm({
    volumeType: 'All', os: 'Encrypted', data: 'Encrypted', osDiskEncrypted: true, dataDiskEncrypted: true,
  })));
  assert.equal(removed.extension.present, false);
  assert.equal(removed.os, 'Unknown');
  assert.deepEqual(checkDisableEncryption({ status: removed }), { allowed: false, reason: VOLUME_TYPE_REASONS.disableOsEncrypted });
  // The enable picker also knows the OS volume is encrypted: OS alone is refused.
  const os = listVolumeTypeChoices({ operation: 'Enable', hasDataDisks: true, status: removed }).find((c) => c.volumeType === 'OS')!;
  assert.equal(os.allowed, false);
});

test('disable: after the extension was removed from a data-only VM it is allowed while a data disk is encrypted, refused when none is', () => {
  const dataEncrypted = parseEncryptionStatus(withoutExtension(encryptedVm({
    volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted', osDiskEncrypted: false, dataDiskEncrypted: true,
  })));
  assert.deepEqual(checkDisableEncryption({ status: dataEncrypted }), { allowed: true, volumeType: 'Data' });
  const nothing = parseEncryptionStatus(withoutExtension(encryptedVm({
    volumeType: 'Data', os: 'NotEncrypted', data: 'NotEncrypted', osDiskEncrypted: false, dataDiskEncrypted: false,
  })));
  assert.deepEqual(checkDisableEncryption({ status: nothing }), { allowed: false, reason: VOLUME_TYPE_REASONS.disableNothingEncrypted });
});

test('the disable confirmation says, when the extension was removed first, that disabling reinstalls it (to remove again)', () => {
  const dataOnly = encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted', dataDiskEncrypted: true });
  assert.deepEqual(disableConfirmationText(parseEncryptionStatus(dataOnly)), [DISABLE_IN_PLACE]);
  const removed = disableConfirmationText(parseEncryptionStatus(withoutExtension(dataOnly)));
  assert.equal(removed.length, 2);
  assert.match(removed[0], /no longer installed on this VM\. Disabling encryption installs it again to decrypt, and you then have to remove it again/);
});
