import type { JobResource } from '@azure/arm-recoveryservicesbackup';
import { AZURE_BACKUP_FABRIC, operationIdFromUrl } from '../../core/enableBackup/iaasVmBackupNames.ts';
import { isBackupJobFinished } from '../../core/enableBackup/describeBackupJob.ts';
import type { BackupJobLike, VmBackupProtection } from '../../core/enableBackup/recoveryServicesTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { BackupOperationError, delay } from './backupOperationError.ts';
import { recoveryServicesBackupClient } from '../clients.ts';
import { captureOperationUrl, DEFAULT_POLL_INTERVAL_MS, waitForProtectedItemOperation, type PollOptions } from './waitForBackupOperation.ts';

/**
 * Triggers an on-demand backup (POST .../backup with IaasVMBackupRequest and the recovery point's expiry) and
 * returns the id of the backup job the service starts, read from the operation's OperationStatusJobExtendedInfo.
 */
export async function triggerVmBackup(session: SubscriptionSession, protection: VmBackupProtection, expiry: Date, options: PollOptions = {}): Promise<string> {
  const client = await recoveryServicesBackupClient(session);
  const item = { vaultName: protection.vaultName, resourceGroup: protection.vaultResourceGroup, containerName: protection.containerName, protectedItemName: protection.protectedItemName };
  const accepted = captureOperationUrl();
  await client.backups.trigger(item.vaultName, item.resourceGroup, AZURE_BACKUP_FABRIC, item.containerName, item.protectedItemName, {
    properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: expiry },
  }, { abortSignal: options.abortSignal, onResponse: accepted.onResponse });
  const operationId = operationIdFromUrl(accepted.url());
  if (!operationId) throw new BackupOperationError('Azure Backup accepted the backup but did not say how to follow it.');
  const status = await waitForProtectedItemOperation(client, item, operationId, options);
  const jobId = (status.properties as { jobId?: string } | undefined)?.jobId;
  if (!jobId) throw new BackupOperationError('Azure Backup started the backup but did not return its job.');
  return jobId;
}

/**
 * Reads the backup job until it ends (Completed, CompletedWithWarnings, Failed, Cancelled) and returns it; calls
 * onProgress with every reading. Aborting stops the waiting, not the job: Azure Backup carries on.
 */
export async function followBackupJob(
  session: SubscriptionSession,
  protection: VmBackupProtection,
  jobId: string,
  options: PollOptions & { onProgress?: (job: JobResource) => void } = {},
): Promise<JobResource> {
  const client = await recoveryServicesBackupClient(session);
  for (;;) {
    const job = await client.jobDetails.get(protection.vaultName, protection.vaultResourceGroup, jobId, { abortSignal: options.abortSignal });
    options.onProgress?.(job);
    if (isBackupJobFinished(job as BackupJobLike)) return job;
    await delay(options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, options.abortSignal);
  }
}
