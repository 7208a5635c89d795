import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';
import { checkDisableEncryption } from '../volumeTypeRules.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001: on Linux, disabling is supported for data volumes only, and not at all once the OS volume is
// encrypted (it is when the original operation used All or OS).
export const DISABLE_NOT_SUPPORTED_RULE = 'ade.disable-not-supported';

export const DISABLE_NOT_SUPPORTED_MESSAGES = {
  refused: {
    message: localizable('Encryption cannot be disabled on this VM.'),
    // why: the VOLUME_TYPE_REASONS constant that refused it.
    fix: localizable('Keep the VM encrypted. To stop using ADE, plan a migration (for example to a new VM with encryption at host) instead.'),
  },
  unknownState: {
    message: localizable('The current encryption state is unknown, so it cannot be checked that the OS volume is not encrypted.'),
    why: localizable('Disabling is refused when the OS volume is encrypted; the instance view must be read first.'),
    fix: localizable('Refresh the encryption status, then try again.'),
  },
} as const;

export function findDisableNotSupported(context: EncryptionPreflightContext): Finding[] {
  if (context.request.operation !== 'Disable') return [];
  if (!context.status) {
    return [finding(DISABLE_NOT_SUPPORTED_RULE, 'error', DISABLE_NOT_SUPPORTED_MESSAGES.unknownState, { path: 'status' })];
  }
  const decision = checkDisableEncryption({
    ...(context.request.volumeType ? { requestedVolumeType: context.request.volumeType } : {}),
    status: context.status,
  });
  if (decision.allowed) return [];
  return [finding(DISABLE_NOT_SUPPORTED_RULE, 'error', { ...DISABLE_NOT_SUPPORTED_MESSAGES.refused, why: decision.reason }, {
    path: 'request.volumeType',
  })];
}
