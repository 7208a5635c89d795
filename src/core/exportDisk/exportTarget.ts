// What is being exported, reduced to the facts the export decisions need. Disks and snapshots export the same
// way (grant -> download -> revoke); a snapshot is never attached, so it needs no consistency step.
import { parseResourceId } from '../resources/parseResourceId.ts';

export type ExportKind = 'disk' | 'snapshot';

/** The address of a disk, snapshot or VM: enough for every ARM call on it. */
export interface ResourceRef {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
}

export interface ExportTarget extends ResourceRef {
  readonly kind: ExportKind;
  readonly location?: string;
  /** Size of the disk's data (the VHD adds a 512-byte footer). */
  readonly sizeBytes: number;
  readonly diskState: string;
  /** The VM the disk is attached to (disks only). */
  readonly managedBy?: string;
  /** Trusted Launch / Confidential VM disks carry a VM guest state exported beside the VHD. */
  readonly hasGuestState: boolean;
  /** dataAccessAuthMode AzureActiveDirectory: the download needs an Entra ID token on top of the SAS. */
  readonly entraIdOnly: boolean;
}

/** The structural subset of the SDK's Disk / Snapshot that we read (the SDK objects are passed straight in). */
export interface DiskLikeModel {
  readonly id?: string;
  readonly name?: string;
  readonly location?: string;
  readonly managedBy?: string;
  readonly diskSizeGB?: number;
  readonly diskSizeBytes?: number;
  readonly diskState?: string;
  readonly dataAccessAuthMode?: string;
  readonly securityProfile?: { readonly securityType?: string };
}

const GiB = 1024 ** 3;

export function resourceRef(id: string): ResourceRef {
  const parts = parseResourceId(id);
  if (!parts) throw new Error(`Not an Azure resource id: ${id}`);
  return { id, subscriptionId: parts.subscriptionId, resourceGroup: parts.resourceGroup, name: parts.name };
}

export function exportTargetFrom(kind: ExportKind, model: DiskLikeModel & { readonly id: string }): ExportTarget {
  const securityType = model.securityProfile?.securityType ?? '';
  return {
    ...resourceRef(model.id),
    kind,
    location: model.location,
    sizeBytes: model.diskSizeBytes ?? (model.diskSizeGB ?? 0) * GiB,
    diskState: model.diskState ?? 'Unknown',
    managedBy: kind === 'disk' ? model.managedBy || undefined : undefined,
    // TrustedLaunch, ConfidentialVM_* : both keep a VM guest state (vTPM, UEFI variables) next to the OS disk.
    hasGuestState: /^(TrustedLaunch|ConfidentialVM)/i.test(securityType),
    entraIdOnly: model.dataAccessAuthMode === 'AzureActiveDirectory',
  };
}
