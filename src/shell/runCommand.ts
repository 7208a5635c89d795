import * as vscode from 'vscode';
import { describeAzureError } from '../core/errors/describeAzureError.ts';
import type { Logger } from './createLogger.ts';
import { isUserCancelled } from './UserCancelledError.ts';

/**
 * Wraps a command so that a failure reaches the user as one readable sentence (ARM's code and message) with
 * "Show Log", the details go to the log (redacted), and a dismissed picker ends the command silently.
 */
export function runCommand<A extends unknown[]>(logger: Logger, id: string, handler: (...args: A) => Promise<unknown> | unknown) {
  return async (...args: A): Promise<void> => {
    try {
      await handler(...args);
    } catch (error) {
      if (isUserCancelled(error)) return;
      logger.error(`Command ${id} failed`, error);
      const summary = describeAzureError(error, vscode.l10n.t);
      const text = summary.code ? `${summary.code}: ${summary.message}` : summary.message;
      const showLog = vscode.l10n.t('Show Log');
      const signIn = vscode.l10n.t('Sign In');
      const actions = summary.needsSignIn ? [signIn, showLog] : [showLog];
      const choice = await vscode.window.showErrorMessage(text, ...actions);
      if (choice === showLog) await vscode.commands.executeCommand('azureLinuxVm.showLog');
      if (choice === signIn) await vscode.commands.executeCommand('azureLinuxVm.signIn');
    }
  };
}
