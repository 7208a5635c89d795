import type { OperationStatus, RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { AZURE_BACKUP_FABRIC } from '../../core/enableBackup/iaasVmBackupNames.ts';
import { BackupOperationError, delay } from './backupOperationError.ts';

// Azure Backup answers "protect" and "back up now" with 202 and an Azure-AsyncOperation URL under the protected
// item (".../operationsStatus/{id}"). The SDK does not poll these calls for us (they are not marked long-running),
// so we poll that status the way the REST guide does, until it leaves InProgress.

export interface PollOptions {
  readonly pollIntervalMs?: number;
  readonly abortSignal?: AbortSignal;
}

export const DEFAULT_POLL_INTERVAL_MS = 3000;

export async function waitForProtectedItemOperation(
  client: RecoveryServicesBackupClient,
  item: { vaultName: string; resourceGroup: string; containerName: string; protectedItemName: string },
  operationId: string,
  options: PollOptions = {},
): Promise<OperationStatus> {
  for (;;) {
    const status = await client.protectedItemOperationStatuses.get(
      item.vaultName, item.resourceGroup, AZURE_BACKUP_FABRIC, item.containerName, item.protectedItemName, operationId,
      { abortSignal: options.abortSignal },
    );
    const state = (status.status ?? '').toLowerCase();
    if (state === 'succeeded') return status;
    if (state === 'failed' || state === 'canceled' || state === 'cancelled') {
      throw new BackupOperationError(status.error?.message ?? `The operation ended ${status.status}.`, status.error?.code ?? status.status);
    }
    await delay(options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, options.abortSignal);
  }
}

/** The `Azure-AsyncOperation` (else `Location`) header of a 202 answer, read through the SDK's onResponse hook. */
export function captureOperationUrl(): { onResponse: (raw: { headers: { get(name: string): string | undefined } }) => void; url: () => string | undefined } {
  let url: string | undefined;
  return {
    onResponse: (raw) => {
      url = raw.headers.get('azure-asyncoperation') ?? raw.headers.get('location') ?? url;
    },
    url: () => url,
  };
}
