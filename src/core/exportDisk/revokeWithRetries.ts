// The two rules every export (to a file or to a storage account) follows around its grant: revoke after a grant
// unless Azure surely granted nothing, and revoke with a few attempts, since a revoke that fails leaves the disk
// readable by anyone holding the link until it expires.

/**
 * A grant that failed with a refusal (4xx, except timeouts and throttling) surely opened nothing, and revoking
 * then could end someone else's download of the disk. Any other failure (cancelled, 5xx, network) may have
 * completed in Azure: revoke.
 */
export function isGrantRefusal(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export interface RevokeRetryOptions {
  /** Waits between attempts; default 1 s then 5 s (three attempts). */
  readonly delaysMs?: readonly number[];
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Tries `revoke` until it succeeds or the attempts run out; returns the last error, or undefined when revoked. */
export async function revokeWithRetries(revoke: () => Promise<void>, options: RevokeRetryOptions = {}): Promise<{ error: unknown } | undefined> {
  const delays = options.delaysMs ?? [1000, 5000];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let lastError: unknown;
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    try {
      await revoke();
      return undefined;
    } catch (error) {
      lastError = error;
      if (attempt < delays.length) await sleep(delays[attempt]);
    }
  }
  return { error: lastError };
}
