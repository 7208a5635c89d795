import * as vscode from 'vscode';
import { diskRefFromId } from '../../azure/diskDataAccess/diskRef.ts';
import { getDiskForAccess } from '../../azure/diskDataAccess/getDiskForAccess.ts';
import { getVmBackupProtection } from '../../azure/diskDataAccess/getVmBackupProtection.ts';
import { setDataAccessAuthMode } from '../../azure/diskDataAccess/setDataAccessAuthMode.ts';
import { isEntraIdSecured } from '../../core/diskDataAccess/dataAccessConstants.ts';
import { planDataAccessModeChange, type VmBackupProtection } from '../../core/diskDataAccess/planDataAccessModeChange.ts';
import type { Services } from '../../services.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';

/**
 * Turns "require Microsoft Entra ID to download" on or off for a disk or snapshot. Turning it on warns that Azure
 * Backup and Azure Site Recovery don't support such disks — in a modal, naming the vault, when the VM the disk is
 * attached to is protected by Backup.
 */
export async function setDiskDataAccessMode(s: Services, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(s.accounts, s.inventories, node, ['disk', 'snapshot']);
  const ref = diskRefFromId(picked.resource.id);
  const disk = await getDiskForAccess(picked.session, ref);
  const isOn = isEntraIdSecured(disk);
  const current = vscode.l10n.t('(current)');
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Require Microsoft Entra ID'), description: isOn ? current : '', detail: vscode.l10n.t('Downloads need a SAS and a signed-in user with the download role.'), enable: true },
      { label: vscode.l10n.t('SAS only'), description: isOn ? '' : current, detail: vscode.l10n.t('Anyone with a SAS URL can download.'), enable: false },
    ],
    { title: vscode.l10n.t('Data access for {0}', ref.name), ignoreFocusOut: true },
  );
  if (!choice) throw new UserCancelledError();
  if (choice.enable === isOn) {
    void vscode.window.showInformationMessage(isOn ? vscode.l10n.t('{0} already requires Microsoft Entra ID.', ref.name) : vscode.l10n.t('{0} already accepts a SAS alone.', ref.name));
    return;
  }
  const backup: VmBackupProtection = choice.enable && disk.managedBy
    ? await getVmBackupProtection(picked.session, { id: disk.managedBy, location: disk.location ?? '' })
    : { kind: 'notAttached' };
  const t = (message: string, ...args: Array<string | number | boolean>) => vscode.l10n.t(message, ...args);
  const plan = planDataAccessModeChange({ kind: ref.kind, name: ref.name, enable: choice.enable, backup }, t);
  const answer = plan.severity === 'modal'
    ? await vscode.window.showWarningMessage(plan.title, { modal: true, detail: plan.warnings.join('\n\n') }, plan.confirmLabel)
    : await vscode.window.showWarningMessage(`${plan.title} ${plan.warnings.join(' ')}`, plan.confirmLabel);
  if (answer !== plan.confirmLabel) throw new UserCancelledError();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating {0}…', ref.name) },
    () => setDataAccessAuthMode(picked.session, ref, plan.targetMode),
  );
  s.logger.info(`dataAccessAuthMode of ${ref.id} is now ${result}`);
  s.tree.refresh(node?.parent);
  void vscode.window.showInformationMessage(isEntraIdSecured({ dataAccessAuthMode: result })
    ? vscode.l10n.t('{0} now requires Microsoft Entra ID to download.', ref.name)
    : vscode.l10n.t('{0} no longer requires Microsoft Entra ID to download.', ref.name));
}
