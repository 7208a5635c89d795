// The download engine's errors (DownloadError codes) as one sentence a person can act on. The engine's own
// messages are English diagnostics for the log; these are what the user reads.
import { isDownloadError } from '../download/downloadError.ts';
import type { Translate } from '../l10n/Translate.ts';
import { isExportInProgressError } from './exportLocks.ts';

/** undefined when the error is not the engine's (ARM errors are described by describeAzureError). */
export function describeExportFailure(error: unknown, fileName: string, t: Translate): string | undefined {
  if (isExportInProgressError(error)) {
    return error.claim.kind === 'file'
      ? t('Another export in this window ({0}) is writing {1}. Wait for it to finish or cancel it, or choose another folder.', error.heldBy, error.claim.label)
      // The export's title is the disk's name when it exports that disk alone: then it is not said twice.
      : error.heldBy === error.claim.label
        ? t('{0} is already being exported in this window. Wait for that export to finish or cancel it first: a second export would share its download link, and the first one\'s revoke would cut it off.', error.claim.label)
        : t('{0} is already being exported in this window ({1}). Wait for that export to finish or cancel it first: a second export would share its download link, and the first one\'s revoke would cut it off.', error.claim.label, error.heldBy);
  }
  if (!isDownloadError(error)) return undefined;
  switch (error.code) {
    case 'cancelled':
      return t('The export of {0} was cancelled. The partial file stays so that the next export resumes it.', fileName);
    case 'destinationExists':
      return t('{0} already exists.', fileName);
    case 'sourceChanged':
      return t('The disk changed while {0} was downloading. Export it again.', fileName);
    case 'accessExpired':
      return t('Azure refused the download link of {0} (expired or revoked), and a new one was refused too.', fileName);
    case 'tokenRefused':
      return t('Azure refused your Microsoft Entra ID sign-in for {0} (expired or not accepted), and a fresh token was refused too. Sign in again, then export again to resume.', fileName);
    case 'transferFailed':
      return t('Downloading {0} failed after several retries. Export again to resume where it stopped.', fileName);
    case 'verificationFailed':
      return t('{0} did not verify: bytes on disk differ from what was received. Check the drive and export again.', fileName);
    case 'vhdFooterInvalid':
      return t('{0} is not a valid VHD (its footer is wrong), so it was not saved under its final name.', fileName);
    case 'diskFull':
      return t('There is not enough space for {0}. Free some space and export again to resume.', fileName);
    case 'fileSystem':
      return t('{0} could not be written. Check the folder and its permissions.', fileName);
  }
}
