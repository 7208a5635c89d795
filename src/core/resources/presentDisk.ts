import type { Translate } from '../l10n/Translate.ts';
import type { Presentation } from './Presentation.ts';
import type { DiskModel } from './models.ts';
import type { DiskEncryptionStatus } from '../encryption/parseEncryptionStatus.ts';
import { describeDiskEncryption } from './presentEncryptionState.ts';

/** Disk states in which a SAS is live: someone may be downloading, and the disk can't be used until revoked. */
export const ACTIVE_SAS_STATES = new Set(['ActiveSAS', 'ActiveSASFrozen']);

export interface DiskRole {
  /** `os` or `data (LUN n)` when shown under its VM. */
  readonly role?: 'os' | 'data';
  readonly lun?: number;
  /** What the VM's instance view says about this disk's Azure Disk Encryption (shown under the VM). */
  readonly encryption?: Pick<DiskEncryptionStatus, 'diskState' | 'volumeState'>;
}

export function presentDisk(disk: DiskModel, t: Translate, role: DiskRole = {}): Presentation {
  const state = disk.diskState ?? 'Unknown';
  const activeSas = ACTIVE_SAS_STATES.has(state);
  const size = disk.diskSizeGB !== undefined ? `${disk.diskSizeGB} GiB` : '';
  const sku = disk.sku?.name ?? '';
  const entraOnly = disk.dataAccessAuthMode === 'AzureActiveDirectory';
  const encryption = describeDiskEncryption(role.encryption, disk.encryptionSettingsCollection?.enabled === true, t);
  const roleLabel = role.role === 'os' ? t('OS disk') : role.role === 'data' ? t('Data disk (LUN {0})', role.lun ?? '?') : '';
  return {
    label: disk.name ?? '',
    description: [roleLabel, size, sku, state, encryption].filter(Boolean).join(' · '),
    tooltip: [
      t('Managed disk {0}', disk.name ?? ''),
      t('Size: {0}', size || '—'),
      t('SKU: {0}', sku || '—'),
      t('Disk state: {0}', state),
      t('Attached to: {0}', disk.managedBy ? lastSegment(disk.managedBy) : t('nothing')),
      ...(activeSas ? [t('A SAS for this disk is active: someone may be downloading it. Revoke access when done.')] : []),
      ...(entraOnly ? [t('Downloads require Microsoft Entra ID (dataAccessAuthMode: AzureActiveDirectory).')] : []),
      ...(encryption ? [t('Azure Disk Encryption: {0}', encryption)] : []),
    ],
    icon: diskStateIcon(state),
    contextValue: ['azureResource', 'disk', `diskState-${state}`, activeSas ? 'activeSas' : '', entraOnly ? 'entraIdAccess' : '', role.role ? `role-${role.role}` : '', encryption ? 'adeEncrypted' : '']
      .filter(Boolean)
      .join(' '),
  };
}

/**
 * One codicon per disk state, so the state reads at a glance down a long list: in use by a VM (plug), kept for a
 * deallocated VM (lock), free (unplugged), being uploaded, frozen by hibernation; a live SAS warns in colour.
 */
const STATE_ICONS: Record<string, string> = {
  Attached: 'plug',
  Reserved: 'lock',
  Unattached: 'debug-disconnect',
  ReadyToUpload: 'cloud-upload',
  ActiveUpload: 'cloud-upload',
  Frozen: 'debug-pause',
};

export function diskStateIcon(state: string): Presentation['icon'] {
  if (ACTIVE_SAS_STATES.has(state)) return { id: 'warning', color: 'list.warningForeground' };
  return { id: STATE_ICONS[state] ?? 'database' };
}

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}
