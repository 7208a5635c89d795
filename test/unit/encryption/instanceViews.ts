// Instance views as GET .../virtualMachines/{vm}?$expand=instanceView returns them while ADE runs. The substatus
// message is the JSON the extension writes (VMEncryption DiskUtil.get_encryption_status); the disk statuses are the
// platform's EncryptionState codes. The extension's settings are what `az vm encryption enable` sends.
import type { InstanceViewStatusLike, VirtualMachineLike, VolumeType } from '../../../src/core/encryption/adeModel.ts';
import { runningVm, VAULT_ID } from './fixtures.ts';

export type VolumeStateText = string;

export function adeExtensionView(options: {
  os: VolumeStateText; data: VolumeStateText; provisioning?: 'succeeded' | 'failed' | 'transitioning'; message?: string; substatusMessage?: string;
}) {
  const provisioning = options.provisioning ?? 'succeeded';
  const status: InstanceViewStatusLike = {
    code: `ProvisioningState/${provisioning}`,
    level: provisioning === 'failed' ? 'Error' : 'Info',
    displayStatus: provisioning === 'succeeded' ? 'Provisioning succeeded' : provisioning === 'failed' ? 'Provisioning failed' : 'Transitioning',
    message: options.message ?? 'Encryption succeeded for all volumes',
  };
  return {
    name: 'AzureDiskEncryptionForLinux',
    type: 'Microsoft.Azure.Security.AzureDiskEncryptionForLinux',
    typeHandlerVersion: '1.1.0.60',
    statuses: [status],
    substatuses: [{
      code: `ComponentStatus/Microsoft.Azure.Security.AzureDiskEncryptionForLinux/${provisioning}`,
      level: status.level,
      displayStatus: status.displayStatus,
      message: options.substatusMessage ?? JSON.stringify({ os: options.os, data: options.data }),
    }],
  };
}

export function encryptedVm(options: {
  volumeType: VolumeType; os: VolumeStateText; data: VolumeStateText;
  operation?: string; provisioning?: 'succeeded' | 'failed' | 'transitioning'; message?: string; substatusMessage?: string;
  osDiskEncrypted?: boolean; dataDiskEncrypted?: boolean;
}): VirtualMachineLike {
  const vm = runningVm();
  const diskStatus = (encrypted: boolean | undefined) => encrypted === undefined ? [] : [encrypted
    ? { code: 'EncryptionState/encrypted', level: 'Info', displayStatus: 'Encryption is enabled on disk' }
    : { code: 'EncryptionState/notEncrypted', level: 'Info', displayStatus: 'Encryption is not enabled on disk' }];
  return {
    ...vm,
    resources: [{
      name: 'AzureDiskEncryptionForLinux',
      publisher: 'Microsoft.Azure.Security',
      typePropertiesType: 'AzureDiskEncryptionForLinux',
      typeHandlerVersion: '1.1',
      provisioningState: options.provisioning === 'failed' ? 'Failed' : 'Succeeded',
      settings: {
        EncryptionOperation: options.operation ?? 'EnableEncryption',
        KeyVaultURL: 'https://kv-ade.vault.azure.net/',
        KeyVaultResourceId: VAULT_ID,
        VolumeType: options.volumeType,
        SequenceVersion: 'b3a0c8e2-1d4f-4f8e-9a77-0c2f5f1d9e11',
      },
    }],
    instanceView: {
      ...vm.instanceView,
      disks: [
        {
          name: 'vm1_OsDisk_1',
          statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info' }, ...diskStatus(options.osDiskEncrypted)],
          ...(options.osDiskEncrypted ? { encryptionSettings: [{
            enabled: true,
            diskEncryptionKey: { secretUrl: 'https://kv-ade.vault.azure.net/secrets/6b1f0c4e/0a1b2c3d4e5f', sourceVault: { id: VAULT_ID } },
          }] } : {}),
        },
        { name: 'vm1-data0', statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info' }, ...diskStatus(options.dataDiskEncrypted)] },
      ],
      extensions: [adeExtensionView(options)],
    },
  };
}
