import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { executeBackupAccessSteps } from '../../azure/keyVaultAccess/executeBackupAccessSteps.ts';
import type { BackupAccessStep, BackupKeyVaultAccessPlan } from '../../core/backupAccess/backupAccessTypes.ts';
import type { Logger } from '../../shell/createLogger.ts';
import { untilCancelled } from '../../shell/untilCancelled.ts';
import { localizeStep } from './localizeBackupAccessText.ts';

const named = (template: string, params: Record<string, string>) => vscode.l10n.t(template, params);

/** A step ARM refused, with how many ran before it (they stay: planning again skips them). */
export class BackupAccessStepFailed extends Error {
  readonly step: BackupAccessStep;
  readonly applied: number;
  readonly error: unknown;
  constructor(step: BackupAccessStep, applied: number, error: unknown) {
    super(error instanceof Error ? error.message : String(error));
    this.name = 'BackupAccessStepFailed';
    this.step = step;
    this.applied = applied;
    this.error = error;
  }
}

export interface GrantProgress {
  report(message: string, increment?: number): void;
  readonly token: vscode.CancellationToken;
  /** Runs a read that the notification's Cancel ends at once (it does not wait for ARM to answer). */
  read<T>(message: string, task: () => Promise<T>): Promise<T>;
}

/**
 * One cancellable notification for everything that follows a confirmation (reading again, the changes, the read
 * back). One, not one per phase: VS Code shows at most three new notifications in 800 ms as toasts and sends the
 * rest to the notification center, so a quick ARM would hide the final "can now read" message from the user.
 */
export function withGrantProgress<T>(task: (progress: GrantProgress) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Granting Azure Backup access'), cancellable: true },
    (progress, token) => task({
      report: (message, increment) => progress.report({ message, increment }),
      token,
      read: (message, read) => {
        progress.report({ message });
        return untilCancelled(read(), token);
      },
    }),
  );
}

/** Runs each vault's steps with its own session, reporting each step; returns how many ran (fewer when cancelled). */
export async function applyPlans(
  logger: Logger, sessions: readonly SubscriptionSession[], plans: readonly BackupKeyVaultAccessPlan[], progress: GrantProgress,
): Promise<number> {
  const stepCount = plans.reduce((n, p) => n + p.steps.length, 0);
  let applied = 0;
  let current: BackupAccessStep | undefined;
  for (const [i, p] of plans.entries()) {
    try {
      const done = await executeBackupAccessSteps(sessions[i], p.steps, (step) => {
        current = step;
        logger.info(`Backup access: ${step.description}`);
        progress.report(localizeStep(step, named), 100 / stepCount);
      }, () => progress.token.isCancellationRequested);
      applied += done.length;
    } catch (error) {
      if (current) throw new BackupAccessStepFailed(current, applied + p.steps.indexOf(current), error);
      throw error;
    }
  }
  return applied;
}
