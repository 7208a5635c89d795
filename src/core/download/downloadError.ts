// One error type for everything the download engine reports, with a code the shell maps to a translated message
// and an action (retry, re-grant, free space…). Messages never contain a SAS or token: callers pass text
// through redactSecrets first.

export type DownloadErrorCode =
  | 'cancelled'
  | 'destinationExists'
  | 'sourceChanged' // the blob changed (ETag) while we read it
  | 'accessExpired' // 403 and no fresh SAS (or the fresh one failed too)
  | 'tokenRefused' // 401: the disk's Microsoft Entra ID token was refused, and a fresh one too (or none was sent)
  | 'transferFailed' // retries exhausted, or an error retrying cannot fix
  | 'verificationFailed' // bytes on disk differ from what was received, even after re-fetching
  | 'vhdFooterInvalid'
  | 'diskFull'
  | 'fileSystem';

export class DownloadError extends Error {
  readonly code: DownloadErrorCode;
  /** HTTP status or x-ms-error-code of the last failure, when there was one. */
  readonly detail?: string;

  constructor(code: DownloadErrorCode, message: string, options: { cause?: unknown; detail?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DownloadError';
    this.code = code;
    this.detail = options.detail;
  }
}

export function isDownloadError(error: unknown): error is DownloadError {
  return error instanceof DownloadError;
}
