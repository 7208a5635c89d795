import * as vscode from 'vscode';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import { listWatchedVms } from './watchedVms.ts';
import { watchEncryptionRun } from './watchEncryptionRun.ts';

/**
 * Closing VS Code loses nothing: the runs that were being watched are followed again, their state read from Azure.
 * Only when already signed in (never prompts at start-up) and for subscriptions still selected.
 */
export async function resumeEncryptionWatches(deps: EncryptionDeps): Promise<void> {
  const watched = listWatchedVms(deps.memento);
  if (watched.length === 0) return;
  try {
    if (!(await deps.accounts.isSignedIn())) return;
    const { selected } = await deps.accounts.getSubscriptions();
    for (const w of watched) {
      const session = selected.find((s) => s.subscriptionId === w.subscriptionId && s.tenantId === w.tenantId);
      if (!session) continue;
      watchEncryptionRun(deps, { session, id: w.id, name: w.name, location: w.location }).catch((error: unknown) => {
        deps.logger.error(`Resuming the encryption watch of ${w.id} failed`, error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not follow the encryption of {0}: {1}', w.name, error instanceof Error ? error.message : String(error)));
      });
    }
  } catch (error) {
    deps.logger.error('Resuming encryption watches failed', error);
  }
}
