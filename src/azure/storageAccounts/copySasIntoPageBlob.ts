import type { BlobServiceClient } from '@azure/storage-blob';
import { readCopyProgress, type CopyProgress } from '../../core/diskDataAccess/readCopyProgress.ts';

export interface CopyDestination {
  readonly service: BlobServiceClient;
  readonly containerName: string;
  readonly blobName: string;
  /** Kept on the blob (metadata `sourceresourceid`), so the copy says where it came from. Never a URL. */
  readonly sourceResourceId: string;
}

export class CopyFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyFailedError';
  }
}

/**
 * Azure copies the disk's page blob into the destination (Copy Blob with the SAS as source); we poll its
 * progress (the SDK poller). Cancel aborts the copy (Abort Copy Blob), which leaves an empty destination blob that we
 * delete. On success the blob's copy properties are cleared (Set Blob Properties does that): `x-ms-copy-source`
 * would otherwise keep the source URL, SAS included, on the destination for anyone who reads its properties.
 */
export async function copySasIntoPageBlob(
  sourceSasUrl: string,
  destination: CopyDestination,
  onProgress: (progress: CopyProgress) => void,
  signal: AbortSignal,
  options: { pollIntervalMs?: number } = {},
): Promise<void> {
  const container = destination.service.getContainerClient(destination.containerName);
  await container.createIfNotExists({ abortSignal: signal });
  const blob = container.getPageBlobClient(destination.blobName);
  const poller = await blob.beginCopyFromURL(sourceSasUrl, {
    abortSignal: signal,
    intervalInMs: options.pollIntervalMs ?? 2000,
    metadata: { sourceresourceid: encodeURIComponent(destination.sourceResourceId) },
    onProgress: (state) => onProgress(readCopyProgress({ copyStatus: 'pending', copyProgress: state.copyProgress })),
  });
  const onAbort = () => void poller.cancelOperation().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  let result: { copyStatus?: string; copyProgress?: string; copyStatusDescription?: string };
  try {
    result = await poller.pollUntilDone();
  } catch (error) {
    if (signal.aborted) {
      // An aborted copy leaves a destination blob of the full size with nothing in it: remove it.
      await blob.deleteIfExists().catch(() => undefined);
      throw signal.reason ?? error;
    }
    const reason = /reason: "(.*)"$/.exec(error instanceof Error ? error.message : '')?.[1];
    throw reason !== undefined ? new CopyFailedError(`Azure's copy failed: ${reason}`) : error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  signal.throwIfAborted();
  const progress = readCopyProgress({ ...result, copyStatus: result.copyStatus ?? 'success' });
  if (progress.status !== 'success') throw new CopyFailedError(`Azure's copy ended ${progress.status}.`);
  onProgress(progress);
  await blob.setHTTPHeaders({ blobContentType: 'application/octet-stream' });
}
