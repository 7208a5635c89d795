import type { CopyProgress } from './readCopyProgress.ts';
import { isGrantRefusal, revokeWithRetries, type RevokeRetryOptions } from '../exportDisk/revokeWithRetries.ts';

/** The steps of an export to a storage account, injected so the order and the `finally` are tested without Azure. */
export interface StorageExportSteps {
  /** beginGetAccess (Read) -> the SAS URL of the disk's VHD. */
  grant(signal: AbortSignal): Promise<string>;
  /** Copy Blob from the SAS into the destination; resolves when Azure reports success, throws on failure. */
  copy(sourceSasUrl: string, onProgress: (progress: CopyProgress) => void, signal: AbortSignal): Promise<void>;
  /** endGetAccess. Must not take the signal: it runs after a cancel too. */
  revoke(): Promise<void>;
}

export type StorageExportOutcome =
  | { readonly kind: 'copied'; readonly revoked: true }
  /** The copy ended (either way) but revoke failed: the disk still has an active SAS and the user must know. */
  | { readonly kind: 'revokeFailed'; readonly copyError?: unknown; readonly revokeError: unknown; readonly copied: boolean };

/**
 * Grant, copy, then ALWAYS revoke — after success, failure or cancel — so no SAS stays open on the disk, with the
 * same rules as the download export (revokeWithRetries.ts): no revoke after a grant Azure refused, a few attempts
 * otherwise. A copy error is rethrown after a successful revoke; a revoke error is never swallowed: it is the outcome.
 */
export async function runStorageExport(
  steps: StorageExportSteps,
  options: { signal: AbortSignal; onProgress?: (progress: CopyProgress) => void; onPhase?: (phase: 'granting' | 'copying' | 'revoking') => void; revoke?: RevokeRetryOptions },
): Promise<StorageExportOutcome> {
  let copyError: unknown;
  let copied = false;
  let granted = false;
  try {
    options.onPhase?.('granting');
    let sas: string;
    try {
      sas = await steps.grant(options.signal);
      granted = true;
    } catch (error) {
      // A refusal granted nothing, and revoking could end someone else's export of the disk.
      granted = !isGrantRefusal(error);
      throw error;
    }
    options.signal.throwIfAborted();
    options.onPhase?.('copying');
    await steps.copy(sas, (p) => options.onProgress?.(p), options.signal);
    copied = true;
  } catch (error) {
    copyError = error;
  }
  // Revoked even when the grant itself failed (but was not refused) or was cancelled: it may have opened a SAS.
  if (granted) {
    options.onPhase?.('revoking');
    const failed = await revokeWithRetries(() => steps.revoke(), options.revoke);
    if (failed) return { kind: 'revokeFailed', revokeError: failed.error, copied, ...(copyError !== undefined ? { copyError } : {}) };
  }
  if (copyError !== undefined) throw copyError;
  return { kind: 'copied', revoked: true };
}
