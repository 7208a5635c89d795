// Structural subsets of the ARM models the ADE core reads. They mirror @azure/arm-compute 25.x (flattened
// properties) and @azure/arm-keyvault 5.x (`properties` nested), so the adapter can pass the SDK objects straight in
// (test/unit/encryption/sdkShapes.test.ts proves the assignability with tsc). Everything is optional because ARM
// omits what it does not know, and rules must say "could not tell" rather than crash.

export type InstanceViewStatusLike = {
  readonly code?: string;
  readonly level?: string;
  readonly displayStatus?: string;
  readonly message?: string;
  readonly time?: Date | string;
};

export type SubResourceLike = { readonly id?: string };

export type ManagedDiskParametersLike = {
  readonly id?: string;
  readonly storageAccountType?: string;
  readonly diskEncryptionSet?: SubResourceLike;
};

export type DiskEncryptionSettingsLike = {
  readonly enabled?: boolean;
  readonly diskEncryptionKey?: { readonly secretUrl?: string; readonly sourceVault?: SubResourceLike };
  readonly keyEncryptionKey?: { readonly keyUrl?: string; readonly sourceVault?: SubResourceLike };
};

export type OsDiskLike = {
  readonly name?: string;
  readonly osType?: string;
  readonly encryptionSettings?: DiskEncryptionSettingsLike;
  readonly vhd?: { readonly uri?: string };
  readonly writeAcceleratorEnabled?: boolean;
  readonly diffDiskSettings?: { readonly option?: string; readonly placement?: string };
  readonly diskSizeGB?: number;
  readonly managedDisk?: ManagedDiskParametersLike;
};

export type DataDiskLike = {
  readonly lun?: number;
  readonly name?: string;
  readonly vhd?: { readonly uri?: string };
  readonly writeAcceleratorEnabled?: boolean;
  readonly diskSizeGB?: number;
  readonly managedDisk?: ManagedDiskParametersLike;
  readonly toBeDetached?: boolean;
};

export type ImageReferenceLike = {
  readonly id?: string;
  readonly publisher?: string;
  readonly offer?: string;
  readonly sku?: string;
  readonly version?: string;
  readonly sharedGalleryImageId?: string;
  readonly communityGalleryImageId?: string;
};

export type ExtensionInstanceViewLike = {
  readonly name?: string;
  /** e.g. `Microsoft.Azure.Security.AzureDiskEncryptionForLinux` (publisher + type). */
  readonly type?: string;
  readonly typeHandlerVersion?: string;
  readonly statuses?: readonly InstanceViewStatusLike[];
  readonly substatuses?: readonly InstanceViewStatusLike[];
};

export type DiskInstanceViewLike = {
  readonly name?: string;
  readonly encryptionSettings?: readonly DiskEncryptionSettingsLike[];
  readonly statuses?: readonly InstanceViewStatusLike[];
};

export type VirtualMachineInstanceViewLike = {
  readonly statuses?: readonly InstanceViewStatusLike[];
  readonly vmAgent?: { readonly vmAgentVersion?: string; readonly statuses?: readonly InstanceViewStatusLike[] };
  readonly disks?: readonly DiskInstanceViewLike[];
  readonly extensions?: readonly ExtensionInstanceViewLike[];
  readonly osName?: string;
  readonly osVersion?: string;
};

/** A VM extension resource as listed in `vm.resources` or returned by `virtualMachineExtensions.get`. */
export type VirtualMachineExtensionLike = {
  readonly name?: string;
  readonly publisher?: string;
  /** The SDK's name for `properties.type` (e.g. `AzureDiskEncryptionForLinux`). */
  readonly typePropertiesType?: string;
  readonly typeHandlerVersion?: string;
  readonly settings?: unknown;
  readonly provisioningState?: string;
  readonly instanceView?: ExtensionInstanceViewLike;
};

export type VirtualMachineLike = {
  readonly id?: string;
  readonly name?: string;
  readonly location?: string;
  readonly hardwareProfile?: { readonly vmSize?: string };
  readonly storageProfile?: {
    readonly imageReference?: ImageReferenceLike;
    readonly osDisk?: OsDiskLike;
    readonly dataDisks?: readonly DataDiskLike[];
    readonly diskControllerType?: string;
  };
  readonly securityProfile?: {
    readonly encryptionAtHost?: boolean;
    readonly securityType?: string;
    readonly encryptionIdentity?: { readonly userAssignedIdentityResourceId?: string };
  };
  readonly virtualMachineScaleSet?: SubResourceLike;
  readonly resources?: readonly VirtualMachineExtensionLike[];
  readonly instanceView?: VirtualMachineInstanceViewLike;
};

/** A managed disk resource (`disks.get`): the VM model does not carry the disk's own encryption or sharing. */
export type ManagedDiskLike = {
  readonly id?: string;
  readonly name?: string;
  readonly sku?: { readonly name?: string };
  readonly encryption?: { readonly type?: string; readonly diskEncryptionSetId?: string };
  readonly maxShares?: number;
  readonly osType?: string;
};

export type KeyVaultLike = {
  readonly id?: string;
  readonly name?: string;
  readonly location?: string;
  readonly properties?: {
    readonly vaultUri?: string;
    readonly enabledForDiskEncryption?: boolean;
    readonly enableSoftDelete?: boolean;
    readonly softDeleteRetentionInDays?: number;
    readonly enablePurgeProtection?: boolean;
    readonly enableRbacAuthorization?: boolean;
    readonly sku?: { readonly name?: string };
  };
};

export type VolumeType = 'All' | 'OS' | 'Data';
export const VOLUME_TYPES: readonly VolumeType[] = ['All', 'OS', 'Data'];

export type AdeOperation = 'Enable' | 'EnableFormatAll' | 'Disable';

export type KeyEncryptionAlgorithm = 'RSA-OAEP' | 'RSA-OAEP-256' | 'RSA1_5';
export const KEY_ENCRYPTION_ALGORITHMS: readonly KeyEncryptionAlgorithm[] = ['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5'];
export const DEFAULT_KEY_ENCRYPTION_ALGORITHM: KeyEncryptionAlgorithm = 'RSA-OAEP';

export const ADE_EXTENSION_PUBLISHER = 'Microsoft.Azure.Security';
export const ADE_EXTENSION_TYPE = 'AzureDiskEncryptionForLinux';
/** v1.1 is the schema without Microsoft Entra properties; 0.1 is the legacy (Entra ID app) schema. */
export const ADE_TYPE_HANDLER_VERSION = '1.1';
