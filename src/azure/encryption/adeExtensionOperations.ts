import type { VirtualMachineExtension } from '@azure/arm-compute';
import { ADE_EXTENSION_TYPE } from '../../core/encryption/adeModel.ts';
import type { AdeExtensionProperties } from '../../core/encryption/buildAdeExtensionSettings.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';
import { vmNameParts } from './vmForEncryption.ts';

// The three ARM calls that drive Azure Disk Encryption: PUT the AzureDiskEncryptionForLinux extension (enable or
// disable, told apart by its settings), DELETE it, and restart the VM (an OS volume finishes encrypting at boot).
// Each is a long-running operation; the promise settles when ARM says it is done, and rejects with ARM's error
// (a failed extension provisioning carries the extension's own message).

export type LroOptions = {
  readonly abortSignal?: AbortSignal;
  /** Tests poll faster than the SDK's default 2 s. */
  readonly updateIntervalInMs?: number;
};

/** Installs or updates the ADE extension with one operation's settings (a new SequenceVersion each time). */
export async function putAdeExtension(
  session: SubscriptionSession, vmId: string, extension: AdeExtensionProperties, options: LroOptions = {},
): Promise<VirtualMachineExtension> {
  const { resourceGroup, name } = vmNameParts(vmId);
  const compute = await computeClient(session);
  const parameters: VirtualMachineExtension = { ...extension, settings: { ...extension.settings } };
  return compute.virtualMachineExtensions.createOrUpdate(resourceGroup, name, ADE_EXTENSION_TYPE, parameters, options).pollUntilDone();
}

/** Deletes the ADE extension; the disks keep whatever encryption they have. */
export async function deleteAdeExtension(session: SubscriptionSession, vmId: string, options: LroOptions = {}): Promise<void> {
  const { resourceGroup, name } = vmNameParts(vmId);
  const compute = await computeClient(session);
  await compute.virtualMachineExtensions.delete(resourceGroup, name, ADE_EXTENSION_TYPE, options).pollUntilDone();
}

export async function restartVm(session: SubscriptionSession, vmId: string, options: LroOptions = {}): Promise<void> {
  const { resourceGroup, name } = vmNameParts(vmId);
  const compute = await computeClient(session);
  await compute.virtualMachines.restart(resourceGroup, name, options).pollUntilDone();
}
