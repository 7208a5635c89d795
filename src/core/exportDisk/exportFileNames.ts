// Names of what an export creates: the VHD is named after the disk (`<disk>.vhd`, not the portal's `abcd`), the VM
// guest state of a Trusted Launch disk goes beside it, and snapshots we take carry the disk's name and the time.
import { join } from 'node:path';

/** A file name from a resource name: ARM names are mostly safe, but keep path separators and control chars out. */
export function safeFileBaseName(resourceName: string): string {
  const cleaned = resourceName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned || 'disk';
}

export interface ExportFileNames {
  readonly vhd: string;
  /** Only for disks with a VM guest state (Trusted Launch, confidential VMs). */
  readonly guestState?: string;
  /** Where the VM metadata goes when Azure hands it out (Confidential VM disks). */
  readonly vmMetadata?: string;
}

export function exportFileNames(folder: string, resourceName: string, hasGuestState: boolean): ExportFileNames {
  const base = safeFileBaseName(resourceName);
  return {
    vhd: join(folder, `${base}.vhd`),
    ...(hasGuestState ? { guestState: join(folder, `${base}.vmgs`), vmMetadata: join(folder, `${base}.vmmd`) } : {}),
  };
}

/** Snapshot names allow 1–80 of [A-Za-z0-9_.-], start alphanumeric, end alphanumeric or `_`. */
export function exportSnapshotName(diskName: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-'); // 20250601-1230
  const suffix = `-export-${stamp}`;
  const base = diskName.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 80 - suffix.length);
  const name = `${base}${suffix}`.replace(/^[^A-Za-z0-9]+/, '');
  return name || `snapshot${suffix}`;
}
