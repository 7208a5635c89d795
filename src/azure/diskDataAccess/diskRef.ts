import type { DiskLikeKind } from '../../core/diskDataAccess/dataAccessConstants.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';

/** A disk or snapshot as the adapters address it. */
export interface DiskRef {
  readonly kind: DiskLikeKind;
  readonly id: string;
  readonly resourceGroup: string;
  readonly name: string;
}

export function diskRefFromId(id: string): DiskRef {
  const parts = parseResourceId(id);
  const type = parts?.type.toLowerCase();
  if (!parts || parts.provider.toLowerCase() !== 'microsoft.compute' || (type !== 'disks' && type !== 'snapshots')) {
    throw new Error(`Not a managed disk or snapshot id: ${id}`);
  }
  return { kind: type === 'disks' ? 'disk' : 'snapshot', id, resourceGroup: parts.resourceGroup, name: parts.name };
}
