import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { followBackupJob, triggerVmBackup } from '../../azure/recoveryServices/backUpVmNow.ts';
import { describeBackupJobEnd, describeBackupJobProgress } from '../../core/enableBackup/describeBackupJob.ts';
import type { BackupJobLike, VmBackupProtection } from '../../core/enableBackup/recoveryServicesTypes.ts';
import type { Logger } from '../../shell/createLogger.ts';
import { isUserCancelled } from '../../shell/UserCancelledError.ts';
import { t } from './translate.ts';

/**
 * Starts an on-demand backup and follows its job to the end in a cancellable notification (status, percentage,
 * time so far). Cancelling stops the waiting only: Azure Backup finishes the job, and we say so. The end is one
 * sentence: completed with its duration, or failed with the service's reason.
 */
export async function runBackupJob(logger: Logger, session: SubscriptionSession, protection: VmBackupProtection, vmName: string, expiry: Date): Promise<void> {
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Backing up {0} to {1}', vmName, protection.vaultName), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        progress.report({ message: vscode.l10n.t('Starting the backup…') });
        const jobId = await triggerVmBackup(session, protection, expiry, { abortSignal: controller.signal });
        logger.info(`Backup of ${vmName} started: job ${jobId} in vault ${protection.vaultName}, recovery point kept until ${expiry.toISOString()}`);
        const job = await followBackupJob(session, protection, jobId, {
          abortSignal: controller.signal,
          onProgress: (current) => {
            const percent = current.properties?.jobType === 'AzureIaaSVMJob' ? (current.properties as { extendedInfo?: { progressPercentage?: number } }).extendedInfo?.progressPercentage : undefined;
            const increment = percent !== undefined && percent > reported ? percent - reported : undefined;
            if (increment) reported = percent!;
            progress.report({ message: describeBackupJobProgress(current as BackupJobLike, new Date(), t), increment });
          },
        });
        return { job, jobId };
      } catch (error) {
        if (isUserCancelled(error) && token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        cancel.dispose();
      }
    },
  );
  if (!outcome) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Stopped following the backup of {0}; Azure Backup carries on in vault {1}.', vmName, protection.vaultName));
    return;
  }
  const end = describeBackupJobEnd(outcome.job as BackupJobLike, vmName, new Date(), t);
  const details = (outcome.job.properties as { errorDetails?: Array<{ recommendations?: string[] }> } | undefined)?.errorDetails ?? [];
  logger.info(`Backup job ${outcome.jobId} of ${vmName} ended ${outcome.job.properties?.status}${details.length ? `: ${JSON.stringify(details)}` : ''}`);
  if (end.severity === 'error') {
    const showLog = vscode.l10n.t('Show Log');
    if ((await vscode.window.showErrorMessage(end.message, showLog)) === showLog) await vscode.commands.executeCommand('azureLinuxVm.showLog');
  } else if (end.severity === 'warning') {
    void vscode.window.showWarningMessage(end.message);
  } else {
    void vscode.window.showInformationMessage(end.message);
  }
}
