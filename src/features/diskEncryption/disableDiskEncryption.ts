import * as vscode from 'vscode';
import { applyAdeOperation } from '../../azure/encryption/applyAdeOperation.ts';
import { getVmWithInstanceView } from '../../azure/encryption/vmForEncryption.ts';
import { findDisableBlockers } from '../../core/encryption/findDisableBlockers.ts';
import { parseEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import { disableConfirmationText } from '../../core/encryption/disableConfirmationText.ts';
import { checkDisableEncryption } from '../../core/encryption/volumeTypeRules.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import { pickEncryptionVm, refreshEncryptionStates, type EncryptionVm } from './pickEncryptionVm.ts';
import { removeEncryptionExtensionFrom } from './removeEncryptionExtension.ts';
import { translateCoreText } from './translateCoreText.ts';
import { watchEncryptionRun } from './watchEncryptionRun.ts';

const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;

/**
 * Disable Disk Encryption…: data volumes only, and refused with the article's reason once the OS volume is
 * encrypted. When decryption is done, removing the extension is offered (the article's order: disable, then remove).
 */
export async function disableDiskEncryption(deps: EncryptionDeps, node?: ResourceNode): Promise<void> {
  const vm = await pickEncryptionVm(deps, node);
  const model = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the encryption state of {0}…', vm.name) },
    () => getVmWithInstanceView(vm.session, vm.id),
  );
  const status = parseEncryptionStatus(model);
  const blockers = findDisableBlockers(model, status);
  if (blockers.length > 0) {
    await vscode.window.showErrorMessage(
      vscode.l10n.t('Encryption cannot be disabled on {0} now.', vm.name),
      { modal: true, detail: blockers.map((f) => [f.message, f.why, f.fix].filter((x): x is string => !!x).map((x) => translateCoreText(t, x, f.params)).join(' ')).join('\n\n') },
    );
    return;
  }
  const decision = checkDisableEncryption({ status });
  if (!decision.allowed) {
    await vscode.window.showErrorMessage(
      vscode.l10n.t('Encryption cannot be disabled on {0}.', vm.name),
      { modal: true, detail: translateCoreText(t, decision.reason) },
    );
    return;
  }
  const disable = vscode.l10n.t('Disable Encryption');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Disable encryption on the data volumes of {0}?', vm.name),
    { modal: true, detail: disableConfirmationText(status).map((text) => translateCoreText(t, text)).join('\n\n') },
    disable,
  );
  if (answer !== disable) throw new UserCancelledError();
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Disabling Azure Disk Encryption on {0}…', vm.name) },
      () => applyAdeOperation(vm.session, vm, { operation: 'Disable', volumeType: 'Data' }),
    );
  } finally {
    refreshEncryptionStates(deps, vm);
  }
  await watchEncryptionRun(deps, vm, (final) => offerRemoval(deps, vm, final.next.kind === 'offerRemoveExtension'));
}

async function offerRemoval(deps: EncryptionDeps, vm: EncryptionVm, decrypted: boolean): Promise<void> {
  if (!decrypted) return;
  const remove = vscode.l10n.t('Remove Extension');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0}: the data volumes are decrypted. Remove the Azure Disk Encryption extension now?', vm.name),
    remove,
  );
  if (answer === remove) await removeEncryptionExtensionFrom(deps, vm);
}
