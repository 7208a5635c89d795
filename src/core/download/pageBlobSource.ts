// What the engine needs from a page blob, so it can run against the real service (src/azure/storage) or a
// fake in tests without knowing about SDKs, SAS renewal or HTTP.
import type { ByteRange } from './byteRange.ts';
import type { TransferFailureKind } from './rangeRetryPolicy.ts';

export interface PageBlobProperties {
  size: number;
  etag?: string;
}

export interface RangeRetryEvent {
  kind: TransferFailureKind;
  /** 1-based count of failures in a row without progress. */
  attempt: number;
  /** Absolute offset the next attempt starts from (the first byte not yet received). */
  resumeAt: number;
  delayMs?: number;
  /** Safe to log: no SAS, no token. */
  message: string;
}

export interface ReadRangeOptions {
  signal: AbortSignal;
  /** Called before each retry so the engine can adapt concurrency and count retries. */
  onRetry?: (event: RangeRetryEvent) => void;
}

export interface PageBlobSource {
  /** Identifies the blob without secrets (scheme, host, path): goes into the journal and the manifest. */
  readonly sourceId: string;
  getProperties(signal: AbortSignal): Promise<PageBlobProperties>;
  /** Written ranges, sorted or not, with exclusive ends expressed as counts. */
  listPageRanges(signal: AbortSignal): Promise<ByteRange[]>;
  /**
   * Delivers every byte of `range` exactly once, in order, to `receive`, waiting for each call to settle before
   * the next. Retries on its own, resuming after the last delivered byte; rejects with a DownloadError.
   */
  readRange(range: ByteRange, receive: (chunk: Uint8Array) => Promise<void>, options: ReadRangeOptions): Promise<void>;
  /** Replaces the link before it expires (when the source can get new ones); requests continue on the new one. */
  renewAccess?(signal: AbortSignal): Promise<void>;
}
