import * as vscode from 'vscode';
import type { AdeOperation, VirtualMachineLike, VolumeType } from '../../core/encryption/adeModel.ts';
import type { AdeEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import { volumeTypeInputForVm } from '../../core/encryption/volumeTypeInputForVm.ts';
import { listVolumeTypeChoices, VOLUME_TYPE_REASONS } from '../../core/encryption/volumeTypeRules.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { translateCoreText } from './translateCoreText.ts';

const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;

function volumeTypeLabel(volumeType: VolumeType): string {
  switch (volumeType) {
    case 'All': return vscode.l10n.t('All: OS and data volumes');
    case 'OS': return vscode.l10n.t('OS: the OS volume only');
    case 'Data': return vscode.l10n.t('Data: the data volumes only');
  }
}

/**
 * Volume type All / OS / Data with the article's rules applied: choices that are not allowed stay visible with the
 * reason (picking one explains it and asks again); for a VM already encrypted the required choice is marked.
 */
export async function askVolumeType(input: {
  vmName: string;
  vm: VirtualMachineLike;
  operation: Exclude<AdeOperation, 'Disable'>;
  status?: AdeEncryptionStatus;
}): Promise<VolumeType> {
  const choiceInput = volumeTypeInputForVm(input.vm, input.operation, input.status);
  const choices = listVolumeTypeChoices(choiceInput);
  const alreadyEncrypted = !!input.status && (input.status.os === 'Encrypted' || input.status.data === 'Encrypted');
  if (alreadyEncrypted && choiceInput.hasDataDisks) {
    // Adding a data disk to an encrypted VM: attaching is not enough (article 001).
    void vscode.window.showInformationMessage(translateCoreText(t, VOLUME_TYPE_REASONS.newDiskMustBeMounted));
  }
  const items = choices.map((c) => ({
    label: `${c.allowed ? '' : '$(circle-slash) '}${volumeTypeLabel(c.volumeType)}`,
    description: !c.allowed ? vscode.l10n.t('Not available') : c.recommended ? vscode.l10n.t('Recommended') : '',
    detail: c.reason ? translateCoreText(t, c.reason) : undefined,
    choice: c,
  }));
  for (;;) {
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Which volumes of {0} should be encrypted?', input.vmName),
      placeHolder: vscode.l10n.t('Once the OS volume is encrypted, encryption cannot be disabled on Linux.'),
      ignoreFocusOut: true,
    });
    if (!picked) throw new UserCancelledError();
    if (picked.choice.allowed) return picked.choice.volumeType;
    await vscode.window.showWarningMessage(
      vscode.l10n.t('Volume type {0} cannot be used here.', picked.choice.volumeType),
      { modal: true, detail: picked.detail ?? '' },
    );
  }
}
