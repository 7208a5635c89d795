import { renderFindingText, type FindingParams } from '../../core/encryption/finding.ts';
import type { VolumeEncryptionState } from '../../core/encryption/parseEncryptionStatus.ts';
import type { Translate } from '../../core/l10n/Translate.ts';
import { describeVolumeState } from '../../core/resources/presentEncryptionState.ts';

// The encryption core returns English templates with named placeholders (`{diskName}`): the template is the
// translation key, and the placeholders are filled after translating so translators keep them in place.
export function translateCoreText(t: Translate, template: string, params?: FindingParams): string {
  return renderFindingText(t(template), params);
}

const VOLUME_STATES = new Set(['Encrypted', 'NotEncrypted', 'EncryptionInProgress', 'DecryptionInProgress', 'VMRestartPending', 'NotMounted', 'Unknown']);

/** Like translateCoreText, with the `{os}` / `{data}` volume states in words ("Not mounted", not "NotMounted"). */
export function translateStatusText(t: Translate, template: string, params?: FindingParams): string {
  if (!params) return translateCoreText(t, template);
  const readable = Object.fromEntries(Object.entries(params).map(([key, value]) =>
    [key, (key === 'os' || key === 'data') && VOLUME_STATES.has(String(value)) ? describeVolumeState(value as VolumeEncryptionState, t) : value]));
  return translateCoreText(t, template, readable);
}
