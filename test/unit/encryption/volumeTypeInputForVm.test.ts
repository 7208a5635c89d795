import { test } from 'node:test';
import assert from 'node:assert/strict';
import { volumeTypeInputForVm } from '../../../src/core/encryption/volumeTypeInputForVm.ts';
import { listVolumeTypeChoices, VOLUME_TYPE_REASONS } from '../../../src/core/encryption/volumeTypeRules.ts';
import { RG, runningVm, withStorage } from './fixtures.ts';

const allowed = (vm: ReturnType<typeof runningVm>) =>
  listVolumeTypeChoices(volumeTypeInputForVm(vm, 'Enable')).filter((c) => c.allowed).map((c) => c.volumeType);

test('a supported Ubuntu VM with a data disk may use All, OS or Data', () => {
  const input = volumeTypeInputForVm(runningVm(), 'Enable');
  assert.deepEqual([input.hasDataDisks, input.distroSupport, input.scaleSetMember], [true, 'osAndData', false]);
  assert.deepEqual(allowed(runningVm()), ['All', 'OS', 'Data']);
});

test('a distribution version that supports data disks only: the picker offers Data only, with the reason', () => {
  const sles = withStorage({ imageReference: { publisher: 'SUSE', offer: 'sles', sku: '12-sp4', version: 'latest' } });
  assert.equal(volumeTypeInputForVm(sles, 'Enable').distroSupport, 'dataOnly');
  assert.deepEqual(allowed(sles), ['Data']);
  const os = listVolumeTypeChoices(volumeTypeInputForVm(sles, 'Enable')).find((c) => c.volumeType === 'OS')!;
  assert.equal(os.reason, VOLUME_TYPE_REASONS.distroDataOnly);
});

test('a scale-set VM: the OS drive cannot be encrypted, so Data only', () => {
  const vmss = { ...runningVm(), virtualMachineScaleSet: { id: `${RG}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss1` } };
  assert.equal(volumeTypeInputForVm(vmss, 'Enable').scaleSetMember, true);
  assert.deepEqual(allowed(vmss), ['Data']);
  const all = listVolumeTypeChoices(volumeTypeInputForVm(vmss, 'Enable')).find((c) => c.volumeType === 'All')!;
  assert.equal(all.reason, VOLUME_TYPE_REASONS.scaleSetOs);
});

test('a custom image: the table cannot tell, nothing is refused for it', () => {
  const custom = withStorage({ imageReference: { id: `${RG}/providers/Microsoft.Compute/images/golden` } });
  assert.equal(volumeTypeInputForVm(custom, 'Enable').distroSupport, 'unknown');
  assert.deepEqual(allowed(custom), ['All', 'OS', 'Data']);
});
