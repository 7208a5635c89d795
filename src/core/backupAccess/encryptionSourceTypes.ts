// Structural shapes of the compute objects that reveal ADE keys (arm-compute 25: VirtualMachine, OSDisk,
// DiskEncryptionSettings, DiskInstanceView, VirtualMachineExtension, Disk, EncryptionSettingsCollection).

export interface VaultReferenceLike {
  id?: string;
}

/** Per-disk ADE settings: the BEK (a Key Vault secret) and the optional KEK (a Key Vault key) that wraps it. */
export interface DiskEncryptionSettingsLike {
  diskEncryptionKey?: { sourceVault?: VaultReferenceLike; secretUrl?: string };
  keyEncryptionKey?: { sourceVault?: VaultReferenceLike; keyUrl?: string };
  enabled?: boolean;
}

export interface VmExtensionLike {
  name?: string;
  publisher?: string;
  /** The handler type (e.g. AzureDiskEncryptionForLinux); `type` is the ARM resource type on SDK objects. */
  typePropertiesType?: string;
  type?: string;
  settings?: unknown;
}

export interface VmWithEncryptionLike {
  id?: string;
  location?: string;
  resources?: VmExtensionLike[];
  storageProfile?: {
    osDisk?: {
      name?: string;
      encryptionSettings?: DiskEncryptionSettingsLike;
      managedDisk?: { id?: string; diskEncryptionSet?: { id?: string } };
    };
    dataDisks?: { name?: string; managedDisk?: { id?: string; diskEncryptionSet?: { id?: string } } }[];
  };
  instanceView?: {
    disks?: { name?: string; encryptionSettings?: DiskEncryptionSettingsLike[] }[];
    vmAgent?: { statuses?: { code?: string; displayStatus?: string }[] };
  };
}

export interface EncryptedDiskLike {
  id?: string;
  name?: string;
  /** 'AzureActiveDirectory' | 'None' */
  dataAccessAuthMode?: string;
  /** Server-side encryption: type EncryptionAtRestWithCustomerKey / ...PlatformAndCustomerKeys means a CMK. */
  encryption?: { type?: string; diskEncryptionSetId?: string };
  encryptionSettingsCollection?: {
    enabled?: boolean;
    encryptionSettings?: DiskEncryptionSettingsLike[];
    encryptionSettingsVersion?: string;
  };
}
