import type * as vscode from 'vscode';
import { UserCancelledError } from './UserCancelledError.ts';

/**
 * The work's result, or UserCancelledError as soon as the token is cancelled: a notification's Cancel ends a read
 * at once instead of waiting for Azure to answer (the read itself is left to finish unheard).
 */
export function untilCancelled<T>(work: Promise<T>, token: vscode.CancellationToken): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(new UserCancelledError()));
    work.then(resolve, reject).finally(() => listener.dispose());
  });
}
