// A failed file operation of the engine as the error the user can act on: a full disk (or quota) says so and how
// to go on (free space, run again to resume), anything else names the operation. Used for the range writes and
// for the last steps (fsync, manifest, rename), where a full disk used to surface as a raw ENOSPC.
import { DownloadError, isDownloadError } from './downloadError.ts';

export function fileSystemError(error: unknown, what: string): DownloadError {
  if (isDownloadError(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DownloadError('diskFull', 'The disk holding the download is full.', { cause: error, detail: code });
  }
  return new DownloadError('fileSystem', `${what} failed (${code ?? 'unknown error'}).`, { cause: error, detail: code });
}
