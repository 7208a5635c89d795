import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { executeBackupAccessSteps } from '../../azure/keyVaultAccess/executeBackupAccessSteps.ts';
import type { BackupAccessStep, BackupKeyVaultAccessPlan } from '../../core/backupAccess/backupAccessTypes.ts';
import type { Logger } from '../../shell/createLogger.ts';
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

/** Runs each vault's steps with its own session in a cancellable notification; returns how many ran. */
export async function applyPlansWithProgress(
  logger: Logger, sessions: readonly SubscriptionSession[], plans: readonly BackupKeyVaultAccessPlan[],
): Promise<number> {
  const stepCount = plans.reduce((n, p) => n + p.steps.length, 0);
  let applied = 0;
  let current: BackupAccessStep | undefined;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Granting Azure Backup access'), cancellable: true },
    async (progress, token) => {
      for (const [i, p] of plans.entries()) {
        try {
          const done = await executeBackupAccessSteps(sessions[i], p.steps, (step) => {
            current = step;
            logger.info(`Backup access: ${step.description}`);
            progress.report({ message: localizeStep(step, named), increment: 100 / stepCount });
          }, () => token.isCancellationRequested);
          applied += done.length;
        } catch (error) {
          if (current) throw new BackupAccessStepFailed(current, applied + p.steps.indexOf(current), error);
          throw error;
        }
      }
    },
  );
  return applied;
}
