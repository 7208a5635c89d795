/**
 * A Recovery Services operation or job that ended Failed. Carries the service's code so runCommand shows
 * "code: message" as one sentence, like an ARM error.
 */
export class BackupOperationError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'BackupOperationError';
    this.code = code;
  }
}

/** Resolves after `ms`, or rejects with an AbortError as soon as the signal aborts (the user cancelled). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(): Error {
  const error = new Error('The operation was cancelled.');
  error.name = 'AbortError';
  return error;
}
