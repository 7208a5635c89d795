import * as vscode from 'vscode';
import type { BackupAccessFinding } from '../../core/backupAccess/backupAccessTypes.ts';
import { diskBackupDecision } from '../../core/backupAccess/findVmDiskBackupFindings.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { localizeFinding } from '../backupAccess/localizeBackupAccessText.ts';

const named = (template: string, params: Record<string, string>) => vscode.l10n.t(template, params);

/**
 * Before anything is asked: a disk Azure Backup does not support (Microsoft Entra ID data access) refuses the
 * backup with the reason and the fix; a disk that could not be read needs the user's explicit go-ahead.
 */
export async function confirmDiskFindings(vmName: string, findings: readonly BackupAccessFinding[]): Promise<void> {
  const decision = diskBackupDecision(findings);
  if (decision === 'proceed') return;
  const texts = findings.map((f) => localizeFinding(f, named));
  if (decision === 'refuse') {
    const errors = texts.filter((x) => x.severity === 'error');
    throw new Error(vscode.l10n.t('Azure Backup cannot protect {0}: {1}', vmName, errors.map((x) => [x.message, x.fix].filter(Boolean).join(' ')).join(' ')));
  }
  const go = vscode.l10n.t('Enable Anyway');
  const choice = await vscode.window.showWarningMessage(
    texts.map((x) => x.message).join(' '),
    { modal: true, detail: texts.map((x) => [x.why, x.fix].filter(Boolean).join(' ')).join('\n') },
    go,
  );
  if (choice !== go) throw new UserCancelledError();
}
