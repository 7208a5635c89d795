import { randomUUID } from 'node:crypto';
import type { VirtualMachineExtension } from '@azure/arm-compute';
import { buildAdeExtensionSettings, type AdeExtensionSettings, type AdeSettingsInput } from '../../core/encryption/buildAdeExtensionSettings.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { putAdeExtension, type LroOptions } from './adeExtensionOperations.ts';

// One ADE operation (enable, EncryptFormatAll, disable) = the core's settings with a fresh SequenceVersion, sent as
// the extension PUT. Settings the core refuses never reach Azure: they come back as AdeSettingsError, whose
// `problems` are the core's English templates for the shell to translate.

export class AdeSettingsError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join(' '));
    this.name = 'AdeSettingsError';
    this.problems = problems;
  }
}

export type AppliedAdeOperation = {
  readonly settings: AdeExtensionSettings;
  readonly extension: VirtualMachineExtension;
};

export async function applyAdeOperation(
  session: SubscriptionSession,
  vm: { readonly id: string; readonly location: string },
  input: Omit<AdeSettingsInput, 'location'>,
  options: LroOptions & { readonly newSequenceVersion?: () => string } = {},
): Promise<AppliedAdeOperation> {
  const built = buildAdeExtensionSettings({ ...input, location: vm.location }, options.newSequenceVersion ?? randomUUID);
  if (!built.ok) throw new AdeSettingsError(built.errors);
  const extension = await putAdeExtension(session, vm.id, built.extension, options);
  return { settings: built.extension.settings, extension };
}
