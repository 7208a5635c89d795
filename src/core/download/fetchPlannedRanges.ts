// Fetches planned requests in parallel into the partial file, with the number in flight steered by
// adaptiveConcurrency. The first failure stops the rest (they are aborted, their completed neighbours stay
// journaled) and is what the caller sees.
import type { FileHandle } from 'node:fs/promises';
import { createConcurrencyState, nextConcurrency, type ConcurrencyOptions, type ConcurrencyState } from './adaptiveConcurrency.ts';
import { redactSecrets } from '../redact.ts';
import { DownloadError, isDownloadError } from './downloadError.ts';
import type { JournalAppender } from './journalFile.ts';
import type { PageBlobSource, RangeRetryEvent } from './pageBlobSource.ts';
import type { PlannedRangeRequest } from './planPageRangeDownload.ts';
import { RangeFileWriter } from './rangeFileWriter.ts';
import { StageBufferPool } from './stageBufferPool.ts';

export interface FetchPlannedRangesInput {
  source: PageBlobSource;
  file: FileHandle;
  requests: readonly PlannedRangeRequest[];
  journal?: JournalAppender;
  signal: AbortSignal;
  concurrency?: ConcurrencyOptions;
  /** How often throughput is measured to steer concurrency. */
  windowMs?: number;
  writeZeroBlocks?: boolean;
  now?: () => number;
  onBytes?: (count: number) => void;
  onRetry?: (event: RangeRetryEvent) => void;
  onInFlight?: (count: number) => void;
  onConcurrency?: (state: ConcurrencyState) => void;
  /** A range is in the file (written, hashed, journaled): the engine re-reads it in the background to verify. */
  onRangeDone?: (request: PlannedRangeRequest, sha256: string, bytesWritten: number, crc32: number) => void;
}

export interface FetchPlannedRangesResult {
  hashesByIndex: Map<number, string>;
  bytesWritten: number;
  /** The highest number of requests in flight: shows what the adaptive limit settled on. */
  peakInFlight: number;
}

export function fetchPlannedRanges(input: FetchPlannedRangesInput): Promise<FetchPlannedRangesResult> {
  const now = input.now ?? (() => performance.now());
  const windowMs = input.windowMs ?? 1000;
  const queue = [...input.requests];
  const hashesByIndex = new Map<number, string>();
  const stopOthers = new AbortController();
  const signal = AbortSignal.any([input.signal, stopOthers.signal]);
  let state = createConcurrencyState(input.concurrency);
  let inFlight = 0;
  let peakInFlight = 0;
  let bytesWritten = 0;
  let windowBytes = 0;
  let windowStart = now();
  let firstError: unknown;

  const pool = new StageBufferPool();
  // The window right after a change mixes the old and the new limit: it is skipped, not judged.
  let skipNextWindow = false;
  let pump = () => {};
  const observe = (observation: Parameters<typeof nextConcurrency>[1]) => {
    const next = nextConcurrency(state, observation);
    if (next !== state) {
      const rose = next.limit > state.limit;
      if (next.limit !== state.limit) skipNextWindow = true;
      state = next;
      input.onConcurrency?.(state);
      // More slots now: fill them at once rather than when some request happens to finish.
      if (rose) pump();
    }
  };

  return new Promise((resolve, reject) => {
    // Measure throughput per window, but only while the queue could fill every slot: when the tail of the
    // download runs with few requests left, lower throughput says nothing about the right concurrency.
    const timer = setInterval(() => {
      const at = now();
      const elapsed = at - windowStart;
      if (skipNextWindow) skipNextWindow = false;
      else if (queue.length > 0 && elapsed > 0) observe({ type: 'window', bytesPerSecond: (windowBytes * 1000) / elapsed });
      windowBytes = 0;
      windowStart = at;
    }, windowMs);

    const finish = () => {
      clearInterval(timer);
      if (firstError !== undefined) reject(firstError);
      else resolve({ hashesByIndex, bytesWritten, peakInFlight });
    };

    pump = () => {
      if (firstError === undefined) {
        while (inFlight < state.limit && queue.length > 0) void run(queue.shift()!);
      }
      if (inFlight === 0 && (queue.length === 0 || firstError !== undefined)) finish();
    };

    const run = async (request: PlannedRangeRequest) => {
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      input.onInFlight?.(inFlight);
      const writer = new RangeFileWriter(input.file, request, { writeZeroBlocks: input.writeZeroBlocks, pool });
      try {
        await input.source.readRange(
          request,
          async (chunk) => {
            await writer.receive(chunk);
            windowBytes += chunk.length;
            input.onBytes?.(chunk.length);
          },
          {
            signal,
            onRetry: (event) => {
              if (event.kind === 'throttled') observe({ type: 'throttled', atMs: now() });
              else if (event.kind === 'connection' || event.kind === 'stalled') observe({ type: 'connectionFailed' });
              input.onRetry?.(event);
            },
          },
        );
        const sha256 = await writer.finish();
        bytesWritten += writer.bytesWritten;
        hashesByIndex.set(request.index, sha256);
        input.journal?.add({ offset: request.offset, count: request.count, sha256 });
        input.onRangeDone?.(request, sha256, writer.bytesWritten, writer.crc32);
      } catch (error) {
        writer.release();
        if (firstError === undefined) {
          firstError = input.signal.aborted ? new DownloadError('cancelled', 'The download was cancelled.', { cause: error }) : asDownloadError(error);
          stopOthers.abort();
        }
      } finally {
        inFlight--;
        input.onInFlight?.(inFlight);
        pump();
      }
    };

    pump();
  });
}

function asDownloadError(error: unknown): DownloadError {
  if (isDownloadError(error)) return error;
  return new DownloadError('transferFailed', `A range request failed: ${redactSecrets((error as Error)?.message ?? String(error))}`, { cause: error });
}
