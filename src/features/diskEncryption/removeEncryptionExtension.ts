import * as vscode from 'vscode';
import { deleteAdeExtension } from '../../azure/encryption/adeExtensionOperations.ts';
import { getVmWithInstanceView } from '../../azure/encryption/vmForEncryption.ts';
import { parseEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import { planAdeExtensionRemoval } from '../../core/encryption/planAdeExtensionRemoval.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import { pickEncryptionVm, refreshEncryptionStates, type EncryptionVm } from './pickEncryptionVm.ts';
import { translateStatusText } from './translateCoreText.ts';

const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;

/** Remove Disk Encryption Extension…: safe after disable; before it, warns that the disks stay encrypted. */
export async function removeEncryptionExtension(deps: EncryptionDeps, node?: ResourceNode): Promise<void> {
  await removeEncryptionExtensionFrom(deps, await pickEncryptionVm(deps, node));
}

export async function removeEncryptionExtensionFrom(deps: EncryptionDeps, vm: EncryptionVm): Promise<void> {
  const status = parseEncryptionStatus(await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the encryption state of {0}…', vm.name) },
    () => getVmWithInstanceView(vm.session, vm.id),
  ));
  const plan = planAdeExtensionRemoval(status);
  const message = translateStatusText(t, plan.message, plan.params);
  if (!plan.allowed) {
    await vscode.window.showWarningMessage(vscode.l10n.t('The extension cannot be removed from {0} now.', vm.name), { modal: true, detail: message });
    return;
  }
  const remove = plan.needsConfirmation ? vscode.l10n.t('Remove Anyway') : vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the Azure Disk Encryption extension from {0}?', vm.name),
    { modal: true, detail: message },
    remove,
  );
  if (answer !== remove) throw new UserCancelledError();
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Removing the Azure Disk Encryption extension from {0}…', vm.name) },
      () => deleteAdeExtension(vm.session, vm.id),
    );
  } finally {
    refreshEncryptionStates(deps, vm);
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('The Azure Disk Encryption extension was removed from {0}.', vm.name));
}
