// Structural subsets of the SDK models (flattened as @azure/arm-compute 25 and @azure/arm-imagebuilder 5 return
// them; key vaults keep `properties`). The SDK objects are passed straight in; core code never imports the SDKs.

export interface ArmResource {
  readonly id?: string;
  readonly name?: string;
  readonly location?: string;
  readonly tags?: Record<string, string>;
}

export interface InstanceViewStatus {
  readonly code?: string;
  readonly displayStatus?: string;
  readonly level?: string;
  readonly message?: string;
}

export interface ManagedDiskRef {
  readonly id?: string;
  readonly storageAccountType?: string;
}

export interface VmDiskRef {
  readonly name?: string;
  readonly lun?: number;
  readonly diskSizeGB?: number;
  readonly managedDisk?: ManagedDiskRef;
}

export interface VirtualMachineModel extends ArmResource {
  readonly hardwareProfile?: { readonly vmSize?: string };
  readonly storageProfile?: {
    readonly osDisk?: VmDiskRef & { readonly osType?: string };
    readonly dataDisks?: readonly VmDiskRef[];
  };
  readonly securityProfile?: { readonly securityType?: string };
  readonly instanceView?: { readonly statuses?: readonly InstanceViewStatus[] };
  readonly provisioningState?: string;
}

export interface DiskModel extends ArmResource {
  readonly managedBy?: string;
  readonly sku?: { readonly name?: string };
  readonly diskSizeGB?: number;
  readonly diskState?: string;
  readonly osType?: string;
  readonly dataAccessAuthMode?: string;
  readonly securityProfile?: { readonly securityType?: string };
  readonly encryptionSettingsCollection?: { readonly enabled?: boolean };
}

export interface SnapshotModel extends ArmResource {
  readonly sku?: { readonly name?: string };
  readonly diskSizeGB?: number;
  readonly diskState?: string;
  readonly incremental?: boolean;
  readonly timeCreated?: Date | string;
  readonly creationData?: { readonly sourceResourceId?: string };
  readonly dataAccessAuthMode?: string;
}

export interface KeyVaultModel extends ArmResource {
  readonly properties?: {
    readonly enabledForDiskEncryption?: boolean;
    readonly enableRbacAuthorization?: boolean;
    readonly enableSoftDelete?: boolean;
    readonly enablePurgeProtection?: boolean;
    readonly vaultUri?: string;
    readonly sku?: { readonly name?: string };
  };
}

export interface ImageTemplateModel extends ArmResource {
  readonly provisioningState?: string;
  readonly provisioningError?: { readonly provisioningErrorCode?: string; readonly message?: string };
  readonly lastRunStatus?: {
    readonly runState?: string;
    readonly runSubState?: string;
    readonly message?: string;
    readonly startTime?: Date | string;
    readonly endTime?: Date | string;
  };
}

export type ResourceKind = 'virtualMachine' | 'disk' | 'snapshot' | 'keyVault' | 'imageTemplate';

export const resourceKinds: readonly ResourceKind[] = ['virtualMachine', 'disk', 'snapshot', 'keyVault', 'imageTemplate'];
