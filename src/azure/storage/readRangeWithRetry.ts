// One range, delivered whole, whatever the network does. The SDK's own retries are off for range GETs: it
// treats a socket cut mid-body as an abort and gives up, and it would hide 503s from the engine's concurrency
// control. Here each attempt asks for the bytes not yet delivered (so a cut at 90 % costs 10 %), a stall
// timer aborts an attempt that stops sending, and the pure policy (core/download/rangeRetryPolicy.ts) decides
// between waiting, renewing the SAS and giving up.
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ByteRange } from '../../core/download/byteRange.ts';
import { DownloadError, isDownloadError } from '../../core/download/downloadError.ts';
import type { RangeRetryEvent } from '../../core/download/pageBlobSource.ts';
import { classifyTransferFailure, decideRangeRetry, DEFAULT_RETRY_POLICY, type RetryDecision, type RetryPolicy } from '../../core/download/rangeRetryPolicy.ts';
import { describeStorageFailure } from './describeStorageFailure.ts';
import type { SasUrlHolder } from './sasUrlHolder.ts';
import type { BearerTokenHolder } from './bearerTokenHolder.ts';

export type OpenRangeBody = (offset: number, count: number, signal: AbortSignal) => Promise<Readable>;

export interface ReadRangeWithRetryInput {
  range: ByteRange;
  receive: (chunk: Uint8Array) => Promise<void>;
  signal: AbortSignal;
  openBody: OpenRangeBody;
  sas?: Pick<SasUrlHolder, 'generation' | 'canRenew' | 'renewAfter'>;
  /** The disk token sent with each request (Entra-ID-secured disks): refreshed, not the SAS, when it is refused (401). */
  token?: Pick<BearerTokenHolder, 'generation' | 'refreshAfter'>;
  policy?: RetryPolicy;
  /** An attempt that receives nothing for this long is aborted and retried. Default 30 s. */
  stallTimeoutMs?: number;
  onRetry?: (event: RangeRetryEvent) => void;
  random?: () => number;
}

class StallError extends Error {
  constructor() {
    super('no data received within the stall timeout');
    this.name = 'StallError';
  }
}

export async function readRangeWithRetry(input: ReadRangeWithRetryInput): Promise<void> {
  const { range, signal } = input;
  const policy = input.policy ?? DEFAULT_RETRY_POLICY;
  const stallTimeoutMs = input.stallTimeoutMs ?? 30_000;
  let received = 0;
  let attemptsWithoutProgress = 0;
  let renewalsWithoutProgress = 0;
  let tokenRefreshesWithoutProgress = 0;

  while (received < range.count) {
    if (signal.aborted) throw cancelled(signal.reason);
    const before = received;
    const generation = input.sas?.generation ?? 0;
    const tokenGeneration = input.token?.generation ?? 0;
    const attempt = new AbortController();
    let stalled = false;
    let body: Readable | undefined;
    let stallTimer: NodeJS.Timeout | undefined;
    // One watchdog per attempt that looks at the time of the last chunk, instead of a timer re-armed per chunk
    // (thousands a second on a fast link). The stall clock does not run while we write: a slow disk is not a
    // stalled network.
    let lastActivity = performance.now();
    let writing = false;
    const watch = (delayMs: number) => {
      stallTimer = setTimeout(() => {
        const idle = performance.now() - lastActivity;
        if (writing || idle < stallTimeoutMs) {
          watch(writing ? stallTimeoutMs : stallTimeoutMs - idle);
          return;
        }
        stalled = true;
        attempt.abort(new StallError());
        body?.destroy(new StallError());
      }, delayMs);
    };
    try {
      watch(stallTimeoutMs);
      body = await input.openBody(range.offset + received, range.count - received, AbortSignal.any([signal, attempt.signal]));
      lastActivity = performance.now();
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        writing = true;
        await input.receive(chunk);
        writing = false;
        received += chunk.length;
        lastActivity = performance.now();
      }
      if (received < range.count) throw Object.assign(new Error('the response ended before the range did'), { code: 'prematureEnd' });
    } catch (error) {
      if (isDownloadError(error)) throw error; // from receive(): disk full and the like; retrying won't help
      body?.destroy();
      const described = describeStorageFailure(error);
      const kind = classifyTransferFailure({ ...described.facts, cancelledByCaller: signal.aborted, stalled: stalled && !signal.aborted });
      if (received > before) {
        attemptsWithoutProgress = 0;
        renewalsWithoutProgress = 0;
        tokenRefreshesWithoutProgress = 0;
      }
      attemptsWithoutProgress++;
      const decision = decideRangeRetry(
        {
          kind, attemptsWithoutProgress, sasRefreshesWithoutProgress: renewalsWithoutProgress, canRefreshSas: input.sas?.canRenew ?? false,
          canRefreshToken: input.token !== undefined, tokenRefreshesWithoutProgress, retryAfterMs: described.retryAfterMs,
        },
        policy,
        input.random,
      );
      if (decision.action === 'fail') throw failure(decision, described.message, range, signal, error);
      input.onRetry?.({
        kind, attempt: attemptsWithoutProgress, resumeAt: range.offset + received,
        delayMs: decision.action === 'retry' ? decision.delayMs : undefined, message: described.message,
      });
      if (decision.action === 'refreshToken') {
        tokenRefreshesWithoutProgress++;
        try {
          await input.token!.refreshAfter(tokenGeneration, signal);
        } catch (refreshError) {
          if (signal.aborted) throw cancelled(signal.reason);
          throw new DownloadError('tokenRefused', 'The disk refused the Microsoft Entra ID token, and a new one could not be obtained.', { cause: refreshError });
        }
      } else if (decision.action === 'refreshSas') {
        renewalsWithoutProgress++;
        try {
          await input.sas!.renewAfter(generation, signal);
        } catch (renewError) {
          if (signal.aborted) throw cancelled(signal.reason);
          throw new DownloadError('accessExpired', 'Access to the disk expired and a new SAS URL could not be obtained.', { cause: renewError });
        }
      } else {
        try {
          await sleep(decision.delayMs, undefined, { signal });
        } catch {
          throw cancelled(signal.reason);
        }
      }
    } finally {
      clearTimeout(stallTimer);
    }
  }
}

function failure(decision: Extract<RetryDecision, { action: 'fail' }>, message: string, range: ByteRange, signal: AbortSignal, cause: unknown): DownloadError {
  const where = `range ${range.offset}+${range.count}`;
  switch (decision.reason) {
    case 'cancelled':
      return cancelled(signal.reason);
    case 'tokenRefused':
      return new DownloadError('tokenRefused', `The disk refused the Microsoft Entra ID token (${message}) at ${where}.`, { cause, detail: message });
    case 'authExpired':
    case 'sasRefreshFailed':
      return new DownloadError('accessExpired', `Access to the disk was refused (${message}) at ${where}.`, { cause, detail: message });
    case 'sourceChanged':
      return new DownloadError('sourceChanged', `The disk changed while it was being downloaded (${message}).`, { cause, detail: message });
    case 'tooManyAttempts':
      return new DownloadError('transferFailed', `Gave up on ${where} after repeated failures; last: ${message}.`, { cause, detail: message });
    default:
      return new DownloadError('transferFailed', `Reading ${where} failed: ${message}.`, { cause, detail: message });
  }
}

function cancelled(cause: unknown): DownloadError {
  return new DownloadError('cancelled', 'The download was cancelled.', { cause });
}
