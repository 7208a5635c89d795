import type { AdeEncryptionStatus } from './parseEncryptionStatus.ts';
import { VOLUME_TYPE_REASONS } from './volumeTypeRules.ts';
import { localizable } from '../l10n/Translate.ts';

export const DISABLE_IN_PLACE = localizable('The data volumes are decrypted in place (volume type Data). The VM may restart. The extension stays installed; you can remove it when decryption is done.');

/**
 * The paragraphs of the disable confirmation (English templates). Article 001: disabling after the extension was
 * removed installs it again to decrypt, and it then has to be removed once more: said first when that is the case.
 */
export function disableConfirmationText(status: Pick<AdeEncryptionStatus, 'extension'>): string[] {
  return status.extension.present ? [DISABLE_IN_PLACE] : [VOLUME_TYPE_REASONS.disableReinstallsExtension, DISABLE_IN_PLACE];
}
