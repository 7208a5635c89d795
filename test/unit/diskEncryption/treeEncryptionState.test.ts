// The tree shows each VM's and disk's Azure Disk Encryption state inline, read from the listed instance view and
// the disk resources, and marks the VM's contextValue so the encryption commands can match it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import type { DiskModel, VirtualMachineModel } from '../../../src/core/resources/models.ts';
import { presentDisk } from '../../../src/core/resources/presentDisk.ts';
import { presentVirtualMachine } from '../../../src/core/resources/presentVirtualMachine.ts';
import { parseEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { runningVm } from '../encryption/fixtures.ts';
import { encryptedVm } from '../encryption/instanceViews.ts';

const vmModel = (vm: unknown) => vm as VirtualMachineModel;

test('a VM ADE never touched shows no encryption state and no ade context', () => {
  const p = presentVirtualMachine(vmModel(runningVm()), formatMessage);
  assert.equal(p.description, 'Running · Standard_D4s_v5');
  assert.doesNotMatch(p.contextValue, /\bade\b/);
});

test('a VM shows its phase inline and in the hover; contextValue carries ade and the phase', () => {
  const encrypting = presentVirtualMachine(vmModel(encryptedVm({ volumeType: 'All', os: 'EncryptionInProgress', data: 'EncryptionInProgress' })), formatMessage);
  assert.equal(encrypting.description, 'Running · Standard_D4s_v5 · ADE encrypting…');
  assert.match(encrypting.contextValue, /\bade\b/);
  assert.match(encrypting.contextValue, /\bade-Encrypting\b/);
  assert.ok(encrypting.tooltip.includes('Azure Disk Encryption: ADE encrypting…'));
  const pending = presentVirtualMachine(vmModel(encryptedVm({ volumeType: 'All', os: 'VMRestartPending', data: 'Encrypted' })), formatMessage);
  assert.match(pending.description, /ADE: restart pending$/);
  const done = presentVirtualMachine(vmModel(encryptedVm({ volumeType: 'All', os: 'Encrypted', data: 'Encrypted', osDiskEncrypted: true, dataDiskEncrypted: true })), formatMessage);
  assert.match(done.description, /ADE encrypted$/);
});

test('a deallocated VM without extension status still shows encrypted when its disks say so', () => {
  const vm = encryptedVm({ volumeType: 'All', os: 'Encrypted', data: 'Encrypted', osDiskEncrypted: true, dataDiskEncrypted: true });
  const deallocated = {
    ...vm,
    instanceView: {
      statuses: [{ code: 'PowerState/deallocated' }],
      disks: vm.instanceView?.disks,
    },
  };
  const p = presentVirtualMachine(vmModel(deallocated), formatMessage);
  assert.match(p.description, /^Deallocated · Standard_D4s_v5 · ADE encrypted$/);
  assert.match(p.contextValue, /\bade-Encrypted\b/);
});

test('disks show the VM instance view state under the VM, and the disk resource state on their own', () => {
  const status = parseEncryptionStatus(encryptedVm({ volumeType: 'All', os: 'VMRestartPending', data: 'Encrypted', osDiskEncrypted: false, dataDiskEncrypted: true }));
  const disk: DiskModel = { id: '/x/disks/d', name: 'vm1-data0', diskSizeGB: 64, sku: { name: 'Premium_LRS' }, diskState: 'Attached' };
  const [os, data] = status.disks;
  assert.equal(presentDisk({ ...disk, name: 'vm1_OsDisk_1' }, formatMessage, { role: 'os', encryption: os }).description, 'OS disk · 64 GiB · Premium_LRS · Attached · ADE: restart pending');
  const dataDisk = presentDisk(disk, formatMessage, { role: 'data', lun: 0, encryption: data });
  assert.equal(dataDisk.description, 'Data disk (LUN 0) · 64 GiB · Premium_LRS · Attached · ADE encrypted');
  assert.match(dataDisk.contextValue, /\badeEncrypted\b/);
  // Under "Disks" the disk resource itself says whether ADE encrypted it.
  assert.equal(presentDisk({ ...disk, encryptionSettingsCollection: { enabled: true } }, formatMessage).description, '64 GiB · Premium_LRS · Attached · ADE encrypted');
  assert.equal(presentDisk(disk, formatMessage).description, '64 GiB · Premium_LRS · Attached');
});
