import type { Translate } from '../l10n/Translate.ts';
import { ENTRA_ID_MODE, NO_EXTRA_AUTH_MODE, type DiskLikeKind } from './dataAccessConstants.ts';

/** What Azure Backup says about the VM the disk is attached to (Recovery Services `backupStatus`). */
export type VmBackupProtection =
  | { readonly kind: 'protected'; readonly vmName: string; readonly vaultName?: string; readonly policyName?: string }
  | { readonly kind: 'notProtected'; readonly vmName: string }
  /** The lookup failed (no permission on Recovery Services, provider not registered …): say we could not tell. */
  | { readonly kind: 'unknown'; readonly vmName: string; readonly reason: string }
  | { readonly kind: 'notAttached' };

export interface DataAccessModeChangePlan {
  readonly targetMode: typeof ENTRA_ID_MODE | typeof NO_EXTRA_AUTH_MODE;
  /** The PATCH body (flattened, as @azure/arm-compute 25 takes it). */
  readonly patch: { readonly dataAccessAuthMode: string };
  /** Modal when Azure Backup protects the VM: turning the mode on would break its backups. */
  readonly severity: 'modal' | 'warning';
  readonly title: string;
  /** The lines the confirmation shows, most important first. */
  readonly warnings: readonly string[];
  readonly confirmLabel: string;
}

/**
 * Turning Entra ID on or off for one disk or snapshot. The article's limits are requirements: Azure Backup and
 * Azure Site Recovery do not support disks secured with Entra ID, so turning it on says so every time, and louder
 * (a modal naming the vault) when the VM the disk belongs to is protected by Backup. Turning it off says what is
 * lost: anyone holding a SAS can then download the disk without proving who they are.
 */
export function planDataAccessModeChange(
  input: { kind: DiskLikeKind; name: string; enable: boolean; backup: VmBackupProtection },
  t: Translate,
): DataAccessModeChangePlan {
  const targetMode = input.enable ? ENTRA_ID_MODE : NO_EXTRA_AUTH_MODE;
  const patch = { dataAccessAuthMode: targetMode };
  if (!input.enable) {
    return {
      targetMode, patch, severity: 'warning',
      title: t('Stop requiring Microsoft Entra ID to download {0}?', input.name),
      warnings: [t('Anyone who holds a SAS URL of {0} will be able to download it without signing in.', input.name)],
      confirmLabel: t('Turn Off'),
    };
  }
  const warnings: string[] = [];
  const backup = input.backup;
  if (backup.kind === 'protected') {
    warnings.push(backup.vaultName
      ? t('VM {0} is protected by Azure Backup (vault {1}). Azure Backup does not support disks secured with Microsoft Entra ID: its backups of this VM may fail.', backup.vmName, backup.vaultName)
      : t('VM {0} is protected by Azure Backup. Azure Backup does not support disks secured with Microsoft Entra ID: its backups of this VM may fail.', backup.vmName));
  } else {
    warnings.push(t('Azure Backup does not support disks secured with Microsoft Entra ID.'));
  }
  warnings.push(t('Azure Site Recovery does not support disks secured with Microsoft Entra ID.'));
  if (backup.kind === 'unknown') warnings.push(t('Could not check whether VM {0} is protected by Azure Backup: {1}', backup.vmName, backup.reason));
  warnings.push(input.kind === 'disk'
    ? t('After this, downloading or uploading the disk requires the "Data Operator for Managed Disks" role or a role with Microsoft.Compute/disks/download/action.')
    : t('After this, downloading the snapshot requires the "Data Operator for Managed Disks" role or a role with Microsoft.Compute/snapshots/download/action.'));
  return {
    targetMode, patch,
    severity: backup.kind === 'protected' ? 'modal' : 'warning',
    title: t('Require Microsoft Entra ID to download {0}?', input.name),
    warnings,
    confirmLabel: t('Turn On'),
  };
}
