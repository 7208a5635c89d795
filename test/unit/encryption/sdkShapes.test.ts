// The core's input types are structural subsets of the SDK models: `tsc` fails here if an SDK object could not be
// passed straight in. (Type-only imports: erased at run time, so the core stays free of @azure/* at run time too.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Disk, VirtualMachine, VirtualMachineExtension } from '@azure/arm-compute';
import type { Vault } from '@azure/arm-keyvault';
import type { KeyVaultLike, ManagedDiskLike, VirtualMachineExtensionLike, VirtualMachineLike } from '../../../src/core/encryption/adeModel.ts';
import type { AdeExtensionProperties } from '../../../src/core/encryption/buildAdeExtensionSettings.ts';

function acceptsSdkObjects(vm: VirtualMachine, disk: Disk, vault: Vault, ext: VirtualMachineExtension) {
  const a: VirtualMachineLike = vm;
  const b: ManagedDiskLike = disk;
  const c: KeyVaultLike = vault;
  const d: VirtualMachineExtensionLike = ext;
  return [a, b, c, d];
}

function builtExtensionFitsTheSdk(props: AdeExtensionProperties): VirtualMachineExtension {
  return props;
}

test('core input types accept the SDK models (checked by tsc)', () => {
  assert.equal(typeof acceptsSdkObjects, 'function');
  assert.equal(typeof builtExtensionFitsTheSdk, 'function');
});
