// Realistic inputs shaped like what the SDK returns: a running Ubuntu 22.04 VM on Standard_D4s_v5 with one Premium
// data disk, a vault enabled for disk encryption in the same region/subscription, and snapshots for every disk.
// `healthyContext()` passes every blocking rule; each test breaks one thing.
import type { KeyVaultLike, ManagedDiskLike, VirtualMachineLike } from '../../../src/core/encryption/adeModel.ts';
import type { EncryptionPreflightContext } from '../../../src/core/encryption/preflightContext.ts';

export const SUB = '00000000-0000-0000-0000-000000000001';
export const OTHER_SUB = '00000000-0000-0000-0000-000000000002';
export const RG = `/subscriptions/${SUB}/resourceGroups/rg-app`;
export const OS_DISK_ID = `${RG}/providers/Microsoft.Compute/disks/vm1_OsDisk_1`;
export const DATA_DISK_ID = `${RG}/providers/Microsoft.Compute/disks/vm1-data0`;
export const VAULT_ID = `${RG}/providers/Microsoft.KeyVault/vaults/kv-ade`;
export const KEK_URL = 'https://kv-ade.vault.azure.net/keys/kek1/0123456789abcdef0123456789abcdef';

export function runningVm(): VirtualMachineLike {
  return {
    id: `${RG}/providers/Microsoft.Compute/virtualMachines/vm1`,
    name: 'vm1',
    location: 'japaneast',
    hardwareProfile: { vmSize: 'Standard_D4s_v5' },
    storageProfile: {
      imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
      osDisk: {
        name: 'vm1_OsDisk_1', osType: 'Linux', diskSizeGB: 30,
        managedDisk: { id: OS_DISK_ID, storageAccountType: 'Premium_LRS' },
      },
      dataDisks: [{ lun: 0, name: 'vm1-data0', diskSizeGB: 64, managedDisk: { id: DATA_DISK_ID, storageAccountType: 'Premium_LRS' } }],
      diskControllerType: 'SCSI',
    },
    securityProfile: { securityType: 'TrustedLaunch' },
    instanceView: {
      statuses: [
        { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded' },
        { code: 'PowerState/running', level: 'Info', displayStatus: 'VM running' },
      ],
      vmAgent: {
        vmAgentVersion: '2.9.1.1',
        statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready', message: 'Guest Agent is running' }],
      },
      disks: [
        { name: 'vm1_OsDisk_1', statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info' }] },
        { name: 'vm1-data0', statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info' }] },
      ],
    },
  };
}

export function diskResources(): ManagedDiskLike[] {
  return [
    { id: OS_DISK_ID, name: 'vm1_OsDisk_1', sku: { name: 'Premium_LRS' }, encryption: { type: 'EncryptionAtRestWithPlatformKey' }, osType: 'Linux' },
    { id: DATA_DISK_ID, name: 'vm1-data0', sku: { name: 'Premium_LRS' }, encryption: { type: 'EncryptionAtRestWithPlatformKey' } },
  ];
}

export function adeVault(): KeyVaultLike {
  return {
    id: VAULT_ID,
    name: 'kv-ade',
    location: 'japaneast',
    properties: {
      vaultUri: 'https://kv-ade.vault.azure.net/',
      enabledForDiskEncryption: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      enableRbacAuthorization: true,
      sku: { name: 'standard' },
    },
  };
}

export function healthyContext(overrides: Partial<EncryptionPreflightContext> = {}): EncryptionPreflightContext {
  return {
    vm: runningVm(),
    disks: diskResources(),
    vault: adeVault(),
    request: { operation: 'Enable', volumeType: 'Data' },
    recoveryPoints: { diskIdsWithRecentSnapshot: [OS_DISK_ID, DATA_DISK_ID] },
    vmMemoryGb: 16,
    ...overrides,
  };
}

/** The VM with some fields of its storage profile replaced. */
export function withStorage(patch: Partial<NonNullable<VirtualMachineLike['storageProfile']>>): VirtualMachineLike {
  const vm = runningVm();
  return { ...vm, storageProfile: { ...vm.storageProfile, ...patch } };
}

export function errorsOf<T extends { severity: string }>(findings: readonly T[]): T[] {
  return findings.filter((f) => f.severity === 'error');
}
