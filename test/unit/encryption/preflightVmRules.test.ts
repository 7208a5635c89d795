import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFinding } from '../../../src/core/encryption/finding.ts';
import { findVmNotRunning } from '../../../src/core/encryption/rules/findVmNotRunning.ts';
import { findVmAgentNotReady } from '../../../src/core/encryption/rules/findVmAgentNotReady.ts';
import { findNonLinuxOsDisk } from '../../../src/core/encryption/rules/findNonLinuxOsDisk.ts';
import { findEphemeralOsDisk } from '../../../src/core/encryption/rules/findEphemeralOsDisk.ts';
import { findUltraOrPremiumV2Disks } from '../../../src/core/encryption/rules/findUltraOrPremiumV2Disks.ts';
import { findCustomerManagedKeyDisks } from '../../../src/core/encryption/rules/findCustomerManagedKeyDisks.ts';
import { findEncryptionAtHost } from '../../../src/core/encryption/rules/findEncryptionAtHost.ts';
import { findNvmeDiskController } from '../../../src/core/encryption/rules/findNvmeDiskController.ts';
import { findLocalNvmeDiskSize } from '../../../src/core/encryption/rules/findLocalNvmeDiskSize.ts';
import { findScaleSetVm } from '../../../src/core/encryption/rules/findScaleSetVm.ts';
import { findCustomImage } from '../../../src/core/encryption/rules/findCustomImage.ts';
import { findUnsupportedVmSize } from '../../../src/core/encryption/rules/findUnsupportedVmSize.ts';
import { findWriteAcceleratedDisks } from '../../../src/core/encryption/rules/findWriteAcceleratedDisks.ts';
import { findLegacyEntraIdEncryption } from '../../../src/core/encryption/rules/findLegacyEntraIdEncryption.ts';
import { findSharedDisks } from '../../../src/core/encryption/rules/findSharedDisks.ts';
import { diskResources, healthyContext, runningVm, withStorage, DATA_DISK_ID, RG } from './fixtures.ts';

const vm = runningVm();

test('vm-not-running: a running VM passes; a deallocated one is an error naming the power state', () => {
  assert.deepEqual(findVmNotRunning(healthyContext()), []);
  const stopped = { ...vm, instanceView: { ...vm.instanceView, statuses: [{ code: 'PowerState/deallocated' }] } };
  const [f] = findVmNotRunning(healthyContext({ vm: stopped }));
  assert.equal(f.rule, 'ade.vm-not-running');
  assert.equal(f.severity, 'error');
  assert.match(renderFinding(f).message, /deallocated/);
  assert.ok(f.why && f.fix);
});

test('vm-not-running: without an instance view it warns that the power state is unknown', () => {
  const [f] = findVmNotRunning(healthyContext({ vm: { ...vm, instanceView: undefined } }));
  assert.equal(f.severity, 'warning');
});

test('vm-agent-not-ready: a Ready agent passes; a Not Ready agent warns', () => {
  assert.deepEqual(findVmAgentNotReady(healthyContext()), []);
  const notReady = { ...vm, instanceView: { ...vm.instanceView, vmAgent: { statuses: [{ code: 'ProvisioningState/Unavailable', displayStatus: 'Not Ready' }] } } };
  const [f] = findVmAgentNotReady(healthyContext({ vm: notReady }));
  assert.equal(f.rule, 'ade.vm-agent-not-ready');
  assert.match(renderFinding(f).message, /Not Ready/);
});

test('not-linux: a Linux OS disk passes; a Windows one is an error', () => {
  assert.deepEqual(findNonLinuxOsDisk(healthyContext()), []);
  const win = withStorage({ osDisk: { ...vm.storageProfile!.osDisk, osType: 'Windows' } });
  assert.equal(findNonLinuxOsDisk(healthyContext({ vm: win }))[0].severity, 'error');
});

test('ephemeral-os-disk: a managed OS disk passes; diffDiskSettings Local is an error', () => {
  assert.deepEqual(findEphemeralOsDisk(healthyContext()), []);
  const eph = withStorage({ osDisk: { ...vm.storageProfile!.osDisk, diffDiskSettings: { option: 'Local', placement: 'ResourceDisk' } } });
  const [f] = findEphemeralOsDisk(healthyContext({ vm: eph }));
  assert.equal(f.rule, 'ade.ephemeral-os-disk');
  assert.equal(f.path, 'vm.storageProfile.osDisk.diffDiskSettings.option');
  assert.match(renderFinding(f).message, /ResourceDisk/);
});

test('ultra-or-premium-v2-disk: Premium SSD passes; an Ultra data disk and a Premium SSD v2 disk resource are errors', () => {
  assert.deepEqual(findUltraOrPremiumV2Disks(healthyContext()), []);
  const ultra = withStorage({ dataDisks: [{ lun: 0, name: 'ultra0', managedDisk: { id: DATA_DISK_ID, storageAccountType: 'UltraSSD_LRS' } }] });
  const [f] = findUltraOrPremiumV2Disks(healthyContext({ vm: ultra, disks: [] }));
  assert.equal(f.path, 'vm.storageProfile.dataDisks[0].managedDisk.storageAccountType');
  assert.match(renderFinding(f).message, /"ultra0" is an Ultra Disk/);
  // The VM model may omit storageAccountType; the disk resource's SKU tells.
  const noType = withStorage({ dataDisks: [{ lun: 0, name: 'vm1-data0', managedDisk: { id: DATA_DISK_ID } }] });
  const disks = [diskResources()[0], { ...diskResources()[1], sku: { name: 'PremiumV2_LRS' } }];
  assert.match(renderFinding(findUltraOrPremiumV2Disks(healthyContext({ vm: noType, disks }))[0]).message, /Premium SSD v2/);
});

test('sse-customer-managed-key: platform keys pass; a disk encryption set or a CMK disk resource is an error', () => {
  assert.deepEqual(findCustomerManagedKeyDisks(healthyContext()), []);
  const des = `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des1`;
  const withDes = withStorage({ osDisk: { ...vm.storageProfile!.osDisk, managedDisk: { id: 'x', diskEncryptionSet: { id: des } } } });
  const [f] = findCustomerManagedKeyDisks(healthyContext({ vm: withDes }));
  assert.equal(f.path, 'vm.storageProfile.osDisk.managedDisk.diskEncryptionSet.id');
  assert.match(renderFinding(f).message, /des1/);
  const disks = [diskResources()[0], { ...diskResources()[1], encryption: { type: 'EncryptionAtRestWithCustomerKey' } }];
  const [g] = findCustomerManagedKeyDisks(healthyContext({ disks }));
  assert.match(renderFinding(g).message, /"vm1-data0".*EncryptionAtRestWithCustomerKey/);
});

test('encryption-at-host: off passes; on is an error', () => {
  assert.deepEqual(findEncryptionAtHost(healthyContext()), []);
  const eah = { ...vm, securityProfile: { encryptionAtHost: true } };
  assert.equal(findEncryptionAtHost(healthyContext({ vm: eah }))[0].rule, 'ade.encryption-at-host');
});

test('nvme-disk-controller: SCSI passes; NVMe is an error', () => {
  assert.deepEqual(findNvmeDiskController(healthyContext()), []);
  const nvme = withStorage({ diskControllerType: 'NVMe' });
  assert.equal(findNvmeDiskController(healthyContext({ vm: nvme }))[0].severity, 'error');
});

test('local-nvme-size: D-series passes; L-series and HB-series warn', () => {
  assert.deepEqual(findLocalNvmeDiskSize(healthyContext()), []);
  for (const size of ['Standard_L8s_v3', 'Standard_HB120rs_v3']) {
    const [f] = findLocalNvmeDiskSize(healthyContext({ vm: { ...vm, hardwareProfile: { vmSize: size } } }));
    assert.equal(f.severity, 'warning', size);
  }
});

test('scale-set-vm: a standalone VM passes; OS volume on a flexible scale-set VM is an error, Data is info', () => {
  assert.deepEqual(findScaleSetVm(healthyContext()), []);
  const member = { ...vm, virtualMachineScaleSet: { id: `${RG}/providers/Microsoft.Compute/virtualMachineScaleSets/flex1` } };
  const [osF] = findScaleSetVm(healthyContext({ vm: member, request: { operation: 'Enable', volumeType: 'All' } }));
  assert.equal(osF.severity, 'error');
  assert.match(renderFinding(osF).message, /flex1/);
  const [dataF] = findScaleSetVm(healthyContext({ vm: member, request: { operation: 'Enable', volumeType: 'Data' } }));
  assert.equal(dataF.severity, 'info');
});

test('scale-set-vm: a uniform scale-set instance is an error whatever the volume type', () => {
  const uniform = { ...vm, id: `${RG}/providers/Microsoft.Compute/virtualMachineScaleSets/ss1/virtualMachines/3` };
  assert.equal(findScaleSetVm(healthyContext({ vm: uniform }))[0].severity, 'error');
});

test('custom-image: a Marketplace image passes; a gallery image is an error', () => {
  assert.deepEqual(findCustomImage(healthyContext()), []);
  const gallery = withStorage({ imageReference: { id: `${RG}/providers/Microsoft.Compute/galleries/g1/images/ubuntu-hardened/versions/1.0.0` } });
  const [f] = findCustomImage(healthyContext({ vm: gallery }));
  assert.equal(f.path, 'vm.storageProfile.imageReference.id');
  assert.match(renderFinding(f).message, /ubuntu-hardened\/versions\/1\.0\.0/);
});

test('unsupported-vm-size: D v5 passes; Basic, A-series and v6 sizes are errors', () => {
  assert.deepEqual(findUnsupportedVmSize(healthyContext()), []);
  for (const [size, text] of [['Basic_A1', /Basic tier/], ['Standard_A2_v2', /A-series/], ['Standard_D4s_v6', /v6 series/]] as const) {
    const [f] = findUnsupportedVmSize(healthyContext({ vm: { ...vm, hardwareProfile: { vmSize: size } } }));
    assert.equal(f?.severity, 'error', size);
    assert.match(renderFinding(f).message, text);
  }
  assert.deepEqual(findUnsupportedVmSize(healthyContext({ vm: { ...vm, hardwareProfile: { vmSize: 'Standard_B2s' } } })), []);
});

test('write-accelerator: no Write Accelerator passes; a write-accelerated M-series disk is an error', () => {
  assert.deepEqual(findWriteAcceleratedDisks(healthyContext()), []);
  const m = withStorage({ dataDisks: [{ lun: 0, name: 'log0', writeAcceleratorEnabled: true, managedDisk: { id: DATA_DISK_ID } }] });
  const [f] = findWriteAcceleratedDisks(healthyContext({ vm: { ...m, hardwareProfile: { vmSize: 'Standard_M64ms' } } }));
  assert.equal(f.path, 'vm.storageProfile.dataDisks[0].writeAcceleratorEnabled');
  assert.match(renderFinding(f).message, /log0.*Standard_M64ms/);
});

test('legacy-entra-id: a clean VM passes; osDisk.encryptionSettings or extension 0.1 is an error', () => {
  assert.deepEqual(findLegacyEntraIdEncryption(healthyContext()), []);
  const withSettings = withStorage({
    osDisk: { ...vm.storageProfile!.osDisk, encryptionSettings: { enabled: true, diskEncryptionKey: { secretUrl: 'https://kv.vault.azure.net/secrets/s/1' } } },
  });
  assert.equal(findLegacyEntraIdEncryption(healthyContext({ vm: withSettings }))[0].severity, 'error');
  const oldExt = { ...vm, resources: [{ publisher: 'Microsoft.Azure.Security', typePropertiesType: 'AzureDiskEncryptionForLinux', typeHandlerVersion: '0.1' }] };
  assert.match(renderFinding(findLegacyEntraIdEncryption(healthyContext({ vm: oldExt }))[0]).message, /version 0\.1/);
});

test('shared-disk: ordinary disks pass; a disk with maxShares 2 is an error', () => {
  assert.deepEqual(findSharedDisks(healthyContext()), []);
  const disks = [diskResources()[0], { ...diskResources()[1], maxShares: 2 }];
  const [f] = findSharedDisks(healthyContext({ disks }));
  assert.equal(f.path, 'vm.storageProfile.dataDisks[0]');
});

test('VM-shape rules stay quiet when disabling (they only guard enabling)', () => {
  const eph = withStorage({ osDisk: { ...vm.storageProfile!.osDisk, diffDiskSettings: { option: 'Local' } } });
  assert.deepEqual(findEphemeralOsDisk(healthyContext({ vm: eph, request: { operation: 'Disable' } })), []);
});
