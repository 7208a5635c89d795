import type { InstanceViewStatusLike, VirtualMachineLike, VolumeType } from './adeModel.ts';
import {
  findAdeExtensionInstanceView, findAdeExtensionResource, isLegacyAdeVersion, readAdeSettings,
} from './adeExtension.ts';
import { planNextEncryptionAction, type EncryptionNextAction, type EncryptionPhase } from './planNextEncryptionAction.ts';

// Reads the encryption state the way `az vm encryption show` does for the current (non-Entra) ADE: from the VM's
// instance view (GET with $expand=instanceView). The extension writes its substatus message as JSON
// `{"os": "...", "data": "..."}` (VMEncryption DiskUtil.get_encryption_status); each disk of the instance view carries
// an `EncryptionState/encrypted|notEncrypted` status set by the platform.

export type VolumeEncryptionState =
  | 'Encrypted' | 'NotEncrypted' | 'EncryptionInProgress' | 'DecryptionInProgress' | 'VMRestartPending' | 'NotMounted'
  | 'Unknown';

const VOLUME_STATES: readonly VolumeEncryptionState[] = [
  'Encrypted', 'NotEncrypted', 'EncryptionInProgress', 'DecryptionInProgress', 'VMRestartPending', 'NotMounted',
];

export type DiskEncryptionState = 'encrypted' | 'notEncrypted' | 'unknown';
export type ExtensionProvisioning = 'succeeded' | 'failed' | 'transitioning' | 'unknown';

export type DiskEncryptionStatus = {
  readonly name: string;
  readonly role: 'os' | 'data' | 'unknown';
  readonly lun?: number;
  /** What the platform says about this disk (instanceView.disks[].statuses EncryptionState/*). */
  readonly diskState: DiskEncryptionState;
  /** What the extension says about the OS or data volumes this disk belongs to. */
  readonly volumeState: VolumeEncryptionState;
  readonly secretUrl?: string;
  readonly keyEncryptionKeyUrl?: string;
};

export type AdeExtensionState = {
  readonly present: boolean;
  /** typeHandlerVersion 0.x or `osDisk.encryptionSettings`: ADE with a Microsoft Entra ID app (previous release). */
  readonly legacy: boolean;
  readonly typeHandlerVersion?: string;
  readonly provisioning: ExtensionProvisioning;
  /** statuses[0].message, e.g. "Encryption succeeded for data volumes". */
  readonly progressMessage?: string;
  /** EncryptionOperation / VolumeType of the last operation, from the extension's settings in the VM model. */
  readonly lastOperation?: string;
  readonly lastVolumeType?: VolumeType;
};

export type AdeEncryptionStatus = {
  readonly extension: AdeExtensionState;
  readonly os: VolumeEncryptionState;
  readonly data: VolumeEncryptionState;
  readonly disks: readonly DiskEncryptionStatus[];
  readonly phase: EncryptionPhase;
  readonly next: EncryptionNextAction;
};

export function parseEncryptionStatus(vm: VirtualMachineLike): AdeEncryptionStatus {
  const view = findAdeExtensionInstanceView(vm);
  const resource = findAdeExtensionResource(vm);
  const settings = readAdeSettings(resource);
  const version = view?.typeHandlerVersion ?? resource?.typeHandlerVersion;
  const osSettings = vm.storageProfile?.osDisk?.encryptionSettings;
  const legacy = isLegacyAdeVersion(version) || osSettings?.enabled === true || !!osSettings?.diskEncryptionKey;
  const volumes = readVolumeStates(view?.substatuses);
  const progressMessage = view?.statuses?.[0]?.message;

  const extension: AdeExtensionState = {
    present: !!view || !!resource,
    legacy,
    ...(version ? { typeHandlerVersion: version } : {}),
    provisioning: readProvisioning(view?.statuses, resource?.provisioningState),
    ...(progressMessage ? { progressMessage } : {}),
    ...(settings.operation ? { lastOperation: settings.operation } : {}),
    ...(settings.volumeType ? { lastVolumeType: settings.volumeType } : {}),
  };
  const disks = readDisks(vm, volumes);
  const hasDataDisks = (vm.storageProfile?.dataDisks ?? []).length > 0;
  const { phase, next } = planNextEncryptionAction({ extension, os: volumes.os, data: volumes.data, disks, hasDataDisks });
  return { extension, os: volumes.os, data: volumes.data, disks, phase, next };
}

/** Parses one substatus message; anything that is not the JSON object gives Unknown (an outdated extension). */
export function parseVolumeStatusMessage(message: string | undefined): { os: VolumeEncryptionState; data: VolumeEncryptionState } | undefined {
  if (!message) return undefined;
  let parsed: unknown;
  try { parsed = JSON.parse(message); } catch { return undefined; }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const rec = parsed as Record<string, unknown>;
  if (!('os' in rec) && !('data' in rec)) return undefined;
  return { os: toVolumeState(rec.os), data: toVolumeState(rec.data) };
}

function toVolumeState(value: unknown): VolumeEncryptionState {
  if (typeof value !== 'string') return 'Unknown';
  return VOLUME_STATES.find((s) => s.toLowerCase() === value.trim().toLowerCase()) ?? 'Unknown';
}

function readVolumeStates(substatuses: readonly InstanceViewStatusLike[] | undefined) {
  for (const s of substatuses ?? []) {
    const parsed = parseVolumeStatusMessage(s.message);
    if (parsed) return parsed;
  }
  return { os: 'Unknown' as const, data: 'Unknown' as const };
}

function readProvisioning(statuses: readonly InstanceViewStatusLike[] | undefined, provisioningState: string | undefined): ExtensionProvisioning {
  const code = (statuses ?? []).map((s) => s.code ?? '').find((c) => c.toLowerCase().startsWith('provisioningstate/'));
  const state = (code?.split('/')[1] ?? provisioningState ?? '').toLowerCase();
  if (state === 'succeeded') return 'succeeded';
  if (state === 'failed') return 'failed';
  if (state === 'transitioning' || state === 'creating' || state === 'updating') return 'transitioning';
  if ((statuses ?? []).some((s) => (s.level ?? '').toLowerCase() === 'error')) return 'failed';
  return 'unknown';
}

function readDisks(vm: VirtualMachineLike, volumes: { os: VolumeEncryptionState; data: VolumeEncryptionState }): DiskEncryptionStatus[] {
  const osName = vm.storageProfile?.osDisk?.name?.toLowerCase();
  const dataDisks = vm.storageProfile?.dataDisks ?? [];
  return (vm.instanceView?.disks ?? []).map((d) => {
    const name = d.name ?? '';
    const data = dataDisks.find((x) => !!x.name && x.name.toLowerCase() === name.toLowerCase());
    const role = osName && name.toLowerCase() === osName ? 'os' : data ? 'data' : 'unknown';
    const code = (d.statuses ?? []).map((s) => (s.code ?? '').toLowerCase()).find((c) => c.startsWith('encryptionstate/'));
    const diskState: DiskEncryptionState = code === 'encryptionstate/encrypted' ? 'encrypted'
      : code === 'encryptionstate/notencrypted' ? 'notEncrypted' : 'unknown';
    const settings = d.encryptionSettings?.find((e) => e.diskEncryptionKey?.secretUrl) ?? d.encryptionSettings?.[0];
    return {
      name,
      role,
      ...(data?.lun !== undefined ? { lun: data.lun } : {}),
      diskState,
      volumeState: role === 'os' ? volumes.os : role === 'data' ? volumes.data : 'Unknown',
      ...(settings?.diskEncryptionKey?.secretUrl ? { secretUrl: settings.diskEncryptionKey.secretUrl } : {}),
      ...(settings?.keyEncryptionKey?.keyUrl ? { keyEncryptionKeyUrl: settings.keyEncryptionKey.keyUrl } : {}),
    };
  });
}
