import {
  ADE_EXTENSION_PUBLISHER, ADE_EXTENSION_TYPE,
  type ExtensionInstanceViewLike, type VirtualMachineExtensionLike, type VirtualMachineLike, type VolumeType,
} from './adeModel.ts';

// Finding the ADE extension the way `az vm encryption show` does: in the instance view by name plus a type that
// starts with the publisher, in the model by publisher + type. Version 0.x is the legacy Entra ID (AAD) schema.

export function findAdeExtensionInstanceView(vm: VirtualMachineLike): ExtensionInstanceViewLike | undefined {
  return (vm.instanceView?.extensions ?? []).find((e) =>
    (e.type ?? '').toLowerCase().startsWith(ADE_EXTENSION_PUBLISHER.toLowerCase())
    && (e.name ?? '').toLowerCase() === ADE_EXTENSION_TYPE.toLowerCase())
    ?? (vm.instanceView?.extensions ?? []).find((e) =>
      (e.type ?? '').toLowerCase() === `${ADE_EXTENSION_PUBLISHER}.${ADE_EXTENSION_TYPE}`.toLowerCase());
}

export function findAdeExtensionResource(vm: VirtualMachineLike): VirtualMachineExtensionLike | undefined {
  return (vm.resources ?? []).find((e) =>
    (e.publisher ?? '').toLowerCase() === ADE_EXTENSION_PUBLISHER.toLowerCase()
    && (e.typePropertiesType ?? '').toLowerCase() === ADE_EXTENSION_TYPE.toLowerCase());
}

export function isLegacyAdeVersion(typeHandlerVersion: string | undefined): boolean {
  return !!typeHandlerVersion && typeHandlerVersion.split('.')[0] === '0';
}

/** The public settings of the last operation sent to the extension (the model keeps them between operations). */
export function readAdeSettings(ext: VirtualMachineExtensionLike | undefined): {
  operation?: string; volumeType?: VolumeType;
} {
  const s = ext?.settings;
  if (!s || typeof s !== 'object') return {};
  const rec = s as Record<string, unknown>;
  const op = typeof rec.EncryptionOperation === 'string' ? rec.EncryptionOperation : undefined;
  const vt = typeof rec.VolumeType === 'string' ? normalizeVolumeType(rec.VolumeType) : undefined;
  return { ...(op ? { operation: op } : {}), ...(vt ? { volumeType: vt } : {}) };
}

/** The extension and the CLI accept any case ("data", "ALL"); we keep the documented spelling. */
export function normalizeVolumeType(value: string): VolumeType | undefined {
  switch (value.trim().toLowerCase()) {
    case 'all': return 'All';
    case 'os': return 'OS';
    case 'data': return 'Data';
    default: return undefined;
  }
}
