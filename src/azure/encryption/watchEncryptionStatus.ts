import type { AdeEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';

// Follows an ADE run to its end by reading the instance view again and again, the way people poll
// `az vm encryption show`. It stops when the run needs the user (restart pending), is done, or failed. The first
// reads come quickly (a stand-in or a small data volume finishes in seconds); later ones back off to the interval
// the core suggests for the phase, so an OS volume that takes hours is read about once a minute.

export type WatchOutcome = {
  readonly status: AdeEncryptionStatus;
  /** `needsRestart`: VMRestartPending; `finished`: nothing more to wait for; `failed`: the extension failed. */
  readonly reason: 'needsRestart' | 'finished' | 'failed';
};

export type WatchOptions = {
  readonly read: () => Promise<AdeEncryptionStatus>;
  readonly onStatus: (status: AdeEncryptionStatus) => void;
  readonly signal?: AbortSignal;
  /** First wait in ms (default 2000); doubles until the phase's `pollAfterSeconds`. */
  readonly firstDelayMs?: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export async function watchEncryptionStatus(options: WatchOptions): Promise<WatchOutcome> {
  const sleep = options.sleep ?? abortableSleep;
  let delay = options.firstDelayMs ?? 2000;
  for (;;) {
    options.signal?.throwIfAborted();
    const status = await options.read();
    options.onStatus(status);
    if (status.phase === 'RestartPending') return { status, reason: 'needsRestart' };
    if (status.phase === 'Failed') return { status, reason: 'failed' };
    if (status.next.kind !== 'wait') return { status, reason: 'finished' };
    const ceiling = (status.next.pollAfterSeconds ?? 30) * 1000;
    await sleep(Math.min(delay, ceiling), options.signal);
    delay = Math.min(delay * 2, ceiling);
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal?.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
