import * as vscode from 'vscode';
import { formatAllConfirmationText } from '../../core/encryption/encryptFormatAll.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { translateCoreText } from './translateCoreText.ts';
import { typedVmNameConfirms } from './typedVmNameConfirms.ts';

const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;

/** Explains what EncryptFormatAll formats and that all data on it is lost, then asks for the VM's name. */
export async function confirmEncryptFormatAll(vmName: string): Promise<void> {
  const text = formatAllConfirmationText();
  const tr = (template: string) => translateCoreText(t, template);
  const detail = [
    ...text.paragraphs.map(tr),
    text.bullets.map((b) => `• ${tr(b)}`).join('\n'),
    ...text.closing.map(tr),
  ].join('\n\n');
  const go = vscode.l10n.t('I Understand, Continue');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('EncryptFormatAll formats data partitions of {0}: all data on them is lost.', vmName),
    { modal: true, detail },
    go,
  );
  if (answer !== go) throw new UserCancelledError();
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Type the VM name to confirm EncryptFormatAll'),
    prompt: vscode.l10n.t('All data on the formatted partitions of {0} will be lost. Type "{0}" to continue.', vmName),
    ignoreFocusOut: true,
    validateInput: (value) => (value.length === 0 || typedVmNameConfirms(value, vmName)
      ? undefined
      : vscode.l10n.t('Type "{0}" exactly.', vmName)),
  });
  if (!typedVmNameConfirms(typed, vmName)) throw new UserCancelledError();
}
