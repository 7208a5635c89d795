import type { CopyProgress } from '../../core/diskDataAccess/readCopyProgress.ts';
import { runStorageExport, type StorageExportOutcome } from '../../core/diskDataAccess/runStorageExport.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import type { DiskRef } from '../diskDataAccess/diskRef.ts';
import { grantReadAccess, revokeReadAccess } from '../diskDataAccess/grantAndRevoke.ts';
import { copySasIntoPageBlob, type CopyDestination } from './copySasIntoPageBlob.ts';

export interface ExportToStorageOptions {
  readonly grantSeconds: number;
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: CopyProgress) => void;
  readonly onPhase?: (phase: 'granting' | 'copying' | 'revoking') => void;
  /** Tests poll fast; Azure's defaults otherwise. */
  readonly updateIntervalInMs?: number;
  readonly copyPollIntervalMs?: number;
  /** Waits between revoke attempts (default 1 s, 5 s). */
  readonly revokeDelaysMs?: readonly number[];
}

/** The whole export to a storage account, as the command and the integration tests run it: grant, copy, revoke. */
export function exportDiskToStorageAccount(session: SubscriptionSession, ref: DiskRef, destination: CopyDestination, options: ExportToStorageOptions): Promise<StorageExportOutcome> {
  const lro = options.updateIntervalInMs !== undefined ? { updateIntervalInMs: options.updateIntervalInMs } : {};
  return runStorageExport(
    {
      grant: (signal) => grantReadAccess(session, ref, options.grantSeconds, { ...lro, abortSignal: signal }),
      copy: (sas, onProgress, signal) => copySasIntoPageBlob(sas, destination, onProgress, signal, { pollIntervalMs: options.copyPollIntervalMs }),
      revoke: () => revokeReadAccess(session, ref, lro),
    },
    { signal: options.signal, onProgress: options.onProgress, onPhase: options.onPhase, revoke: { delaysMs: options.revokeDelaysMs } },
  );
}
