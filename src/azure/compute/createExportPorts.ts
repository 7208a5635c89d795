// The export transaction's ports bound to one subscription session: the real SDK calls and the download engine.
// Integration tests build the same ports against the local Azure, so what they prove is what the extension runs.
import type { ExportPorts } from '../../core/exportDisk/runExportTransaction.ts';
import type { ExportTarget } from '../../core/exportDisk/exportTarget.ts';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { downloadPageBlobToFile, type DownloadPageBlobToFileOptions } from '../storage/downloadPageBlobToFile.ts';
import type { GetBearerToken } from '../storage/bearerTokenHolder.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { storageClientOptions } from '../auth/armClientOptions.ts';
import { grantReadAccess, revokeReadAccess } from './diskAccess.ts';
import { createSnapshotOfDisk } from './snapshots.ts';
import { deallocateVm } from './vmPower.ts';

export interface ExportPortOptions {
  /** Poll interval for ARM's long-running operations; Azure's default (2 s) when unset. */
  readonly updateIntervalInMs?: number;
  /**
   * For Entra-ID-secured disks (dataAccessAuthMode AzureActiveDirectory): a token for the disk data plane sent on
   * top of the SAS. The Entra ID flow (src/features/diskDataAccess) supplies it.
   */
  readonly bearerTokenFor?: (target: ExportTarget) => GetBearerToken | undefined;
  /** Passed to the engine (tests shorten stalls and retries). */
  readonly engine?: Pick<DownloadPageBlobToFileOptions, 'stallTimeoutMs' | 'progressIntervalMs' | 'concurrency' | 'retryPolicy' | 'plan'>;
}

export function createExportPorts(session: SubscriptionSession, options: ExportPortOptions = {}): ExportPorts {
  const lro = (abortSignal?: AbortSignal) => ({ ...(options.updateIntervalInMs ? { updateIntervalInMs: options.updateIntervalInMs } : {}), ...(abortSignal ? { abortSignal } : {}) });
  return {
    deallocateVm: (vm, signal) => deallocateVm(session, vm, lro(signal)),
    createSnapshot: (source, snapshot, incremental, signal) => createSnapshotOfDisk(session, source, snapshot, incremental, lro(signal)),
    grantAccess: (target, durationSeconds, signal) => grantReadAccess(session, target, durationSeconds, lro(signal)),
    revokeAccess: (target) => revokeReadAccess(session, target, lro()),
    download: async (request) => {
      await mkdir(dirname(request.destinationPath), { recursive: true });
      return downloadPageBlobToFile({
        sasUrl: request.sasUrl,
        destinationPath: request.destinationPath,
        getFreshSasUrl: request.getFreshSasUrl,
        accessWindow: request.accessWindow,
        getBearerToken: options.bearerTokenFor?.(request.target),
        tlsOptions: storageClientOptions(session.cloud).tlsOptions,
        requireVhdFooter: request.requireVhdFooter,
        signal: request.signal,
        onProgress: request.onProgress,
        stallTimeoutMs: options.engine?.stallTimeoutMs,
        progressIntervalMs: options.engine?.progressIntervalMs,
        concurrency: options.engine?.concurrency,
        retryPolicy: options.engine?.retryPolicy,
        plan: options.engine?.plan,
      });
    },
  };
}
