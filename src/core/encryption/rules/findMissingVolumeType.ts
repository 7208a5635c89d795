import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { hasDataDisks } from '../vmDisks.ts';
import { localizable } from '../../l10n/Translate.ts';

// The CLI refuses to guess for a Linux VM with data disks ("VM has data disks, please supply --volume-type"):
// encrypting the OS volume makes later disable impossible, so the choice must be the user's.
export const VOLUME_TYPE_REQUIRED_RULE = 'ade.volume-type-required';

export const VOLUME_TYPE_REQUIRED_MESSAGES = {
  message: localizable('The VM has data disks, so the volume type (All, OS or Data) must be chosen explicitly.'),
  why: localizable('With data disks, the volume type decides what is encrypted. Once the OS volume is encrypted, encryption can no longer be disabled on Linux, so this is not defaulted.'),
  fix: localizable('Choose All (OS and data), OS, or Data.'),
} as const;

export function findMissingVolumeType(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  if (context.request.volumeType || !hasDataDisks(context.vm)) return [];
  return [finding(VOLUME_TYPE_REQUIRED_RULE, 'error', VOLUME_TYPE_REQUIRED_MESSAGES, { path: 'request.volumeType' })];
}
