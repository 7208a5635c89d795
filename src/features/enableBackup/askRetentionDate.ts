import * as vscode from 'vscode';
import { defaultRetentionDate, parseRetentionDate } from '../../core/enableBackup/backupRetentionDate.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { t } from './translate.ts';

/** "Retain backup till": a date (YYYY-MM-DD, UTC), 30 days ahead by default, checked as the user types. */
export async function askRetentionDate(vmName: string, now = new Date()): Promise<Date> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Back up {0} now', vmName),
    prompt: vscode.l10n.t('Keep this recovery point until (YYYY-MM-DD, UTC)'),
    value: defaultRetentionDate(now),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const result = parseRetentionDate(value, now, t);
      return result.ok ? undefined : result.message;
    },
  });
  if (text === undefined) throw new UserCancelledError();
  const result = parseRetentionDate(text, now, t);
  if (!result.ok) throw new Error(result.message);
  return result.expiry;
}
