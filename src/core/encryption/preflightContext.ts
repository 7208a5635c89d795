import type {
  AdeOperation, KeyVaultLike, ManagedDiskLike, VirtualMachineLike, VolumeType,
} from './adeModel.ts';
import type { Finding } from './finding.ts';
import type { AdeEncryptionStatus } from './parseEncryptionStatus.ts';

/** What the user asked for. */
export type EncryptionRequest = {
  readonly operation: AdeOperation;
  readonly volumeType?: VolumeType;
  readonly keyEncryptionKeyUrl?: string;
};

/**
 * Whether a recovery point exists for each disk. The article requires a snapshot and/or backup before encrypting;
 * the adapter fills this from recent snapshots whose source is each disk, and from Azure Backup.
 */
export type RecoveryPointSummary = {
  /** The VM is protected by Azure Backup with a recent recovery point. */
  readonly vmBackedUpRecently?: boolean;
  /** Ids (or VHD URIs) of the disks that have a recent snapshot. */
  readonly diskIdsWithRecentSnapshot?: readonly string[];
};

export type EncryptionPreflightContext = {
  /** The VM with `$expand=instanceView` (power state, agent, extensions, disk statuses). */
  readonly vm: VirtualMachineLike;
  /** The VM's managed disk resources, when read (disk encryption type, SKU, sharing). */
  readonly disks?: readonly ManagedDiskLike[];
  /** The vault chosen for the disk encryption secret. */
  readonly vault?: KeyVaultLike;
  /** The vault holding the key encryption key, when different from `vault`. */
  readonly kekVault?: KeyVaultLike;
  readonly request: EncryptionRequest;
  readonly recoveryPoints?: RecoveryPointSummary;
  /** Memory of the VM size in GiB (resource SKU capability MemoryGB), when known. */
  readonly vmMemoryGb?: number;
  /** Usage of the root (/) file system in GiB, when known (it sets the memory needed to encrypt the OS volume). */
  readonly rootFileSystemUsageGb?: number;
  /** The current encryption state (parseEncryptionStatus(vm)), when ADE ran on this VM before. */
  readonly status?: AdeEncryptionStatus;
  /** An Azure Policy "secrets should have a maximum validity period" with the Deny effect applies to the vault. */
  readonly secretValidityPolicyDenies?: boolean;
};

/** One pre-flight rule: a pure function of the context. */
export type EncryptionPreflightRule = (context: EncryptionPreflightContext) => Finding[];

export function isEnableOperation(op: AdeOperation): boolean {
  return op === 'Enable' || op === 'EnableFormatAll';
}

/** The volume type the request will use: explicit, or OS when the VM has no data disks (the CLI's default). */
export function effectiveVolumeType(context: EncryptionPreflightContext): VolumeType | undefined {
  if (context.request.volumeType) return context.request.volumeType;
  const hasData = (context.vm.storageProfile?.dataDisks ?? []).some((d) => !d.toBeDetached);
  return hasData ? undefined : 'OS';
}

/** True when the request touches the OS volume (All or OS). Unknown (no volume type yet) counts as no: the
 * volume-type rule reports that case on its own. */
export function requestIncludesOs(context: EncryptionPreflightContext): boolean {
  const vt = effectiveVolumeType(context);
  return vt === 'All' || vt === 'OS';
}
