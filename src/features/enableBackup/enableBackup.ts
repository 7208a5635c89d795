import * as vscode from 'vscode';
import { enableVmProtection, type ProtectionStep } from '../../azure/recoveryServices/enableVmProtection.ts';
import { readVmBackupProtection } from '../../azure/recoveryServices/readVmBackupProtection.ts';
import { readVmForBackup } from '../../azure/recoveryServices/readVmForBackup.ts';
import type { Services } from '../../services.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import { ensureBackupKeyVaultAccess } from '../backupAccess/ensureBackupKeyVaultAccess.ts';
import { findVmDiskBackupFindings } from '../../core/backupAccess/findVmDiskBackupFindings.ts';
import { confirmDiskFindings } from './confirmDiskFindings.ts';
import { pickBackupPolicy } from './pickBackupPolicy.ts';
import { pickRecoveryVault } from './pickRecoveryVault.ts';
import { refreshVirtualMachines } from './refreshVirtualMachines.ts';
import { t } from './translate.ts';
import { backUpProtectedVm } from './backUpNow.ts';

/**
 * "Enable Backup…": VM → vault of its region (or a new one) → policy → key vault access for ADE VMs (the
 * backupAccess flow's check, which grants only what is missing) → confirm →
 * protect (cancellable progress) → offer "Back Up Now". A VM that is already protected is told where, and offered
 * a backup instead.
 */
export async function enableBackup(s: Services, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(s.accounts, s.inventories, node, ['virtualMachine']);
  const { session } = picked;
  const vmName = picked.resource.name ?? '';
  const [facts, existing] = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking Azure Backup for {0}…', vmName) },
    async () => {
      const facts = await readVmForBackup(session, picked.resource.id);
      return [facts, await readVmBackupProtection(session, facts.vm)] as const;
    },
  );
  if (existing) {
    const backUp = vscode.l10n.t('Back Up Now…');
    const already = vscode.l10n.t('{0} is already protected by vault {1} (policy {2}).', vmName, existing.vaultName, existing.policyName ?? '—');
    if (facts.encryption.keyKind === 'notEncrypted') {
      if ((await vscode.window.showInformationMessage(already, backUp)) === backUp) await backUpProtectedVm(s, session, vmName, existing);
      return;
    }
    // The article: a VM already backed up that got encrypted only needs Azure Backup's access to the key vault, so
    // backups continue without interruption. Offer exactly that step (it says so when the access is in place).
    const allow = vscode.l10n.t('Allow Azure Backup to Read Encryption Keys…');
    const choice = await vscode.window.showInformationMessage(
      `${already} ${vscode.l10n.t('It uses Azure Disk Encryption: its backups keep working only while Azure Backup can read the keys and secrets in its key vault.')}`,
      allow, backUp);
    if (choice === allow) {
      await ensureBackupKeyVaultAccess(s, { session, resource: picked.resource }, { vmAlreadyProtected: true });
    } else if (choice === backUp) {
      await backUpProtectedVm(s, session, vmName, existing);
    }
    return;
  }
  // Every VM, encrypted or not: Azure Backup does not support disks whose data access requires Entra ID.
  await confirmDiskFindings(vmName, findVmDiskBackupFindings({ disks: facts.disks, unreadableDiskIds: facts.unreadableDiskIds }));
  const usesAde = facts.encryption.keyKind !== 'notEncrypted';
  const vault = await pickRecoveryVault(session, facts.vm, usesAde);
  const policy = await pickBackupPolicy(session, vault.id, facts.vm);
  // Backups of an ADE VM fail when Azure Backup can't read its keys: plan, show and grant what is missing first.
  if (usesAde) {
    await ensureBackupKeyVaultAccess(s, { session, resource: picked.resource }, { recoveryServicesVault: { id: vault.id, name: vault.name, location: vault.location } });
  }

  const enable = vscode.l10n.t('Enable Backup');
  const confirmed = await vscode.window.showInformationMessage(
    vscode.l10n.t('Enable backup of {0} to vault {1} with policy {2}?', vmName, vault.name ?? '', policy.name ?? ''),
    { modal: true, detail: vscode.l10n.t('Azure Backup installs its extension on the VM and backs it up: {0}. Protected VMs and their backup storage are billed.', policy.scheduleText) },
    enable,
  );
  if (confirmed !== enable) throw new UserCancelledError();

  const stepText: Record<ProtectionStep, string> = {
    checking: vscode.l10n.t('Checking the vault and the policy…'),
    discovering: vscode.l10n.t('Letting the vault discover the VMs of the subscription…'),
    protecting: vscode.l10n.t('Enabling protection…'),
  };
  const protection = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Enabling backup of {0}', vmName), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        return await enableVmProtection(session, { vm: facts.vm, vault, policy, usesAde }, t, {
          abortSignal: controller.signal,
          onStep: (step) => progress.report({ message: stepText[step] }),
        });
      } finally {
        cancel.dispose();
      }
    },
  );
  s.logger.info(`Backup enabled for ${picked.resource.id} in ${protection.vaultId} with policy ${protection.policyName ?? policy.name}`);
  refreshVirtualMachines(s, session, node);
  const backUp = vscode.l10n.t('Back Up Now…');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Backup is enabled for {0} in vault {1}. The first backup runs on schedule; back up now to have a recovery point today.', vmName, protection.vaultName),
    backUp,
  );
  if (choice === backUp) await backUpProtectedVm(s, session, vmName, protection);
}
